import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { migrate } from '../../../electron/main/store/migrate'
import { USER_MIGRATIONS } from '../../../electron/main/store/migrations'

/** Every table's rows, for comparing a store before and after a migration. */
function snapshot(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
  return Object.fromEntries(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY 1`).all()]))
}

describe('user.sqlite migration 005 (removed accounts, offboarding runs, pins and recents)', () => {
  it('keeps every row of a populated version-2 store through 003–005 and adds its tables', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    expect(migrate(db, USER_MIGRATIONS, memoryLogger(), 2)).toBe(2)
    db.exec(`
      INSERT INTO accounts (id, label, base_url, created_at, email) VALUES
        ('a1', 'Agency', 'https://api.infomaniak.com', 1, 'ops@agency.example'),
        ('a2', 'Client', 'https://api.infomaniak.com', 2, NULL);
      INSERT INTO settings (key, value, updated_at) VALUES ('theme', '"dark"', 3);
      INSERT INTO hygiene_decisions (finding_key, account_id, org_id, rule, kind, until, reason, decided_at)
        VALUES ('k1', 'a1', 7, 'no_2fa', 'accepted', NULL, 'Key in the safe', 4);
      INSERT INTO hygiene_history (account_id, org_id, day, open, high, medium, low, score)
        VALUES ('a1', 7, '2026-11-27', 3, 1, 1, 1, 80);
      INSERT INTO saved_views (screen, name, state, created_at, updated_at) VALUES ('inventory', 'VIP', '{}', 5, 5);
    `)
    const before = snapshot(db)
    expect(Object.values(before).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThanOrEqual(6)

    expect(migrate(db, USER_MIGRATIONS, memoryLogger())).toBe(USER_MIGRATIONS.length)
    expect(USER_MIGRATIONS.map((m) => m.version)).toEqual(USER_MIGRATIONS.map((_, i) => i + 1))
    const after = snapshot(db)
    for (const [table, rows] of Object.entries(before)) {
      // Same rows; accounts gain `removed_at` (NULL: not removed).
      expect(after[table]?.map((r) => ({ ...(r as object), removed_at: undefined }))).toEqual(
        rows.map((r) => ({ ...(r as object), removed_at: undefined })),
      )
    }
    expect(db.prepare('SELECT count(*) FROM accounts WHERE removed_at IS NULL').pluck().get()).toBe(2)
    for (const table of ['offboarding_runs', 'offboarding_run_orgs', 'offboarding_steps', 'org_prefs'])
      expect(after[table]).toEqual([])

    // A removed account keeps the fleet's decisions and history (they cascade only on a real delete).
    db.prepare("UPDATE accounts SET removed_at = 9 WHERE id = 'a1'").run()
    expect(db.prepare('SELECT count(*) FROM hygiene_decisions').pluck().get()).toBe(1)
    expect(db.prepare('SELECT count(*) FROM hygiene_history').pluck().get()).toBe(1)
  })
})
