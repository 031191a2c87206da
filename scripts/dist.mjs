#!/usr/bin/env node
/**
 * Packages the app with electron-builder, shipping the Electron-ABI better-sqlite3 built by
 * prepare-electron.mjs as resources/native/better_sqlite3.node (npmRebuild is off).
 * Extra arguments go to electron-builder (e.g. `npm run dist -- --linux AppImage`).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const version = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const tag = `electron-v${version}-${process.platform}-${process.env.npm_config_arch || process.arch}`
const result = spawnSync('npx', ['electron-builder', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWITCHBOARD_NATIVE_TAG: tag },
})
process.exit(result.status ?? 1)
