import { parse } from 'csv-parse/sync'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { RenewalRow } from '../../../shared/domain/renewals'
import { readFileSync } from 'node:fs'
import type { DeliveredFile } from '../../../shared/domain/files'
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
    expect(table[0]).toEqual(['Organization', 'Product', 'Type', 'Expiry date', 'Days left', 'Status'])
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
      'Organisation,Produit,Type,Échéance,Jours restants,État',
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
