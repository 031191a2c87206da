// @ts-check
/**
 * Pure decisions of `npm run smoke:electron` (scripts/smoke-electron.mjs): is there an Electron
 * binary, and how must the test be wrapped on this machine (virtual display, Secret Service).
 * Unit-tested in test/unit/packaging/smoke-plan.test.ts.
 */
import { join } from 'node:path'
import { electronExecutable } from '../builder/release.mjs'

/** Exit codes of `npm run smoke:electron`. */
export const SMOKE_EXIT = /** @type {const} */ ({ passed: 0, failed: 1, notRun: 77 })
/** Every line the runner prints about its outcome starts with this (CI greps it). */
export const SMOKE_PREFIX = 'smoke:electron:'

/**
 * Finds the Electron executable without ever triggering Electron's lazy download:
 * ELECTRON_OVERRIDE_DIST_PATH first (as `electron` itself does), else node_modules/electron/dist.
 * @param {{ env: Record<string, string | undefined>, electronPackageDir: string, electronVersion: string, platform: string, exists: (p: string) => boolean }} input
 * @returns {{ kind: 'found', path: string } | { kind: 'missing', reason: string }}
 */
export function findElectronBinary(input) {
  const exe = electronExecutable(input.platform)
  const override = input.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const path = join(override, exe)
    return input.exists(path)
      ? { kind: 'found', path }
      : { kind: 'missing', reason: `no Electron binary at ${path} (ELECTRON_OVERRIDE_DIST_PATH)` }
  }
  const path = join(input.electronPackageDir, 'dist', exe)
  if (input.exists(path)) return { kind: 'found', path }
  return {
    kind: 'missing',
    reason:
      `no Electron binary (node_modules/electron/dist is empty; run \`npx install-electron\` with network access, ` +
      `or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ${input.electronVersion})`,
  }
}

/**
 * The command prefix that gives the test what Electron and keytar need on this machine. On Linux
 * without a display it runs under Xvfb (`xvfb-run`); without a session bus it starts one with an
 * unlocked, throwaway GNOME Keyring (as CI does for the keychain tests).
 * @param {{ platform: string, env: Record<string, string | undefined>, has: (command: string) => boolean }} input
 * @returns {{ ok: true, prefix: string[], notes: string[] } | { ok: false, reason: string }}
 */
export function launchPlan(input) {
  if (input.platform !== 'linux') return { ok: true, prefix: [], notes: [] }
  /** @type {string[]} */
  const prefix = []
  const notes = []
  if (!input.env.DBUS_SESSION_BUS_ADDRESS) {
    if (!input.has('dbus-run-session') || !input.has('gnome-keyring-daemon')) {
      return { ok: false, reason: 'no Secret Service session for keytar (install dbus and gnome-keyring)' }
    }
    prefix.push(
      'dbus-run-session',
      '--',
      'sh',
      '-c',
      'printf %s "$SMOKE_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"',
      'sh',
    )
    notes.push('keychain: throwaway GNOME Keyring on a private session bus')
  }
  if (!input.env.DISPLAY && !input.env.WAYLAND_DISPLAY) {
    if (!input.has('xvfb-run')) return { ok: false, reason: 'no display and no xvfb-run (apt-get install xvfb)' }
    prefix.push('xvfb-run', '--auto-servernum', '--server-args=-screen 0 1440x900x24')
    notes.push('display: Xvfb')
  }
  return { ok: true, prefix, notes }
}
