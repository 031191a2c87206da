/**
 * How exports reach the user without travelling through IPC. The host environment says how:
 * - the app (Electron): main shows the save dialog BEFORE the work starts and the core writes the
 *   file straight to the chosen path;
 * - the browser shell: the core writes a temporary file and the shell offers it once as a download
 *   (the renderer opens the URL; the shell streams the file and deletes it);
 * - no host (tests, CLI): the core writes a file under `<dataDir>/exports` and answers its path.
 */
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { DeliveredFile } from '../../../shared/domain/files'
import { AppError } from '../lib/app-error'

/** A file produced in memory (small exports: matrices, reports, calendars). */
export interface FileContent {
  fileName: string
  mimeType: string
  bytes: Uint8Array
}

/** A file produced piece by piece (large exports): written as it is produced, never whole in memory. */
export interface StreamedFile {
  fileName: string
  mimeType: string
  chunks: Iterable<string | Uint8Array>
}

/** Pieces written between two yields to the event loop (other calls are served in between). */
const CHUNKS_PER_TURN = 16

/** What the host environment offers (all optional: without them files stay in `<dataDir>/exports`). */
export interface FileHost {
  /** The app: the save dialog; the chosen path, or null when the user cancelled. */
  chooseSavePath?: (suggestedName: string, mimeType: string) => Promise<string | null>
  /** The browser shell: offers a finished temporary file once; answers the URL the renderer opens. */
  offerDownload?: (file: { path: string; fileName: string; mimeType: string; byteLength: number }) => Promise<string>
  /** The app: the open dialog for an import; the chosen path, or null when the user cancelled. */
  chooseOpenPath?: (purpose: 'billing-import') => Promise<string | null>
}

/** Where an export is being written. */
export interface ExportTarget {
  path: string
  fileName: string
  mimeType: string
  /** True when the user chose the path (save dialog); false for a temporary file. */
  chosen: boolean
}

export class FileDelivery {
  constructor(
    private readonly o: {
      /** Folder for temporary exports (`<dataDir>/exports`). */
      exportsDir: string
      host: FileHost
    },
  ) {}

  /** Asks where an export goes; null when the user cancelled the save dialog. */
  async target(fileName: string, mimeType: string): Promise<ExportTarget | null> {
    if (this.o.host.chooseSavePath) {
      const path = await this.o.host.chooseSavePath(fileName, mimeType)
      return path === null ? null : { path, fileName, mimeType, chosen: true }
    }
    await mkdir(this.o.exportsDir, { recursive: true })
    const path = join(this.o.exportsDir, `${randomUUID()}${extname(fileName)}`)
    return { path, fileName, mimeType, chosen: false }
  }

  /** The file at `target.path` is complete: hands it over. */
  async finish(target: ExportTarget): Promise<DeliveredFile> {
    const byteLength = (await stat(target.path)).size
    const base = { fileName: target.fileName, mimeType: target.mimeType, byteLength }
    if (!target.chosen && this.o.host.offerDownload) {
      const downloadUrl = await this.o.host.offerDownload({ ...base, path: target.path })
      return { ...base, savedPath: null, downloadUrl }
    }
    return { ...base, savedPath: target.path, downloadUrl: null }
  }

  /** The export failed or was abandoned: removes what was written. */
  async discard(target: ExportTarget): Promise<void> {
    await rm(target.path, { force: true })
  }

  /**
   * A file produced piece by piece: asks where it goes, writes each piece as it comes (honouring the
   * stream's back-pressure and yielding to the event loop every few pieces, so a long export does not
   * hold the core), hands it over. A failure removes what was written.
   */
  async stream(file: StreamedFile): Promise<DeliveredFile> {
    const target = await this.target(file.fileName, file.mimeType)
    if (!target) throw new AppError('CANCELLED', 'billing.exportNotSaved')
    const out = createWriteStream(target.path)
    const failed = new Promise<never>((_, reject) => out.once('error', reject))
    failed.catch(() => undefined)
    try {
      let n = 0
      for (const chunk of file.chunks) {
        if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed])
        if (++n % CHUNKS_PER_TURN === 0) await Promise.race([new Promise((r) => setImmediate(r)), failed])
      }
      await Promise.race([new Promise<void>((r) => out.end(r)), failed])
      return await this.finish(target)
    } catch (error) {
      out.destroy()
      await this.discard(target)
      throw error
    }
  }

  /** A file produced in memory: asks where it goes, writes it, hands it over. */
  async deliver(content: FileContent): Promise<DeliveredFile> {
    const target = await this.target(content.fileName, content.mimeType)
    if (!target) throw new AppError('CANCELLED', 'files.notSaved')
    try {
      await writeFile(target.path, content.bytes)
      return await this.finish(target)
    } catch (error) {
      await this.discard(target)
      throw error
    }
  }
}
