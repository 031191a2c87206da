import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { ensurePrivateDir, makePrivate, PRIVATE_FILE_MODE } from '../store/private-files'
import { atLeast, createLogger, type LogLevel, type LogRecord, type Logger } from './logger'

export interface LogFileOptions {
  /** The log folder (made private: 0700; files 0600). */
  dir: string
  /** `switchboard` gives switchboard.log, then switchboard.1.log … (older ones). */
  baseName: string
  /** A file is rotated once it reaches this size. */
  maxBytes?: number
  /** How many rotated files are kept besides the current one. */
  keep?: number
}

export interface LogFileInfo {
  name: string
  size: number
  modifiedAt: number
}

export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024
export const DEFAULT_LOG_KEEP = 4

/**
 * JSON lines in size-capped, rotating files: at most (keep + 1) × maxBytes on disk. Each record is
 * written whole with one synchronous write (a crash loses at most the line being written). Records
 * arrive already redacted (createLogger redacts every message and field).
 */
export class RotatingLogFile {
  private fd: number | null = null
  private size = 0
  readonly maxBytes: number
  readonly keep: number

  constructor(private readonly o: LogFileOptions) {
    this.maxBytes = o.maxBytes ?? DEFAULT_LOG_MAX_BYTES
    this.keep = o.keep ?? DEFAULT_LOG_KEEP
  }

  get file(): string {
    return join(this.o.dir, `${this.o.baseName}.log`)
  }

  private rotated(n: number): string {
    return join(this.o.dir, `${this.o.baseName}.${n}.log`)
  }

  private open(): number {
    if (this.fd === null) {
      ensurePrivateDir(this.o.dir)
      this.fd = openSync(this.file, 'a', PRIVATE_FILE_MODE)
      makePrivate(this.file)
      this.size = fstatSync(this.fd).size
    }
    return this.fd
  }

  private rotate(): void {
    this.close()
    rmSync(this.rotated(this.keep), { force: true })
    for (let n = this.keep - 1; n >= 1; n--) {
      if (existsSync(this.rotated(n))) renameSync(this.rotated(n), this.rotated(n + 1))
    }
    if (existsSync(this.file)) renameSync(this.file, this.rotated(1))
  }

  write(record: LogRecord): void {
    const line = `${JSON.stringify(record)}\n`
    const bytes = Buffer.byteLength(line)
    try {
      if (this.fd !== null && this.size > 0 && this.size + bytes > this.maxBytes) this.rotate()
      else if (this.fd === null && existsSync(this.file) && statSync(this.file).size + bytes > this.maxBytes)
        this.rotate()
      const fd = this.open()
      writeSync(fd, line)
      this.size += bytes
    } catch {
      // A log that cannot be written (disk full, folder removed) must never break the app.
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  /** The log files of this folder, newest first. */
  static list(dir: string): LogFileInfo[] {
    if (!existsSync(dir)) return []
    return readdirSync(dir)
      .filter((name) => name.endsWith('.log'))
      .map((name) => {
        const s = statSync(join(dir, name))
        return { name, size: s.size, modifiedAt: Math.round(s.mtimeMs) }
      })
      .sort((a, b) => b.modifiedAt - a.modifiedAt || a.name.localeCompare(b.name))
  }
}

/** A logger sink writing to the console (or anywhere) and to a rotating file. */
export function teeSink(...sinks: ((record: LogRecord) => void)[]): (record: LogRecord) => void {
  return (record) => {
    for (const sink of sinks) sink(record)
  }
}

/** The folder of the log files in a data folder. */
export function logDirOf(dataDir: string): string {
  return join(dataDir, 'logs')
}

/**
 * The logger of a host (app, browser shell, CLI): records from `minLevel` up to a rotating file in
 * `dir`, and to `console` (when given; it filters its own level). Answers the logger and the file
 * (to close it on exit).
 */
export function fileLogger(o: {
  dir: string
  baseName: string
  minLevel?: LogLevel
  console?: (record: LogRecord) => void
  maxBytes?: number
  keep?: number
}): { logger: Logger; file: RotatingLogFile } {
  const fileLevel = o.minLevel ?? 'info'
  const file = new RotatingLogFile({
    dir: o.dir,
    baseName: o.baseName,
    ...(o.maxBytes !== undefined ? { maxBytes: o.maxBytes } : {}),
    ...(o.keep !== undefined ? { keep: o.keep } : {}),
  })
  const toFile = (r: LogRecord): void => {
    if (atLeast(r.level, fileLevel)) file.write(r)
  }
  const sink = o.console ? teeSink(o.console, toFile) : toFile
  // The console may want more detail than the file (debug): the logger lets both through.
  return { logger: createLogger(sink, 'core', o.console ? 'debug' : fileLevel), file }
}
