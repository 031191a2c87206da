import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronExecutable } from '../../../scripts/builder/release.mjs'
import { findElectronBinary, launchPlan, SMOKE_EXIT, SMOKE_PREFIX } from '../../../scripts/smoke/plan.mjs'

const root = resolve(__dirname, '../../..')
const pkg = '/repo/node_modules/electron'

describe('smoke:electron: finding Electron', () => {
  it('uses ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/dist, never a download', () => {
    const override = join('/opt/electron-45', 'electron')
    expect(
      findElectronBinary({
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' },
        electronPackageDir: pkg,
        electronVersion: '45.5.0',
        platform: 'linux',
        exists: (p) => p === override,
      }),
    ).toEqual({ kind: 'found', path: override })
    const local = join(pkg, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron')
    expect(
      findElectronBinary({
        env: {},
        electronPackageDir: pkg,
        electronVersion: '45.5.0',
        platform: 'darwin',
        exists: (p) => p === local,
      }),
    ).toEqual({ kind: 'found', path: local })
  })

  it('explains what is missing', () => {
    const none = findElectronBinary({
      env: {},
      electronPackageDir: pkg,
      electronVersion: '45.5.0',
      platform: 'linux',
      exists: () => false,
    })
    expect(none.kind === 'missing' && none.reason).toMatch(
      /^no Electron binary .*npx install-electron.*Electron 45\.5\.0/,
    )
    const wrong = findElectronBinary({
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' },
      electronPackageDir: pkg,
      electronVersion: '45.5.0',
      platform: 'win32',
      exists: () => false,
    })
    expect(wrong).toEqual({
      kind: 'missing',
      reason: `no Electron binary at ${join('/nowhere', 'electron.exe')} (ELECTRON_OVERRIDE_DIST_PATH)`,
    })
  })
})

describe('smoke:electron: display and keychain on Linux', () => {
  const all = (): boolean => true
  it('runs as is with a display and a session bus, and on macOS and Windows', () => {
    expect(
      launchPlan({ platform: 'linux', env: { DISPLAY: ':0', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' }, has: all }),
    ).toEqual({
      ok: true,
      prefix: [],
      notes: [],
    })
    expect(launchPlan({ platform: 'darwin', env: {}, has: () => false })).toEqual({ ok: true, prefix: [], notes: [] })
  })

  it('adds Xvfb and a throwaway keyring on a headless machine', () => {
    const plan = launchPlan({ platform: 'linux', env: {}, has: all })
    expect(plan.ok).toBe(true)
    const prefix = plan.ok ? plan.prefix : []
    expect(prefix[0]).toBe('dbus-run-session')
    expect(prefix.join(' ')).toContain('gnome-keyring-daemon --unlock --components=secrets')
    expect(prefix.slice(-3)).toEqual(['xvfb-run', '--auto-servernum', '--server-args=-screen 0 1440x900x24'])
  })

  it('is "not run" when the machine lacks Xvfb or a Secret Service', () => {
    expect(launchPlan({ platform: 'linux', env: { DBUS_SESSION_BUS_ADDRESS: 'x' }, has: () => false })).toEqual({
      ok: false,
      reason: 'no display and no xvfb-run (apt-get install xvfb)',
    })
    expect(launchPlan({ platform: 'linux', env: { DISPLAY: ':0' }, has: (c) => c === 'xvfb-run' })).toMatchObject({
      ok: false,
    })
  })
})

describe('npm run smoke:electron without an Electron binary', () => {
  it('prints one "not run" line and exits with its own code (77), never 0', () => {
    const empty = mkdtempSync(join(tmpdir(), 'switchboard-no-electron-'))
    try {
      const run = spawnSync(process.execPath, [join(root, 'scripts', 'smoke-electron.mjs')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
        timeout: 30_000,
      })
      expect(run.status).toBe(SMOKE_EXIT.notRun)
      expect(SMOKE_EXIT.notRun).toBe(77)
      const lines = run.stdout.trim().split('\n')
      expect(lines).toEqual([
        `${SMOKE_PREFIX} not run: no Electron binary at ${join(empty, electronExecutable(process.platform))} (ELECTRON_OVERRIDE_DIST_PATH)`,
      ])
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})

describe('.ci/run', () => {
  const ci = readFileSync(join(root, '.ci', 'run'), 'utf8')
  it('runs the smoke test, tolerates only its "not run" code and prints its line in the summary', () => {
    expect(ci).toContain('npm run --silent smoke:electron 2>&1 | tee "$SMOKE_LOG" || [ "${PIPESTATUS[0]}" = 77 ]')
    const summary = ci.slice(ci.indexOf('step "summary"'))
    expect(summary).toContain(`grep -E '^smoke:electron:' "$SMOKE_LOG"`)
    // Never counted as passed: the totals come from vitest and the e2e run only.
    const totals = summary.split('\n').filter((l) => l.startsWith('PASSED=') || l.startsWith('FAILED='))
    expect(totals).toHaveLength(2)
    for (const line of totals) expect(line).not.toMatch(/SMOKE/)
  })
})
