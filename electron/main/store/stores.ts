import { join } from 'node:path'
import type { Logger } from '../lib/logger'
import { asideName, isCorruption, moveAside, openConnection, openStoreFile, type Db } from './db'
import { CACHE_MIGRATIONS, USER_MIGRATIONS } from './migrations'
import { ensurePrivateDir } from './private-files'
import { CACHE_FILE, splitLegacyStore, USER_FILE, type SplitOutcome } from './split'

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
  /** The file was damaged: it was moved aside and an empty store created. */
  | { state: 'reset'; movedTo: string; detail: string }

export interface StoresStatus {
  cache: CacheOpenState
  user: UserOpenState
  /** Set when this open split the single `switchboard.sqlite` of an earlier version. */
  split?: SplitOutcome
}

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

/** Opens (creating or migrating) `user.sqlite` and answers its connection. */
function openUser(o: OpenStoresOptions, file: string): { db: Db; state: UserOpenState } {
  try {
    return {
      db: openStoreFile({ file, logger: o.logger, migrations: USER_MIGRATIONS, nativeBinding: o.nativeBinding }),
      state: { state: 'ok' },
    }
  } catch (error) {
    if (!isCorruption(error)) throw error
    const movedTo = moveAside(file, asideName(file, 'damaged', o.now()))
    o.logger.error('user store unreadable, moved aside', { movedTo, reason: message(error) })
    return {
      db: openStoreFile({ file, logger: o.logger, migrations: USER_MIGRATIONS, nativeBinding: o.nativeBinding }),
      state: { state: 'reset', movedTo, detail: message(error) },
    }
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
  const cache = prepareCache(o, cacheFile)
  const user = openUser(o, userFile)
  const db = user.db
  try {
    db.prepare(`ATTACH DATABASE ? AS ${CACHE_SCHEMA}`).run(cacheFile)
    db.pragma(`${CACHE_SCHEMA}.synchronous = NORMAL`)
  } catch (error) {
    db.close()
    throw error
  }
  const status: StoresStatus = { cache, user: user.state, ...(split ? { split } : {}) }
  return { db, userFile, cacheFile, status, close: () => db.close() }
}

/** Reopens the data folder's stores read-only, cache attached (inspection tools and tests). */
export function openStoresReadonly(dataDir: string, nativeBinding?: string): Db {
  const db = openConnection(join(dataDir, USER_FILE), nativeBinding, true)
  db.prepare(`ATTACH DATABASE ? AS ${CACHE_SCHEMA}`).run(join(dataDir, CACHE_FILE))
  return db
}
