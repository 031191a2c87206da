import { afterEach, describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../electron/main/api'
import { BillingService, fromApi } from '../../../electron/main/billing/billing-service'
import { FileDelivery } from '../../../electron/main/files/delivery'
import { EventBus } from '../../../electron/main/ipc/dispatch'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { testCore } from '../../helpers/core'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>
let fx: Fixture | undefined
afterEach(async () => {
  await fx?.dispose()
  fx = undefined
})

const invoiceRequests = (f: Fixture) =>
  f.sandbox.requests.list().filter((e) => /\/invoices?(\?|$)/.test(e.path) || /\/invoice$/.test(e.path))

describe('billing:fetch-invoices against the sandbox', () => {
  it('probes the route seen live first, remembers it, and reads its shape (amounts incl. tax only)', async () => {
    fx = await syncFixture({ settings: { invoiceRoute: true } })
    const accountId = await fx.addAccount('owner')
    const before = await fx.core.dispatch('billing:invoice-route', { accountId }, { transport: 'test' })
    expect(before.ok && before.value).toEqual({ route: null, checkedAt: null })
    const r1 = await fx.core.dispatch('billing:fetch-invoices', { accountId }, { transport: 'test' })
    if (!r1.ok) throw new Error(r1.error.reason)
    const first = r1.value as { available: boolean; imported: number; route: string; skippedItems: number }
    expect(first).toMatchObject({ available: true, route: '/2/invoicing/account/{id}/invoices', skippedItems: 0 })
    expect(first.imported).toBeGreaterThan(0)
    // Only the live route was asked: never the older guesses.
    expect(invoiceRequests(fx).every((e) => e.path.startsWith('/2/invoicing/account/'))).toBe(true)
    const ledger = fx.db
      .prepare(`SELECT currency, source, vat_basis, excl_cents, pdf_url FROM billing_invoices`)
      .all() as { currency: string; source: string; vat_basis: string; excl_cents: number | null; pdf_url: string }[]
    expect(ledger.length).toBe(first.imported)
    expect(ledger.every((l) => l.source === 'api' && (l.currency === 'CHF' || l.currency === 'EUR'))).toBe(true)
    expect(ledger.every((l) => l.vat_basis === 'unknown' && l.excl_cents === null)).toBe(true)
    expect(ledger.every((l) => /^https:\/\/.+\/pdf$/.test(l.pdf_url))).toBe(true)
    // The sandbox truth: every invoice of the organizations the owner may see the billing of.
    const visible = new Set(
      (fx.db.prepare('SELECT DISTINCT org_id FROM billing_invoices').all() as { org_id: number }[]).map(
        (r) => r.org_id,
      ),
    )
    const truth = fx.sandbox.data.invoices.filter((i) => visible.has(i.accountId))
    expect(ledger.length).toBe(truth.length)
    const totalIncl = (fx.db.prepare('SELECT SUM(incl_cents) AS s FROM billing_invoices').get() as { s: number }).s
    expect(totalIncl).toBe(truth.reduce((s, i) => s + i.amountInclVatCents, 0))

    const status = await fx.core.dispatch('billing:invoice-route', { accountId }, { transport: 'test' })
    expect(status.ok && status.value).toMatchObject({ route: '/2/invoicing/account/{id}/invoices' })
    const r2 = await fx.core.dispatch('billing:fetch-invoices', { accountId }, { transport: 'test' })
    expect(r2.ok && (r2.value as { imported: number }).imported).toBe(0)
  })

  it('tries each known route once on the first organization, then says none exists', async () => {
    fx = await syncFixture({ settings: { invoiceRoute: false } })
    const accountId = await fx.addAccount('owner')
    const orgs = (fx.db.prepare('SELECT COUNT(*) AS n FROM orgs').get() as { n: number }).n
    expect(orgs).toBeGreaterThan(1)
    const r = await fx.core.dispatch('billing:fetch-invoices', { accountId }, { transport: 'test' })
    if (!r.ok) throw new Error(r.error.reason)
    expect(r.value).toMatchObject({ available: false, route: null, orgsChecked: 1, imported: 0 })
    expect(invoiceRequests(fx).map((e) => e.path.replace(/\/\d{3,}\//, '/{id}/'))).toEqual([
      '/2/invoicing/account/{id}/invoices',
      '/1/accounts/{id}/invoices',
      '/1/account/{id}/invoice',
    ])
    expect(fx.db.prepare('SELECT COUNT(*) AS n FROM billing_invoices').get()).toEqual({ n: 0 })
    const status = await fx.core.dispatch('billing:invoice-route', { accountId }, { transport: 'test' })
    expect(status.ok && status.value).toMatchObject({ route: null })
    expect(status.ok && (status.value as { checkedAt: number | null }).checkedAt).not.toBeNull()
  })
})

describe('invoice route detection (fake client)', () => {
  it('falls back to an older route when the live one does not exist, and keeps unreadable items out', async () => {
    const ctx = testCore()
    try {
      ctx.core.db
        .prepare(`INSERT INTO accounts (id, label, base_url, created_at) VALUES ('a', 'A', 'http://x', 0)`)
        .run()
      ctx.core.db
        .prepare(
          `INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES ('a', 1, 'One', 'client', 0), ('a', 2, 'Two', 'client', 0)`,
        )
        .run()
      const asked: string[] = []
      const client = {
        listInvoices: (orgId: number, opts?: { route?: string }) => {
          asked.push(`${opts?.route ?? ''}#${orgId}`)
          // The client answers null for 404 method_not_found.
          if (opts?.route === '/2/invoicing/account/{id}/invoices') return Promise.resolve(null)
          return Promise.resolve([
            {
              id: orgId * 10,
              number: `N-${orgId}`,
              issued_at: 1_767_225_600,
              currency: 'CHF',
              amount_excl_vat: 100,
              vat: 8.1,
              amount_incl_vat: 108.1,
              status: 'paid',
            },
            { id: orgId * 10 + 1, issued_at: 1_767_225_600, currency: 'USD', amount_incl_vat: 5, status: 'paid' },
          ])
        },
      } as unknown as ApiClient
      const service = new BillingService({
        db: ctx.core.db,
        clock: { now: () => 1_767_225_600_000, sleep: () => Promise.resolve() },
        events: new EventBus(),
        logger: memoryLogger(),
        dataDir: ctx.dataDir,
        files: new FileDelivery({ exportsDir: ctx.dataDir, host: {} }),
        clientFor: () => client,
      })
      const r = await service.fetchInvoices('a')
      expect(r).toMatchObject({ available: true, route: '/1/accounts/{id}/invoices', imported: 2, skippedItems: 2 })
      expect(asked).toEqual([
        '/2/invoicing/account/{id}/invoices#1',
        '/1/accounts/{id}/invoices#1',
        '/1/accounts/{id}/invoices#2',
      ])
      expect(service.invoiceRoute('a').route).toBe('/1/accounts/{id}/invoices')
    } finally {
      ctx.dispose()
    }
  })

  it('reads the live shape: credit notes negative, unknown statuses kept out', () => {
    expect(
      fromApi(1, { id: 5, type: 'credit_note', status: 'paid', amount_incl_tax: 10.8, currency: 'EUR', created_at: 0 }),
    ).toMatchObject({ number: '5', status: 'credit_note', inclCents: -1_080, exclCents: null, vatBasis: 'unknown' })
    expect(fromApi(1, { id: 6, status: 'weird', amount_incl_tax: 1, currency: 'CHF', created_at: 0 })).toBeNull()
    expect(
      fromApi(1, {
        id: 7,
        status: 'refunded',
        amount_incl_tax: 1,
        currency: 'CHF',
        created_at: '2026-03-01T10:00:00Z',
      }),
    ).toMatchObject({ status: 'refunded', issueDate: '2026-03-01' })
  })
})
