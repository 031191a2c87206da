import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../lib/logger'
import { isCorruption, moveAside, openConnection, quickCheck, type Db } from './db'
import { migrate } from './migrate'
import { CACHE_MIGRATIONS, USER_MIGRATIONS } from './migrations'
import { LEGACY_FINAL_VERSION, LEGACY_MIGRATIONS } from './migrations/legacy'
import { ensurePrivateFile, makePrivate, SQLITE_COMPANIONS } from './private-files'

/** The single database file of versions before the split. */
export const LEGACY_FILE = 'switchboard.sqlite'
/** What the legacy file is renamed to once split (kept: nothing is ever deleted by the split). */
export const LEGACY_KEPT_FILE = 'switchboard.sqlite.before-split'
export const USER_FILE = 'user.sqlite'
export const CACHE_FILE = 'cache.sqlite'

const TMP_PREFIX = '.split-'

export interface TableCopy {
  table: string
  store: 'user' | 'cache'
  copied: number
  /** Rows that could not be read or written (a damaged legacy file). */
  skipped: number
  error?: string
}

export interface SplitOutcome {
  /** Where the legacy file now is. */
  keptAs: string
  tables: TableCopy[]
  /** True when the legacy file failed its integrity check (what could be read was copied). */
  damaged: boolean
}

