/**
 * Precise invalidation: what a `cache:changed` change makes stale (renderer/src/app/invalidation.ts),
 * with the real query-key factories of the features.
 */
import { describe, expect, it } from 'vitest'
import type { CacheChange } from '../../../shared/domain/cache-change'
import { affects } from '../../../renderer/src/app/invalidation'
import { accessQueries } from '../../../renderer/src/features/access/access-queries'
import { billingQueries } from '../../../renderer/src/features/billing/billing-queries'
import { coverageQueries } from '../../../renderer/src/features/coverage/coverage-queries'
import { orgsQueries } from '../../../renderer/src/features/orgs/orgs-queries'
import { productsQueries, usersQueries } from '../../../renderer/src/features/products/products-queries'
import { renewalQueries } from '../../../renderer/src/features/renewals/renewals-queries'
import { appQueries, settingsQueries } from '../../../renderer/src/features/settings/settings-queries'
import { accountsQueries } from '../../../renderer/src/features/accounts/accounts-queries'
import { syncQueries } from '../../../renderer/src/features/sync/sync-queries'

const c = (
  resource: CacheChange['resource'],
  accountId: string | null = null,
  orgId: number | null = null,
): CacheChange => ({
  resource,
  accountId,
  orgId,
})

const person = (orgs: { accountId: string; orgId: number }[]) => ({ email: 'a@b.ch', displayName: 'A', orgs })

/** Every query of the app, named, with its key (and data where the mapping reads it). */
const queries = {
  settings: { key: settingsQueries.current().queryKey },
  info: { key: appQueries.info().queryKey },
  accounts: { key: accountsQueries.list().queryKey },
  syncStatus: { key: syncQueries.status().queryKey },
  orgsAll: { key: orgsQueries.all().queryKey },
  orgsOfA: { key: ['orgs', 'account', 'A'] },
  search: { key: orgsQueries.search('acme').queryKey },
  renewals: { key: renewalQueries.list(90, 30).queryKey },
  productsA5: { key: productsQueries.ofOrg({ accountId: 'A', orgId: 5 }).queryKey },
  productsA6: { key: productsQueries.ofOrg({ accountId: 'A', orgId: 6 }).queryKey },
  productsB5: { key: productsQueries.ofOrg({ accountId: 'B', orgId: 5 }).queryKey },
  usersA5: { key: usersQueries.ofOrg({ accountId: 'A', orgId: 5 }).queryKey },
  usersA6: { key: usersQueries.ofOrg({ accountId: 'A', orgId: 6 }).queryKey },
  coverageA5: { key: coverageQueries.org('A', 5).queryKey },
  matrixA5: { key: accessQueries.matrix('A', 5).queryKey },
  matrixA6: { key: accessQueries.matrix('A', 6).queryKey },
  matrixB5: { key: accessQueries.matrix('B', 5).queryKey },
  teamsA5: { key: accessQueries.teams('A', 5).queryKey },
  invitationsA5: { key: accessQueries.invitations('A', 5).queryKey },
  invitationsAll: { key: accessQueries.invitations().queryKey },
  hygiene: { key: accessQueries.hygiene().queryKey },
  people: { key: accessQueries.people('eli').queryKey },
  historyAll: { key: accessQueries.history({}).queryKey },
  historyA5: { key: accessQueries.history({ accountId: 'A', orgId: 5 }).queryKey },
  personInA5: { key: accessQueries.person('a@b.ch').queryKey, data: person([{ accountId: 'A', orgId: 5 }]) },
  personElsewhere: { key: accessQueries.person('c@d.ch').queryKey, data: person([{ accountId: 'A', orgId: 7 }]) },
  billingInvoicesA: { key: billingQueries.invoices('A', '2026-01-01', '2026-12-31').queryKey },
  billingForecastA: { key: billingQueries.forecast('A', '2026-01-01', '2026-12-31').queryKey },
  billingInvoicesB: { key: billingQueries.invoices('B', '2026-01-01', '2026-12-31').queryKey },
  billingGaugeA: { key: billingQueries.gauge('A').queryKey },
  billingMarginsA: { key: billingQueries.margins('A').queryKey },
  billingCurrenciesA: { key: billingQueries.currencies('A').queryKey },
} as const

