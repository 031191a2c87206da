import type Database from 'better-sqlite3'
import { CACHE_SCHEMA } from '../stores'

const tablesOf = new WeakMap<Database.Database, string[]>()

/**
 * The cache tables keyed by account (every table of `cache.sqlite` with an `account_id` column),
 * read from the schema so that a table added later is purged too.
 */
export function accountKeyedCacheTables(db: Database.Database): string[] {
  let tables = tablesOf.get(db)
  if (!tables) {
    tables = db
      .prepare<[string], { name: string }>(
        `SELECT t.name FROM pragma_table_list t
         WHERE t.schema = ? AND t.type = 'table' AND t.name NOT LIKE 'sqlite_%'
           AND EXISTS (SELECT 1 FROM pragma_table_info(t.name, t.schema) c WHERE c.name = 'account_id')
         ORDER BY t.name`,
      )
      .all(CACHE_SCHEMA)
      .map((r) => r.name)
    tablesOf.set(db, tables)
  }
  return tables
}

/**
 * Deletes every cached row of one account. Foreign keys cannot cross from `cache.sqlite` to the
 * accounts in `user.sqlite`, so this replaces the former ON DELETE CASCADE. Runs in the caller's
 * transaction when there is one. Answers the number of rows deleted.
 */
export function purgeAccountCache(db: Database.Database, accountId: string): number {
  let n = 0
  for (const table of accountKeyedCacheTables(db)) {
    n += db.prepare(`DELETE FROM ${CACHE_SCHEMA}."${table}" WHERE account_id = ?`).run(accountId).changes
  }
  return n
}

/** Most rows one purge transaction deletes (issue 11: no long synchronous block in the core). */
export const PURGE_CHUNK_ROWS = 5_000

/** Purge order: what makes an account visible across accounts (organizations, search) goes first. */
const FIRST = ['orgs', 'search_docs']

export interface ChunkedPurgeOptions {
  /** Most rows per transaction (default {@link PURGE_CHUNK_ROWS}). */
  chunkRows?: number
  /** Asked before each chunk, inside its transaction: false stops the purge (e.g. the account came back). */
  shouldContinue?: () => boolean
  /** Lets other work run between chunks (default: one turn of the event loop). */
  pause?: () => Promise<void>
}

/**
 * Deletes every cached row of one account in bounded transactions (at most `chunkRows` rows each),
 * yielding between them, organizations and search entries first. The caller marks the account removed
 * before (so it is neither listed nor synced while this runs, and a purge cut short by a quit is finished
 * at the next start). Answers the number of rows deleted.
 */
export async function purgeAccountCacheChunked(
  db: Database.Database,
  accountId: string,
  options: ChunkedPurgeOptions = {},
): Promise<number> {
  const chunk = Math.max(1, Math.floor(options.chunkRows ?? PURGE_CHUNK_ROWS))
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)))
  const tables = accountKeyedCacheTables(db)
  const ordered = [...FIRST.filter((t) => tables.includes(t)), ...tables.filter((t) => !FIRST.includes(t))]
  let n = 0
  for (const table of ordered) {
    const del = db.prepare(
      `DELETE FROM ${CACHE_SCHEMA}."${table}" WHERE rowid IN
         (SELECT rowid FROM ${CACHE_SCHEMA}."${table}" WHERE account_id = ? LIMIT ?)`,
    )
    for (;;) {
      const deleted = db.transaction(() => {
        if (options.shouldContinue && !options.shouldContinue()) return -1
        return del.run(accountId, chunk).changes
      })()
      if (deleted < 0) return n
      n += deleted
      if (deleted < chunk) break
      await pause()
    }
    await pause()
  }
  return n
}

/** Deletes cached rows of accounts that no longer exist (after a restore of the user data). */
export function purgeOrphanCache(db: Database.Database): number {
  let n = 0
  for (const table of accountKeyedCacheTables(db)) {
    n += db
      .prepare(`DELETE FROM ${CACHE_SCHEMA}."${table}" WHERE account_id NOT IN (SELECT id FROM main.accounts)`)
      .run().changes
  }
  return n
}
