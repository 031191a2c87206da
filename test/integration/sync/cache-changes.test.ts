/**
 * `cache:changed` says precisely what changed: each sync job names its resource, account and
 * organization (null for the account-wide organization list and product listing), the end of a run
 * says so, and services name the account they wrote for.
 */
import { describe, expect, it } from 'vitest'
import type { CacheChange } from '../../../shared/domain/cache-change'
import { syncFixture } from '../../helpers/sync'

describe('cache:changed carries (resource, account, organization)', () => {
  it('one change per committed job, then the end of the run; coarse scopes still given', async () => {
    const f = await syncFixture({ scale: 'tiny', seed: 4 })
    try {
      const events: { scopes: string[]; changes?: CacheChange[] }[] = []
      f.core.onEvent((channel, payload) => {
        if (channel === 'cache:changed') events.push(payload as { scopes: string[]; changes?: CacheChange[] })
      })
      const accountId = await f.addAccount('owner')
      const changes = events.flatMap((e) => e.changes ?? [])
      // Reminders and the schedule are user state, announced by scope only; every cache write names its changes.
      const cacheEvents = events.filter((e) => !e.scopes.every((s) => s === 'reminders' || s === 'schedule'))
      expect(cacheEvents.length).toBeGreaterThan(0)
      expect(cacheEvents.every((e) => (e.changes ?? []).length > 0)).toBe(true)
      expect(changes.every((c) => c.accountId === accountId)).toBe(true)

      const orgIds = f.core.services.queries.orgs(accountId).map((o) => o.id)
      expect(changes).toContainEqual({ resource: 'orgs', accountId, orgId: null })
      expect(changes).toContainEqual({ resource: 'products', accountId, orgId: null })
      // Every organization's users job names that organization, and only it.
      const usersOrgs = changes.filter((c) => c.resource === 'users').map((c) => c.orgId)
      expect(new Set(usersOrgs)).toEqual(new Set(orgIds))
      expect(changes.at(-1)).toEqual({ resource: 'sync', accountId, orgId: null })

      // A users job announces the coarse scopes too (for listeners that ignore `changes`).
      const usersEvent = events.find((e) => e.changes?.[0]?.resource === 'users')!
      expect(usersEvent.scopes).toEqual(expect.arrayContaining(['users', 'orgs', 'access']))

      // A one-organization sync names it at the end of the run.
      events.length = 0
      await f.sync(accountId, { orgId: orgIds[0]! })
      const one = events.flatMap((e) => e.changes ?? [])
      expect(one.filter((c) => c.resource === 'users').map((c) => c.orgId)).toEqual([orgIds[0]])
      expect(one.at(-1)).toEqual({ resource: 'sync', accountId, orgId: orgIds[0] })

      // A billing write names its account; settings name none.
      events.length = 0
      await f.core.dispatch(
        'billing:prices-set',
        { accountId, entries: [{ serviceName: 'web_hosting', period: 'yearly', currency: 'CHF', priceCents: 1 }] },
        { transport: 'test' },
      )
      await f.core.dispatch('settings:set', { patch: { theme: 'dark' } }, { transport: 'test' })
      expect(events.map((e) => e.changes)).toEqual([
        [{ resource: 'billing', accountId, orgId: null }],
        [{ resource: 'settings', accountId: null, orgId: null }],
      ])
    } finally {
      await f.dispose()
    }
  })
})
