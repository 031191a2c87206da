/**
 * `backup list | create | restore <id>`: backups of the user data (accounts, settings, ledger, prices,
 * history, audit); see electron/main/store/backups.ts.
 */
import type { BackupInfo } from '../../../shared/domain/store'
import { noPositionals, UsageError } from '../args'
import { defineCommand } from '../command'
import { dateTimeFromMs, table } from '../format'

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

export const backupList = defineCommand({
  kind: 'backup-list',
  words: ['backup', 'list'],
  aliases: [['backup', 'ls']],
  group: 'Backups',
  options: {},
  usage: '  backup list                        Backups of the user data, newest first (date, size, why).',
  parse({ positionals }) {
    noPositionals(positionals)
    return {}
  },
  run(ctx) {
    const store = ctx.core.services.store
    const backups = store.listBackups()
    const backupDir = store.status().backupDir
    return {
      json: { backupDir, backups },
      human: backups.length === 0 ? `No backup yet in ${backupDir}.` : rows(backups),
    }
  },
})

export const backupCreate = defineCommand({
  kind: 'backup-create',
  words: ['backup', 'create'],
  group: 'Backups',
  options: {},
  usage: '  backup create                      Take a backup now.',
  parse({ positionals }) {
    noPositionals(positionals)
    return {}
  },
  async run(ctx) {
    const backup = await ctx.core.services.store.createBackup('manual')
    return { json: backup, human: `Backup written: ${backup.id} (${size(backup.size)}).` }
  },
})

export const backupRestore = defineCommand({
  kind: 'backup-restore',
  words: ['backup', 'restore'],
  group: 'Backups',
  options: {},
  usage: `  backup restore <id>                Restore a backup (ids from "backup list"); the current data is
                                     backed up first, so a restore can be undone.`,
  parse({ positionals }) {
    const [id, ...more] = positionals
    if (id === undefined || id.trim() === '')
      throw new UsageError('backup restore needs the backup id (see: backup list).')
    if (more.length > 0) throw new UsageError(`Unexpected argument: ${more.join(' ')}`)
    return { id: id.trim() }
  },
  async run(ctx, { id }) {
    const result = await ctx.core.services.store.restore(id)
    return {
      json: result,
      human: [
        `Restored ${result.restored.id} (taken ${dateTimeFromMs(result.restored.at) ?? '?'}).`,
        result.safetyBackup ? `The data as it was just before is in ${result.safetyBackup.id}.` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    }
  },
})
