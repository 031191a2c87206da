import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { migrate } from '../../../electron/main/store/migrate'
import {
  CACHE_MIGRATIONS,
  LEGACY_MIGRATIONS,
  USER_MIGRATIONS,
  type Migration,
} from '../../../electron/main/store/migrations'

const LISTS: [string, readonly Migration[]][] = [
  ['user', USER_MIGRATIONS],
  ['cache', CACHE_MIGRATIONS],
  ['legacy', LEGACY_MIGRATIONS],
]

describe.each(LISTS)('%s migrations', (_name, MIGRATIONS) => {
  it('are numbered 1..n', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0)
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1))
  })

  it('apply to an empty database and are idempotent', () => {
    const db = new Database(':memory:')
    expect(migrate(db, MIGRATIONS, memoryLogger())).toBe(MIGRATIONS.length)
    expect(migrate(db, MIGRATIONS, memoryLogger())).toBe(MIGRATIONS.length)
    db.close()
  })
})

describe('migration runner', () => {
  const MIGRATIONS = USER_MIGRATIONS

  it('refuses a database from a newer app', () => {
    const db = new Database(':memory:')
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    expect(() => migrate(db, MIGRATIONS, memoryLogger())).toThrow(/newer than this app/)
    db.close()
  })

  it('rolls back a failing migration entirely', () => {
    const db = new Database(':memory:')
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT')
          d.exec('THIS IS NOT SQL')
        },
      },
    ]
    expect(() => migrate(db, broken, memoryLogger())).toThrow()
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 })
    db.close()
  })
})

describe('user migration 001 settings', () => {
  it('creates a STRICT settings table that only accepts JSON values', () => {
    const db = new Database(':memory:')
    migrate(db, USER_MIGRATIONS, memoryLogger(), 1)
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('language', '"fr"', 1)
    expect(() =>
      db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('x', 'not json', 1),
    ).toThrow()
    expect(() =>
      db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('y', '1', 'soon'),
    ).toThrow()
    db.close()
  })
})
