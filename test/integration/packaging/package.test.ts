/**
 * Packs the built app with the real electron-builder.yml and hooks around a stand-in Electron
 * (Linux `dir` target: offline) and checks the packaged file list against what the app resolves at
 * run time: the prepared Electron-ABI SQLite path, the asar unpack rules, the native manifest, the
 * icons and the fuses. Slow (electron-builder walks node_modules): ~45 s.
 */
import { appendFileSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { getCurrentFuseWire } from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NATIVE_FILES } from '../../../electron/main/store/native-integrity'
import { checkPackage, unpackedDirName } from '../../../scripts/check-package'
import { electronVersion, nativeTag, packApp, WIRE_LENGTH, type PackedApp } from './fixture'

let packed: PackedApp

describe.skipIf(process.platform !== 'linux')('the packaged app (electron-builder, stand-in Electron)', () => {
  beforeAll(() => {
    packed = packApp()
  }, 300_000)

  afterAll(() => {
    if (packed) rmSync(packed.base, { recursive: true, force: true })
  })

  const check = () =>
    checkPackage({
      appOutDir: packed.appOutDir,
      platform: 'linux',
      arch: process.arch,
      electronVersion,
      projectDir: packed.project,
    })

  it('packs, running the native-manifest hook', () => {
    expect(packed.status, packed.log).toBe(0)
    expect(packed.log).toContain('native-manifest  2 native modules hashed')
    expect(packed.appOutDir.endsWith(unpackedDirName('linux', process.arch))).toBe(true)
  })

  it('agrees with what the app resolves: SQLite, unpacked modules, manifest, icons, fuses, locales', async () => {
    const result = await check()
    expect(result.problems).toEqual([])
    expect(result.nativeModules).toEqual(Object.keys(NATIVE_FILES).sort())
    // 30 MB today (renderer bundle + the export libraries' Node builds); renderer-only libraries
    // or a browser build slipping in would add tens of MB.
    expect(statSync(join(packed.appOutDir, 'resources/app.asar')).size).toBeLessThan(40e6)
    // The file prepare-electron wrote is the one the app loads in the package.
    expect(readFileSync(join(packed.appOutDir, 'resources/native/better_sqlite3.node'), 'utf8')).toBe(
      `stand-in better_sqlite3 for ${nativeTag}`,
    )
  })

  it('flipped every configured fuse and left the ninth at its default', async () => {
    const wire = await getCurrentFuseWire(join(packed.appOutDir, 'switchboard'))
    for (let i = 0; i < 8; i++) expect(wire[i as 0], `fuse ${i}`).not.toBe(packed.initialWire[i])
    expect(wire[(WIRE_LENGTH - 1) as 0]).toBe(packed.initialWire[WIRE_LENGTH - 1])
    // runAsNode (0) off, cookie encryption (1) on, grantFileProtocolExtraPrivileges (7) off.
    expect([wire[0], wire[1], wire[7]]).toEqual([48, 49, 48])
  })

  it('notices a modified native module and a missing icon', async () => {
    const keytar = join(packed.appOutDir, 'resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node')
    const original = readFileSync(keytar)
    appendFileSync(keytar, Buffer.from([0]))
    const tray = join(packed.appOutDir, 'resources/icons/tray/trayTemplate.png')
    renameSync(tray, `${tray}.gone`)
    try {
      const { problems } = await check()
      expect(problems).toContain(
        'native modules refused at start: app.asar.unpacked/node_modules/keytar/build/Release/keytar.node does not match the build (modified or damaged).',
      )
      expect(problems).toContain('runtime icon missing: icons/tray/trayTemplate.png')
    } finally {
      renameSync(`${tray}.gone`, tray)
      writeFileSync(keytar, original)
    }
  })
})
