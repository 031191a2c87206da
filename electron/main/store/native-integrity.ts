import { createHash } from 'node:crypto'
import { isAbsolute, join, normalize, sep } from 'node:path'
import { z } from 'zod'
import nativeFiles from './native-files.json'

/**
 * Verification of the native modules a packaged app loads from outside app.asar
 * (better-sqlite3 for Electron in `resources/native/`, keytar in `app.asar.unpacked/`).
 *
 * The asar's own integrity check (fuse `enableEmbeddedAsarIntegrityValidation`) does not cover
 * files outside it, and a `.node` file cannot be loaded from inside it. So the electron-builder
 * `beforePack` hook (scripts/builder/native-manifest.mjs) writes the SHA-256 of each of them into
 * `out/native-manifest.json`, which is packed *inside* app.asar, and the app checks the files
 * against it before loading either module. On Windows, where a per-user install is writable by
 * the user, the asar (manifest included) is integrity-checked by Electron, so a swapped `.node`
 * file is refused. On Linux the install is root-owned or read-only (deb, AppImage) and the check
 * catches a damaged or mismatched package. On macOS the code signature does this job (hardened
 * runtime with library validation), and code signing rewrites the `.node` files after the
 * manifest was written, so the check is not applied there.
 */

/** Where the manifest lives, relative to the app root (`app.getAppPath()`: app.asar when packaged). */
export const NATIVE_MANIFEST_PATH = join('out', 'native-manifest.json')

/** Packaged path (relative to the resources folder) -> build source; the list the hook hashes. */
export const NATIVE_FILES: Readonly<Record<string, string>> = nativeFiles.files

export const NativeManifest = z
  .object({
    version: z.literal(1),
    electron: z.string().min(1),
    platform: z.string().min(1),
    arch: z.string().min(1),
    /** SHA-256 (hex) by packaged path relative to the resources folder, forward slashes. */
    files: z.record(z.string().min(1), z.string().regex(/^[0-9a-f]{64}$/)),
  })
  .strict()
export type NativeManifest = z.infer<typeof NativeManifest>

export type NativeCheck =
  | { ok: true; verified: string[] }
  | {
      ok: false
      reason: 'no-manifest' | 'bad-manifest' | 'wrong-target' | 'incomplete' | 'missing-file' | 'mismatch'
      file?: string
      detail: string
    }

export interface NativeCheckInput {
  /** `app.getAppPath()` (the app.asar path; Electron's fs reads inside it). */
  appPath: string
  /** `process.resourcesPath`. */
  resourcesPath: string
  electronVersion: string
  platform: string
  arch: string
  readFile(path: string): Buffer
}

/** Whether the packaged-app check applies: packaged, and not macOS (see the module comment). */
export function nativeCheckApplies(isPackaged: boolean, platform: string): boolean {
  return isPackaged && platform !== 'darwin'
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/** A manifest key must stay inside the resources folder. */
function safeRelative(key: string): boolean {
  const n = normalize(key)
  return !isAbsolute(key) && n !== '..' && !n.startsWith(`..${sep}`) && !key.includes('\\')
}

/**
 * Checks every native module listed in {@link NATIVE_FILES} against the manifest packed in
 * app.asar. Synchronous on purpose: it runs once at start, before either module is loaded.
 */
export function verifyNativeModules(input: NativeCheckInput): NativeCheck {
  let raw: unknown
  try {
    raw = JSON.parse(input.readFile(join(input.appPath, NATIVE_MANIFEST_PATH)).toString('utf8'))
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT'
    return missing
      ? { ok: false, reason: 'no-manifest', detail: 'The package has no native-module manifest.' }
      : { ok: false, reason: 'bad-manifest', detail: 'The native-module manifest cannot be read.' }
  }
  const parsed = NativeManifest.safeParse(raw)
  if (!parsed.success || !Object.keys(parsed.data.files).every(safeRelative)) {
    return { ok: false, reason: 'bad-manifest', detail: 'The native-module manifest is malformed.' }
  }
  const manifest = parsed.data
  if (
    manifest.electron !== input.electronVersion ||
    manifest.platform !== input.platform ||
    manifest.arch !== input.arch
  ) {
    return {
      ok: false,
      reason: 'wrong-target',
      detail: `The native modules were built for Electron ${manifest.electron} on ${manifest.platform}-${manifest.arch}, not Electron ${input.electronVersion} on ${input.platform}-${input.arch}.`,
    }
  }
  const verified: string[] = []
  for (const file of Object.keys(NATIVE_FILES)) {
    const expected = manifest.files[file]
    if (!expected) return { ok: false, reason: 'incomplete', file, detail: `${file} is not in the manifest.` }
    let data: Buffer
    try {
      data = input.readFile(join(input.resourcesPath, ...file.split('/')))
    } catch {
      return { ok: false, reason: 'missing-file', file, detail: `${file} is missing.` }
    }
    if (sha256(data) !== expected) {
      return { ok: false, reason: 'mismatch', file, detail: `${file} does not match the build (modified or damaged).` }
    }
    verified.push(file)
  }
  return { ok: true, verified }
}
