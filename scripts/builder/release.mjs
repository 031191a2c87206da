// @ts-check
/**
 * Pure decisions behind `npm run dist` (scripts/dist.mjs) and the electron-builder hooks, kept
 * free of side effects so they are unit-tested (test/unit/packaging/release.test.ts).
 */
import { join } from 'node:path'

/** @typedef {'linux' | 'darwin' | 'win32'} BuildPlatform */

const PLATFORM_FLAGS = /** @type {const} */ ({
  '--linux': 'linux',
  '-l': 'linux',
  '--mac': 'darwin',
  '--macos': 'darwin',
  '-m': 'darwin',
  '-o': 'darwin',
  '--win': 'win32',
  '--windows': 'win32',
  '-w': 'win32',
})
const ARCH_FLAGS = ['--x64', '--arm64', '--ia32', '--armv7l', '--universal']

/** The folder name of one Electron-ABI native build (shared with electron/main/store/native-binding.ts). */
export function electronNativeTag(
  /** @type {string} */ electronVersion,
  /** @type {string} */ platform,
  /** @type {string} */ arch,
) {
  return `electron-v${electronVersion}-${platform}-${arch}`
}

/**
 * Checks the `npm run dist -- …` arguments against the machine: the native modules
 * (better-sqlite3 for Electron, keytar) are compiled for the host, so a package for another OS or
 * CPU would carry binaries that cannot load. Adds the host architecture flag so electron-builder
 * never guesses.
 * @param {string[]} args
 * @param {{ platform: string, arch: string }} host
 * @returns {{ ok: true, platform: BuildPlatform, arch: string, args: string[] } | { ok: false, error: string }}
 */
export function planTargets(args, host) {
  const platforms = new Set(
    args.filter((a) => a in PLATFORM_FLAGS).map((a) => PLATFORM_FLAGS[/** @type {keyof typeof PLATFORM_FLAGS} */ (a)]),
  )
  if (platforms.size > 1) return { ok: false, error: 'Build one platform at a time (on that platform).' }
  const platform = platforms.size === 1 ? [...platforms][0] : host.platform
  if (platform !== 'linux' && platform !== 'darwin' && platform !== 'win32') {
    return { ok: false, error: `Packaging is not supported on ${host.platform}.` }
  }
  if (platform !== host.platform) {
    return {
      ok: false,
      error:
        `Cannot package for ${platform} on ${host.platform}: the native modules (SQLite, keychain) are ` +
        `compiled for this machine. Run \`npm run dist\` on ${platform}.`,
    }
  }
  const arches = args.filter((a) => ARCH_FLAGS.includes(a)).map((a) => a.slice(2))
  if (arches.some((a) => a !== host.arch)) {
    return {
      ok: false,
      error:
        `Cannot package for ${arches.join(', ')} on ${host.arch}: the native modules are compiled for ` +
        `${host.arch}. Build each architecture on a machine (or CI runner) of that architecture.`,
    }
  }
  const out = arches.length > 0 ? [...args] : [...args, `--${host.arch}`]
  return { ok: true, platform, arch: host.arch, args: out }
}

/**
 * Which unpacked Electron electron-builder should use, so packaging works offline: an explicit
 * ELECTRON_OVERRIDE_DIST_PATH (Electron's own variable, also read by `electron` and the smoke
 * test), else the binary `npx install-electron` put in node_modules/electron/dist. Without either,
 * electron-builder downloads the Electron zip (network to github.com).
 * @param {{ env: Record<string, string | undefined>, electronPackageDir: string, platform: string, exists: (p: string) => boolean }} input
 * @returns {{ dir: string, source: 'env' | 'node_modules' } | null}
 */
export function electronDistFor(input) {
  const explicit = input.env.ELECTRON_OVERRIDE_DIST_PATH
  if (explicit) return { dir: explicit, source: 'env' }
  const dir = join(input.electronPackageDir, 'dist')
  return input.exists(join(dir, electronExecutable(input.platform))) ? { dir, source: 'node_modules' } : null
}

