import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { migrate } from '../../../electron/main/store/migrate'
import { CACHE_MIGRATIONS } from '../../../electron/main/store/migrations'

const tables = (db: Database.Database): string[] =>
  db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((r) => r.name)

describe('cache.sqlite migration 005 (drops the never-filled domains and partnerships tables)', () => {
  it('drops both tables from a version-4 store and keeps every other table and its rows', () => {
    const db = new Database(':memory:')
    expect(migrate(db, CACHE_MIGRATIONS, memoryLogger(), 4)).toBe(4)
    expect(tables(db)).toEqual(expect.arrayContaining(['domains', 'partnerships', 'orgs', 'products']))
    db.exec(`
      INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES ('a1', 1, 'Acme', 'owner', 1);
      INSERT INTO domains (account_id, name) VALUES ('a1', 'acme.ch');
      INSERT INTO partnerships (account_id, id) VALUES ('a1', 3);
    `)
    const before = tables(db)

    expect(migrate(db, CACHE_MIGRATIONS, memoryLogger(), 5)).toBe(5)
    expect(tables(db)).toEqual(before.filter((t) => t !== 'domains' && t !== 'partnerships'))
    expect(db.prepare('SELECT account_id, id, name FROM orgs').all()).toEqual([
      { account_id: 'a1', id: 1, name: 'Acme' },
    ])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('runs on a store where the tables are already gone', () => {
    const db = new Database(':memory:')
    migrate(db, CACHE_MIGRATIONS, memoryLogger(), 4)
    db.exec('DROP TABLE domains; DROP TABLE partnerships;')
    expect(migrate(db, CACHE_MIGRATIONS, memoryLogger(), 5)).toBe(5)
    expect(tables(db)).not.toContain('domains')
    db.close()
  })
})
