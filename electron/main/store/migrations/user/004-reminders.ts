import type { Migration } from '../index'

/**
 * `user.sqlite` version 4: reminders, noise control and sync schedules. User data: what the user
 * chose, and what was already announced (which cannot be re-derived: re-deriving would announce it
 * again). Self-contained: only these tables; an account's rows go with it (ON DELETE CASCADE).
 */
export const userMigration004: Migration = {
  version: 4,
  name: 'reminders',
  up(db) {
    db.exec(`
      -- Every reminder a rule produced, announced or not (the notification centre lists them).
      CREATE TABLE reminders (
        id            INTEGER PRIMARY KEY,
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        rule          TEXT NOT NULL,
        severity      TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
        org_id        INTEGER,
        org_name      TEXT,
        subject       TEXT NOT NULL,
        params        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        link          TEXT NOT NULL,
        dedupe_key    TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        as_of         INTEGER,
        delivery      TEXT NOT NULL CHECK (delivery IN ('immediate', 'digest', 'quiet_hours', 'muted')),
        due_at        INTEGER,
        delivered_at  INTEGER,
        read_at       INTEGER,
        muted_by      INTEGER
      ) STRICT;
      CREATE INDEX reminders_due ON reminders (due_at) WHERE delivered_at IS NULL AND due_at IS NOT NULL;
      CREATE INDEX reminders_unread ON reminders (id) WHERE read_at IS NULL AND delivery != 'muted';
      CREATE INDEX reminders_by_account ON reminders (account_id, org_id);

      -- "Once per object and window": a key per (rule, object, window) that fired. A condition that
      -- clears releases its key, so that it can fire again the next time it holds.
      CREATE TABLE reminder_keys (
        account_id   TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        key          TEXT NOT NULL,
        rule         TEXT NOT NULL,
        reminder_id  INTEGER REFERENCES reminders(id) ON DELETE SET NULL,
        fired_at     INTEGER NOT NULL,
        PRIMARY KEY (account_id, key)
      ) STRICT;
      -- Two logins that see the same product or person hear about it once.
      CREATE INDEX reminder_keys_by_key ON reminder_keys (key);

      -- Per account: when rules were first and last evaluated, and the access-history row read last.
      CREATE TABLE reminder_cursor (
        account_id  TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        first_at    INTEGER NOT NULL,
        last_at     INTEGER NOT NULL,
        history_id  INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE reminder_mutes (
        id          INTEGER PRIMARY KEY,
        scope       TEXT NOT NULL CHECK (scope IN ('global', 'rule', 'org')),
        rule        TEXT,
        account_id  TEXT REFERENCES accounts(id) ON DELETE CASCADE,
        org_id      INTEGER,
        until       INTEGER,
        created_at  INTEGER NOT NULL,
        CHECK ((scope = 'rule') = (rule IS NOT NULL)),
        CHECK ((scope = 'org') = (account_id IS NOT NULL AND org_id IS NOT NULL))
      ) STRICT;

      -- Digest, quiet hours, desktop notifications, background, calendar feed, watched organisations.
      CREATE TABLE notification_prefs (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        value       TEXT NOT NULL CHECK (json_valid(value)),
        updated_at  INTEGER NOT NULL
      ) STRICT;

      -- Scheduled sync per account; no row: the default schedule.
      CREATE TABLE sync_schedules (
        account_id  TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        mode        TEXT NOT NULL CHECK (mode IN ('off', 'hourly', 'every6h', 'daily')),
        daily_at    TEXT NOT NULL CHECK (daily_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        updated_at  INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
