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
