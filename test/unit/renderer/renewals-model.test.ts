import { describe, expect, it } from 'vitest'
import type { RenewalRow } from '../../../shared/domain/renewals'
import { filterRenewals, flattenGroups, groupRenewals } from '../../../renderer/src/features/renewals/renewals-model'

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
})
