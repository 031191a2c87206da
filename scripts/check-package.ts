/**
 * Checks an unpacked package made by electron-builder (`dist/linux-unpacked`, `dist/win-unpacked`,
 * `dist/mac-arm64`, …) against what the app expects at run time:
 *
 * - the Electron-ABI SQLite sits where `resolveNativeBinding` looks for it, and no other
 *   better-sqlite3 binary (the Node build, its test extension, its C sources) ships;
 * - every `.node` file is outside the asar (unpacked or a resource) and listed in the native
 *   manifest packed inside app.asar, and `verifyNativeModules` accepts them all;
 * - the app entry points, the runtime icons and nothing of the sources, source maps or
 *   renderer-only libraries (those are bundled by Vite);
 * - the fuse wire of the Electron binary matches electron-builder.yml, and only the configured
 *   Chromium locales remain.
 *
 *   npx tsx scripts/check-package.ts dist/linux-unpacked      (npm run dist runs it by itself)
 *
 * test/integration/packaging/ packs the app around a stand-in Electron and runs this on it.
 */
import { extractFile, listPackage, statFile } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { parse } from 'yaml'
import { RUNTIME_ICON_FILES, windowIconPath } from '../electron/main/shell/icons'
import { BINDING_FILE, resolveNativeBinding } from '../electron/main/store/native-binding'
import { NATIVE_MANIFEST_PATH, NativeManifest, verifyNativeModules } from '../electron/main/store/native-integrity'

export interface PackageCheckInput {
  /** The unpacked app folder electron-builder wrote. */
  appOutDir: string
  platform: string
  arch: string
  electronVersion: string
  /** The project whose electron-builder.yml produced the package. */
  projectDir: string
}

export interface PackageCheckResult {
  problems: string[]
  /** Native modules found in the package (relative to the resources folder). */
  nativeModules: string[]
  asarEntries: number
}

interface BuilderConfig {
  productName: string
  electronFuses: Record<string, boolean>
  electronLanguages?: string[]
  linux?: { executableName?: string }
}

/** Renderer-only or build-only packages that must never be copied into app.asar. */
const DEV_ONLY = [
  'react',
  'react-dom',
  '@mantine',
  '@tanstack',
  'electron',
  'vite',
  'vitest',
  'typescript',
  '@playwright',
  'sharp',
]

function walk(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...walk(p))
    else out.push(p)
  }
  return out
}

const posix = (p: string): string => p.split(sep).join('/')

function resourcesDirOf(input: PackageCheckInput, config: BuilderConfig): string {
  return input.platform === 'darwin'
    ? join(input.appOutDir, `${config.productName}.app`, 'Contents', 'Resources')
    : join(input.appOutDir, 'resources')
}

function fuseFileOf(input: PackageCheckInput, config: BuilderConfig): string {
  if (input.platform === 'darwin') return join(input.appOutDir, `${config.productName}.app`)
  if (input.platform === 'win32') return join(input.appOutDir, `${config.productName}.exe`)
  return join(input.appOutDir, config.linux?.executableName ?? config.productName)
}

