import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Logger } from '../lib/logger'
import { migrate } from './migrate'
import { MIGRATIONS, type Migration } from './migrations'

export type Db = Database.Database

export interface OpenDatabaseOptions {
  /** Path of the SQLite file, or `:memory:`. */
  file: string
  logger: Logger
  /** Path of a better-sqlite3 `.node` built for the current runtime (Electron); see native-binding.ts. */
  nativeBinding?: string | undefined
  /** For tests: the migrations to apply (defaults to all). */
  migrations?: readonly Migration[]
  /** Clock for the timestamp of a moved-aside corrupt file. */
  now?: () => number
}

export interface OpenedDatabase {
  db: Db
  /** Set when the previous file was unreadable and has been moved aside. */
  recovered?: { movedTo: string; reason: string }
}

/** Statements slower than this are logged (Signal's threshold). */
export const SLOW_QUERY_MS = 40

function openRaw(options: OpenDatabaseOptions): Db {
  const db = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    if (options.file !== ':memory:') {
      const check = db.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new Error(`quick_check failed: ${String(check)}`)
    }
    migrate(db, options.migrations ?? MIGRATIONS, options.logger)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

function isCorruption(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  return (
    code === 'SQLITE_NOTADB' ||
    code === 'SQLITE_CORRUPT' ||
    /file is not a database|malformed|quick_check failed/i.test(error.message)
  )
}

/**
 * Opens the cache with WAL and foreign keys and migrates it.
 *
 * A corrupt or unreadable file is moved aside as `<file>.corrupt-<timestamp>` (with its
 * -wal and -shm companions) and a fresh database is created; the caller tells the user.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true })
  try {
    return { db: openRaw(options) }
  } catch (error) {
    if (options.file === ':memory:' || !isCorruption(error)) throw error
    const stamp = new Date((options.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-')
    const movedTo = `${options.file}.corrupt-${stamp}`
    renameSync(options.file, movedTo)
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(options.file + suffix)) renameSync(options.file + suffix, movedTo + suffix)
    }
    const reason = error instanceof Error ? error.message : String(error)
    options.logger.error('database unreadable, moved aside', { movedTo, reason })
    return { db: openRaw(options), recovered: { movedTo, reason } }
  }
}

/**
 * Runs `fn` and logs it when it takes longer than {@link SLOW_QUERY_MS}.
 * Repositories wrap their heavier reads with it.
 */
export function timed<T>(
  logger: Logger,
  label: string,
  fn: () => T,
  now: () => number = performance.now.bind(performance),
): T {
  const start = now()
  try {
    return fn()
  } finally {
    const ms = now() - start
    if (ms > SLOW_QUERY_MS) logger.warn('slow query', { label, ms: Math.round(ms) })
  }
}
