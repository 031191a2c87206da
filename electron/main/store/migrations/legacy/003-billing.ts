import type { Migration } from '../index'

/**
 * The billing ledger. Like every cache table, each row is keyed by the Switchboard account and
 * removed with it (ON DELETE CASCADE). Amounts are integer cents, invoice dates ISO `yyyy-mm-dd`.
 */
export const migration003: Migration = {
  version: 3,
  name: 'billing',
  up(db) {
    db.exec(`
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
      -- Exports read client by client, in date order.
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

      -- Partner name and logo for PDF statements (kept here, not in the shared settings).
      CREATE TABLE billing_profile (
        account_id  TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        logo        BLOB,
        logo_mime   TEXT CHECK (logo_mime IS NULL OR logo_mime IN ('image/png', 'image/jpeg'))
      ) STRICT;
    `)
  },
}
