import { afterEach, describe, expect, it } from 'vitest'
import { FleetRepo } from '../../../electron/main/fleet/fleet-repo'
import { homeData } from '../../../electron/main/fleet/home'
import { HygieneReport } from '../../../electron/main/fleet/hygiene-report'
import { Inventory } from '../../../electron/main/fleet/inventory'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { openStores } from '../../../electron/main/store/stores'
import { testCore } from '../../helpers/core'
import { CacheSeed } from '../access/seed'

const DAY = 86_400

type Ctx = ReturnType<typeof testCore>

/** Three clients with findings; each test then changes one organization's users. */
function seed(ctx: Ctx): CacheSeed {
  const now = Math.floor(ctx.clock.now() / 1000)
  const s = CacheSeed.account(ctx.core.db, 'acc', 'Agency')
  s.org(1, 'Solo SA', 'owner', ctx.clock.now())
    .org(2, 'Duo AG', 'admin', ctx.clock.now())
    .org(3, 'Trio Sàrl', 'owner', ctx.clock.now())
  s.user(1, { userId: 10, email: 'boss@solo.ch', role: 'owner', has2fa: false, lastLoginAt: now })
  s.user(1, { userId: 11, email: 'anne@solo.ch', has2fa: false, lastLoginAt: now - 200 * DAY })
  s.user(2, { userId: 20, email: 'a@duo.ch', role: 'owner', has2fa: true, lastLoginAt: now })
  s.user(2, { userId: 21, email: 'b@duo.ch', has2fa: true, lastLoginAt: now })
  s.user(3, { userId: 30, email: 'c@trio.ch', role: 'owner', has2fa: true, lastLoginAt: now })
  s.user(3, { invitationId: 900, email: 'old@x.ch', pending: true, invitedAt: now - 40 * DAY })
  return s
}

/** One organization's users change on another connection, as a sync by the CLI would write them. */
function changeOrgUsers(ctx: Ctx, sql: string): void {
  const other = openStores({ dataDir: ctx.dataDir, logger: memoryLogger(), now: () => ctx.clock.now() })
  try {
    other.db.prepare(sql).run()
  } finally {
    other.close()
  }
}

/** The straightforward computation: a new report (nothing cached) on the same stores. */
function fresh(ctx: Ctx): HygieneReport {
  const db = ctx.core.db
  return new HygieneReport(db, new FleetRepo(db), ctx.clock, memoryLogger())
}

