/**
 * Files chosen for an import, known to the renderer by an opaque id only: the core reads them from
 * disk (the app's open dialog gave their path; the browser shell streamed an upload to a temporary
 * file). A compromised renderer can therefore never make the core read a path of its choosing.
 */
import { randomUUID } from 'node:crypto'
import { readFile, rm, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { FileRef } from '../../../shared/domain/files'
import { AppError } from '../lib/app-error'

interface Entry {
  path: string
  fileName: string
  byteLength: number
  /** A temporary copy this inbox deletes when it forgets the entry (uploads); not the user's own file. */
  owned: boolean
  at: number
}

export class FileInbox {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly o: { now: () => number; maxEntries?: number; maxAgeMs?: number } = { now: Date.now }) {}

  /** Registers a file on disk; answers the reference the renderer uses. */
  async register(path: string, options: { fileName?: string; owned: boolean }): Promise<FileRef> {
    const byteLength = (await stat(path)).size
    const fileId = randomUUID()
    const fileName = options.fileName ?? basename(path)
    this.entries.set(fileId, { path, fileName, byteLength, owned: options.owned, at: this.o.now() })
    await this.prune()
    return { fileId, fileName, byteLength }
  }

  /** The file behind an id; NOT_FOUND when unknown or expired (choose the file again). */
  get(fileId: string): { path: string; fileName: string; byteLength: number } {
    const entry = this.entries.get(fileId)
    if (!entry) throw new AppError('NOT_FOUND', 'files.gone')
    return { path: entry.path, fileName: entry.fileName, byteLength: entry.byteLength }
  }

  /** Reads the whole file (asynchronously: the thread keeps serving meanwhile). */
  async read(fileId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const { path, fileName } = this.get(fileId)
    try {
      return { fileName, bytes: await readFile(path) }
    } catch {
      throw new AppError('NOT_FOUND', 'files.unreadable')
    }
  }

  /** Forgets a file (and deletes it when it is a temporary copy). */
  async release(fileId: string): Promise<void> {
    const entry = this.entries.get(fileId)
    if (!entry) return
    this.entries.delete(fileId)
    if (entry.owned) await rm(entry.path, { force: true })
  }

  /** Forgets everything (the core closes). */
  async clear(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.release(id)))
  }

  private async prune(): Promise<void> {
    const maxAge = this.o.maxAgeMs ?? 60 * 60_000
    const max = this.o.maxEntries ?? 20
    const now = this.o.now()
    for (const [id, entry] of this.entries) if (now - entry.at > maxAge) await this.release(id)
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      await this.release(oldest)
    }
  }
}
