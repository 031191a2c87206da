/**
 * Issue 18: product pages kept as they arrive, listings that resume, the focused organisation first.
 * Small pages (5 products) make the cross-organisation listing span several pages of a small sandbox.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { viewerRights } from '../../../electron/sandbox/truth'
import type { SyncStatus } from '../../../shared/domain/cache'
import { FAST_PACE, systemClock, testCore } from '../../helpers/core'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>

const SMALL_PAGES = { maxPerPage: 5 }

/** Products the owner token sees, with their organisation. */
function visibleProducts(f: Fixture): { id: number; orgId: number }[] {
  const { data, truth } = f.sandbox
  const out: { id: number; orgId: number }[] = []
  for (const a of truth.orgAccess('owner').values()) {
    const teams = data.teams.filter((t) => t.accountId === a.orgId)
    for (const p of data.products.filter((x) => x.accountId === a.orgId))
      if (viewerRights(a, p, teams)) out.push({ id: p.id, orgId: p.accountId })
  }
  return out.sort((a, b) => a.id - b.id)
}

/** Account-wide product pages asked for (not the one-item capability probes, not one organisation's listing). */
function productPages(f: Fixture): number[] {
  return f.sandbox.requests
    .list({ pathPrefix: '/1/products', status: 200 })
    .map((r) => new URL(r.path, 'http://x').searchParams)
    .filter((q) => q.get('per_page') !== '1' && !q.has('account_id'))
    .map((q) => Number(q.get('page') ?? '1'))
}

function productIds(f: { db: Fixture['db'] }, accountId: string): number[] {
  return f.db
    .prepare<[string], { id: number }>('SELECT id FROM products WHERE account_id = ? ORDER BY id')
    .all(accountId)
    .map((r) => r.id)
}

/** Right after the `pages`-th committed product page: cancels the sync, or closes the core (a quit or crash). */
function stopAfterPages(f: Fixture, accountId: string, pages: number, how: 'cancel' | 'quit'): () => void {
  let stopped = false
  return f.core.onEvent((channel, payload) => {
    if (channel !== 'sync:progress' || stopped) return
    if ((payload as SyncStatus).products?.listing?.pagesDone !== pages) return
    stopped = true
    if (how === 'cancel') f.core.services.sync.cancel(accountId)
    else f.core.close()
  })
}