/** Lets the refresh scheduled after a stale answer run. */
const afterRefresh = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('fleet read models are computed once per change and equal a fresh computation', () => {
  let ctx: Ctx | undefined
  afterEach(() => ctx?.dispose())

  it('hygiene summary: answered from the grouping; after a change to one client, stale at once, then fresh', async () => {
    ctx = testCore()
    seed(ctx)
    const hygiene = ctx.core.services.fleet.hygiene
    const first = hygiene.summary({})
    // Grouped once: the same answer again, not a new grouping.
    expect(hygiene.summary({})).toBe(first)
    expect(hygiene.summary({ allowStale: true })).toBe(first)
    expect(first).toEqual(fresh(ctx).summary({}))
    expect(first.totals.open).toBeGreaterThan(0)

    // Duo's second member loses 2FA (a new no_2fa finding in Duo only).
    changeOrgUsers(ctx, "UPDATE org_users SET has_2fa = 0 WHERE email = 'b@duo.ch'")
    const expected = fresh(ctx).summary({})
    expect(expected.totals.open).toBe(first.totals.open + 1)
    // The screen's read does not wait: the last grouping, marked stale, with its time.
    const stale = hygiene.summary({ allowStale: true })
    expect(stale).toEqual({ ...first, stale: true })
    await afterRefresh()
    const refreshed = hygiene.summary({ allowStale: true })
    expect(refreshed.stale).toBeUndefined()
    expect(refreshed).toEqual(expected)

    // A read that does not allow stale answers computes at once, and equals a fresh computation too.
    changeOrgUsers(ctx, "UPDATE org_users SET has_2fa = 1 WHERE email = 'boss@solo.ch'")
    const direct = hygiene.summary({ severities: ['high', 'medium'] })
    expect(direct).toEqual(fresh(ctx).summary({ severities: ['high', 'medium'] }))
    expect(hygiene.findings({ rule: 'no_2fa' })).toEqual(fresh(ctx).findings({ rule: 'no_2fa' }))
  })

  it('home: one computation per change; after a change to one client, the rows equal a fresh computation', async () => {
    ctx = testCore()
    seed(ctx)
    const fleet = ctx.core.services.fleet
    const db = ctx.core.db
    const minute = Math.floor(ctx.clock.now() / 60_000) * 60_000
    const first = fleet.home()
    expect(fleet.home()).toBe(first)
    expect(first).toEqual(homeData(db, minute, fresh(ctx).scores()))

    // Trio's pending invitation is accepted: its stale-invitation count and its score change.
    changeOrgUsers(ctx, "UPDATE org_users SET state = 'valid', invited_at = NULL WHERE email = 'old@x.ch'")
    const expected = homeData(db, minute, fresh(ctx).scores())
    const trio = (h: typeof first) => h.rows.find((r) => r.orgId === 3)!
    expect(trio(expected).staleInvitations).toBe(0)
    expect(trio(first).staleInvitations).toBe(1)
    // At once: the cache's own figures are new, the scores are the last computation's (marked).
    const now = fleet.home()
    expect(now.scoresStale).toBe(true)
    expect(trio(now).staleInvitations).toBe(0)
    expect(now.rows.map((r) => r.score)).toEqual(first.rows.map((r) => r.score))
    await afterRefresh()
    const refreshed = fleet.home()
    expect(refreshed.scoresStale).toBeUndefined()
    expect(refreshed).toEqual(expected)
    expect(trio(refreshed).score).not.toBe(trio(first).score)

    // The core's own write (a billing import on this connection) makes a new computation too.
    db.prepare(
      `INSERT INTO billing_invoices (account_id, org_id, number, issue_date, excl_cents, vat_cents, incl_cents, currency, status, source)
       VALUES ('acc', 2, 'INV-1', '2026-10-01', 0, 0, 5000, 'CHF', 'unpaid', 'csv')`,
    ).run()
    const billed = fleet.home()
    expect(billed.rows.find((r) => r.orgId === 2)!.unpaid).toEqual([{ currency: 'CHF', count: 1, cents: 5000 }])
    expect(billed).toEqual(homeData(db, minute, fresh(ctx).scores()))
  })

  it('inventory: a total counted once per filter and change; equal to a fresh count after a change', () => {
    ctx = testCore()
    const s = seed(ctx)
    for (let i = 1; i <= 30; i++) s.product(1 + (i % 3), 1_000 + i, i % 2 === 0 ? 10 : 20)
    const fleet = ctx.core.services.fleet
    const fresh = () => new Inventory(ctx!.core.db).page({ types: ['service10'] }, 0, 5, ctx!.clock.now(), 'en')
    const first = fleet.inventoryPage({ types: ['service10'] }, 0, 5)
    expect(first.total).toBe(15)
    expect(first.fleetTotal).toBe(30)
    // The next page of the same filter: the same total, and the rows that follow.
    const second = fleet.inventoryPage({ types: ['service10'] }, 5, 5)
    expect(second.total).toBe(15)
    expect(second.rows.map((r) => r.id)).not.toEqual(first.rows.map((r) => r.id))
    // A product added by another connection (a CLI sync): counted again.
    changeOrgUsers(
      ctx,
      "INSERT INTO products (account_id, id, org_id, service_id, service_name, customer_name, synced_at) VALUES ('acc', 5000, 2, 10, 'service10', 'new one', 0)",
    )
    const after = fleet.inventoryPage({ types: ['service10'] }, 0, 5)
    expect({ ...after, tookMs: 0 }).toEqual({ ...fresh(), tookMs: 0 })
    expect(after.total).toBe(16)
    expect(after.fleetTotal).toBe(31)
  })
})
