#!/usr/bin/env node
// @ts-check
/**
 * Packages the app with electron-builder for this machine's OS and CPU (`npm run dist -- --linux`,
 * `--mac` or `--win`; `--dir` for an unpacked folder only). The npm script first builds the
 * Electron-ABI better-sqlite3 (scripts/prepare-electron.mjs) and the app (electron-vite).
 *
 * It refuses other OSes and architectures (the native modules are compiled for the host), says up
 * front what will happen about signing and notarization, and hands electron-builder an unpacked
 * Electron when one is available (ELECTRON_OVERRIDE_DIST_PATH, or node_modules/electron/dist after
 * `npx install-electron`) so packaging needs no download, and finally checks the unpacked app
 * (scripts/check-package.ts). Extra arguments go to electron-builder.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { electronDistFor, electronNativeTag, planTargets, signingSummary } from './builder/release.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const electronPackageDir = dirname(require.resolve('electron/package.json'))
const version = JSON.parse(readFileSync(join(electronPackageDir, 'package.json'), 'utf8')).version
const arch = process.env.npm_config_arch || process.arch

const plan = planTargets(process.argv.slice(2), { platform: process.platform, arch })
if (!plan.ok) {
  console.error(`[dist] ${plan.error}`)
  process.exit(2)
}
const tag = electronNativeTag(version, plan.platform, plan.arch)
if (!existsSync(join(root, '.electron-native', tag, 'better_sqlite3.node'))) {
  console.error(`[dist] .electron-native/${tag}/better_sqlite3.node is missing: run \`npm run prepare:electron\`.`)
  process.exit(2)
}

const args = ['electron-builder', ...plan.args]
const dist = electronDistFor({ env: process.env, electronPackageDir, platform: plan.platform, exists: existsSync })
if (dist) {
  console.log(
    `[dist] Electron ${version}: using ${dist.dir} (${dist.source === 'env' ? 'ELECTRON_OVERRIDE_DIST_PATH' : 'npx install-electron'})`,
  )
  args.push(`-c.electronDist=${dist.dir}`)
} else {
  console.log(
    `[dist] Electron ${version}: electron-builder will download it for ${plan.platform}-${plan.arch} (needs github.com; ` +
      'offline, set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron of that version).',
  )
}
for (const line of signingSummary(plan.platform, process.env)) console.log(`[dist] ${line}`)

const result = spawnSync('npx', args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWITCHBOARD_NATIVE_TAG: tag },
})
if (result.status !== 0) process.exit(result.status ?? 1)

// The unpacked app against what it resolves at run time (native modules, manifest, icons, fuses).
const check = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(root, 'scripts', 'check-package.ts')], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(check.status ?? 1)