describe('progressive first sync', () => {
  let f: Fixture
  afterEach(async () => f?.dispose())

  it('keeps the pages of an interrupted listing and resumes at the next page after a restart', async () => {
    f = await syncFixture({ seed: 18, scale: 'demo', orgs: 6, settings: SMALL_PAGES })
    const truthIds = visibleProducts(f).map((p) => p.id)
    expect(truthIds.length).toBeGreaterThan(15)
    const token = f.sandbox.tokens['owner']!
    const added = await f.core.dispatch('accounts:add', { token, baseUrl: f.sandbox.url }, { transport: 'test' })
    if (!added.ok) throw new Error(added.error.reason)
    const accountId = (added.value as { id: string }).id
    stopAfterPages(f, accountId, 2, 'quit')
    await f.core.services.sync.whenIdle(accountId)
    expect(productPages(f)).toEqual([1, 2])

    // A new process on the same data folder: two pages committed (the dataset partial), then the listing resumes
    // at page 3.
    const dataDir = f.ctx.dataDir
    const next = testCore({
      dataDir,
      fetch: globalThis.fetch.bind(globalThis),
      clock: systemClock,
      pace: FAST_PACE,
      secretStore: f.ctx.secretStore,
    })
    try {
      expect(productIds({ db: next.core.db }, accountId)).toHaveLength(10)
      const partial = next.core.services.sync.status(accountId)[0]!
      expect(partial.products).toMatchObject({ complete: false, listing: { pagesDone: 2 } })
      expect(partial.lastSyncAt).toBeNull()
      expect(next.core.services.sync.resumeInterrupted()).toEqual([accountId])
      await next.core.services.sync.whenIdle(accountId)
      const pages = productPages(f)
      const total = Math.ceil(truthIds.length / 5)
      // Every page once: 1, 2 before the restart, 3..n after it.
      expect(pages).toEqual(Array.from({ length: total }, (_, i) => i + 1))
      expect(productIds({ db: next.core.db }, accountId)).toEqual(truthIds)
      const done = next.core.services.sync.status(accountId)[0]!
      expect(done.products).toMatchObject({ complete: true, listing: null })
      expect(done.lastSyncAt).not.toBeNull()
    } finally {
      next.core.close()
    }
  })

  it('never deletes a row on a partial listing; the completed one removes what vanished, with history', async () => {
    f = await syncFixture({ seed: 19, scale: 'demo', orgs: 6, settings: SMALL_PAGES })
    const accountId = await f.addAccount('owner')
    const before = productIds(f, accountId)
    // A product with per-user rights vanishes from the API.
    const gone = f.db
      .prepare<[string], { product_id: number }>('SELECT product_id FROM product_rights WHERE account_id = ? LIMIT 1')
      .get(accountId)!.product_id
    f.sandbox.control.removeProduct({ productId: gone })
    const history = (): number =>
      f.db
        .prepare<[string, number], { n: number }>(
          "SELECT count(*) AS n FROM access_history WHERE account_id = ? AND object_type = 'product' AND object_id = ?",
        )
        .get(accountId, gone)!.n

    // The next listing is interrupted after one page: nothing is removed, no history is written for it.
    f.sandbox.requests.clear()
    const off = stopAfterPages(f, accountId, 1, 'cancel')
    f.core.services.sync.start(accountId)
    await f.core.services.sync.whenIdle(accountId)
    off()
    expect(f.core.services.sync.status(accountId)[0]!.products?.listing).toMatchObject({ pagesDone: 1 })
    expect(productIds(f, accountId)).toEqual(before)
    expect(history()).toBe(0)

    // Once the listing completes (resumed at page 2, no page asked twice), the product is gone and its rights are
    // recorded as lost.
    await f.sync(accountId)
    const pages = productPages(f)
    expect(pages).toEqual(Array.from({ length: pages.length }, (_, i) => i + 1))
    expect(productIds(f, accountId)).toEqual(before.filter((id) => id !== gone))
    expect(history()).toBeGreaterThan(0)
    expect(f.core.services.sync.status(accountId)[0]!.products?.listing).toBeNull()
  })

  it('gives an organisation opened mid-sync its products from one extra request', async () => {
    f = await syncFixture({ seed: 20, scale: 'demo', orgs: 6, settings: SMALL_PAGES })
    const token = f.sandbox.tokens['owner']!
    const added = await f.core.dispatch('accounts:add', { token, baseUrl: f.sandbox.url }, { transport: 'test' })
    if (!added.ok) throw new Error(added.error.reason)
    const accountId = (added.value as { id: string }).id
    // The user opens an organisation (one page of products) once the first account-wide product page is in.
    const visible = visibleProducts(f)
    const counts = new Map<number, number>()
    for (const p of visible) counts.set(p.orgId, (counts.get(p.orgId) ?? 0) + 1)
    const focus = [...counts.entries()].sort((a, b) => b[1] - a[1]).find(([, n]) => n <= 5)![0]
    let opened = false
    let focusedComplete: number | null = null
    const off = f.core.onEvent((channel, payload) => {
      if (channel === 'sync:progress' && !opened && (payload as SyncStatus).products?.listing?.pagesDone === 1) {
        opened = true
        f.core.services.sync.start(accountId, { focusOrgId: focus })
      }
      if (
        channel === 'sync:progress' &&
        focusedComplete === null &&
        f.core.services.sync.productsComplete(accountId, focus)
      )
        focusedComplete = productPages(f).length
    })
    await f.core.services.sync.whenIdle(accountId)
    off()
    const focused = f.sandbox.requests
      .list({ pathPrefix: '/1/products' })
      .filter((r) => r.path.includes(`account_id=${focus}`))
    expect(focused).toHaveLength(1)
    const pages = productPages(f)
    // Opened after page 1, the focused organisation was complete right after the page then in flight (2)...
    expect(focusedComplete).toBe(2)
    // ...and the account-wide listing then went on at page 3, asking for no page twice.
    expect(pages).toEqual(Array.from({ length: Math.ceil(visible.length / 5) }, (_, i) => i + 1))
    expect(productIds(f, accountId)).toEqual(visible.map((p) => p.id))
    expect(f.core.services.sync.status(accountId)[0]!.lastSyncAt).not.toBeNull()
  })
})
