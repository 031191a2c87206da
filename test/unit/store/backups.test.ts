import { describe, expect, it } from 'vitest'
import {
  backupName,
  parseBackupName,
  retained,
  type BackupFile,
  type BackupReason,
} from '../../../electron/main/store/backups'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0) // a Friday

function backup(at: number, reason: BackupReason = 'daily'): BackupFile {
  const id = backupName(at, reason)
  return { id, file: id, at, size: 1, reason }
}

describe('backup names', () => {
  it('round-trip the time (to the millisecond) and the reason', () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5, 678)
    expect(backupName(at, 'migration')).toBe('user-20260102T030405678Z-migration.sqlite')
    expect(parseBackupName(backupName(at, 'migration'))).toEqual({ at, reason: 'migration' })
  })

  it('ignore anything else in the folder', () => {
    for (const name of [
      'user.sqlite',
      'user-2026-daily.sqlite',
      'user-20260102T030405678Z-weird.sqlite',
      '.restoring-1.sqlite',
    ])
      expect(parseBackupName(name)).toBeUndefined()
  })
})

describe('retention: the last 7 days and the last 4 weeks', () => {
  it('keeps the newest daily backup of each of the last 7 days and of each of the last 4 weeks', () => {
    // One daily backup a day for 60 days, two on the most recent days.
    const all = Array.from({ length: 60 }, (_, i) => backup(NOW - i * DAY - 3_600_000))
    all.push(backup(NOW - 60_000))
    const keep = retained(all, NOW)
    const kept = all.filter((b) => keep.has(b.id)).map((b) => Math.round((NOW - b.at) / DAY))
    // Days 0..6 (the newest of today only), then the newest of each earlier week within 4 weeks.
    // NOW is a Friday: the last 7 days are Saturday..Friday (days 0-6); the 4 weeks since Monday three
    // weeks ago add the Sundays ending the two weeks before the one of day 6 (days 12 and 19).
    expect(kept.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 12, 19])
    expect(keep.has(backupName(NOW - 60_000, 'daily'))).toBe(true)
    expect(keep.has(backupName(NOW - 3_600_000, 'daily'))).toBe(false)
  })

  it('keeps other backups four weeks, and always the newest one', () => {
    const old = backup(NOW - 40 * DAY, 'manual')
    expect(retained([old], NOW)).toEqual(new Set([old.id]))
    const recent = backup(NOW - 27 * DAY, 'migration')
    const keep = retained([old, recent, backup(NOW - 29 * DAY, 'restore')], NOW)
    expect([...keep]).toEqual([recent.id])
  })
})