/** The Electron executable inside an unpacked Electron folder. */
export function electronExecutable(/** @type {string} */ platform) {
  if (platform === 'darwin') return join('Electron.app', 'Contents', 'MacOS', 'Electron')
  return platform === 'win32' ? 'electron.exe' : 'electron'
}

/**
 * What will happen about code signing, as lines for the console (electron-builder reads the
 * same variables itself; this only makes the outcome visible before a long build).
 * @param {BuildPlatform} platform
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function signingSummary(platform, env) {
  if (platform === 'linux')
    return ['signing: AppImage and deb are not signed; publish their SHA-256 sums with the release.']
  if (platform === 'win32') {
    return env.WIN_CSC_LINK || env.CSC_LINK
      ? ['signing: Authenticode certificate from WIN_CSC_LINK/CSC_LINK.']
      : ['signing: skipped (set WIN_CSC_LINK or CSC_LINK and its password); Windows SmartScreen will warn users.']
  }
  const lines = []
  if (env.CSC_LINK || env.CSC_NAME) lines.push('signing: Developer ID from CSC_LINK/CSC_NAME, hardened runtime.')
  else if (env.CSC_IDENTITY_AUTO_DISCOVERY === 'false')
    lines.push('signing: skipped (CSC_IDENTITY_AUTO_DISCOVERY=false); Gatekeeper will refuse the app on other Macs.')
  else
    lines.push(
      'signing: no CSC_LINK; electron-builder will look for a Developer ID Application identity in the keychain ' +
        '(without one the app is unsigned and Gatekeeper refuses it on other Macs).',
    )
  const plan = notarizationPlan(env)
  lines.push(plan.kind === 'notarize' ? `notarization: with ${plan.method}.` : `notarization: ${plan.message}`)
  return lines
}

/**
 * How to notarize the signed macOS app, from environment variables (the names electron-builder
 * documents). A partial set is an error: a release that silently skips notarization would only
 * fail on users' Macs.
 * @param {Record<string, string | undefined>} env
 * @returns {{ kind: 'notarize', method: string, options: Record<string, string> }
 *   | { kind: 'skip', message: string } | { kind: 'error', message: string }}
 */
export function notarizationPlan(env) {
  const sets = [
    {
      method: 'an App Store Connect API key',
      vars: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
      map: { APPLE_API_KEY: 'appleApiKey', APPLE_API_KEY_ID: 'appleApiKeyId', APPLE_API_ISSUER: 'appleApiIssuer' },
    },
    {
      method: 'an Apple ID',
      vars: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
      map: { APPLE_ID: 'appleId', APPLE_APP_SPECIFIC_PASSWORD: 'appleIdPassword', APPLE_TEAM_ID: 'teamId' },
    },
    {
      method: 'a notarytool keychain profile',
      vars: ['APPLE_KEYCHAIN_PROFILE'],
      map: { APPLE_KEYCHAIN_PROFILE: 'keychainProfile', APPLE_KEYCHAIN: 'keychain' },
    },
  ]
  for (const set of sets) {
    const present = set.vars.filter((v) => env[v])
    if (present.length === set.vars.length) {
      /** @type {Record<string, string>} */
      const options = {}
      for (const [name, option] of Object.entries(set.map)) {
        const value = env[name]
        if (value) options[option] = value
      }
      return { kind: 'notarize', method: set.method, options }
    }
    if (present.length > 0) {
      const missing = set.vars.filter((v) => !env[v])
      return {
        kind: 'error',
        message: `notarization needs ${missing.join(', ')} as well (found ${present.join(', ')}).`,
      }
    }
  }
  return {
    kind: 'skip',
    message:
      'skipped: set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER (or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD ' +
      'and APPLE_TEAM_ID, or APPLE_KEYCHAIN_PROFILE) to notarize; without it Gatekeeper blocks the app on other Macs.',
  }
}
