import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../lib/logger'
import { Backups } from './backups'
import { asideName, isCorruption, moveAside, openConnection, openStoreFile, type Db } from './db'
import { CACHE_MIGRATIONS, USER_MIGRATIONS } from './migrations'
import { ensurePrivateDir, ensurePrivateFile, PRIVATE_FILE_MODE } from './private-files'
import { CACHE_FILE, copyTables, splitLegacyStore, USER_FILE, type SplitOutcome, type TableCopy } from './split'

/** The schema name of `cache.sqlite` on the app's connection (`user.sqlite` is `main`). */
export const CACHE_SCHEMA = 'cache'

/** What happened to the cache at open. */
export type CacheOpenState =
  | { state: 'ok' }
  /** The file could not be used; it was moved aside and an empty cache created (the next sync refills it). */
  | { state: 'rebuilt'; reason: 'corrupt' | 'newer_version'; movedTo: string; detail: string }

/** What happened to the user store at open. */
export type UserOpenState =
  | { state: 'ok' }
  /** The file was damaged: it was kept aside and the newest sound backup put in its place. */
  | { state: 'restored'; at: number; damagedKeptAs: string; backupId: string; backupAt: number; detail: string }
  /**
   * The file was damaged and no sound backup exists: what could be read was copied into a new store,
   * opened read-only until the user chooses to keep it (or restores a backup).
   */
  | { state: 'read_only'; at: number; damagedKeptAs: string; tables: TableCopy[]; detail: string }

export interface StoresStatus {
  cache: CacheOpenState
  user: UserOpenState
  /** Set when this open split the single `switchboard.sqlite` of an earlier version. */
  split?: SplitOutcome
}

/** Beside user.sqlite while it holds only what could be read from a damaged file (read-only). */
export const READ_ONLY_MARKER = 'user.sqlite.read-only.json'

export interface Stores {
  /**
   * One connection: `user.sqlite` as `main`, `cache.sqlite` attached as `cache`. Table names are
   * unique across the two files, so SQL names tables without a schema; a job's cache rows and the
   * history rows they produce commit in one transaction.
   */
  db: Db
  userFile: string
  cacheFile: string
  status: StoresStatus
  backups: Backups
  /** True while the user store is read-only (a damaged file without backup, see {@link UserOpenState}). */
  readOnly(): boolean
  /** Leaves read-only mode: what was recovered becomes the user store. */
  keepRecovered(): void
  close(): void
}

