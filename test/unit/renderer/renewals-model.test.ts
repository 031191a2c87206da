import { describe, expect, it } from 'vitest'
import type { RenewalRow } from '../../../shared/domain/renewals'
import {
  filterRenewals,
  flattenGroups,
  groupRenewals,
  monthTitle,
  rangeKeys,
  rowKey,
  selectedRows,
  urgencyOf,
} from '../../../renderer/src/features/renewals/renewals-model'
import { serviceName } from '../../../shared/i18n/terms'

const day = 86_400
const base = Date.UTC(2026, 10, 27) / 1000
function row(over: Partial<RenewalRow> & Pick<RenewalRow, 'productId'>): RenewalRow {
  return {
    accountId: 'a',
    orgId: 1,
    orgName: 'Alpha SA',
    customerName: `p${over.productId}.ch`,
    serviceName: 'domain',
    expiredAt: base + 10 * day,
    daysLeft: 10,
    expired: false,
    underCutoff: true,
    autoRenew: 'unknown',
    price: { currency: 'CHF', cents: null },
    ...over,
  }
}

const rows = [
  row({
    productId: 1,
    orgId: 2,
    orgName: 'Bäckerei Zürich AG',
    expiredAt: base + 40 * day,
    daysLeft: 40,
    underCutoff: false,
    serviceName: 'hosting',
  }),
  row({ productId: 2, expiredAt: base - 3 * day, daysLeft: -3, expired: true, underCutoff: false }),
  row({ productId: 3, orgId: 2, orgName: 'Bäckerei Zürich AG', expiredAt: base + 5 * day, daysLeft: 5 }),
  row({ productId: 4, expiredAt: base + 70 * day, daysLeft: 70, underCutoff: false, serviceName: 'email_hosting' }),
]

describe('renewals view model', () => {
  it('groups by client, most urgent client first, rows in expiry order, with flag counts', () => {
    const groups = groupRenewals(rows, 'client')
    expect(groups.map((g) => g.label)).toEqual(['Alpha SA', 'Bäckerei Zürich AG'])
    expect(groups[0]!.rows.map((r) => r.productId)).toEqual([2, 4])
    expect(groups[0]!.expired).toBe(1)
    expect(groups[1]!.underCutoff).toBe(1)
  })

  it('groups by type and by month', () => {
    expect(groupRenewals(rows, 'type').map((g) => [g.label, g.rows.length])).toEqual([
      ['domain', 2],
      ['hosting', 1],
      ['email_hosting', 1],
    ])
    expect(groupRenewals(rows, 'month').map((g) => g.label)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
  })

  it('flattens groups for the virtual list and filters with accents folded', () => {
    const items = flattenGroups(groupRenewals(rows, 'client'))
    expect(items.map((i) => (i.kind === 'group' ? `g:${i.group.label}` : `r:${i.row.productId}`))).toEqual([
      'g:Alpha SA',
      'r:2',
      'r:4',
      'g:Bäckerei Zürich AG',
      'r:3',
      'r:1',
    ])
    expect(filterRenewals(rows, 'zurich').map((r) => r.productId)).toEqual([1, 3])
    expect(filterRenewals(rows, 'EMAIL').map((r) => r.productId)).toEqual([4])
    expect(filterRenewals(rows, '  ')).toHaveLength(4)
  })

  it('names types from the catalogue and months in the UI language, never raw codes', () => {
    const labels = { service: (c: string) => serviceName(c, 'en'), month: (m: string) => monthTitle(m, 'en') }
    expect(groupRenewals(rows, 'type', labels).map((g) => g.label)).toEqual(['Domain', 'Hosting', 'Mail service'])
    expect(groupRenewals(rows, 'month', labels).map((g) => g.label)).toEqual([
      'November 2026',
      'December 2026',
      'January 2027',
      'February 2027',
    ])
    expect(monthTitle('2026-12', 'fr')).toBe('décembre 2026')
    expect(monthTitle('2027-03', 'de')).toBe('März 2027')
    // Filtering finds a type by its display name too.
    expect(filterRenewals(rows, 'mail serv', (c) => serviceName(c, 'en')).map((r) => r.productId)).toEqual([4])
  })

  it('counts each group by urgency (expired, within 7 days, within 30 days, later)', () => {
    expect(urgencyOf({ expired: true, daysLeft: -1 })).toBe('expired')
    expect(urgencyOf({ expired: false, daysLeft: 0 })).toBe('week')
    expect(urgencyOf({ expired: false, daysLeft: 7 })).toBe('week')
    expect(urgencyOf({ expired: false, daysLeft: 8 })).toBe('month')
    expect(urgencyOf({ expired: false, daysLeft: 30 })).toBe('month')
    expect(urgencyOf({ expired: false, daysLeft: 31 })).toBe('later')
    const alpha = groupRenewals(rows, 'client')[0]!
    expect(alpha.byUrgency).toEqual({ expired: 1, week: 0, month: 0, later: 1 })
    const baeckerei = groupRenewals(rows, 'client')[1]!
    expect(baeckerei.byUrgency).toEqual({ expired: 0, week: 1, month: 0, later: 1 })
  })

  it('selects a shift-range in list order (either direction, across groups) and keeps only listed rows', () => {
    const items = flattenGroups(groupRenewals(rows, 'client'))
    const k = (id: number) => rowKey(rows.find((r) => r.productId === id)!)
    // List order: 2, 4 | 3, 1.
    expect(rangeKeys(items, k(4), k(1))).toEqual([k(4), k(3), k(1)])
    expect(rangeKeys(items, k(1), k(4))).toEqual([k(4), k(3), k(1)])
    expect(rangeKeys(items, 'gone', k(3))).toEqual([k(3)])
    const filtered = flattenGroups(groupRenewals(filterRenewals(rows, 'alpha'), 'client'))
    expect(selectedRows(filtered, new Set([k(1), k(2), k(4)])).map((r) => r.productId)).toEqual([2, 4])
  })
})
