#!/usr/bin/env node
// @ts-check
/**
 * `npm run smoke:electron`: launches the real desktop app (Electron + the built out/ + the
 * Electron-ABI SQLite) with Playwright's Electron support and checks that it works
 * (test/smoke/electron.spec.ts). It needs an Electron binary, which cannot be downloaded on our
 * build machines: then it prints one `smoke:electron: not run: …` line and exits with 77.
 *
 *   exit 0   passed          exit 1   failed          exit 77  not run (missing prerequisite)
 *
 * On Linux it runs under Xvfb when there is no display, and starts a throwaway unlocked GNOME
 * Keyring when there is no session bus. The app gets a temporary data folder.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary, launchPlan, SMOKE_EXIT, SMOKE_PREFIX } from './smoke/plan.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const electronPackageDir = dirname(require.resolve('electron/package.json'))
const electronVersion = JSON.parse(readFileSync(join(electronPackageDir, 'package.json'), 'utf8')).version

/** @param {string} message @param {number} code @returns {never} */
function finish(message, code) {
  console.log(`${SMOKE_PREFIX} ${message}`)
  process.exit(code)
}

const binary = findElectronBinary({
  env: process.env,
  electronPackageDir,
  electronVersion,
  platform: process.platform,
  exists: existsSync,
})
if (binary.kind === 'missing') finish(`not run: ${binary.reason}`, SMOKE_EXIT.notRun)

const plan = launchPlan({
  platform: process.platform,
  env: process.env,
  has: (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0,
})
if (!plan.ok) finish(`not run: ${plan.reason}`, SMOKE_EXIT.notRun)

console.log(`[smoke] Electron ${electronVersion} at ${binary.path}`)
for (const note of plan.notes) console.log(`[smoke] ${note}`)

/** @param {string} what @param {string[]} args */
function node(what, args) {
  console.log(`[smoke] ${what}`)
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) finish(`failed: ${what}`, SMOKE_EXIT.failed)
}
node('building better-sqlite3 for Electron (once)', [join(root, 'scripts', 'prepare-electron.mjs')])
node('building the app', [
  join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
  'build',
])

const keyringHome = mkdtempSync(join(tmpdir(), 'switchboard-smoke-keyring-'))
const command = [
  ...plan.prefix,
  process.execPath,
  require.resolve('@playwright/test/cli'),
  'test',
  '-c',
  join(root, 'test', 'smoke', 'playwright.config.ts'),
]
const result = spawnSync(command[0] ?? process.execPath, command.slice(1), {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    SWITCHBOARD_SMOKE_ELECTRON: binary.path,
    // Only used when the plan starts its own keyring (a fresh one per run).
    ...(plan.prefix.includes('dbus-run-session')
      ? { XDG_DATA_HOME: keyringHome, SMOKE_KEYRING_PASSWORD: randomBytes(12).toString('hex') }
      : {}),
  },
})
rmSync(keyringHome, { recursive: true, force: true })
if (result.status === 0) finish('passed (screenshot: test-results/smoke/electron-app.png)', SMOKE_EXIT.passed)
finish('failed (see the Playwright output above)', SMOKE_EXIT.failed)
