#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into .electron-native/<tag>/better_sqlite3.node,
 * leaving node_modules/better-sqlite3 (the Node build used by tests) untouched.
 *
 * The main process passes that file as better-sqlite3's `nativeBinding`
 * (electron/main/store/native-binding.ts). keytar is N-API and loads in both runtimes.
 * Needs network access to Electron's headers the first time; skipped when already built.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { electronNativeTag } from './builder/release.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const arch = process.env.npm_config_arch || process.arch
const tag = electronNativeTag(electronVersion, process.platform, arch)
const targetDir = join(root, '.electron-native', tag)
const target = join(targetDir, 'better_sqlite3.node')

if (existsSync(target) && !process.argv.includes('--force')) {
  console.log(`[prepare-electron] ${tag}: better-sqlite3 already built`)
  process.exit(0)
}

const source = dirname(require.resolve('better-sqlite3/package.json'))
const work = mkdtempSync(join(tmpdir(), 'switchboard-native-'))
const pkgDir = join(work, 'better-sqlite3')
cpSync(source, pkgDir, {
  recursive: true,
  filter: (p) => !p.includes(`${join(source, 'build')}`) && !p.endsWith('.node'),
})

// node-gyp: the copy npm ships (npm sets npm_config_node_gyp for scripts), else the project's.
const nodeGyp = process.env.npm_config_node_gyp || require.resolve('node-gyp/bin/node-gyp.js')
// A global `nodedir` (e.g. nodedir=/usr in ~/.npmrc) would compile against Node's headers
// while labelling the result for Electron: drop it so node-gyp fetches Electron's headers.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_nodedir$/i.test(key)))

console.log(`[prepare-electron] building better-sqlite3 for ${tag} (about a minute)…`)
const result = spawnSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
    '--nodedir=',
  ],
  { cwd: pkgDir, env, stdio: 'inherit' },
)
if (result.status !== 0) {
  console.error(
    '[prepare-electron] failed to build better-sqlite3 for Electron. It needs a C++ toolchain and access to Electron headers.\n' +
      'Tests, the CLI and the browser shell do not need this step.',
  )
  rmSync(work, { recursive: true, force: true })
  process.exit(1)
}
mkdirSync(targetDir, { recursive: true })
copyFileSync(join(pkgDir, 'build', 'Release', 'better_sqlite3.node'), target)
rmSync(work, { recursive: true, force: true })
console.log(`[prepare-electron] wrote ${target}`)