/** Tables of one schema that hold rows (no virtual tables, no FTS shadow tables). */
export function plainTables(db: Db, schema: string): string[] {
  return db
    .prepare<[string], { name: string }>(
      "SELECT name FROM pragma_table_list WHERE schema = ? AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all(schema)
    .map((r) => r.name)
}

export function columnsOf(db: Db, schema: string, table: string): string[] {
  return db
    .prepare<[string, string], { name: string }>('SELECT name FROM pragma_table_info(?, ?) ORDER BY cid')
    .all(table, schema)
    .map((r) => r.name)
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * Copies every table of `main` (a freshly migrated store) from the attached `source` schema: in one
 * statement when the file is sound, row by row (skipping what cannot be read) when it is not.
 * Columns are matched by name (a source at an older version lacks some; they take their defaults).
 */
export function copyTables(db: Db, source: string, store: 'user' | 'cache', logger: Logger): TableCopy[] {
  let legacyTables: Set<string>
  try {
    legacyTables = new Set(plainTables(db, source))
  } catch (error) {
    // Not a database at all: nothing can be read.
    return [{ table: '*', store, copied: 0, skipped: 0, error: error instanceof Error ? error.message : String(error) }]
  }
  const out: TableCopy[] = []
  for (const table of plainTables(db, 'main')) {
    if (!legacyTables.has(table)) continue
    const legacyColumns = new Set(columnsOf(db, source, table))
    const columns = columnsOf(db, 'main', table).filter((c) => legacyColumns.has(c))
    const list = columns.map(quote).join(', ')
    const entry: TableCopy = { table, store, copied: 0, skipped: 0 }
    try {
      entry.copied = db.transaction(
        () =>
          db.prepare(`INSERT INTO main.${quote(table)} (${list}) SELECT ${list} FROM ${source}.${quote(table)}`).run()
            .changes,
      )()
    } catch (error) {
      // Damaged pages: keep every row that can still be read.
      entry.error = error instanceof Error ? error.message : String(error)
      const insert = db.prepare(
        `INSERT OR IGNORE INTO main.${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
      )
      const select = db.prepare(`SELECT ${list} FROM ${source}.${quote(table)}`).raw(true)
      // Read first (a damaged page ends the read and spoils the open transaction), then write.
      const rows: unknown[][] = []
      try {
        for (const row of select.iterate() as IterableIterator<unknown[]>) rows.push(row)
      } catch (readError) {
        entry.skipped++
        logger.warn('copy: stopped reading a damaged table', {
          table,
          read: rows.length,
          error: readError instanceof Error ? readError.message : String(readError),
        })
      }
      db.transaction(() => {
        for (const row of rows) {
          try {
            entry.copied += insert.run(...row).changes
          } catch {
            entry.skipped++
          }
        }
      })()
    }
    out.push(entry)
  }
  return out
}

/** Creates `file` afresh at version 1 of `migrations` and fills it from the attached legacy file. */
function buildStore(
  file: string,
  legacy: string,
  store: 'user' | 'cache',
  nativeBinding: string | undefined,
  logger: Logger,
): TableCopy[] {
  const db = openConnection(file, nativeBinding)
  try {
    // Version 1 of each store has the legacy columns; later versions migrate the copy as usual.
    migrate(db, store === 'user' ? USER_MIGRATIONS : CACHE_MIGRATIONS, logger, 1)
    db.pragma('foreign_keys = OFF')
    db.prepare('ATTACH DATABASE ? AS legacy').run(legacy)
    const tables = copyTables(db, 'legacy', store, logger)
    db.exec('DETACH DATABASE legacy')
    db.pragma('foreign_keys = ON')
    return tables
  } finally {
    db.close()
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

/** Removes what an interrupted split left behind (`mine`: this process's files, else dead processes'). */
function removeLeftovers(dataDir: string, mine: boolean): void {
  for (const name of readdirSync(dataDir)) {
    const match = name.startsWith(TMP_PREFIX) ? /^\.split-(\d+)-/.exec(name) : null
    if (!match) continue
    const pid = Number(match[1])
    if (mine ? pid === process.pid : !alive(pid)) rmSync(join(dataDir, name), { force: true })
  }
}

/**
 * Splits the single `switchboard.sqlite` of earlier versions into `user.sqlite` and `cache.sqlite`
 * without losing a row: the legacy file is copied, brought to its last schema version (4), and
 * each table is copied into the store it now belongs to (at that store's version 1, whose columns
 * are the legacy ones). The new files replace nothing until both are complete; the legacy file is
 * then kept as `switchboard.sqlite.before-split`. An interrupted split starts over at the next open.
 *
 * Answers undefined when there is nothing to split.
 */
export function splitLegacyStore(o: {
  dataDir: string
  logger: Logger
  nativeBinding?: string | undefined
}): SplitOutcome | undefined {
  const legacy = join(o.dataDir, LEGACY_FILE)
  const userFile = join(o.dataDir, USER_FILE)
  const cacheFile = join(o.dataDir, CACHE_FILE)
  const kept = join(o.dataDir, LEGACY_KEPT_FILE)
  removeLeftovers(o.dataDir, false)
  if (!existsSync(legacy)) return undefined
  const keep = (): string => {
    const target = existsSync(kept) ? `${kept}-${Date.now()}` : kept
    moveAside(legacy, target)
    makePrivate(target)
    return target
  }
  if (existsSync(userFile)) {
    // A split finished before the legacy file could be renamed (or an older version ran again):
    // the stores are authoritative; the legacy file is kept, never merged twice.
    const keptAs = keep()
    o.logger.warn('legacy database kept beside the split stores', { keptAs })
    return undefined
  }

  const tag = `${TMP_PREFIX}${process.pid}-`
  const work = join(o.dataDir, `${tag}legacy.sqlite`)
  const userTmp = join(o.dataDir, `${tag}${USER_FILE}`)
  const cacheTmp = join(o.dataDir, `${tag}${CACHE_FILE}`)
  try {
    // A consistent copy to work on: the legacy file itself is never written.
    let damaged = false
    try {
      const source = openConnection(legacy, o.nativeBinding)
      try {
        quickCheck(source)
        source.pragma('wal_checkpoint(TRUNCATE)')
      } finally {
        source.close()
      }
    } catch (error) {
      if (!isCorruption(error)) throw error
      damaged = true
    }
    ensurePrivateFile(work)
    copyFileSync(legacy, work)
    for (const suffix of SQLITE_COMPANIONS) {
      if (existsSync(legacy + suffix)) copyFileSync(legacy + suffix, work + suffix)
    }
    if (!damaged) {
      const db = openConnection(work, o.nativeBinding)
      try {
        const version = db.pragma('user_version', { simple: true }) as number
        if (version > LEGACY_FINAL_VERSION) {
          throw new Error(`the legacy database is at version ${version}, newer than this app knows (4)`)
        }
        migrate(db, LEGACY_MIGRATIONS, o.logger, LEGACY_FINAL_VERSION)
      } finally {
        db.close()
      }
    }
    const tables = [
      ...buildStore(userTmp, work, 'user', o.nativeBinding, o.logger),
      ...buildStore(cacheTmp, work, 'cache', o.nativeBinding, o.logger),
    ]
    // Cache first: a crash between the two renames leaves no user.sqlite, so the split runs again.
    renameSync(cacheTmp, cacheFile)
    renameSync(userTmp, userFile)
    const keptAs = keep()
    o.logger.info('split the legacy database into user.sqlite and cache.sqlite', {
      keptAs,
      damaged,
      tables: tables.map((t) => `${t.store}.${t.table}: ${t.copied}${t.skipped ? ` (${t.skipped} skipped)` : ''}`),
    })
    return { keptAs, tables, damaged }
  } finally {
    removeLeftovers(o.dataDir, true)
  }
}
