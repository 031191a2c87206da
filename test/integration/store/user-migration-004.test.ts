import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { migrate } from '../../../electron/main/store/migrate'
import { USER_MIGRATIONS } from '../../../electron/main/store/migrations'

function at(version: number): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, USER_MIGRATIONS, memoryLogger(), version)
  return db
}

describe('user.sqlite migration 004 reminders', () => {
  it('adds the reminder tables to a version-3 user store without touching its rows; they go with their account', () => {
    const db = at(3)
    db.prepare("INSERT INTO accounts (id, label, base_url, created_at) VALUES ('a1', 'A', 'https://x', 1)").run()
    db.prepare(
      "INSERT INTO access_history (account_id, org_id, at, kind, subject_key, object_type) VALUES ('a1', 1, 1, 'member_added', 'u:1', 'org')",
    ).run()
    migrate(db, USER_MIGRATIONS, memoryLogger(), 4)
    expect(db.prepare('SELECT count(*) AS n FROM access_history').get()).toEqual({ n: 1 })
    db.prepare(
      "INSERT INTO reminders (account_id, rule, severity, subject, link, dedupe_key, created_at, delivery) VALUES ('a1', 'renewal_14', 'high', 's', '/x', 'k', 1, 'immediate')",
    ).run()
    db.prepare(
      "INSERT INTO reminder_keys (account_id, key, rule, reminder_id, fired_at) VALUES ('a1', 'k', 'renewal_14', 1, 1)",
    ).run()
    db.prepare("INSERT INTO reminder_cursor (account_id, first_at, last_at) VALUES ('a1', 1, 1)").run()
    db.prepare("INSERT INTO reminder_mutes (scope, account_id, org_id, created_at) VALUES ('org', 'a1', 1, 1)").run()
    db.prepare(
      "INSERT INTO sync_schedules (account_id, mode, daily_at, updated_at) VALUES ('a1', 'daily', '07:30', 1)",
    ).run()
    // A mute's scope and its fields agree; a schedule time is HH:MM.
    expect(() => db.prepare("INSERT INTO reminder_mutes (scope, created_at) VALUES ('rule', 1)").run()).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare("INSERT INTO sync_schedules (account_id, mode, daily_at, updated_at) VALUES ('a1', 'daily', '7h', 1)")
        .run(),
    ).toThrow()
    db.prepare("DELETE FROM accounts WHERE id = 'a1'").run()
    for (const table of ['reminders', 'reminder_keys', 'reminder_cursor', 'reminder_mutes', 'sync_schedules'])
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 })
    db.close()
  })

  it('finds due reminders through its partial index', () => {
    const db = at(4)
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM reminders WHERE delivered_at IS NULL AND due_at IS NOT NULL AND due_at <= 5 AND delivery != 'muted'",
      )
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX reminders_due/)
    db.close()
  })
})
