import { describe, expect, it } from 'vitest'
import { firstSyncProgress } from '../../../renderer/src/features/sync/sync-model'
import { syncStatus } from './daily-fixtures'

describe('first-sync progress (issue 18)', () => {
  const arriving = (
    accountId: string,
    orgsWithProducts: number,
    orgs: number,
    pagesDone: number,
    pages: number | null,
  ) =>
    syncStatus({
      accountId,
      state: 'syncing',
      products: { complete: false, listing: { pagesDone, pages }, orgs, orgsWithProducts },
    })

  it('adds up the organisations and pages of every account whose products are still arriving', () => {
    expect(firstSyncProgress([arriving('a', 412, 1000, 200, 475), arriving('b', 3, 10, 1, 2)])).toEqual({
      orgsDone: 415,
      orgs: 1010,
      pagesDone: 201,
      pages: 477,
    })
    // Pages unknown for one account (its listing has not answered yet): no page total.
    expect(firstSyncProgress([arriving('a', 0, 1000, 0, null), arriving('b', 3, 10, 1, 2)])?.pages).toBeNull()
  })

  it('is null once every account has complete products, or before any products status', () => {
    const complete = syncStatus({
      accountId: 'a',
      state: 'syncing',
      products: { complete: true, listing: { pagesDone: 10, pages: 475 }, orgs: 1000, orgsWithProducts: 1000 },
    })
    expect(firstSyncProgress([complete])).toBeNull()
    expect(firstSyncProgress([syncStatus({ accountId: 'a', state: 'syncing' })])).toBeNull()
    // A first listing interrupted (idle, cursor kept) still counts as arriving.
    expect(
      firstSyncProgress([
        syncStatus({
          accountId: 'a',
          state: 'idle',
          products: { complete: false, listing: { pagesDone: 3, pages: 9 }, orgs: 5, orgsWithProducts: 2 },
        }),
      ]),
    ).toMatchObject({ orgsDone: 2, orgs: 5 })
  })
})
