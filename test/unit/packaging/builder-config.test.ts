import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { BINDING_FILE, resolveNativeBinding } from '../../../electron/main/store/native-binding'
import { RUNTIME_ICON_FILES } from '../../../electron/main/shell/icons'

const root = resolve(__dirname, '../../..')
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8')
const config = parse(text) as Record<string, unknown>

/** A nested value of the parsed YAML, as a plain object/array/scalar. */
function at(...path: string[]): unknown {
  let value: unknown = config
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key]
  return value
}

/** Every fuse name @electron/fuses knows, in electron-builder's spelling (RunAsNode -> runAsNode). */
const fuseKeys = Object.keys(FuseV1Options)
  .filter((k) => Number.isNaN(Number(k)))
  .map((k) => k[0]!.toLowerCase() + k.slice(1))

describe('electron-builder.yml', () => {
  it('is valid for electron-builder (its own schema: a misspelt option fails here)', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined()
    await expect(
      validateConfiguration({ ...structuredClone(config), nsis: { perUser: true } as object }, new DebugLogger(false)),
    ).rejects.toThrow(/nsis/)
  })

  it('names the app and registers nothing with the OS', () => {
    expect(at('appId')).toBe('com.switchboard.desktop')
    expect(at('productName')).toBe('Switchboard')
    expect(at('fileAssociations')).toEqual([])
    expect(at('protocols')).toEqual([])
    expect(at('publish')).toBeNull()
  })

  it('builds an AppImage and a deb that depends on libsecret, in the Office category', () => {
    expect(at('linux', 'target')).toEqual(['AppImage', 'deb'])
    expect(at('linux', 'category')).toBe('Office')
    expect(at('deb', 'depends')).toContain('libsecret-1-0')
    // Electron's own runtime libraries stay listed (setting depends replaces the defaults).
    expect(at('deb', 'depends')).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libxss1', 'xdg-utils']))
  })

  it('builds a dmg with the hardened runtime, our entitlements and the notarize hook', () => {
    expect(at('mac', 'target')).toEqual(['dmg'])
    expect(at('mac', 'category')).toBe('public.app-category.business')
    expect(at('mac', 'hardenedRuntime')).toBe(true)
    expect(at('mac', 'notarize')).toBe(false)
    const entitlements = readFileSync(join(root, String(at('mac', 'entitlements'))), 'utf8')
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>')
    // Library validation stays on: macOS then loads only .node files signed by our Team ID.
    expect(entitlements).not.toMatch(/<key>com\.apple\.security\.cs\.disable-library-validation<\/key>/)
    expect(at('mac', 'entitlementsInherit')).toBe(at('mac', 'entitlements'))
    expect(existsSync(join(root, String(at('afterSign'))))).toBe(true)
  })

  it('builds a per-user NSIS installer that never asks for administrator rights', () => {
    expect(at('win', 'target')).toEqual(['nsis'])
    expect(at('nsis', 'oneClick')).toBe(true)
    expect(at('nsis', 'perMachine')).toBe(false)
    expect(at('nsis', 'allowElevation')).toBe(false)
    expect(at('nsis', 'deleteAppDataOnUninstall')).toBe(false)
  })

  it('points every platform at the generated icons', () => {
    const pngDir = join(root, String(at('linux', 'icon')))
    expect(readdirSync(pngDir)).toEqual(
      expect.arrayContaining(['16x16.png', '256x256.png', '512x512.png', '1024x1024.png']),
    )
    expect(existsSync(join(root, String(at('mac', 'icon'))))).toBe(true)
    expect(String(at('mac', 'icon'))).toMatch(/\.icns$/)
    expect(existsSync(join(root, String(at('win', 'icon'))))).toBe(true)
    expect(String(at('win', 'icon'))).toMatch(/\.ico$/)
  })

  it('states every fuse explicitly, each with a comment, with the intended values', () => {
    const fuses = at('electronFuses') as Record<string, unknown>
    expect(fuseKeys).toHaveLength(8)
    expect(Object.keys(fuses).sort()).toEqual([...fuseKeys].sort())
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
    // Each fuse line comes right after a comment explaining it.
    const lines = text.split('\n')
    for (const key of fuseKeys) {
      const index = lines.findIndex((l) => l.startsWith(`  ${key}:`))
      expect(index, key).toBeGreaterThan(0)
      expect(lines[index - 1], `comment above ${key}`).toMatch(/^ {2}# \S.{20,}/)
    }
  })

  it('ships the Electron-ABI SQLite where the packaged app looks for it', () => {
    const extra = at('extraResources') as { from: string; to: string; filter: string[] }[]
    const native = extra.find((e) => e.filter.includes(BINDING_FILE))
    expect(native?.from).toBe('.electron-native/${env.SWITCHBOARD_NATIVE_TAG}/')
    const resourcesPath = '/opt/Switchboard/resources'
    const shipped = join(resourcesPath, native!.to, BINDING_FILE)
    expect(
      resolveNativeBinding({
        electronVersion: '45.5.0',
        platform: 'linux',
        arch: 'x64',
        isPackaged: true,
        appPath: join(resourcesPath, 'app.asar'),
        resourcesPath,
        exists: (p) => p === shipped,
      }),
    ).toEqual({ kind: 'electron', path: shipped })
    expect(at('npmRebuild')).toBe(false)
    expect(at('asarUnpack')).toEqual(['**/*.node'])
  })

  it('copies the runtime icons the window and tray use', () => {
    const extra = at('extraResources') as { from: string; to: string; filter: string[] }[]
    const icons = extra.find((e) => e.to === 'icons/')
    expect(icons?.from).toBe('resources/icons/')
    const filter = icons!.filter
    for (const file of Object.values(RUNTIME_ICON_FILES)) {
      const covered = filter.some((f) => f === file || (f.endsWith('/*.png') && file.startsWith(f.slice(0, -5))))
      expect(covered, file).toBe(true)
    }
  })
})
