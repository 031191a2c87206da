import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import afterSign from '../../../scripts/builder/notarize.mjs'
import { electronNativeTag as runtimeTag } from '../../../electron/main/store/native-binding'
import {
  electronDistFor,
  electronNativeTag,
  notarizationPlan,
  planTargets,
  signingSummary,
} from '../../../scripts/builder/release.mjs'

const linux = { platform: 'linux', arch: 'x64' }

describe('npm run dist: targets', () => {
  it('builds for the host, adding its architecture', () => {
    expect(planTargets(['--linux'], linux)).toEqual({
      ok: true,
      platform: 'linux',
      arch: 'x64',
      args: ['--linux', '--x64'],
    })
    expect(planTargets([], linux)).toEqual({ ok: true, platform: 'linux', arch: 'x64', args: ['--x64'] })
    expect(planTargets(['--linux', 'AppImage', '--x64'], linux)).toEqual({
      ok: true,
      platform: 'linux',
      arch: 'x64',
      args: ['--linux', 'AppImage', '--x64'],
    })
    expect(planTargets(['--mac'], { platform: 'darwin', arch: 'arm64' })).toMatchObject({
      ok: true,
      args: ['--mac', '--arm64'],
    })
    expect(planTargets(['--win', '--dir'], { platform: 'win32', arch: 'x64' })).toMatchObject({
      ok: true,
      platform: 'win32',
    })
  })

  it('refuses another OS or CPU, whose native modules it cannot have', () => {
    const mac = planTargets(['--mac'], linux)
    expect(mac.ok).toBe(false)
    expect(!mac.ok && mac.error).toMatch(/Cannot package for darwin on linux.*Run `npm run dist` on darwin/)
    const arm = planTargets(['--linux', '--arm64'], linux)
    expect(!arm.ok && arm.error).toMatch(/arm64 on x64/)
    expect(planTargets(['--mac', '--universal'], { platform: 'darwin', arch: 'arm64' }).ok).toBe(false)
    expect(planTargets(['--linux', '--win'], linux).ok).toBe(false)
  })

  it('names the native folder exactly as the app resolves it', () => {
    expect(electronNativeTag('45.5.0', 'linux', 'x64')).toBe(runtimeTag('45.5.0', 'linux', 'x64'))
    expect(electronNativeTag('45.5.0', 'darwin', 'arm64')).toBe(runtimeTag('45.5.0', 'darwin', 'arm64'))
  })
})

