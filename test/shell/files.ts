/**
 * Files between the browser and the core, never through `invoke`: finished exports are offered
 * once at a random URL and streamed as a download (then deleted); an import is streamed by the
 * browser to a temporary file that the core host then reads. The HTTP process only moves bytes
 * between sockets and disk, in chunks: it never holds a whole file.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

interface Offer {
  path: string
  fileName: string
  mimeType: string
  byteLength: number
  timer: NodeJS.Timeout
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

export class UploadTooLarge extends Error {
  override readonly name = 'UploadTooLarge'
}

export class ShellFiles {
  private readonly offers = new Map<string, Offer>()

  constructor(
    private readonly o: {
      uploadDir: string
      maxUploadBytes: number
      /** How long an offered download stays available (default 10 minutes). */
      offerTtlMs?: number
    },
  ) {}

  /** Offers a finished file once; answers the path of its URL (`/__shell/download/<token>`). */
  offer(file: { path: string; fileName: string; mimeType: string; byteLength: number }): string {
    const token = randomBytes(24).toString('base64url')
    const timer = setTimeout(() => void this.forget(token), this.o.offerTtlMs ?? 10 * 60_000)
    timer.unref()
    this.offers.set(token, { ...file, timer })
    return `/__shell/download/${token}`
  }

  /** Streams an offered file (once), then deletes it. False when the token is unknown or used. */
  async download(token: string, res: ServerResponse): Promise<boolean> {
    const offer = this.offers.get(token)
    if (!offer) return false
    this.offers.delete(token)
    clearTimeout(offer.timer)
    res.writeHead(200, {
      'Content-Type': offer.mimeType,
      'Content-Length': String(offer.byteLength),
      'Content-Disposition': contentDisposition(offer.fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    try {
      await pipeline(createReadStream(offer.path), res)
    } finally {
      await rm(offer.path, { force: true })
    }
    return true
  }

  /** Streams a request body to a new temporary file; throws UploadTooLarge past the limit. */
  async receive(req: IncomingMessage): Promise<string> {
    await mkdir(this.o.uploadDir, { recursive: true })
    const path = join(this.o.uploadDir, randomUUID())
    const declared = Number(req.headers['content-length'] ?? '0')
    if (declared > this.o.maxUploadBytes) throw new UploadTooLarge()
    let size = 0
    const limit = this.o.maxUploadBytes
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length
        if (size > limit) done(new UploadTooLarge())
        else done(null, chunk)
      },
    })
    try {
      await pipeline(req, counter, createWriteStream(path, { mode: 0o600 }))
      return path
    } catch (error) {
      await rm(path, { force: true })
      throw error
    }
  }

  /** Deletes every file still offered. */
  async close(): Promise<void> {
    await Promise.all([...this.offers.keys()].map((token) => this.forget(token)))
  }

  private async forget(token: string): Promise<void> {
    const offer = this.offers.get(token)
    if (!offer) return
    this.offers.delete(token)
    clearTimeout(offer.timer)
    await rm(offer.path, { force: true })
  }
}
