import Database from 'better-sqlite3'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../lib/logger'
import { quickCheck, type Db } from './db'
import { ensurePrivateDir, ensurePrivateFile, makePrivate, SQLITE_COMPANIONS } from './private-files'

/** Why a backup was taken. Daily ones follow the 7-days/4-weeks rule; the others are kept 4 weeks. */
export const BACKUP_REASONS = ['daily', 'migration', 'manual', 'restore'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

export interface BackupFile {
  /** The file name, which is also the backup's id. */
  id: string
  file: string
  /** When it was taken (ms). */
  at: number
  size: number
  reason: BackupReason
}

export const BACKUP_DIR = 'backups'
const DAY = 86_400_000
const WEEK = 7 * DAY
/** Days during which the newest daily backup of each day is kept. */
export const KEEP_DAYS = 7
/** Weeks during which the newest backup of each week is kept. */
export const KEEP_WEEKS = 4

const NAME = /^user-(\d{8})T(\d{6})(\d{3})Z-(daily|migration|manual|restore)\.sqlite$/

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace('.', '')
}

/** Parses `user-20260102T030405123Z-daily.sqlite`; undefined for any other name. */
export function parseBackupName(name: string): { at: number; reason: BackupReason } | undefined {
  const m = NAME.exec(name)
  if (!m) return undefined
  const [, d, t, ms, reason] = m as unknown as [string, string, string, string, BackupReason]
  const at = Date.UTC(
    +d.slice(0, 4),
    +d.slice(4, 6) - 1,
    +d.slice(6, 8),
    +t.slice(0, 2),
    +t.slice(2, 4),
    +t.slice(4, 6),
    +ms,
  )
  return Number.isFinite(at) ? { at, reason } : undefined
}

export function backupName(at: number, reason: BackupReason): string {
  return `user-${stamp(at)}-${reason}.sqlite`
}

/** Monday 00:00 UTC of the week holding `at`. */
function weekStart(at: number): number {
  const day = Math.floor(at / DAY)
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
  return (day - ((day + 3) % 7)) * DAY
}

/**
 * Which backups the retention rule keeps, newest first: for daily backups, the newest of each of
 * the last {@link KEEP_DAYS} days and of each of the last {@link KEEP_WEEKS} weeks; other backups
 * (before a migration, made by hand, before a restore) for {@link KEEP_WEEKS} weeks. The newest
 * backup is always kept, however old.
 */
export function retained(backups: readonly BackupFile[], now: number): Set<string> {
  const sorted = [...backups].sort((a, b) => b.at - a.at)
  const keep = new Set<string>()
  if (sorted[0]) keep.add(sorted[0].id)
  const today = Math.floor(now / DAY)
  const thisWeek = weekStart(now)
  const days = new Set<number>()
  const weeks = new Set<number>()
  for (const b of sorted) {
    if (b.reason !== 'daily') {
      if (now - b.at < KEEP_WEEKS * WEEK) keep.add(b.id)
      continue
    }
    const day = Math.floor(b.at / DAY)
    if (today - day < KEEP_DAYS && !days.has(day)) {
      days.add(day)
      keep.add(b.id)
    }
    const week = weekStart(b.at)
    if ((thisWeek - week) / WEEK < KEEP_WEEKS && !weeks.has(week)) {
      weeks.add(week)
      keep.add(b.id)
    }
  }
  return keep
}

/** True when the file opens as a sound SQLite database. */
export function isSound(file: string, nativeBinding?: string): boolean {
  let db: Db | undefined
  try {
    db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    quickCheck(db)
    return true
  } catch {
    return false
  } finally {
    db?.close()
  }
}

/** After a copy: a self-contained file (no WAL), private. */
function seal(file: string, nativeBinding?: string): void {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {})
  try {
    db.pragma('journal_mode = DELETE')
  } finally {
    db.close()
  }
  makePrivate(file)
  for (const suffix of SQLITE_COMPANIONS) rmSync(file + suffix, { force: true })
}

/**
 * Backups of `user.sqlite` in `<dataDir>/backups/` (0700; files 0600). Taken with SQLite's online
 * backup API while the app runs (`create`), or with `VACUUM INTO` (`createNow`, synchronous: before a
 * migration, when nothing else runs). Each backup is a complete, self-contained database file.
 */
export class Backups {
  readonly dir: string

  constructor(
    private readonly o: { dataDir: string; logger: Logger; now: () => number; nativeBinding?: string | undefined },
  ) {
    this.dir = join(o.dataDir, BACKUP_DIR)
  }

  /** Every backup, newest first. */
  list(): BackupFile[] {
    if (!existsSync(this.dir)) return []
    const out: BackupFile[] = []
    for (const id of readdirSync(this.dir)) {
      const parsed = parseBackupName(id)
      if (!parsed) continue
      const file = join(this.dir, id)
      try {
        out.push({ id, file, at: parsed.at, reason: parsed.reason, size: statSync(file).size })
      } catch {
        // Removed meanwhile (another process pruned it).
      }
    }
    return out.sort((a, b) => b.at - a.at)
  }

  get(id: string): BackupFile | undefined {
    return this.list().find((b) => b.id === id)
  }

  /** The newest backup that passes SQLite's quick check (damaged ones are skipped and logged). */
  newestSound(): BackupFile | undefined {
    for (const b of this.list()) {
      if (isSound(b.file, this.o.nativeBinding)) return b
      this.o.logger.warn('backup failed its check, skipped', { backup: b.id })
    }
    return undefined
  }

  private target(reason: BackupReason): { id: string; file: string; at: number } {
    ensurePrivateDir(this.dir)
    let at = this.o.now()
    // Two backups in the same millisecond (tests, a double click) get distinct names.
    while (existsSync(join(this.dir, backupName(at, reason)))) at++
    const id = backupName(at, reason)
    const file = join(this.dir, id)
    ensurePrivateFile(file)
    return { id, file, at }
  }

  private done(t: { id: string; file: string; at: number }, reason: BackupReason): BackupFile {
    seal(t.file, this.o.nativeBinding)
    const info: BackupFile = { ...t, reason, size: statSync(t.file).size }
    this.o.logger.info('backup written', { backup: info.id, size: info.size })
    this.prune()
    return info
  }

  /** A synchronous copy of the `main` schema of `db` (VACUUM INTO: consistent, compacted). */
  createNow(db: Db, reason: BackupReason): BackupFile {
    const t = this.target(reason)
    try {
      db.prepare('VACUUM main INTO ?').run(t.file)
    } catch (error) {
      rmSync(t.file, { force: true })
      throw error
    }
    return this.done(t, reason)
  }

  /** SQLite's online backup of the `main` schema of `db`, page by page, without blocking writers. */
  async create(db: Db, reason: BackupReason): Promise<BackupFile> {
    const t = this.target(reason)
    try {
      await db.backup(t.file)
    } catch (error) {
      rmSync(t.file, { force: true })
      throw error
    }
    return this.done(t, reason)
  }

  /** Applies the retention rule; answers the ids removed. */
  prune(): string[] {
    const all = this.list()
    const keep = retained(all, this.o.now())
    const removed: string[] = []
    for (const b of all) {
      if (keep.has(b.id)) continue
      rmSync(b.file, { force: true })
      removed.push(b.id)
    }
    if (removed.length > 0) this.o.logger.info('old backups removed', { removed })
    return removed
  }

  /** The newest daily backup's time, or undefined. */
  lastDailyAt(): number | undefined {
    return this.list().find((b) => b.reason === 'daily')?.at
  }
}
