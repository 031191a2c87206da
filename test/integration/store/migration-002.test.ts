import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { migrate } from '../../../electron/main/store/migrate'
import { LEGACY_MIGRATIONS as MIGRATIONS } from '../../../electron/main/store/migrations'

function migratedTo(version: number): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, MIGRATIONS, memoryLogger(), version)
  return db
}

function seedAccount(db: Database.Database, id: string): void {
  db.prepare(
    "INSERT INTO accounts (id, label, base_url, created_at) VALUES (?, 'A', 'https://api.infomaniak.com', 1)",
  ).run(id)
}

describe('migration 002 cache', () => {
  it('keeps version-1 data (settings) and adds the cache tables', () => {
    const db = migratedTo(1)
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('language', '"fr"', 1)
    migrate(db, MIGRATIONS, memoryLogger(), 2)
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').get('language')).toEqual({ value: '"fr"' })
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => r.name)
    for (const t of [
      'accounts',
      'orgs',
      'products',
      'product_rights',
      'org_users',
      'teams',
      'team_members',
      'domains',
      'partnerships',
      'sync_state',
      'sync_runs',
      'access_history',
      'audit_log',
      'search_index',
    ]) {
      expect(tables).toContain(t)
    }
    db.close()
  })

  it('is STRICT and keyed by account: deleting an account cascades to exactly its rows', () => {
    const db = migratedTo(2)
    seedAccount(db, 'a1')
    seedAccount(db, 'a2')
    for (const acc of ['a1', 'a2']) {
      db.prepare(
        "INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES (?, 7, 'Same Org SA', 'admin', 1)",
      ).run(acc)
      db.prepare(
        "INSERT INTO products (account_id, id, org_id, service_name, customer_name, synced_at) VALUES (?, 1, 7, 'domain', 'x.ch', 1)",
      ).run(acc)
    }
    expect(() =>
      db
        .prepare(
          "INSERT INTO products (account_id, id, org_id, service_name, customer_name, synced_at) VALUES ('a1', 'two', 7, 'domain', 'y.ch', 1)",
        )
        .run(),
    ).toThrow()
    expect(() =>
      db
        .prepare("INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES ('nobody', 1, 'X', 'admin', 1)")
        .run(),
    ).toThrow(/FOREIGN KEY/)
    db.prepare("DELETE FROM accounts WHERE id = 'a2'").run()
    expect(db.prepare('SELECT account_id, count(*) AS n FROM products GROUP BY account_id').all()).toEqual([
      { account_id: 'a1', n: 1 },
    ])
    expect(db.prepare('SELECT account_id FROM orgs').all()).toEqual([{ account_id: 'a1' }])
    db.close()
  })

  it('answers the hot queries from indexes, not table scans', () => {
    const db = migratedTo(2)
    const plan = (sql: string, ...args: unknown[]) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args)
        .map((r) => (r as { detail: string }).detail)
        .join(' | ')
    expect(plan('SELECT * FROM products WHERE account_id = ? AND org_id = ?', 'a', 1)).toMatch(
      /USING INDEX products_by_org/,
    )
    expect(plan('SELECT * FROM products WHERE expired_at IS NOT NULL AND expired_at <= ?', 5)).toMatch(
      /USING INDEX products_by_expiry/,
    )
    expect(plan('SELECT * FROM org_users WHERE email = ? COLLATE NOCASE', 'x')).toMatch(
      /USING INDEX org_users_by_email/,
    )
    expect(plan('SELECT * FROM access_history WHERE account_id = ? AND org_id = ? AND at > ?', 'a', 1, 0)).toMatch(
      /USING INDEX access_history_by_org/,
    )
    db.close()
  })
})
