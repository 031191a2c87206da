import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { migrate } from '../../../electron/main/store/migrate'
import { USER_MIGRATIONS } from '../../../electron/main/store/migrations'

describe('user.sqlite migration 002 (fleet: hygiene decisions and history, saved views)', () => {
  it('adds the tables to a version-1 store with its data, cascading from accounts', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, USER_MIGRATIONS, memoryLogger(), 1)
    db.prepare(
      "INSERT INTO accounts (id, label, base_url, created_at) VALUES ('a1', 'A', 'https://api.infomaniak.com', 1)",
    ).run()
    expect(migrate(db, USER_MIGRATIONS, memoryLogger(), 2)).toBe(2)
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1)

    const decide = db.prepare(
      `INSERT INTO hygiene_decisions (finding_key, account_id, org_id, rule, kind, until, reason, decided_at)
       VALUES (?, ?, 1, 'no_2fa', ?, ?, ?, 1)`,
    )
    decide.run('k1', 'a1', 'accepted', null, 'Key in the safe')
    decide.run('k2', 'a1', 'snoozed', 10, 'Next week')
    // A snooze needs its date, an acceptance has none, a reason is required.
    expect(() => decide.run('k3', 'a1', 'snoozed', null, 'x')).toThrow(/CHECK/)
    expect(() => decide.run('k4', 'a1', 'accepted', 10, 'x')).toThrow(/CHECK/)
    expect(() => decide.run('k5', 'a1', 'accepted', null, '')).toThrow(/CHECK/)
    // Fleet-wide findings (agency staff) have no account.
    decide.run('k6', null, 'accepted', null, 'Our own staff')
    db.prepare(
      "INSERT INTO hygiene_history (account_id, org_id, day, open, high, medium, low, score) VALUES ('a1', 1, '2026-11-27', 3, 1, 1, 1, 80)",
    ).run()
    expect(() =>
      db
        .prepare(
          "INSERT INTO hygiene_history (account_id, org_id, day, open, high, medium, low, score) VALUES ('a1', 2, '27.11.2026', 0, 0, 0, 0, 101)",
        )
        .run(),
    ).toThrow(/CHECK/)
    db.prepare(
      "INSERT INTO saved_views (screen, name, state, created_at, updated_at) VALUES ('inventory', 'VIP', '{}', 1, 1)",
    ).run()
    expect(() =>
      db
        .prepare(
          "INSERT INTO saved_views (screen, name, state, created_at, updated_at) VALUES ('inventory', 'VIP', '{}', 2, 2)",
        )
        .run(),
    ).toThrow(/UNIQUE/)

    // Removing an account (an explicit choice) removes its decisions and history, not the fleet-wide ones.
    db.prepare("DELETE FROM accounts WHERE id = 'a1'").run()
    expect(db.prepare('SELECT finding_key FROM hygiene_decisions').pluck().all()).toEqual(['k6'])
    expect(db.prepare('SELECT count(*) FROM hygiene_history').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM saved_views').pluck().get()).toBe(1)
  })
})