describe('npm run dist: Electron download', () => {
  const pkg = '/repo/node_modules/electron'
  it('prefers ELECTRON_OVERRIDE_DIST_PATH, then the binary in node_modules/electron/dist', () => {
    expect(
      electronDistFor({
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' },
        electronPackageDir: pkg,
        platform: 'linux',
        exists: () => false,
      }),
    ).toEqual({
      dir: '/opt/e',
      source: 'env',
    })
    const exe = join(pkg, 'dist', 'electron')
    expect(electronDistFor({ env: {}, electronPackageDir: pkg, platform: 'linux', exists: (p) => p === exe })).toEqual({
      dir: join(pkg, 'dist'),
      source: 'node_modules',
    })
    const app = join(pkg, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron')
    expect(
      electronDistFor({ env: {}, electronPackageDir: pkg, platform: 'darwin', exists: (p) => p === app })?.source,
    ).toBe('node_modules')
    expect(
      electronDistFor({ env: {}, electronPackageDir: pkg, platform: 'win32', exists: (p) => p === exe }),
    ).toBeNull()
  })
})

describe('signing and notarization from the environment', () => {
  it('notarizes with an API key, an Apple ID or a keychain profile', () => {
    expect(notarizationPlan({ APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'ID', APPLE_API_ISSUER: 'ISS' })).toEqual({
      kind: 'notarize',
      method: 'an App Store Connect API key',
      options: { appleApiKey: '/k.p8', appleApiKeyId: 'ID', appleApiIssuer: 'ISS' },
    })
    expect(
      notarizationPlan({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'pw', APPLE_TEAM_ID: 'T' }),
    ).toMatchObject({
      kind: 'notarize',
      options: { appleId: 'a@b.c', appleIdPassword: 'pw', teamId: 'T' },
    })
    expect(notarizationPlan({ APPLE_KEYCHAIN_PROFILE: 'release' })).toMatchObject({
      options: { keychainProfile: 'release' },
    })
  })

  it('skips with a clear message when nothing is set, and refuses a partial set', () => {
    const skip = notarizationPlan({})
    expect(skip.kind).toBe('skip')
    expect(skip.kind === 'skip' && skip.message).toMatch(/APPLE_API_KEY.*Gatekeeper/)
    const partial = notarizationPlan({ APPLE_ID: 'a@b.c' })
    expect(partial).toEqual({
      kind: 'error',
      message: 'notarization needs APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID as well (found APPLE_ID).',
    })
  })

  it('says before the build whether the result will be signed', () => {
    expect(signingSummary('win32', {})[0]).toMatch(/skipped.*SmartScreen/)
    expect(signingSummary('win32', { WIN_CSC_LINK: 'cert.p12' })[0]).toMatch(/Authenticode/)
    expect(signingSummary('darwin', { CSC_LINK: 'id.p12' })).toEqual([
      'signing: Developer ID from CSC_LINK/CSC_NAME, hardened runtime.',
      expect.stringMatching(/^notarization: skipped/),
    ])
    expect(signingSummary('darwin', { CSC_IDENTITY_AUTO_DISCOVERY: 'false' })[0]).toMatch(/Gatekeeper/)
    expect(signingSummary('linux', {})[0]).toMatch(/not signed/)
  })
})

describe('afterSign hook (notarization)', () => {
  const context = (platform: string) => ({
    electronPlatformName: platform,
    appOutDir: '/tmp/out/mac-arm64',
    packager: { appInfo: { productFilename: 'Switchboard' } },
  })
  const appleVars = [
    'APPLE_API_KEY',
    'APPLE_API_KEY_ID',
    'APPLE_API_ISSUER',
    'APPLE_ID',
    'APPLE_APP_SPECIFIC_PASSWORD',
    'APPLE_TEAM_ID',
    'APPLE_KEYCHAIN_PROFILE',
  ]
  beforeEach(() => {
    for (const name of appleVars) vi.stubEnv(name, undefined)
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('does nothing outside macOS and skips, saying why, without credentials', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    await afterSign(context('linux'))
    expect(log).not.toHaveBeenCalled()
    await afterSign(context('darwin'))
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/notarization skipped: set APPLE_API_KEY/))
    log.mockRestore()
  })

  it('fails the build on an incomplete set of credentials', async () => {
    vi.stubEnv('APPLE_API_KEY', '/keys/AuthKey.p8')
    await expect(afterSign(context('darwin'))).rejects.toThrow(
      'notarization needs APPLE_API_KEY_ID, APPLE_API_ISSUER as well',
    )
  })
})

describe('package check: Node entry points', () => {
  it('follows exports (node, require, default) before main', async () => {
    const { nodeRequireEntry } = await import('../../../scripts/check-package')
    expect(nodeRequireEntry({ main: './excel.js' })).toBe('excel.js')
    expect(
      nodeRequireEntry({
        exports: {
          '.': {
            node: { import: './js/pdfkit.node.mjs', require: './js/pdfkit.js' },
            default: './js/pdfkit.browser.mjs',
          },
        },
      }),
    ).toBe('js/pdfkit.js')
    expect(
      nodeRequireEntry({
        main: './dist/cjs/index.cjs',
        exports: {
          '.': {
            import: { default: './lib/index.js' },
            require: { types: './x.d.cts', default: './dist/cjs/index.cjs' },
          },
        },
      }),
    ).toBe('dist/cjs/index.cjs')
    expect(nodeRequireEntry({})).toBe('index.js')
  })
})
