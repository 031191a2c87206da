import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronNativeTag, resolveNativeBinding } from '../../../electron/main/store/native-binding'

const base = {
  platform: 'linux',
  arch: 'x64',
  appPath: '/home/me/switchboard',
  resourcesPath: '/opt/Switchboard/resources',
}

describe('resolveNativeBinding', () => {
  it('uses the default Node build under plain Node', () => {
    expect(
      resolveNativeBinding({ ...base, electronVersion: undefined, isPackaged: false, exists: () => true }),
    ).toEqual({
      kind: 'node-default',
    })
  })

  it('finds the Electron build prepared in development', () => {
    const expected = join(base.appPath, '.electron-native', 'electron-v45.5.0-linux-x64', 'better_sqlite3.node')
    const result = resolveNativeBinding({
      ...base,
      electronVersion: '45.5.0',
      isPackaged: false,
      exists: (p) => p === expected,
    })
    expect(result).toEqual({ kind: 'electron', path: expected })
  })

  it('uses resources/native in a packaged app', () => {
    const expected = join(base.resourcesPath, 'native', 'better_sqlite3.node')
    expect(
      resolveNativeBinding({ ...base, electronVersion: '45.5.0', isPackaged: true, exists: (p) => p === expected }),
    ).toEqual({ kind: 'electron', path: expected })
  })

  it('reports a missing build with a fix instead of loading the Node build into Electron', () => {
    const result = resolveNativeBinding({ ...base, electronVersion: '45.5.0', isPackaged: false, exists: () => false })
    expect(result.kind).toBe('missing')
    if (result.kind === 'missing') expect(result.hint).toMatch(/prepare:electron/)
  })

  it('names folders per Electron version, platform and arch', () => {
    expect(electronNativeTag('45.5.0', 'darwin', 'arm64')).toBe('electron-v45.5.0-darwin-arm64')
  })
})
