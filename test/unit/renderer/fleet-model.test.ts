import { describe, expect, it } from 'vitest'
import type { CacheChange } from '../../../shared/domain/cache-change'
import type { HomeRow } from '../../../shared/domain/fleet'
import { affects } from '../../../renderer/src/app/invalidation'
import { fleetQueries } from '../../../renderer/src/features/fleet/fleet-queries'
import {
  hygieneFilterOf,
  hygienePath,
  inventoryFilterOf,
  inventoryPath,
  inventoryPathOf,
  renewalsClientsOf,
  renewalsPath,
} from '../../../renderer/src/app/links'
import {
  NO_HOME_FILTERS,
  filterHomeRows,
  homeChoices,
  homeTiles,
  needsAttention,
  sortHomeRows,
} from '../../../renderer/src/features/home/home-model'

function row(orgId: number, name: string, o: Partial<HomeRow> = {}): HomeRow {
  return {
    accountId: 'acc-1',
    accountLabel: 'Agency',
    orgId,
    name,
    role: 'owner',
    products: 0,
    expiring30: 0,
    expired: 0,
    score: 100,
    openFindings: 0,
    no2fa: 0,
    staleInvitations: 0,
    syncedAt: 1,
    coverage: 'complete',
    unpaid: null,
    tags: [],
    ...o,
  }
}

const params = (path: string) => new URLSearchParams(path.split('?')[1] ?? '')

describe('Home rows', () => {
  const rows = [
    row(1, 'Élan Sàrl', { products: 4, expiring30: 2, score: 60, tags: ['vip'], role: 'admin' }),
    row(2, 'atelier', { products: 10, score: null, no2fa: null }),
    row(3, 'Zeta', { products: 1, unpaid: [{ currency: 'CHF', count: 2, cents: 5_000 }] }),
    row(4, 'Beta', {
      accountId: 'acc-2',
      unpaid: [
        { currency: 'EUR', count: 1, cents: 700 },
        { currency: 'CHF', count: 1, cents: 100 },
      ],
    }),
  ]

  it('filters by text without accents, role, tag, account, pins and attention', () => {
    const names = (f: Partial<typeof NO_HOME_FILTERS>, pins: string[] = []) =>
      filterHomeRows(rows, { ...NO_HOME_FILTERS, ...f }, pins).map((r) => r.name)
    expect(names({ text: 'elan' })).toEqual(['Élan Sàrl'])
    expect(names({ roles: ['admin'] })).toEqual(['Élan Sàrl'])
    expect(names({ tags: ['vip'] })).toEqual(['Élan Sàrl'])
    expect(names({ accounts: ['acc-2'] })).toEqual(['Beta'])
    expect(names({ pinnedOnly: true }, ['acc-1:3'])).toEqual(['Zeta'])
    expect(names({ attentionOnly: true })).toEqual(['Élan Sàrl', 'Zeta', 'Beta'])
    expect(needsAttention(rows[1]!)).toBe(false)
  })

  it('sorts numbers with unknown values last in both directions, ties by name', () => {
    const by = (key: Parameters<typeof sortHomeRows>[1], dir: 'asc' | 'desc') =>
      sortHomeRows(rows, key, dir, 'en').map((r) => r.orgId)
    expect(by('name', 'asc')).toEqual([2, 4, 1, 3])
    expect(by('score', 'asc')).toEqual([1, 4, 3, 2])
    expect(by('score', 'desc')).toEqual([4, 3, 1, 2])
    expect(by('products', 'desc')).toEqual([2, 1, 3, 4])
    expect(by('unpaid', 'desc')).toEqual([4, 3, 2, 1])
  })

  it('sums tiles without adding currencies together', () => {
    const t = homeTiles(rows)
    expect(t).toMatchObject({ clients: 4, products: 15, expiring30: 2, lowScores: 1, attention: 3 })
    expect(t.unpaid).toEqual([
      { currency: 'CHF', count: 3, cents: 5_100 },
      { currency: 'EUR', count: 1, cents: 700 },
    ])
    expect(homeChoices(rows)).toEqual({ roles: ['admin', 'owner'], tags: ['vip'] })
  })
})

describe('links behind the numbers', () => {
  const ref = { accountId: 'acc 1', orgId: 42 }

  it('round-trips an inventory filter through its route', () => {
    const path = inventoryPath({
      clients: [ref],
      expiry: 'expired',
      statuses: ['trial'],
      sort: 'expiry',
      direction: 'desc',
      text: 'x',
    })
    expect(path.startsWith('/inventory?')).toBe(true)
    const f = inventoryFilterOf(params(path))
    expect(f).toEqual({
      clients: [ref],
      expiry: 'expired',
      statuses: ['trial'],
      sort: 'expiry',
      direction: 'desc',
      text: 'x',
    })
    expect(inventoryPathOf(f)).toBe(path)
    expect(inventoryPath()).toBe('/inventory')
  })

  it('drops unknown values from an address', () => {
    expect(inventoryFilterOf(new URLSearchParams('status=bogus&expiry=never&sort=drop&client=nope'))).toEqual({})
    expect(hygieneFilterOf(new URLSearchParams('rule=bogus&severity=extreme'))).toEqual({})
  })

  it('opens hygiene and renewals filtered to a client', () => {
    const h = hygienePath({ clients: [ref], rules: ['no_2fa'], severities: ['high'] })
    expect(h.startsWith('/access/hygiene?')).toBe(true)
    expect(hygieneFilterOf(params(h))).toEqual({ clients: [ref], rules: ['no_2fa'], severities: ['high'] })
    const r = renewalsPath({ clients: [ref], within: 30 })
    expect(params(r).get('within')).toBe('30')
    expect(renewalsClientsOf(params(r))).toEqual([ref])
  })
})

describe('fleet queries under precise invalidation', () => {
  const c = (resource: CacheChange['resource'], accountId: string | null = 'A', orgId: number | null = null) => ({
    resource,
    accountId,
    orgId,
  })
  const keys = {
    home: fleetQueries.home().queryKey,
    inventory: fleetQueries.inventoryPage({}, 0, 100).queryKey,
    facets: fleetQueries.facets().queryKey,
    views: fleetQueries.views().queryKey,
    hygiene: fleetQueries.hygieneSummary({}).queryKey,
    scores: fleetQueries.scores().queryKey,
  }
  const hit = (change: CacheChange) =>
    (Object.keys(keys) as (keyof typeof keys)[]).filter((k) => affects(keys[k], undefined, change)).sort()

  it('products refresh Home and the inventory; the end of a run refreshes Home and hygiene', () => {
    expect(hit(c('products', 'A', 5))).toEqual(['facets', 'home', 'inventory'])
    expect(hit(c('sync'))).toEqual(['home', 'hygiene', 'scores'])
    expect(hit(c('access', 'A', 5))).toEqual(['home', 'hygiene', 'scores'])
    expect(hit(c('billing'))).toEqual(['home'])
  })

  it("one organization's users job waits for the end of the run; saved views and settings never refresh", () => {
    expect(hit(c('users', 'A', 5))).toEqual([])
    expect(hit(c('settings', null))).toEqual([])
  })
})
