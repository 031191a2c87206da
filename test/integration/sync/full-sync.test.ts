import { afterEach, describe, expect, it } from 'vitest'
import { viewerRights } from '../../../electron/sandbox/truth'
import { liveOrgType } from '../../../electron/sandbox/shapes'
import type { SandboxProfile } from '../../../electron/sandbox'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>

/** What the sandbox says the `owner` token can see, computed from its data model. */
function truthFor(f: Fixture, tokenName: string, profile: SandboxProfile = 'faithful') {
  const { data, truth } = f.sandbox
  const access = truth.orgAccess(tokenName)
  const orgs = [...access.values()]
    .map((a) => ({ id: a.orgId, role: profile === 'live-shapes' ? liveOrgType(a) : a.type }))
    .sort((a, b) => a.id - b.id)
  const products: { id: number; orgId: number }[] = []
  for (const a of access.values()) {
    const teams = data.teams.filter((t) => t.accountId === a.orgId)
    for (const p of data.products.filter((x) => x.accountId === a.orgId)) {
      if (viewerRights(a, p, teams)) products.push({ id: p.id, orgId: p.accountId })
    }
  }
  return { access, orgs, products: products.sort((a, b) => a.id - b.id) }
}

describe.each(['faithful', 'live-shapes'] as const)('full sync against the %s sandbox', (profile) => {
  let f: Fixture
  afterEach(async () => f?.dispose())

  it('mirrors every organization, product, user, right, team and member', async () => {
    f = await syncFixture({ scale: 'tiny', seed: 7, profile })
    const accountId = await f.addAccount('owner')
    const t = truthFor(f, 'owner', profile)

    const orgs = f.db.prepare('SELECT id, role FROM orgs WHERE account_id = ? ORDER BY id').all(accountId)
    expect(orgs).toEqual(t.orgs)

    const products = f.db
      .prepare('SELECT id, org_id AS orgId FROM products WHERE account_id = ? ORDER BY id')
      .all(accountId)
    expect(products).toEqual(t.products)

    // Direct rights per (product, user) exactly as the API lists them.
    const visible = new Set(t.products.map((p) => p.id))
    const expectedRights = f.sandbox.data.products
      .filter((p) => visible.has(p.id))
      .flatMap((p) =>
        p.users.map((u) => ({
          product_id: p.id,
          user_id: u.userId,
          technical: +u.rights.technical,
          statistic: +u.rights.statistic,
          check: +u.rights.check,
          sale: +u.rights.sale,
        })),
      )
      .sort((a, b) => a.product_id - b.product_id || a.user_id - b.user_id)
    const rights = f.db
      .prepare(
        'SELECT product_id, user_id, technical, statistic, "check", sale FROM product_rights WHERE account_id = ? ORDER BY product_id, user_id',
      )
      .all(accountId)
    expect(rights).toEqual(expectedRights)

    // Users, teams and memberships for every organization the token may list users of.
    const data = f.sandbox.data
    let checkedOrgs = 0
    const checked = new Set<number>()
    for (const org of t.orgs) {
      const state = f.db
        .prepare<[string, number], { status: string }>(
          "SELECT status FROM sync_state WHERE account_id = ? AND org_id = ? AND resource = 'users'",
        )
        .get(accountId, org.id)
      expect(state, `users state of org ${org.id}`).toBeDefined()
      if (state!.status !== 'ok') continue
      checkedOrgs++
      checked.add(org.id)
      const members = data.memberships
        .filter((m) => m.accountId === org.id)
        .map((m) => ({ member_key: `u:${m.userId}`, role_type: m.role, state: 'valid' }))
      const pending = data.invitations
        .filter((i) => i.accountId === org.id && i.status === 'pending')
        .map((i) => ({ member_key: `i:${i.id}`, role_type: i.roleType, state: 'pending' }))
      const expectedUsers = [...members, ...pending].sort((a, b) => a.member_key.localeCompare(b.member_key))
      const users = f.db
        .prepare(
          'SELECT member_key, role_type, state FROM org_users WHERE account_id = ? AND org_id = ? ORDER BY member_key',
        )
        .all(accountId, org.id)
      expect(users).toEqual(expectedUsers)

      const teams = f.db
        .prepare('SELECT id, name, owned_by_id FROM teams WHERE account_id = ? AND org_id = ? ORDER BY id')
        .all(accountId, org.id)
      expect(teams).toEqual(
        data.teams
          .filter((x) => x.accountId === org.id)
          .map((x) => ({ id: x.id, name: x.name, owned_by_id: x.ownedById }))
          .sort((a, b) => a.id - b.id),
      )
      const memberships = f.db
        .prepare(
          'SELECT team_id, user_id FROM team_members WHERE account_id = ? AND org_id = ? ORDER BY team_id, user_id',
        )
        .all(accountId, org.id)
      const memberIds = new Set(data.memberships.filter((m) => m.accountId === org.id).map((m) => m.userId))
      expect(memberships).toEqual(
        data.teams
          .filter((x) => x.accountId === org.id)
          .flatMap((x) => x.userIds.filter((u) => memberIds.has(u)).map((u) => ({ team_id: x.id, user_id: u })))
          .sort((a, b) => a.team_id - b.team_id || a.user_id - b.user_id),
      )
    }
    expect(checkedOrgs).toBeGreaterThan(0)

    // Readable through IPC too.
    const listed = await f.core.dispatch('products:list', { accountId }, { transport: 'test' })
    expect(listed.ok && (listed.value as unknown[]).length).toBe(t.products.length)

    // Nothing was left out, and every dataset is complete: through the fallbacks under live-shapes.
    const status = f.core.services.sync.status(accountId)[0]!
    expect(status.skippedCount).toBe(0)
    const coverage = await f.core.dispatch('coverage:list', { accountId }, { transport: 'test' })
    expect(coverage.ok).toBe(true)
    const rows = coverage.ok
      ? (coverage.value as { orgId: number; datasets: { dataset: string; state: string; via: string | null }[] }[])
      : []
    const managed = rows.filter((r) => checked.has(r.orgId))
    expect(managed.length).toBe(checkedOrgs)
    for (const r of managed) {
      for (const d of r.datasets) {
        if (d.dataset === 'invitation_details' && d.state === 'not_offered') continue
        expect(d.state, `${d.dataset} of ${r.orgId}`).toBe('complete')
      }
      const m = r.datasets.find((d) => d.dataset === 'team_memberships')
      expect(m?.via).toBe(profile === 'live-shapes' ? 'team_lists' : 'direct')
    }
  })

  it.runIf(profile === 'faithful')(
    'uses exactly the planned, minimal number of requests and never meets a 429',
    async () => {
      f = await syncFixture({ scale: 'tiny', seed: 11, settings: { maxPerPage: 7 } })
      const accountId = await f.addAccount('owner')
      f.sandbox.requests.clear()
      const status = await f.sync(accountId)

      const t = truthFor(f, 'owner')
      const data = f.sandbox.data
      const pages = (n: number) => Math.max(1, Math.ceil(n / 7))
      let minimum = 1 /* /1/accounts, never paginated */ + pages(t.products.length)
      for (const org of t.orgs) {
        const users =
          data.memberships.filter((m) => m.accountId === org.id).length +
          data.invitations.filter((i) => i.accountId === org.id && i.status === 'pending').length
        minimum += pages(users) + pages(data.teams.filter((x) => x.accountId === org.id).length)
      }
      const log = f.sandbox.requests.list()
      expect(log.filter((r) => r.status === 429)).toEqual([])
      expect(log.length).toBe(minimum)
      expect(status.requests).toBe(log.length)
      expect(status.planned).toBe(log.length)
      expect(status.state).toBe('idle')

      // A second sync plans exactly what it then spends, from the start.
      f.sandbox.requests.clear()
      const planned: number[] = []
      const off = f.core.onEvent((channel, payload) => {
        if (channel === 'sync:progress') planned.push((payload as { planned: number }).planned)
      })
      await f.sync(accountId)
      off()
      expect(planned[0]).toBe(minimum)
      expect(f.sandbox.requests.count()).toBe(minimum)
    },
  )

  it('keeps two accounts that see the same organization apart, and removing one purges exactly its rows', async () => {
    f = await syncFixture({ scale: 'tiny', seed: 5, profile })
    const owner = await f.addAccount('owner')
    const staff = await f.addAccount('staff')
    const shared = f.db
      .prepare<[string, string], { id: number }>(
        'SELECT a.id FROM orgs a JOIN orgs b ON a.id = b.id WHERE a.account_id = ? AND b.account_id = ?',
      )
      .all(owner, staff)
    expect(shared.length).toBeGreaterThan(0)
    const count = (table: string, account: string) =>
      (
        f.db
          .prepare<[string], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE account_id = ?`)
          .get(account) ?? { n: 0 }
      ).n
    const tables = ['orgs', 'products', 'product_rights', 'org_users', 'teams', 'team_members', 'sync_state']
    const ownerCounts = Object.fromEntries(tables.map((tb) => [tb, count(tb, owner)]))
    expect(ownerCounts.orgs).toBeGreaterThan(0)

    const removed = await f.core.dispatch(
      'accounts:remove',
      { accountId: staff, deleteUserData: false },
      { transport: 'test' },
    )
    expect(removed).toEqual({ ok: true, value: { removed: true } })
    for (const tb of tables) expect(count(tb, staff), tb).toBe(0)
    expect(Object.fromEntries(tables.map((tb) => [tb, count(tb, owner)]))).toEqual(ownerCounts)
    expect(await f.ctx.secretStore.get(`token:${staff}`)).toBeNull()
    expect(await f.ctx.secretStore.get(`token:${owner}`)).not.toBeNull()
  })
})
