import Database from 'better-sqlite3'
import { existsSync, renameSync } from 'node:fs'
import type { Logger } from '../lib/logger'
import { migrate } from './migrate'
import type { Migration } from './migrations'
import { ensurePrivateFile, SQLITE_COMPANIONS } from './private-files'

export type Db = Database.Database

export interface OpenStoreFileOptions {
  /** Path of the SQLite file. */
  file: string
  logger: Logger
  /** The store's migrations (USER_MIGRATIONS or CACHE_MIGRATIONS). */
  migrations: readonly Migration[]
  /** Path of a better-sqlite3 `.node` built for the current runtime (Electron); see native-binding.ts. */
  nativeBinding?: string | undefined
  /** Called with the file's schema version when migrations are about to run (the user store backs up). */
  beforeMigrate?: (db: Db, fromVersion: number, toVersion: number) => void
}

/** Statements slower than this are logged (Signal's threshold). */
export const SLOW_QUERY_MS = 40

/** Opens a SQLite file with the app's pragmas (WAL, foreign keys, busy timeout); private mode on POSIX. */
export function openConnection(file: string, nativeBinding?: string, readonly = false): Db {
  if (!readonly) ensurePrivateFile(file)
  const db = new Database(file, {
    ...(nativeBinding ? { nativeBinding } : {}),
    ...(readonly ? { readonly: true, fileMustExist: true } : {}),
  })
  try {
    if (!readonly) db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Throws when SQLite's quick check of the main schema finds damage. */
export function quickCheck(db: Db, schema = 'main'): void {
  const check = db.pragma(`${schema}.quick_check`, { simple: true })
  if (check !== 'ok') throw new Error(`quick_check failed: ${String(check)}`)
}

/**
 * Opens one store file, checks it (quick_check) and migrates it to the newest version of its list.
 * Throws on damage (see {@link isCorruption}); the caller applies the store's failure policy.
 */
export function openStoreFile(options: OpenStoreFileOptions): Db {
  const db = openConnection(options.file, options.nativeBinding)
  try {
    quickCheck(db)
    const current = db.pragma('user_version', { simple: true }) as number
    if (current < options.migrations.length) options.beforeMigrate?.(db, current, options.migrations.length)
    migrate(db, options.migrations, options.logger)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** True when an error says the file is damaged or not a database at all. */
export function isCorruption(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  return (
    code === 'SQLITE_NOTADB' ||
    code === 'SQLITE_CORRUPT' ||
    code === 'SQLITE_CORRUPT_VTAB' ||
    /file is not a database|malformed|quick_check failed/i.test(error.message)
  )
}

/** `<file>.<label>-<timestamp>`, the name a damaged file is kept under. */
export function asideName(file: string, label: string, at: number): string {
  return `${file}.${label}-${new Date(at).toISOString().replace(/[:.]/g, '-')}`
}

/** Renames a database file and its -wal/-shm companions; answers the new name of the main file. */
export function moveAside(file: string, to: string): string {
  renameSync(file, to)
  for (const suffix of SQLITE_COMPANIONS) {
    if (existsSync(file + suffix)) renameSync(file + suffix, to + suffix)
  }
  return to
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
