import type { Migration } from '../index'

/**
 * `user.sqlite` version 1: what the user created or what cannot be fetched again, with the same
 * columns as in the single `switchboard.sqlite` (legacy version 4), so the split copies rows as
 * they are. Foreign keys stay inside this file: removing an account row (an explicit choice)
 * still cascades to its ledger, prices, profile and access history.
 */
export const userMigration001: Migration = {
  version: 1,
  name: 'baseline',
  up(db) {
    db.exec(`
      -- Preferences as JSON values keyed by name.
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- Switchboard accounts (token owners). Never the token itself.
      CREATE TABLE accounts (
        id            TEXT PRIMARY KEY,
        label         TEXT NOT NULL,
        base_url      TEXT NOT NULL,
        -- NULL: the token is in the OS keychain. Otherwise the NAME of the environment variable
        -- holding it (headless CLI, --token-env); the token itself is never stored here.
        token_env     TEXT,
        user_id       INTEGER,
        display_name  TEXT,
        email         TEXT,
        state         TEXT NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'token_rejected', 'offline', 'signed_out')),
        is_demo       INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
        scopes        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scopes)),
        created_at    INTEGER NOT NULL,
        last_sync_at  INTEGER,
        last_error    TEXT
      ) STRICT;

      -- Who gained or lost which access, appended by sync diffs (it exists only from the day
      -- Switchboard started recording: it cannot be fetched again).
      CREATE TABLE access_history (
        id            INTEGER PRIMARY KEY,
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        org_id        INTEGER NOT NULL,
        at            INTEGER NOT NULL,
        kind          TEXT NOT NULL,
        subject_key   TEXT NOT NULL,
        subject_email TEXT,
        subject_name  TEXT,
        object_type   TEXT NOT NULL,
        object_id     INTEGER,
        object_name   TEXT,
        detail        TEXT,
        before        TEXT,
        after         TEXT
      ) STRICT;
      CREATE INDEX access_history_by_org ON access_history (account_id, org_id, at);
      CREATE INDEX access_history_by_subject ON access_history (subject_email COLLATE NOCASE, at);

      -- Changes Switchboard itself applied through the API.
      CREATE TABLE audit_log (
        id         INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,
        account_id TEXT,
        org_id     INTEGER,
        action     TEXT NOT NULL,
        target     TEXT NOT NULL,
        outcome    TEXT NOT NULL,
        detail     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
      ) STRICT;

      -- One row per CSV file imported or API fetch; file_hash makes re-importing a file a no-op.
      CREATE TABLE billing_batches (
        id          INTEGER PRIMARY KEY,
        account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        source      TEXT NOT NULL CHECK (source IN ('csv', 'api')),
        file_name   TEXT,
        file_hash   TEXT,
        row_count   INTEGER NOT NULL,
        imported    INTEGER NOT NULL,
        at          INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX billing_batches_by_hash ON billing_batches (account_id, file_hash) WHERE file_hash IS NOT NULL;

      CREATE TABLE billing_invoices (
        account_id   TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        org_id       INTEGER NOT NULL,
        number       TEXT NOT NULL,
        issue_date   TEXT NOT NULL CHECK (issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        due_date     TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        excl_cents   INTEGER NOT NULL,
        vat_cents    INTEGER NOT NULL,
        incl_cents   INTEGER NOT NULL,
        currency     TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
        status       TEXT NOT NULL CHECK (status IN ('paid', 'unpaid', 'cancelled')),
        source       TEXT NOT NULL CHECK (source IN ('csv', 'api')),
        description  TEXT,
        batch_id     INTEGER REFERENCES billing_batches(id) ON DELETE SET NULL,
        PRIMARY KEY (account_id, org_id, number)
      ) STRICT;
      CREATE INDEX billing_invoices_by_date ON billing_invoices (account_id, issue_date);
      CREATE INDEX billing_invoices_by_org_date ON billing_invoices (account_id, org_id, issue_date, number);

      CREATE TABLE billing_invoice_lines (
        account_id     TEXT NOT NULL,
        org_id         INTEGER NOT NULL,
        number         TEXT NOT NULL,
        line_no        INTEGER NOT NULL,
        service_name   TEXT,
        description    TEXT NOT NULL,
        quantity       REAL NOT NULL,
        unit_cents     INTEGER NOT NULL,
        excl_cents     INTEGER NOT NULL,
        period_from    TEXT,
        period_to      TEXT,
        PRIMARY KEY (account_id, org_id, number, line_no),
        FOREIGN KEY (account_id, org_id, number)
          REFERENCES billing_invoices (account_id, org_id, number) ON DELETE CASCADE
      ) STRICT;

      -- The partner's own selling price per service, period and currency.
      CREATE TABLE billing_prices (
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        service_name  TEXT NOT NULL,
        period        TEXT NOT NULL CHECK (period IN ('monthly', 'yearly')),
        currency      TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
        price_cents   INTEGER NOT NULL CHECK (price_cents >= 0),
        PRIMARY KEY (account_id, service_name, period, currency)
      ) STRICT;

      -- Partner name and logo for PDF statements.
      CREATE TABLE billing_profile (
        account_id  TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        logo        BLOB,
        logo_mime   TEXT CHECK (logo_mime IS NULL OR logo_mime IN ('image/png', 'image/jpeg'))
      ) STRICT;
    `)
  },
}
