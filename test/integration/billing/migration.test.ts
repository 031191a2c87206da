import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testCore } from '../../helpers/core'

let ctx: ReturnType<typeof testCore>
beforeEach(() => {
  ctx = testCore()
})
afterEach(() => ctx.dispose())

const TABLES = ['billing_batches', 'billing_invoices', 'billing_invoice_lines', 'billing_prices', 'billing_profile']

describe('migration 003 (billing)', () => {
  it('creates STRICT tables', () => {
    const rows = ctx.core.db
      .prepare(`SELECT name, strict FROM pragma_table_list WHERE name LIKE 'billing_%'`)
      .all() as {
      name: string
      strict: number
    }[]
    expect(rows.map((r) => r.name).sort()).toEqual([...TABLES].sort())
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
      repo.setPrices(account, [{ serviceName: 'web_hosting', period: 'yearly', currency: 'CHF', priceCents: 1 }])
      repo.setProfile(account, { name: account, logoBase64: null, logoMime: null })
    }
    const count = (table: string): number =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = 'a'`).get() as { n: number }).n
    for (const t of TABLES) expect(count(t), t).toBe(1)
    db.prepare(`DELETE FROM accounts WHERE id = 'a'`).run()
    for (const t of TABLES) expect(count(t), t).toBe(0)
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
    expect(insert('CHF', 'paid', '01.01.2026')).toThrow()
    expect(insert('CHF', 'paid', '2026-01-01')).not.toThrow()
  })
})
