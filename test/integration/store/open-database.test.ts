import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { openDatabase } from '../../../electron/main/store/db'
import { tempDir } from '../../helpers/temp'

describe('openDatabase', () => {
  const temps: (() => void)[] = []
  afterEach(() => temps.splice(0).forEach((c) => c()))

  it('opens with WAL and foreign keys', () => {
    const t = tempDir()
    temps.push(t.cleanup)
    const { db, recovered } = openDatabase({ file: join(t.dir, 'c.sqlite'), logger: memoryLogger() })
    expect(recovered).toBeUndefined()
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('moves an unreadable file aside and starts fresh', () => {
    const t = tempDir()
    temps.push(t.cleanup)
    const file = join(t.dir, 'c.sqlite')
    writeFileSync(file, 'this is definitely not an SQLite database, just some text padding '.repeat(100))
    const logger = memoryLogger()
    const { db, recovered } = openDatabase({ file, logger, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) })
    expect(recovered?.movedTo).toBe(`${file}.corrupt-2026-01-02T03-04-05-000Z`)
    expect(existsSync(recovered!.movedTo)).toBe(true)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(readdirSync(t.dir).some((f) => f.includes('.corrupt-'))).toBe(true)
    expect(logger.records.some((r) => r.level === 'error')).toBe(true)
    db.close()
  })
})
