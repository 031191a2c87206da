import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  iconsDir,
  RUNTIME_ICON_FILES,
  trayIconPath,
  windowIconPath,
  type IconLocation,
} from '../../../electron/main/shell/icons'

const root = resolve(__dirname, '../../..')
const dev = (platform: string): IconLocation => ({
  isPackaged: false,
  appPath: '/home/me/switchboard',
  resourcesPath: '/unused',
  platform,
})
const packaged = (platform: string): IconLocation => ({
  isPackaged: true,
  appPath: '/opt/Switchboard/resources/app.asar',
  resourcesPath: '/opt/Switchboard/resources',
  platform,
})

describe('icon paths', () => {
  it('reads resources/icons in development and <resources>/icons when packaged', () => {
    expect(iconsDir(dev('linux'))).toBe(join('/home/me/switchboard', 'resources', 'icons'))
    expect(iconsDir(packaged('linux'))).toBe(join('/opt/Switchboard/resources', 'icons'))
  })

  it('gives the window a PNG on Linux, an ICO on Windows and nothing on macOS', () => {
    expect(windowIconPath(packaged('linux'))).toBe(join('/opt/Switchboard/resources/icons', 'png/512x512.png'))
    expect(windowIconPath(packaged('win32'))).toBe(join('/opt/Switchboard/resources/icons', 'icon.ico'))
    expect(windowIconPath(packaged('darwin'))).toBeUndefined()
  })

  it('uses the template image in the macOS menu bar and the colour icon elsewhere', () => {
    expect(trayIconPath(dev('darwin'))).toBe(join('/home/me/switchboard/resources/icons', 'tray/trayTemplate.png'))
    expect(trayIconPath(dev('darwin')).endsWith('Template.png')).toBe(true)
    expect(trayIconPath(dev('linux'))).toBe(join('/home/me/switchboard/resources/icons', 'tray/tray.png'))
    expect(trayIconPath(dev('win32'))).toBe(join('/home/me/switchboard/resources/icons', 'tray/tray.png'))
  })

  it('points at files that exist in the repository', () => {
    const loc = { ...dev('linux'), appPath: root }
    for (const file of Object.values(RUNTIME_ICON_FILES)) expect(existsSync(join(iconsDir(loc), file)), file).toBe(true)
    for (const platform of ['linux', 'win32', 'darwin']) {
      expect(existsSync(trayIconPath({ ...loc, platform }))).toBe(true)
      const win = windowIconPath({ ...loc, platform })
      if (win) expect(existsSync(win)).toBe(true)
    }
  })
})
