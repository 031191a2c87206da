import { join } from 'node:path'

/**
 * Where the Electron-ABI build of better-sqlite3 lives.
 *
 * `node_modules/better-sqlite3` always keeps the **Node** build, which the tests, the CLI and
 * the browser shell use. `npm start` (scripts/prepare-electron.mjs) compiles a second copy
 * for Electron's ABI into `.electron-native/<tag>/better_sqlite3.node`, and packaging copies
 * it to `resources/native/`. The main process passes that path as better-sqlite3's
 * `nativeBinding`, so nothing is ever rebuilt in place and `npm test` keeps working.
 */
export interface NativeBindingInput {
  /** `process.versions.electron`, undefined under plain Node. */
  electronVersion: string | undefined
  platform: string
  arch: string
  isPackaged: boolean
  /** Project root in development (app.getAppPath()). */
  appPath: string
  /** `process.resourcesPath` in a packaged app. */
  resourcesPath: string
  exists(path: string): boolean
}

export type NativeBindingResolution =
  { kind: 'node-default' } | { kind: 'electron'; path: string } | { kind: 'missing'; expected: string; hint: string }

export const NATIVE_DIR = '.electron-native'
export const BINDING_FILE = 'better_sqlite3.node'

/** The folder name for one Electron version and platform, shared with the prepare script. */
export function electronNativeTag(electronVersion: string, platform: string, arch: string): string {
  return `electron-v${electronVersion}-${platform}-${arch}`
}

export function resolveNativeBinding(input: NativeBindingInput): NativeBindingResolution {
  if (!input.electronVersion) return { kind: 'node-default' }
  const expected = input.isPackaged
    ? join(input.resourcesPath, 'native', BINDING_FILE)
    : join(
        input.appPath,
        NATIVE_DIR,
        electronNativeTag(input.electronVersion, input.platform, input.arch),
        BINDING_FILE,
      )
  if (input.exists(expected)) return { kind: 'electron', path: expected }
  return {
    kind: 'missing',
    expected,
    hint: input.isPackaged
      ? 'The package is missing its SQLite module; reinstall Switchboard.'
      : 'Run `npm run prepare:electron` (npm start does it) to build SQLite for Electron.',
  }
}
