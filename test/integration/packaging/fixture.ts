import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { FuseV1Options } from '@electron/fuses'
import { electronNativeTag } from '../../../electron/main/store/native-binding'

export const root = resolve(__dirname, '../../..')
export const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version
export const nativeTag = electronNativeTag(electronVersion, process.platform, process.arch)
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/** Bytes of the fuse wire as Electron 45 ships it: 9 fuses, each '0' (48) or '1' (49). */
export const WIRE_LENGTH = 9

/**
 * A stand-in for an unpacked Linux Electron: an "executable" carrying a fuse wire whose every
 * configured fuse starts in the opposite state (so the packaged result proves electron-builder
 * flipped each one), plus the files electron-builder expects next to it and more Chromium locales
 * than the app keeps.
 */
export function fakeElectronDist(dir: string): { initialWire: number[] } {
  const fuses = (
    parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> }
  ).electronFuses
  const initialWire = Array.from({ length: WIRE_LENGTH }, (_, i) => {
    const name = FuseV1Options[i]
    if (name === undefined) return 49 // a fuse electron-builder cannot set: Electron's default, on
    const configured = fuses[name[0]!.toLowerCase() + name.slice(1)]
    return configured ? 48 : 49
  })
  mkdirSync(join(dir, 'locales'), { recursive: true })
  mkdirSync(join(dir, 'resources'), { recursive: true })
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho stand-in\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, WIRE_LENGTH]),
      Buffer.from(initialWire),
    ]),
    { mode: 0o755 },
  )
  for (const file of ['chrome-sandbox', 'LICENSE', 'LICENSES.chromium.html', 'resources.pak', 'icudtl.dat'])
    writeFileSync(join(dir, file), file)
  writeFileSync(join(dir, 'version'), electronVersion)
  for (const locale of ['en-US', 'en-GB', 'fr', 'de', 'it', 'es', 'ja', 'zh-CN', 'pt-BR'])
    writeFileSync(join(dir, 'locales', `${locale}.pak`), locale)
  return { initialWire }
}

export interface PackedApp {
  /** Temporary folder holding everything; remove it when done. */
  base: string
  project: string
  appOutDir: string
  initialWire: number[]
  log: string
  status: number | null
}

/**
 * Packs the built app (out/) with the project's real electron-builder.yml and hooks, in a copy of
 * the project that shares node_modules, around the stand-in Electron and a stand-in Electron-ABI
 * SQLite module (prepared where scripts/prepare-electron.mjs puts it). Linux `dir` target: no
 * download, no installer tools.
 */
export function packApp(): PackedApp {
  if (!existsSync(join(root, 'out/main/index.js'))) {
    const build = spawnSync(
      process.execPath,
      [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`)
  }
  const base = mkdtempSync(join(tmpdir(), 'switchboard-pack-'))
  const project = join(base, 'project')
  mkdirSync(project)
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    cpSync(join(root, file), join(project, file))
  for (const dir of ['out', 'scripts', 'resources']) cpSync(join(root, dir), join(project, dir), { recursive: true })
  cpSync(join(root, 'electron/main/store/native-files.json'), join(project, 'electron/main/store/native-files.json'))
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir')
  mkdirSync(join(project, '.electron-native', nativeTag), { recursive: true })
  writeFileSync(
    join(project, '.electron-native', nativeTag, 'better_sqlite3.node'),
    `stand-in better_sqlite3 for ${nativeTag}`,
  )
  const electronDist = join(base, 'electron-dist')
  const { initialWire } = fakeElectronDist(electronDist)
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      `--${process.arch}`,
      `-c.electronDist=${electronDist}`,
    ],
    { cwd: project, encoding: 'utf8', env: { ...process.env, SWITCHBOARD_NATIVE_TAG: nativeTag }, timeout: 280_000 },
  )
  return {
    base,
    project,
    appOutDir: join(project, 'dist', process.arch === 'x64' ? 'linux-unpacked' : `linux-${process.arch}-unpacked`),
    initialWire,
    log: `${run.stdout}\n${run.stderr}`,
    status: run.status,
  }
}
