import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { migrate } from '../../../electron/main/store/migrate'
import { USER_MIGRATIONS } from '../../../electron/main/store/migrations'
import { AccountsRepo } from '../../../electron/main/store/repos/accounts-repo'
import { testCore } from '../../helpers/core'

let ctx: ReturnType<typeof testCore>
beforeEach(() => {
  ctx = testCore()
})
afterEach(() => ctx.dispose())

const TABLES = [
  'billing_batches',
  'billing_invoices',
  'billing_invoice_lines',
  'billing_prices',
  'billing_profile',
  'billing_import_layouts',
  'billing_client_settings',
]
/** Derived from the API (which invoice route answered): cache.sqlite. */
const CACHE_TABLES = ['billing_invoice_routes']

describe('billing tables (user data in user.sqlite, what the API tells in cache.sqlite)', () => {
  it('creates STRICT tables, each in its store', () => {
    const rows = ctx.core.db
      .prepare(`SELECT schema, name, strict FROM pragma_table_list WHERE name LIKE 'billing_%'`)
      .all() as { schema: string; name: string; strict: number }[]
    const inStore = (schema: string): string[] =>
      rows
        .filter((r) => r.schema === schema)
        .map((r) => r.name)
        .sort()
    expect(inStore('main')).toEqual([...TABLES].sort())
    expect(inStore('cache')).toEqual([...CACHE_TABLES].sort())
    expect(rows.every((r) => r.strict === 1)).toBe(true)
  })

  it('removes every billing row of an account with the account, and lines with their invoice', () => {
    const db = ctx.core.db
    db.prepare(
      `INSERT INTO accounts (id, label, base_url, created_at) VALUES ('a', 'A', 'http://x', 0), ('b', 'B', 'http://x', 0)`,
    ).run()
    const repo = ctx.core.services.billing.repo
    for (const account of ['a', 'b']) {
      repo.insertBatch(account, { source: 'api', fileName: null, fileHash: `h-${account}`, rowCount: 1, at: 0 }, [
        {
          orgId: 1,
          number: 'N-1',
          issueDate: '2026-01-01',
          dueDate: null,
          exclCents: 100,
          vatCents: 8,
          inclCents: 108,
          currency: 'CHF',
          status: 'paid',
          description: null,
          lines: [
            {
              serviceName: 'web_hosting',
              description: 'Hosting',
              quantity: 1,
              unitCents: 100,
              exclCents: 100,
              periodFrom: '2026-01-01',
              periodTo: '2026-12-31',
            },
          ],
        },
      ])
      repo.setPrices(account, [
        { serviceName: 'web_hosting', period: 'yearly', currency: 'CHF', priceCents: 1, purchaseCents: null },
      ])
      repo.setProfile(account, { name: account, address: '', vatNumber: '', logoBase64: null, logoMime: null })
      repo.saveLayout(account, 'k', ['a'], { number: 0 }, null, 0)
      repo.setCurrencySetting(account, 1, 'EUR')
      repo.setInvoiceRoute(account, '/2/invoicing/account/{id}/invoices', 0)
    }
    const count = (table: string): number =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = 'a'`).get() as { n: number }).n
    for (const t of [...TABLES, ...CACHE_TABLES]) expect(count(t), t).toBe(1)
    // As the app removes an account: user rows by ON DELETE CASCADE, cache rows purged explicitly.
    new AccountsRepo(db).delete('a')
    for (const t of [...TABLES, ...CACHE_TABLES]) expect(count(t), t).toBe(0)
    expect((db.prepare(`SELECT COUNT(*) AS n FROM billing_invoice_lines`).get() as { n: number }).n).toBe(1)
    db.prepare(`DELETE FROM billing_invoices WHERE account_id = 'b'`).run()
    expect((db.prepare(`SELECT COUNT(*) AS n FROM billing_invoice_lines`).get() as { n: number }).n).toBe(0)
  })

  it('refuses invalid currencies, statuses and dates', () => {
    const db = ctx.core.db
    db.prepare(`INSERT INTO accounts (id, label, base_url, created_at) VALUES ('a', 'A', 'http://x', 0)`).run()
    const insert = (currency: string, status: string, date: string) => () =>
      db
        .prepare(
          `INSERT INTO billing_invoices (account_id, org_id, number, issue_date, excl_cents, vat_cents, incl_cents, currency, status, source)
           VALUES ('a', 1, ?, ?, 1, 0, 1, ?, ?, 'csv')`,
        )
        .run(`${currency}${status}${date}`, date, currency, status)
    expect(insert('USD', 'paid', '2026-01-01')).toThrow()
    expect(insert('CHF', 'lost', '2026-01-01')).toThrow()
    expect(insert('CHF', 'refunded', '2026-01-02')).not.toThrow()
    expect(insert('CHF', 'credit_note', '2026-01-03')).not.toThrow()
    expect(insert('CHF', 'paid', '01.01.2026')).toThrow()
    expect(insert('CHF', 'paid', '2026-01-01')).not.toThrow()
  })
})

describe('user migration 003 (billing for real files)', () => {
  it('keeps every invoice and line of a version-2 ledger, and allows unknown VAT only with its mark', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, USER_MIGRATIONS, memoryLogger(), 2)
    db.prepare(`INSERT INTO accounts (id, label, base_url, created_at) VALUES ('a', 'A', 'http://x', 0)`).run()
    db.prepare(
      `INSERT INTO billing_batches (id, account_id, source, file_name, file_hash, row_count, imported, at)
       VALUES (7, 'a', 'csv', 'f.csv', 'h', 2, 2, 0)`,
    ).run()
    const inv = db.prepare(
      `INSERT INTO billing_invoices (account_id, org_id, number, issue_date, due_date, excl_cents, vat_cents, incl_cents,
         currency, status, source, description, batch_id) VALUES ('a', ?, ?, '2026-01-15', NULL, 100, 8, 108, ?, ?, 'csv', ?, 7)`,
    )
    inv.run(1, 'N-1', 'CHF', 'paid', 'Hosting')
    inv.run(2, 'N-2', 'EUR', 'cancelled', null)
    db.prepare(
      `INSERT INTO billing_invoice_lines (account_id, org_id, number, line_no, service_name, description, quantity,
         unit_cents, excl_cents) VALUES ('a', 1, 'N-1', 1, 'web_hosting', 'Hosting', 1, 100, 100)`,
    ).run()
    db.prepare(
      `INSERT INTO billing_prices (account_id, service_name, period, currency, price_cents) VALUES ('a', 's', 'yearly', 'CHF', 5)`,
    ).run()
    db.prepare(`INSERT INTO billing_profile (account_id, name) VALUES ('a', 'Agency')`).run()

    migrate(db, USER_MIGRATIONS, memoryLogger(), 3)
    expect(
      db
        .prepare(
          `SELECT org_id, number, excl_cents, vat_cents, incl_cents, currency, status, description, batch_id, vat_basis, split
           FROM billing_invoices ORDER BY number`,
        )
        .all(),
    ).toEqual([
      {
        org_id: 1,
        number: 'N-1',
        excl_cents: 100,
        vat_cents: 8,
        incl_cents: 108,
        currency: 'CHF',
        status: 'paid',
        description: 'Hosting',
        batch_id: 7,
        vat_basis: 'file',
        split: 0,
      },
      {
        org_id: 2,
        number: 'N-2',
        excl_cents: 100,
        vat_cents: 8,
        incl_cents: 108,
        currency: 'EUR',
        status: 'cancelled',
        description: null,
        batch_id: 7,
        vat_basis: 'file',
        split: 0,
      },
    ])
    expect(db.prepare('SELECT number, description, excl_cents FROM billing_invoice_lines').all()).toEqual([
      { number: 'N-1', description: 'Hosting', excl_cents: 100 },
    ])
    expect(db.prepare('SELECT price_cents, purchase_cents FROM billing_prices').get()).toEqual({
      price_cents: 5,
      purchase_cents: null,
    })
    expect(db.prepare('SELECT name, address, vat_number FROM billing_profile').get()).toEqual({
      name: 'Agency',
      address: '',
      vat_number: '',
    })
    // Lines still cascade with their invoice after the rebuild.
    db.prepare(`DELETE FROM billing_invoices WHERE number = 'N-1'`).run()
    expect(db.prepare('SELECT COUNT(*) AS n FROM billing_invoice_lines').get()).toEqual({ n: 0 })
    const unknownVat = (basis: string, excl: number | null) => () =>
      db
        .prepare(
          `INSERT INTO billing_invoices (account_id, org_id, number, issue_date, excl_cents, vat_cents, incl_cents, currency,
             status, source, vat_basis) VALUES ('a', 3, ?, '2026-01-01', ?, ?, 108, 'CHF', 'paid', 'csv', ?)`,
        )
        .run(`${basis}${excl}`, excl, excl === null ? null : 8, basis)
    expect(unknownVat('unknown', null)).not.toThrow()
    expect(unknownVat('file', null)).toThrow()
    expect(unknownVat('unknown', 100)).toThrow()
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
