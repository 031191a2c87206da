// @ts-check
/**
 * electron-builder `beforePack` hook: writes out/native-manifest.json, the SHA-256 of every native
 * module the packaged app loads from outside app.asar (list: electron/main/store/native-files.json).
 * It runs before the app files are copied, so the manifest ends up inside app.asar, where the asar
 * integrity check covers it; the app verifies the files against it at start
 * (electron/main/store/native-integrity.ts; README "Packaging").
 *
 * Native modules are compiled for the build machine, so packaging for another OS or CPU fails here.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronNativeTag } from './release.mjs'

/** builder-util's Arch enum, by value. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']

/**
 * @param {{ projectDir: string, electronVersion: string, platform: string, arch: string }} input
 * @returns {{ version: 1, electron: string, platform: string, arch: string, files: Record<string, string> }}
 */
export function buildNativeManifest(input) {
  const list = JSON.parse(
    readFileSync(join(input.projectDir, 'electron', 'main', 'store', 'native-files.json'), 'utf8'),
  ).files
  const tag = electronNativeTag(input.electronVersion, input.platform, input.arch)
  /** @type {Record<string, string>} */
  const files = {}
  for (const [packaged, source] of Object.entries(/** @type {Record<string, string>} */ (list))) {
    const path = join(input.projectDir, ...source.replace('{tag}', tag).split('/'))
    let data
    try {
      data = readFileSync(path)
    } catch {
      throw new Error(
        `native-manifest: ${source.replace('{tag}', tag)} is missing (run npm run prepare:electron / npm ci)`,
      )
    }
    files[packaged] = createHash('sha256').update(data).digest('hex')
  }
  return { version: 1, electron: input.electronVersion, platform: input.platform, arch: input.arch, files }
}

/**
 * @param {{ electronPlatformName: string, arch: number, packager: { projectDir: string, info: { framework: { version: string } } } }} context
 */
export default async function beforePack(context) {
  const platform = context.electronPlatformName
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch)
  if (platform !== process.platform || arch !== process.arch) {
    throw new Error(
      `native-manifest: cannot package ${platform}-${arch} on ${process.platform}-${process.arch}: ` +
        'the native modules are compiled for this machine.',
    )
  }
  const projectDir = context.packager.projectDir
  const manifest = buildNativeManifest({
    projectDir,
    electronVersion: context.packager.info.framework.version,
    platform,
    arch,
  })
  writeFileSync(join(projectDir, 'out', 'native-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  console.log(
    `  • native-manifest  ${Object.keys(manifest.files).length} native modules hashed into out/native-manifest.json`,
  )
}

// Usable by hand too: `node scripts/builder/native-manifest.mjs` prints the manifest for this machine.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const electronVersion = JSON.parse(
    readFileSync(join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version
  console.log(
    JSON.stringify(
      buildNativeManifest({ projectDir, electronVersion, platform: process.platform, arch: process.arch }),
      null,
      2,
    ),
  )
}
