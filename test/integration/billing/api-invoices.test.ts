import { afterEach, describe, expect, it } from 'vitest'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>
let fx: Fixture | undefined
afterEach(async () => {
  await fx?.dispose()
  fx = undefined
})

const invoiceRequests = (f: Fixture) => f.sandbox.requests.list().filter((e) => /\/invoices/.test(e.path))

describe('billing:fetch-invoices against the sandbox', () => {
  it('imports invoices where the account has the route, and a second fetch adds nothing', async () => {
    fx = await syncFixture({ settings: { invoiceRoute: true } })
    const accountId = await fx.addAccount('owner')
    const r1 = await fx.core.dispatch('billing:fetch-invoices', { accountId }, { transport: 'test' })
    if (!r1.ok) throw new Error(r1.error.reason)
    const first = r1.value as { available: boolean; imported: number; orgsChecked: number }
    expect(first.available).toBe(true)
    expect(first.imported).toBeGreaterThan(0)
    const ledger = fx.db
      .prepare(`SELECT currency, source, COUNT(*) AS n FROM billing_invoices GROUP BY currency, source`)
      .all() as { currency: string; source: string; n: number }[]
    expect(ledger.every((l) => l.source === 'api' && (l.currency === 'CHF' || l.currency === 'EUR'))).toBe(true)
    const sandboxTotal = fx.sandbox.data.invoices.length
    expect(ledger.reduce((s, l) => s + l.n, 0)).toBeLessThanOrEqual(sandboxTotal)
    const lines = fx.db.prepare('SELECT COUNT(*) AS n FROM billing_invoice_lines').get() as { n: number }
    expect(lines.n).toBeGreaterThan(0)

    const r2 = await fx.core.dispatch('billing:fetch-invoices', { accountId }, { transport: 'test' })
    expect(r2.ok && (r2.value as { imported: number }).imported).toBe(0)
  })

  it('marks the feature unavailable after the first 404 method_not_found, without trying every org', async () => {
    fx = await syncFixture({ settings: { invoiceRoute: false } })
    const accountId = await fx.addAccount('owner')
    const orgs = (fx.db.prepare('SELECT COUNT(*) AS n FROM orgs').get() as { n: number }).n
    expect(orgs).toBeGreaterThan(1)
    const r = await fx.core.dispatch('billing:fetch-invoices', { accountId }, { transport: 'test' })
    if (!r.ok) throw new Error(r.error.reason)
    expect(r.value).toMatchObject({ available: false, orgsChecked: 1, imported: 0 })
    expect(invoiceRequests(fx)).toHaveLength(1)
    expect(fx.db.prepare('SELECT COUNT(*) AS n FROM billing_invoices').get()).toEqual({ n: 0 })
  })
})
