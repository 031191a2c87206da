import type { Migration } from '../index'

/**
 * `user.sqlite` version 2: what the fleet screens let the user decide or keep.
 *
 * - `hygiene_decisions`: "accept the risk" or "snooze until" on one finding, with the reason. A finding
 *   is named by its stable key (rule | account | organization | subject), so the decision survives syncs.
 * - `hygiene_history`: one row per organization and day with its open findings and score, written when
 *   the findings are computed: the trend of a client's hygiene over time (it cannot be fetched again).
 * - `saved_views`: named views of a screen (the product inventory's filters, columns and sort).
 */
export const userMigration002: Migration = {
  version: 2,
  name: 'fleet',
  up(db) {
    db.exec(`
      CREATE TABLE hygiene_decisions (
        finding_key TEXT PRIMARY KEY,
        -- NULL for findings about a person across the fleet (agency staff).
        account_id  TEXT REFERENCES accounts(id) ON DELETE CASCADE,
        org_id      INTEGER,
        rule        TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('accepted', 'snoozed')),
        -- Unix ms; required for a snooze.
        until       INTEGER CHECK ((kind = 'snoozed') = (until IS NOT NULL)),
        reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        decided_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX hygiene_decisions_by_org ON hygiene_decisions (account_id, org_id);

      CREATE TABLE hygiene_history (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        org_id     INTEGER NOT NULL,
        -- yyyy-mm-dd (UTC)
        day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        open       INTEGER NOT NULL,
        high       INTEGER NOT NULL,
        medium     INTEGER NOT NULL,
        low        INTEGER NOT NULL,
        score      INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 100),
        PRIMARY KEY (account_id, org_id, day)
      ) STRICT;
      CREATE INDEX hygiene_history_by_day ON hygiene_history (day);

      CREATE TABLE saved_views (
        id         INTEGER PRIMARY KEY,
        screen     TEXT NOT NULL CHECK (screen IN ('inventory')),
        name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        state      TEXT NOT NULL CHECK (json_valid(state)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (screen, name)
      ) STRICT;
    `)
  },
}