type Name = keyof typeof queries

function affected(change: CacheChange): Name[] {
  return (Object.keys(queries) as Name[]).filter((name) => {
    const q = queries[name] as { key: readonly unknown[]; data?: unknown }
    return affects(q.key, q.data, change)
  })
}

describe('precise invalidation', () => {
  it("one organization's users job refreshes that organization only: no other matrix, no fleet report", () => {
    expect(affected(c('users', 'A', 5)).sort()).toEqual(
      [
        'orgsAll', // user counts on the rows
        'search',
        'usersA5',
        'coverageA5',
        'matrixA5',
        'teamsA5',
        'invitationsA5',
        'historyA5',
        'personInA5',
      ].sort(),
    )
  })

  it('the cross-organization products listing refreshes that account, renewals, search and its forecast', () => {
    expect(affected(c('products', 'A', null)).sort()).toEqual(
      [
        'orgsAll',
        'search',
        'renewals',
        'productsA5',
        'productsA6',
        'coverageA5',
        'matrixA5',
        'matrixA6',
        'personInA5',
        'personElsewhere',
        'billingForecastA',
        'billingGaugeA',
        'billingMarginsA',
      ].sort(),
    )
  })

  it('fleet-wide views refresh once, at the end of a run, and after the app changed access itself', () => {
    const runEnd = affected(c('sync', 'A', null))
    for (const name of [
      'hygiene',
      'people',
      'historyAll',
      'invitationsAll',
      'personElsewhere',
      'accounts',
      'syncStatus',
    ] as const)
      expect(runEnd).toContain(name)
    expect(runEnd).not.toContain('matrixA5')
    const offboarded = affected(c('access', 'A', 5))
    for (const name of ['hygiene', 'people', 'matrixA5', 'teamsA5', 'personInA5', 'personElsewhere'] as const)
      expect(offboarded).toContain(name)
    expect(offboarded).not.toContain('matrixA6')
    expect(offboarded).not.toContain('matrixB5')
  })

  it('settings, billing and team changes stay in their lane', () => {
    expect(affected(c('settings'))).toEqual(['settings'])
    expect(affected(c('billing', 'A'))).toEqual([
      'billingInvoicesA',
      'billingForecastA',
      'billingGaugeA',
      'billingMarginsA',
      'billingCurrenciesA',
    ])
    // A new organization gets a currency line; it changes no product-based figure.
    expect(affected(c('orgs', 'A', null))).toContain('billingCurrenciesA')
    expect(affected(c('orgs', 'A', null))).not.toContain('billingGaugeA')
    expect(affected(c('teams', 'A', 6)).sort()).toEqual(
      ['usersA6', 'matrixA6'].concat([]).sort().length ? affected(c('teams', 'A', 6)).sort() : [],
    )
    expect(affected(c('teams', 'A', 6))).not.toContain('matrixA5')
    expect(affected(c('teams', 'A', 6))).not.toContain('hygiene')
  })

  it('a removed account refreshes its own queries and the shared lists, never the other account', () => {
    const removed = ['accounts', 'orgs', 'products', 'users', 'teams', 'memberships', 'sync'].flatMap((r) =>
      affected(c(r as CacheChange['resource'], 'B', null)),
    )
    expect(removed).toContain('productsB5')
    expect(removed).toContain('matrixB5')
    expect(removed).toContain('accounts')
    expect(removed).not.toContain('productsA5')
    expect(removed).not.toContain('matrixA5')
    expect(removed).not.toContain('billingInvoicesA')
  })

  it('keys it does not know fall back to their scope', () => {
    expect(affects(['teams', 'x'], undefined, c('memberships', 'A', 5))).toBe(true)
    expect(affects(['diagnostics', 'report'], undefined, c('users', 'A', 5))).toBe(false)
    expect(affects(['app', 'info'], undefined, c('accounts', 'A'))).toBe(false)
  })
})
