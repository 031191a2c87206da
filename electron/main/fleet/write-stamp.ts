import type Database from 'better-sqlite3'

/**
 * Moves whenever either store was written: `total_changes()` counts this connection's writes (the
 * core's own), SQLite's `data_version` of each schema moves when another connection wrote it (a CLI
 * sync, an import, a test seeding the file). Cheap (no table read): the key of the fleet's memos.
 */
export function writeStamp(db: Database.Database): string {
  const version = (schema: string): string => {
    try {
      return String(db.pragma(`${schema}.data_version`, { simple: true }))
    } catch {
      return '-'
    }
  }
  const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0
  return `${changes}|${version('main')}|${version('cache')}`
}
