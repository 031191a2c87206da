import type { Migration } from '../index'

/**
 * `user.sqlite` version 3: billing for real partner files (issue 15). Self-contained: only billing tables.
 *
 * - `billing_invoices` is rebuilt (SQLite cannot change a CHECK or a NOT NULL in place): statuses
 *   `refunded` and `credit_note`; amounts excluding VAT and VAT may be unknown (NULL) when a file
 *   gives only the amount including VAT and no rate (`vat_basis` says where they came from);
 *   `split` marks the part of a partner invoice that was split per client. Lines keep their product.
 * - `billing_import_layouts`: the column mapping the user confirmed for a file layout (same headers
 *   and delimiter), reused automatically next time.
 * - `billing_prices.purchase_cents`: the partner's purchase price (after the partner discount),
 *   beside the resale price (`price_cents`), for margins.
 * - `billing_client_settings`: the currency a client is invoiced in, when the user sets it.
 * - `billing_profile.address`, `vat_number`: the partner's letterhead on PDF statements.
 *
 * Every table here is user data (what the user imported, confirmed or typed). Which invoice route answered
 * is derived from the API and lives in `cache.sqlite` (cache migration 003).
 */
export const userMigration003: Migration = {
  version: 3,
  name: 'billing-real-files',
  up(db) {
    db.exec(`
      -- Copies first: dropping billing_invoices would cascade to its lines.
      CREATE TEMP TABLE v5_invoices AS SELECT * FROM billing_invoices;
      CREATE TEMP TABLE v5_lines AS SELECT * FROM billing_invoice_lines;
      DROP TABLE billing_invoice_lines;
      DROP TABLE billing_invoices;

      CREATE TABLE billing_invoices (
        account_id   TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        org_id       INTEGER NOT NULL,
        number       TEXT NOT NULL,
        issue_date   TEXT NOT NULL CHECK (issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        due_date     TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        excl_cents   INTEGER,
        vat_cents    INTEGER,
        incl_cents   INTEGER NOT NULL,
        currency     TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
        status       TEXT NOT NULL CHECK (status IN ('paid', 'unpaid', 'cancelled', 'refunded', 'credit_note')),
        source       TEXT NOT NULL CHECK (source IN ('csv', 'api')),
        description  TEXT,
        batch_id     INTEGER REFERENCES billing_batches(id) ON DELETE SET NULL,
        -- 'file': both amounts read from the file; 'rate': computed from a VAT rate; 'unknown': not known.
        vat_basis    TEXT NOT NULL DEFAULT 'file' CHECK (vat_basis IN ('file', 'rate', 'unknown')),
        split        INTEGER NOT NULL DEFAULT 0 CHECK (split IN (0, 1)),
        pdf_url      TEXT,
        CHECK ((excl_cents IS NULL) = (vat_cents IS NULL)),
        CHECK ((vat_basis = 'unknown') = (excl_cents IS NULL)),
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
        -- NULL when the line gives only an amount including VAT (incl_cents).
        excl_cents     INTEGER,
        period_from    TEXT,
        period_to      TEXT,
        product_id     INTEGER,
        incl_cents     INTEGER,
        PRIMARY KEY (account_id, org_id, number, line_no),
        FOREIGN KEY (account_id, org_id, number)
          REFERENCES billing_invoices (account_id, org_id, number) ON DELETE CASCADE
      ) STRICT;

      INSERT INTO billing_invoices (account_id, org_id, number, issue_date, due_date, excl_cents, vat_cents, incl_cents,
        currency, status, source, description, batch_id)
        SELECT account_id, org_id, number, issue_date, due_date, excl_cents, vat_cents, incl_cents,
          currency, status, source, description, batch_id FROM v5_invoices;
      INSERT INTO billing_invoice_lines (account_id, org_id, number, line_no, service_name, description, quantity,
        unit_cents, excl_cents, period_from, period_to)
        SELECT account_id, org_id, number, line_no, service_name, description, quantity,
          unit_cents, excl_cents, period_from, period_to FROM v5_lines;
      DROP TABLE v5_invoices;
      DROP TABLE v5_lines;

      CREATE TABLE billing_import_layouts (
        account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        -- SHA-256 of the delimiter and the folded headers.
        layout_key  TEXT NOT NULL,
        headers     TEXT NOT NULL CHECK (json_valid(headers)),
        mapping     TEXT NOT NULL CHECK (json_valid(mapping)),
        vat_rate_bp INTEGER CHECK (vat_rate_bp IS NULL OR vat_rate_bp BETWEEN 0 AND 10000),
        used_at     INTEGER NOT NULL,
        PRIMARY KEY (account_id, layout_key)
      ) STRICT;

      ALTER TABLE billing_prices ADD COLUMN purchase_cents INTEGER CHECK (purchase_cents IS NULL OR purchase_cents >= 0);

      CREATE TABLE billing_client_settings (
        account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        org_id      INTEGER NOT NULL,
        currency    TEXT CHECK (currency IS NULL OR currency IN ('CHF', 'EUR')),
        PRIMARY KEY (account_id, org_id)
      ) STRICT;

      ALTER TABLE billing_profile ADD COLUMN address TEXT NOT NULL DEFAULT '';
      ALTER TABLE billing_profile ADD COLUMN vat_number TEXT NOT NULL DEFAULT '';
    `)
  },
}
