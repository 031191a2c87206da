import { parse } from 'csv-parse/sync'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { RenewalRow } from '../../../shared/domain/renewals'
import { readFileSync } from 'node:fs'
import type { DeliveredFile } from '../../../shared/domain/files'
import ExcelJS from 'exceljs'
import { syncFixture } from '../../helpers/sync'

describe('renewals across clients', () => {
  let f: Awaited<ReturnType<typeof syncFixture>>
  afterEach(async () => f?.dispose())

  it('lists what expires within N days across all organizations, flags the 14-day window, and exports CSV and ICS that match', async () => {
    f = await syncFixture({ seed: 31, scale: 'demo', orgs: 10 })
    const accountId = await f.addAccount('owner')
    const result = await f.core.dispatch(
      'renewals:list',
      { withinDays: 90, includeExpiredDays: 30 },
      { transport: 'test' },
    )
    expect(result.ok).toBe(true)
    const rows = (result.ok ? result.value : []) as RenewalRow[]
    const nowS = Math.floor(Date.now() / 1000)
    const today = nowS - (nowS % 86400)
    const expected = f.db
      .prepare<[string, number, number], { id: number }>(
        'SELECT id FROM products WHERE account_id = ? AND expired_at >= ? AND expired_at < ? ORDER BY id',
      )
      .all(accountId, today - 30 * 86400, today + 91 * 86400)
      .map((r) => r.id)
    expect(rows.map((r) => r.productId).sort((a, b) => a - b)).toEqual(expected)
    expect(rows.length).toBeGreaterThan(3)
    expect(new Set(rows.map((r) => r.orgId)).size).toBeGreaterThan(1)
    for (const r of rows) {
      expect(r.expired).toBe(r.expiredAt < nowS)
      expect(r.underCutoff).toBe(!r.expired && r.daysLeft < 14)
    }
    // Sorted by expiry.
    expect(rows.map((r) => r.expiredAt)).toEqual([...rows.map((r) => r.expiredAt)].sort((a, b) => a - b))

    const csv = await f.core.dispatch(
      'renewals:export',
      { withinDays: 90, includeExpiredDays: 30, format: 'csv', delimiter: ';' },
      { transport: 'test' },
    )
    expect(csv.ok).toBe(true)
    const file = (csv.ok ? csv.value : null) as DeliveredFile
    const table = parse(readFileSync(file.savedPath!, 'utf8'), {
      delimiter: ';',
      bom: true,
    }) as string[][]
    expect(table[0]).toEqual([
      'Organization',
      'Product',
      'Type',
      'Expiry date',
      'Days left',
      'Status',
      'Renewal',
      'Currency',
      'Price per year',
    ])
    expect(table.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual(
      rows.map((r) => [r.orgName, r.customerName, new Date(r.expiredAt * 1000).toISOString().slice(0, 10)]),
    )

    const ics = await f.core.dispatch(
      'renewals:export',
      { withinDays: 90, includeExpiredDays: 30, format: 'ics' },
      { transport: 'test' },
    )
    const icsFile = (ics.ok ? ics.value : null) as DeliveredFile
    expect(icsFile.mimeType).toMatch(/text\/calendar/)
    const cal = new ICAL.Component(ICAL.parse(readFileSync(icsFile.savedPath!, 'utf8')))
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events).toHaveLength(rows.length)
    expect(events.map((e) => e.startDate.toString())).toEqual(
      rows.map((r) => new Date(r.expiredAt * 1000).toISOString().slice(0, 10)),
    )

    // French headers follow the language setting.
    await f.core.dispatch('settings:set', { patch: { language: 'fr' } }, { transport: 'test' })
    const fr = await f.core.dispatch('renewals:export', { withinDays: 90, format: 'csv' }, { transport: 'test' })
    const frText = readFileSync(((fr.ok ? fr.value : null) as DeliveredFile).savedPath!, 'utf8')
    expect(frText.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Organisation,Produit,Type,Échéance,Jours restants,État,Renouvellement,Monnaie,Prix par an',
    )
  })

  it('prices rows from the price list in the client currency (no price stays null), reads auto-renewal when the API gives it, and exports only a selection as XLSX', async () => {
    f = await syncFixture({ seed: 31, scale: 'demo', orgs: 10 })
    const accountId = await f.addAccount('owner')
    const list = async (): Promise<RenewalRow[]> => {
      const r = await f.core.dispatch(
        'renewals:list',
        { withinDays: 365, includeExpiredDays: 30 },
        { transport: 'test' },
      )
      return (r.ok ? r.value : []) as RenewalRow[]
    }
    const before = await list()
    expect(before.length).toBeGreaterThan(3)
    expect(before.every((r) => r.price.cents === null)).toBe(true)
    const priced = before[0]!.serviceName
    const set = await f.core.dispatch(
      'billing:prices-set',
      {
        accountId,
        entries: [
          { serviceName: priced, period: 'monthly', currency: 'CHF', priceCents: 1_000, purchaseCents: null },
          // Another currency's price is never used for a CHF client.
          { serviceName: 'zz_other', period: 'yearly', currency: 'EUR', priceCents: 5_000, purchaseCents: null },
        ],
      },
      { transport: 'test' },
    )
    expect(set.ok).toBe(true)
    const rows = await list()
    for (const r of rows) {
      expect(r.price.currency).toBe('CHF')
      expect(r.price.cents).toBe(r.serviceName === priced ? 12_000 : null)
    }
    // Auto-renewal: kSuite carries has_auto_renew in the sandbox (as in the spec); other products are unknown.
    const states = f.db
      .prepare<[string], { id: number; service_name: string; auto: number | null }>(
        "SELECT id, service_name, data ->> '$.auto_renew' AS auto FROM products WHERE account_id = ?",
      )
      .all(accountId)
    const byId = new Map(states.map((s) => [s.id, s]))
    for (const r of rows) {
      const s = byId.get(r.productId)!
      expect(r.autoRenew).toBe(s.auto === 1 ? 'auto' : s.auto === 0 ? 'manual' : 'unknown')
      if (s.service_name !== 'ksuite') expect(r.autoRenew).toBe('unknown')
    }
    expect(states.some((s) => s.service_name === 'ksuite' && s.auto !== null)).toBe(true)

    const picked = [rows[2]!, rows[0]!]
    const xlsx = await f.core.dispatch(
      'renewals:export',
      {
        withinDays: 365,
        includeExpiredDays: 30,
        format: 'xlsx',
        keys: picked.map((r) => ({ accountId: r.accountId, productId: r.productId })),
      },
      { transport: 'test' },
    )
    expect(xlsx.ok).toBe(true)
    const file = (xlsx.ok ? xlsx.value : null) as DeliveredFile
    expect(file.fileName).toMatch(/\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file.savedPath!)
    const ws = wb.worksheets[0]!
    expect(ws.rowCount).toBe(3)
    // List order, not selection order; prices as numbers, no price as an empty cell.
    const cells = [2, 3].map((n) => ws.getRow(n).values as unknown[])
    expect(cells.map((c) => c[2])).toEqual([rows[0]!.customerName, rows[2]!.customerName])
    expect(cells.map((c) => c[9] ?? null)).toEqual(
      [rows[0]!, rows[2]!].map((r) => (r.price.cents === null ? null : r.price.cents / 100)),
    )
  })

  it('finds organizations, products and people with accents folded', async () => {
    f = await syncFixture({ seed: 31, scale: 'demo', orgs: 10 })
    await f.addAccount('owner')
    const org = f.db.prepare<[], { name: string }>('SELECT name FROM orgs ORDER BY id LIMIT 1').get()!
    const word = org.name.split(/\s+/)[0]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    const hits = await f.core.dispatch('search:query', { text: word }, { transport: 'test' })
    expect(
      hits.ok &&
        (hits.value as { kind: string; title: string }[]).some((h) => h.kind === 'org' && h.title === org.name),
    ).toBe(true)
    const person = f.db
      .prepare<[], { email: string }>("SELECT email FROM org_users WHERE state = 'valid' LIMIT 1")
      .get()!
    const people = await f.core.dispatch('search:query', { text: person.email.split('@')[0]! }, { transport: 'test' })
    expect(people.ok && (people.value as { kind: string }[]).some((h) => h.kind === 'person')).toBe(true)
  })
})
