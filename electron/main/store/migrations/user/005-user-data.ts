import type { Migration } from '../index'

/**
 * What the user does in Switchboard and cannot be fetched again:
 *
 * - `accounts.removed_at`: an account removed while its ledger, history and audit are kept (it no
 *   longer syncs and is not listed; adding the same login again brings it back).
 * - Offboarding runs (plan as applied, steps with outcome and verification, organizations touched),
 *   listed per person and per organization and re-exportable as reports after a restart.
 * - Pinned and recent organizations of the switcher (formerly in the renderer's localStorage).
 */
export const userMigration005: Migration = {
  version: 5,
  name: 'user-data',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN removed_at INTEGER;

      CREATE TABLE offboarding_runs (
        id            TEXT PRIMARY KEY,
        email         TEXT NOT NULL,
        display_name  TEXT NOT NULL,
        started_at    INTEGER NOT NULL,
        finished_at   INTEGER,
        state         TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed', 'interrupted'))
      ) STRICT;
      CREATE INDEX offboarding_runs_by_email ON offboarding_runs (email COLLATE NOCASE, started_at);

      CREATE TABLE offboarding_run_orgs (
        run_id      TEXT NOT NULL REFERENCES offboarding_runs(id) ON DELETE CASCADE,
        account_id  TEXT NOT NULL,
        org_id      INTEGER NOT NULL,
        org_name    TEXT NOT NULL,
        resynced    INTEGER NOT NULL DEFAULT 0 CHECK (resynced IN (0, 1)),
        PRIMARY KEY (run_id, account_id, org_id)
      ) STRICT;
      CREATE INDEX offboarding_run_orgs_by_org ON offboarding_run_orgs (account_id, org_id);

      CREATE TABLE offboarding_steps (
        run_id         TEXT NOT NULL REFERENCES offboarding_runs(id) ON DELETE CASCADE,
        seq            INTEGER NOT NULL,
        step_id        TEXT NOT NULL,
        account_id     TEXT NOT NULL,
        org_id         INTEGER NOT NULL,
        kind           TEXT NOT NULL,
        api            INTEGER NOT NULL CHECK (api IN (0, 1)),
        team_id        INTEGER,
        team_name      TEXT,
        invitation_id  INTEGER,
        user_id        INTEGER,
        url            TEXT,
        outcome        TEXT NOT NULL,
        verified       INTEGER CHECK (verified IN (0, 1)),
        error          TEXT,
        at             INTEGER,
        PRIMARY KEY (run_id, seq)
      ) STRICT;

      -- The switcher's pinned and recent organizations (org keys), in display order.
      CREATE TABLE org_prefs (
        kind      TEXT NOT NULL CHECK (kind IN ('pin', 'recent')),
        position  INTEGER NOT NULL,
        org_key   TEXT NOT NULL,
        PRIMARY KEY (kind, position)
      ) STRICT;
    `)
  },
}
