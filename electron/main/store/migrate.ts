import type Database from 'better-sqlite3'
import type { Logger } from '../lib/logger'
import type { Migration } from './migrations'

/**
 * Brings the database to the newest schema version, one transaction per migration,
 * tracking the version in `PRAGMA user_version`.
 *
 * Refuses a database written by a newer app (its version is above every known migration),
 * because running older code on it could lose data.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  logger: Logger,
  target?: number,
): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version)
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration versions must be 1..n without gaps (found ${m.version} at ${i + 1})`)
  })
  const latest = target ?? sorted.length
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > sorted.length) {
    throw new Error(`database schema version ${current} is newer than this app supports (${sorted.length})`)
  }
  for (const m of sorted) {
    if (m.version <= current || m.version > latest) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
    logger.info('migrated', { version: m.version, name: m.name })
  }
  return db.pragma('user_version', { simple: true }) as number
}
