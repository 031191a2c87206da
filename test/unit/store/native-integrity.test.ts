import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  NATIVE_FILES,
  NATIVE_MANIFEST_PATH,
  nativeCheckApplies,
  verifyNativeModules,
  type NativeCheckInput,
} from '../../../electron/main/store/native-integrity'
import { electronNativeTag } from '../../../electron/main/store/native-binding'
import beforePack, { buildNativeManifest } from '../../../scripts/builder/native-manifest.mjs'

const root = resolve(__dirname, '../../..')
const version = '45.5.0'
const tag = electronNativeTag(version, process.platform, process.arch)

let project: string
let installed: string

function write(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, data)
}

/** A project with fake native builds, and the "installed app" the packager would make from it. */
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'switchboard-native-project-'))
  installed = mkdtempSync(join(tmpdir(), 'switchboard-native-installed-'))
  write(
    join(project, 'electron/main/store/native-files.json'),
    readFileSync(join(root, 'electron/main/store/native-files.json')),
  )
  write(join(project, '.electron-native', tag, 'better_sqlite3.node'), 'sqlite for electron')
  write(join(project, 'node_modules/keytar/build/Release/keytar.node'), 'keytar n-api')
  const manifest = buildNativeManifest({
    projectDir: project,
    electronVersion: version,
    platform: process.platform,
    arch: process.arch,
  })
  write(join(installed, 'resources/app.asar', NATIVE_MANIFEST_PATH), JSON.stringify(manifest))
  write(join(installed, 'resources/native/better_sqlite3.node'), 'sqlite for electron')
  write(join(installed, 'resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'), 'keytar n-api')
})

afterEach(() => {
  rmSync(project, { recursive: true, force: true })
  rmSync(installed, { recursive: true, force: true })
})

function input(overrides: Partial<NativeCheckInput> = {}): NativeCheckInput {
  return {
    appPath: join(installed, 'resources/app.asar'),
    resourcesPath: join(installed, 'resources'),
    electronVersion: version,
    platform: process.platform,
    arch: process.arch,
    readFile: (p) => readFileSync(p),
    ...overrides,
  }
}

function manifestFile(): string {
  return join(installed, 'resources/app.asar', NATIVE_MANIFEST_PATH)
}

describe('native module verification (packaged app)', () => {
  it('accepts the modules the beforePack hook hashed', () => {
    expect(Object.keys(NATIVE_FILES)).toEqual([
      'native/better_sqlite3.node',
      'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node',
    ])
    expect(verifyNativeModules(input())).toEqual({ ok: true, verified: Object.keys(NATIVE_FILES) })
  })

  it('refuses a modified module', () => {
    write(join(installed, 'resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'), 'keytar n-apI')
    expect(verifyNativeModules(input())).toMatchObject({
      ok: false,
      reason: 'mismatch',
      file: 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node',
    })
  })

  it('refuses a missing module, a missing or malformed manifest, and another target', () => {
    rmSync(join(installed, 'resources/native/better_sqlite3.node'))
    expect(verifyNativeModules(input())).toMatchObject({
      ok: false,
      reason: 'missing-file',
      file: 'native/better_sqlite3.node',
    })
    write(join(installed, 'resources/native/better_sqlite3.node'), 'sqlite for electron')
    expect(verifyNativeModules(input({ electronVersion: '46.0.0' }))).toMatchObject({
      ok: false,
      reason: 'wrong-target',
    })
    const manifest = JSON.parse(readFileSync(manifestFile(), 'utf8')) as { files: Record<string, string> }
    writeFileSync(
      manifestFile(),
      JSON.stringify({
        ...manifest,
        files: { 'native/better_sqlite3.node': manifest.files['native/better_sqlite3.node'] },
      }),
    )
    expect(verifyNativeModules(input())).toMatchObject({ ok: false, reason: 'incomplete' })
    writeFileSync(
      manifestFile(),
      JSON.stringify({ ...manifest, files: { ...manifest.files, '../../etc/x': 'a'.repeat(64) } }),
    )
    expect(verifyNativeModules(input())).toMatchObject({ ok: false, reason: 'bad-manifest' })
    writeFileSync(manifestFile(), '{not json')
    expect(verifyNativeModules(input())).toMatchObject({ ok: false, reason: 'bad-manifest' })
    rmSync(manifestFile())
    expect(verifyNativeModules(input())).toMatchObject({ ok: false, reason: 'no-manifest' })
  })

  it('applies to packaged Linux and Windows apps; macOS relies on the code signature', () => {
    expect(nativeCheckApplies(true, 'linux')).toBe(true)
    expect(nativeCheckApplies(true, 'win32')).toBe(true)
    expect(nativeCheckApplies(true, 'darwin')).toBe(false)
    expect(nativeCheckApplies(false, 'linux')).toBe(false)
  })
})

describe('beforePack hook', () => {
  const context = (arch: number) => ({
    electronPlatformName: process.platform,
    arch,
    packager: { projectDir: project, info: { framework: { version } } },
  })
  const hostArch = ['ia32', 'x64', 'armv7l', 'arm64'].indexOf(process.arch)

  it('writes out/native-manifest.json for the host', async () => {
    mkdirSync(join(project, 'out'))
    await beforePack(context(hostArch))
    const written = JSON.parse(readFileSync(join(project, 'out/native-manifest.json'), 'utf8')) as {
      files: object
      electron: string
    }
    expect(written.electron).toBe(version)
    expect(Object.keys(written.files)).toEqual(Object.keys(NATIVE_FILES))
  })

  it('refuses another architecture and a missing native build', async () => {
    await expect(beforePack(context(hostArch === 3 ? 1 : 3))).rejects.toThrow(/compiled for this machine/)
    rmSync(join(project, '.electron-native'), { recursive: true })
    expect(() =>
      buildNativeManifest({
        projectDir: project,
        electronVersion: version,
        platform: process.platform,
        arch: process.arch,
      }),
    ).toThrow(/prepare:electron/)
  })
})
