import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { CACHE_SCHEMA } from '../../electron/main/store/stores'

/**
 * A data folder's two stores on one connection, as the app sees them (`user.sqlite` as `main`,
 * `cache.sqlite` attached as `cache`), for tests that inspect or damage the files directly.
 */
export function openDataDir(dataDir: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(join(dataDir, 'user.sqlite'), options.readonly ? { readonly: true } : {})
  db.prepare(`ATTACH DATABASE ? AS ${CACHE_SCHEMA}`).run(join(dataDir, 'cache.sqlite'))
  return db
}

/** Copies both stores of a data folder with SQLite's online backup. */
export async function copyDataDir(from: string, to: string): Promise<void> {
  mkdirSync(to, { recursive: true })
  for (const file of ['user.sqlite', 'cache.sqlite']) {
    const db = new Database(join(from, file), { readonly: true })
    try {
      await db.backup(join(to, file))
    } finally {
      db.close()
    }
  }
}
