import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../lib/logger'
import { openConnection, quickCheck, type Db } from './db'
import { migrate } from './migrate'
import { USER_MIGRATIONS } from './migrations'
import { ensurePrivateFile } from './private-files'
import { copyTables, plainTables, type TableCopy } from './split'

export class BackupNewerError extends Error {
  override readonly name = 'BackupNewerError'
}

/**
 * Replaces the content of the live `main` schema (user.sqlite) with a backup, in one transaction,
 * on the running connection: prepared statements stay valid and no restart is needed. The backup is
 * copied first and migrated to the current schema; the copy is removed afterwards.
 */
export function restoreInto(
  db: Db,
  backupFile: string,
  o: { workDir: string; logger: Logger; nativeBinding?: string | undefined },
): TableCopy[] {
  const work = join(o.workDir, `.restoring-${process.pid}.sqlite`)
  ensurePrivateFile(work)
  try {
    copyFileSync(backupFile, work)
    const src = openConnection(work, o.nativeBinding)
    try {
      quickCheck(src)
      const version = src.pragma('user_version', { simple: true }) as number
      if (version > USER_MIGRATIONS.length)
        throw new BackupNewerError(`backup schema ${version} is newer than this app (${USER_MIGRATIONS.length})`)
      migrate(src, USER_MIGRATIONS, o.logger)
    } finally {
      src.close()
    }
    const queryOnly = db.pragma('query_only', { simple: true }) === 1
    db.pragma('query_only = OFF')
    db.pragma('foreign_keys = OFF')
    db.prepare('ATTACH DATABASE ? AS restore_src').run(work)
    try {
      return db.transaction(() => {
        for (const table of plainTables(db, 'main')) db.exec(`DELETE FROM main."${table}"`)
        return copyTables(db, 'restore_src', 'user', o.logger)
      })()
    } catch (error) {
      if (queryOnly) db.pragma('query_only = ON')
      throw error
    } finally {
      db.exec('DETACH DATABASE restore_src')
      db.pragma('foreign_keys = ON')
    }
  } finally {
    rmSync(work, { force: true })
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(work + suffix, { force: true })
  }
}
