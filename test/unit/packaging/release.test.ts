import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
  it('prefers SWITCHBOARD_ELECTRON_DIST, then the binary in node_modules/electron/dist', () => {
    expect(
      electronDistFor({
        env: { SWITCHBOARD_ELECTRON_DIST: '/opt/e' },
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