export async function checkPackage(input: PackageCheckInput): Promise<PackageCheckResult> {
  const config = parse(readFileSync(join(input.projectDir, 'electron-builder.yml'), 'utf8')) as BuilderConfig
  const problems: string[] = []
  const resources = resourcesDirOf(input, config)
  const asar = join(resources, 'app.asar')
  if (!existsSync(asar)) return { problems: [`no app.asar in ${resources}`], nativeModules: [], asarEntries: 0 }

  // The asar: entry points, nothing of the sources or dev-only libraries.
  const entries = listPackage(asar, { isPack: false }).map((e) => posix(e).replace(/^\/+/, ''))
  for (const required of [
    'package.json',
    'out/main/index.js',
    // Spawned by main as a utility process (electron/main/shell/index.ts).
    'out/main/core-host.js',
    'out/preload/index.js',
    'out/renderer/index.html',
    posix(NATIVE_MANIFEST_PATH),
  ]) {
    if (!entries.includes(required)) problems.push(`app.asar lacks ${required}`)
  }
  const pkg = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main?: string }
  if (pkg.main !== 'out/main/index.js' || !entries.includes(pkg.main)) problems.push(`package.json main is ${pkg.main}`)
  for (const entry of entries) {
    if (/^(electron|renderer|shared|test|scripts|resources)\//.test(entry))
      problems.push(`source file in app.asar: ${entry}`)
    if (entry.endsWith('.map')) problems.push(`source map in app.asar: ${entry}`)
    if (/node_modules\/better-sqlite3\/(build|deps|src)\//.test(entry))
      problems.push(`better-sqlite3 build leftovers: ${entry}`)
    const top = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(entry)?.[1]
    if (top && DEV_ONLY.some((d) => top === d || top.startsWith(`${d}/`)))
      problems.push(`dev-only package in app.asar: ${top}`)
  }

  // Every runtime dependency's Node entry point is packed (a files exclusion must not remove it).
  const appPkg = JSON.parse(readFileSync(join(input.projectDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
  }
  for (const dep of Object.keys(appPkg.dependencies ?? {})) {
    const manifest = `node_modules/${dep}/package.json`
    if (!entries.includes(manifest)) {
      problems.push(`dependency not packed: ${dep}`)
      continue
    }
    const entry = nodeRequireEntry(JSON.parse(extractFile(asar, manifest).toString('utf8')))
    const candidates = [entry, `${entry}.js`, `${entry}/index.js`].map((e) => `node_modules/${dep}/${e}`)
    if (!candidates.some((c) => entries.includes(c))) problems.push(`${dep}'s entry point ${entry} is not packed`)
  }

  // Native modules: never inside the asar proper, all in the manifest, all verified.
  const nativeModules = new Set<string>()
  for (const entry of entries.filter((e) => e.endsWith('.node'))) {
    const node = statFile(asar, entry) as { unpacked?: boolean }
    if (!node.unpacked) problems.push(`${entry} is inside app.asar (it cannot be loaded from there)`)
    else nativeModules.add(`app.asar.unpacked/${entry}`)
  }
  for (const file of walk(resources).filter((f) => f.endsWith('.node')))
    nativeModules.add(posix(relative(resources, file)))
  for (const file of nativeModules) {
    if (!existsSync(join(resources, ...file.split('/'))))
      problems.push(`${file} is listed in the asar but not unpacked`)
    if (file.endsWith(BINDING_FILE) && file !== `native/${BINDING_FILE}`) problems.push(`extra SQLite binary: ${file}`)
  }
  let manifestFiles: string[] = []
  try {
    manifestFiles = Object.keys(
      NativeManifest.parse(JSON.parse(extractFile(asar, posix(NATIVE_MANIFEST_PATH)).toString('utf8'))).files,
    )
  } catch {
    problems.push('the native manifest is missing or malformed')
  }
  for (const file of nativeModules)
    if (!manifestFiles.includes(file)) problems.push(`${file} is not in the native manifest`)
  for (const file of manifestFiles)
    if (!nativeModules.has(file)) problems.push(`${file} is in the native manifest but not in the package`)
  const check = verifyNativeModules({
    appPath: asar,
    resourcesPath: resources,
    electronVersion: input.electronVersion,
    platform: input.platform,
    arch: input.arch,
    readFile: (p) => (p.startsWith(asar + sep) ? extractFile(asar, posix(relative(asar, p))) : readFileSync(p)),
  })
  if (!check.ok) problems.push(`native modules refused at start: ${check.detail}`)
  const binding = resolveNativeBinding({
    electronVersion: input.electronVersion,
    platform: input.platform,
    arch: input.arch,
    isPackaged: true,
    appPath: asar,
    resourcesPath: resources,
    exists: existsSync,
  })
  if (binding.kind !== 'electron') problems.push(`the app would not find its SQLite module (${binding.kind})`)

  // Icons the window and tray read.
  for (const file of Object.values(RUNTIME_ICON_FILES)) {
    if (!existsSync(join(resources, 'icons', ...file.split('/')))) problems.push(`runtime icon missing: icons/${file}`)
  }
  const windowIcon = windowIconPath({
    isPackaged: true,
    appPath: asar,
    resourcesPath: resources,
    platform: input.platform,
  })
  if (windowIcon && !existsSync(windowIcon)) problems.push(`window icon missing: ${windowIcon}`)

  // Fuses as configured (electron-builder flips them right before signing).
  try {
    const wire = await getCurrentFuseWire(fuseFileOf(input, config))
    for (const [name, index] of Object.entries(FuseV1Options)) {
      if (typeof index !== 'number') continue
      const key = name[0]!.toLowerCase() + name.slice(1)
      const expected = config.electronFuses[key]
      const actual = wire[index as FuseV1Options]
      if (expected === undefined) problems.push(`fuse ${key} is not configured`)
      else if (actual !== (expected ? 49 : 48))
        problems.push(
          `fuse ${key} is ${actual === 49 ? 'on' : actual === 48 ? 'off' : String(actual)}, configured ${expected ? 'on' : 'off'}`,
        )
    }
  } catch (error) {
    problems.push(`cannot read the fuse wire: ${error instanceof Error ? error.message : String(error)}`)
  }

  // Chromium locales (Linux/Windows keep them next to the binary).
  const locales = join(input.appOutDir, 'locales')
  if (config.electronLanguages && input.platform !== 'darwin' && existsSync(locales)) {
    for (const pak of readdirSync(locales).filter((f) => f.endsWith('.pak'))) {
      if (!config.electronLanguages.includes(pak.slice(0, -4))) problems.push(`unexpected Chromium locale: ${pak}`)
    }
  }

  return { problems, nativeModules: [...nativeModules].sort(), asarEntries: entries.length }
}

/** The file `require(name)` loads under Node: `exports["."]` (node, require, default), else `main`. */
export function nodeRequireEntry(pkg: { main?: string; exports?: unknown }): string {
  const pick = (x: unknown): string | undefined => {
    if (typeof x === 'string') return x
    if (!x || typeof x !== 'object') return undefined
    const o = x as Record<string, unknown>
    return pick(o.node) ?? pick(o.require) ?? pick(o.default)
  }
  const exp = pkg.exports
  const fromExports =
    typeof exp === 'string'
      ? exp
      : exp && typeof exp === 'object'
        ? pick((exp as Record<string, unknown>)['.'])
        : undefined
  return (fromExports ?? pkg.main ?? 'index.js').replace(/^\.\//, '')
}

/** electron-builder's name for the unpacked folder of one platform and architecture. */
export function unpackedDirName(platform: string, arch: string): string {
  if (platform === 'darwin') return arch === 'x64' ? 'mac' : `mac-${arch}`
  const os = platform === 'win32' ? 'win' : 'linux'
  return arch === 'x64' ? `${os}-unpacked` : `${os}-${arch}-unpacked`
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(__filename)
if (invokedDirectly) {
  const projectDir = resolve(__dirname, '..')
  const appOutDir = resolve(process.argv[2] ?? join('dist', unpackedDirName(process.platform, process.arch)))
  if (!existsSync(appOutDir)) {
    console.error(`[check-package] ${appOutDir} does not exist (pass the unpacked app folder)`)
    process.exit(2)
  }
  const electronVersion = (
    JSON.parse(readFileSync(join(projectDir, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
  ).version
  void checkPackage({ appOutDir, platform: process.platform, arch: process.arch, electronVersion, projectDir }).then(
    (result) => {
      if (result.problems.length > 0) {
        console.error(`[check-package] ${appOutDir}: ${result.problems.length} problem(s)`)
        for (const p of result.problems) console.error(`  ${p}`)
        process.exit(1)
      }
      console.log(
        `[check-package] ${appOutDir}: OK (${result.asarEntries} asar entries; native modules verified: ${result.nativeModules.join(', ')})`,
      )
    },
  )
}