export interface OpenStoresOptions {
  dataDir: string
  logger: Logger
  nativeBinding?: string | undefined
  now: () => number
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function isNewer(error: unknown): boolean {
  return error instanceof Error && /newer than this app/.test(error.message)
}

/** Opens (creating, migrating, or rebuilding) `cache.sqlite`; closes it again (it is attached later). */
function prepareCache(o: OpenStoresOptions, file: string): CacheOpenState {
  try {
    openStoreFile({ file, logger: o.logger, migrations: CACHE_MIGRATIONS, nativeBinding: o.nativeBinding }).close()
    return { state: 'ok' }
  } catch (error) {
    const reason = isCorruption(error) ? 'corrupt' : isNewer(error) ? 'newer_version' : null
    if (reason === null) throw error
    // The cache is disposable: set it aside, start empty, let the next sync rebuild it.
    const movedTo = moveAside(file, asideName(file, reason === 'corrupt' ? 'corrupt' : 'newer', o.now()))
    o.logger.error('cache unreadable, moved aside; the next sync rebuilds it', { movedTo, reason: message(error) })
    openStoreFile({ file, logger: o.logger, migrations: CACHE_MIGRATIONS, nativeBinding: o.nativeBinding }).close()
    return { state: 'rebuilt', reason, movedTo, detail: message(error) }
  }
}

function openUserFile(o: OpenStoresOptions, file: string, backups: Backups): Db {
  return openStoreFile({
    file,
    logger: o.logger,
    migrations: USER_MIGRATIONS,
    nativeBinding: o.nativeBinding,
    // Before any migration of an existing store, a copy of it as it was.
    beforeMigrate: (db, from) => {
      if (from > 0) backups.createNow(db, 'migration')
    },
  })
}

/**
 * Opens `user.sqlite` with its failure policy: it is never replaced silently. A damaged file is
 * kept aside and the newest sound backup restored; without one, what can be read is copied into a
 * new store, opened read-only, and the state is recorded beside it until the user decides.
 */
function openUser(o: OpenStoresOptions, file: string, backups: Backups): { db: Db; state: UserOpenState } {
  const marker = join(o.dataDir, READ_ONLY_MARKER)
  try {
    const db = openUserFile(o, file, backups)
    if (!existsSync(marker)) return { db, state: { state: 'ok' } }
    // Still the recovered copy the user has not accepted yet.
    db.pragma('query_only = ON')
    try {
      const recorded = JSON.parse(readFileSync(marker, 'utf8')) as Extract<UserOpenState, { state: 'read_only' }>
      return { db, state: { ...recorded, state: 'read_only' } }
    } catch {
      return { db, state: { state: 'read_only', at: 0, damagedKeptAs: '', tables: [], detail: 'unknown' } }
    }
  } catch (error) {
    if (!isCorruption(error)) throw error
    const at = o.now()
    const detail = message(error)
    const damagedKeptAs = moveAside(file, asideName(file, 'damaged', at))
    o.logger.error('user store damaged, kept aside', { damagedKeptAs, reason: detail })
    const backup = backups.newestSound()
    if (backup) {
      ensurePrivateFile(file)
      copyFileSync(backup.file, file)
      const db = openUserFile(o, file, backups)
      o.logger.warn('user store restored from backup', { backup: backup.id, damagedKeptAs })
      return {
        db,
        state: { state: 'restored', at, damagedKeptAs, backupId: backup.id, backupAt: backup.at, detail },
      }
    }
    const db = openUserFile(o, file, backups)
    let tables: TableCopy[]
    try {
      db.pragma('foreign_keys = OFF')
      db.prepare('ATTACH DATABASE ? AS damaged').run(damagedKeptAs)
      tables = copyTables(db, 'damaged', 'user', o.logger)
    } catch (copyError) {
      tables = [{ table: '*', store: 'user', copied: 0, skipped: 0, error: message(copyError) }]
    } finally {
      try {
        db.exec('DETACH DATABASE damaged')
      } catch {
        // Not attached (the damaged file could not even be opened).
      }
      db.pragma('foreign_keys = ON')
    }
    const state: Extract<UserOpenState, { state: 'read_only' }> = {
      state: 'read_only',
      at,
      damagedKeptAs,
      tables,
      detail,
    }
    writeFileSync(marker, JSON.stringify(state), { mode: PRIVATE_FILE_MODE })
    db.pragma('query_only = ON')
    o.logger.error('no sound backup: the user store opens read-only on what could be read', {
      damagedKeptAs,
      copied: tables.reduce((n, t) => n + t.copied, 0),
    })
    return { db, state }
  }
}

/**
 * Opens the two stores of a data folder (made private: 0700, files 0600): splits a legacy
 * `switchboard.sqlite` first, applies each store's failure policy, migrates both, and answers one
 * connection with the cache attached.
 */
export function openStores(o: OpenStoresOptions): Stores {
  ensurePrivateDir(o.dataDir)
  const split = splitLegacyStore({ dataDir: o.dataDir, logger: o.logger, nativeBinding: o.nativeBinding })
  const userFile = join(o.dataDir, USER_FILE)
  const cacheFile = join(o.dataDir, CACHE_FILE)
  const backups = new Backups({ dataDir: o.dataDir, logger: o.logger, now: o.now, nativeBinding: o.nativeBinding })
  const cache = prepareCache(o, cacheFile)
  const user = openUser(o, userFile, backups)
  const db = user.db
  try {
    db.prepare(`ATTACH DATABASE ? AS ${CACHE_SCHEMA}`).run(cacheFile)
    db.pragma(`${CACHE_SCHEMA}.synchronous = NORMAL`)
  } catch (error) {
    db.close()
    throw error
  }
  const status: StoresStatus = { cache, user: user.state, ...(split ? { split } : {}) }
  const marker = join(o.dataDir, READ_ONLY_MARKER)
  return {
    db,
    userFile,
    cacheFile,
    status,
    backups,
    readOnly: () => db.pragma('query_only', { simple: true }) === 1,
    keepRecovered: () => {
      db.pragma('query_only = OFF')
      rmSync(marker, { force: true })
      o.logger.info('the recovered user store was kept')
    },
    close: () => db.close(),
  }
}

/** Reopens the data folder's stores read-only, cache attached (inspection tools and tests). */
export function openStoresReadonly(dataDir: string, nativeBinding?: string): Db {
  const db = openConnection(join(dataDir, USER_FILE), nativeBinding, true)
  db.prepare(`ATTACH DATABASE ? AS ${CACHE_SCHEMA}`).run(join(dataDir, CACHE_FILE))
  return db
}
