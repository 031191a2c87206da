/**
 * `backup list | create | restore <id>`: the user-data backups (see electron/main/store/backups.ts).
 * Parsing is pure (unit-tested); running takes only the store service.
 */
import type { BackupInfo } from '../../../shared/domain/store'
import type { StoreService } from '../../main/services/store-service'
import { dateTimeFromMs, table } from '../format'

export type BackupCommand = { kind: 'backup-list' } | { kind: 'backup-create' } | { kind: 'backup-restore'; id: string }

export const BACKUP_USAGE = `Backups (of the user data: accounts, settings, ledger, prices, history, audit)
  backup list                        Backups, newest first (date, size, why it was taken).
  backup create                      Take a backup now.
  backup restore <id>                Restore a backup (ids from "backup list"); the current data is
                                     backed up first, so a restore can be undone.`

/** Parses the words after `backup`; answers undefined for an unknown sub-command (the caller says so). */
export function parseBackupCommand(words: readonly string[]): BackupCommand | { error: string } {
  const [sub, ...rest] = words
  if (sub === 'list' || sub === 'ls')
    return rest.length ? { error: `Unexpected argument: ${rest.join(' ')}` } : { kind: 'backup-list' }
  if (sub === 'create')
    return rest.length ? { error: `Unexpected argument: ${rest.join(' ')}` } : { kind: 'backup-create' }
  if (sub === 'restore') {
    const [id, ...more] = rest
    if (id === undefined || id.trim() === '') return { error: 'backup restore needs the backup id (see: backup list).' }
    if (more.length > 0) return { error: `Unexpected argument: ${more.join(' ')}` }
    return { kind: 'backup-restore', id: id.trim() }
  }
  return { error: sub === undefined ? 'backup: list, create or restore?' : `Unknown command: backup ${sub}` }
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function rows(backups: readonly BackupInfo[]): string {
  return table(backups, [
    { header: 'ID', value: (b) => b.id },
    { header: 'TAKEN', value: (b) => dateTimeFromMs(b.at) ?? '' },
    { header: 'SIZE', value: (b) => size(b.size), align: 'right' },
    { header: 'WHY', value: (b) => b.reason },
  ])
}

export async function runBackupCommand(
  store: StoreService,
  command: BackupCommand,
): Promise<{ json: unknown; human: string }> {
  switch (command.kind) {
    case 'backup-list': {
      const backups = store.listBackups()
      return {
        json: { backupDir: store.status().backupDir, backups },
        human: backups.length === 0 ? `No backup yet in ${store.status().backupDir}.` : rows(backups),
      }
    }
    case 'backup-create': {
      const backup = await store.createBackup('manual')
      return { json: backup, human: `Backup written: ${backup.id} (${size(backup.size)}).` }
    }
    case 'backup-restore': {
      const result = await store.restore(command.id)
      return {
        json: result,
        human: [
          `Restored ${result.restored.id} (taken ${dateTimeFromMs(result.restored.at) ?? '?'}).`,
          result.safetyBackup ? `The data as it was just before is in ${result.safetyBackup.id}.` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      }
    }
  }
}
