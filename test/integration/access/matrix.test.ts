import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MatrixData, Person } from '../../../shared/domain/access'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>

const mask = (r: { technical: boolean; statistic: boolean; check: boolean; sale: boolean }) =>
  (r.technical ? 1 : 0) | (r.statistic ? 2 : 0) | (r.check ? 4 : 0) | (r.sale ? 8 : 0)

describe.each(['faithful', 'live-shapes'] as const)('permission matrix against the %s sandbox truth', (profile) => {
  let f: Fixture
  let accountId: string
  beforeAll(async () => {
    // Under live-shapes the matrix is rebuilt through the fallbacks: per-product rights with `with=users`, team
    // memberships from each team's member list, service-level team rights as single strings.
    f = await syncFixture({ seed: 7, scale: 'demo', orgs: 5, profile })
    accountId = await f.addAccount('owner')
  }, 60_000)
  afterAll(async () => f?.dispose())

  const matrix = async (orgId: number): Promise<MatrixData> => {
    const r = await f.core.dispatch('access:matrix', { accountId, orgId }, { transport: 'test' })
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.reason}`)
    return r.value as MatrixData
  }

  it('equals direct ∪ team-derived rights, with their sources, in every organization', async () => {
    const orgIds = f.db
      .prepare<[string], { id: number }>('SELECT id FROM orgs WHERE account_id = ? ORDER BY id')
      .all(accountId)
      .map((r) => r.id)
    let direct = 0
    let viaTeam = 0
    let compared = 0
    for (const orgId of orgIds) {
      const m = await matrix(orgId)
      if (m.users.length === 0) continue
      const cached = new Set(m.products.map((p) => p.id))
      const got = m.cells
        .map(([u, p, all, d, teams]) => {
          const user = m.users[u]!
          return `${user.userId}|${m.products[p]!.id}|${all}|${d}|${[...teams].sort((a, b) => a - b).join(',')}`
        })
        .sort()
      const want = f.sandbox.truth
        .effectiveRights(orgId)
        .filter((e) => cached.has(e.productId) && mask(e.explicit) !== 0)
        .map(
          (e) =>
            `${e.userId}|${e.productId}|${mask(e.explicit)}|${e.direct ? mask(e.direct) : 0}|${e.viaTeams
              .map((t) => t.teamId)
              .sort((a, b) => a - b)
              .join(',')}`,
        )
        .sort()
      expect(got, `org ${orgId}`).toEqual(want)
      direct += m.cells.filter((c) => c[3] !== 0).length
      viaTeam += m.cells.filter((c) => c[4].length > 0).length
      compared++
    }
    expect(compared).toBeGreaterThan(0)
    expect(direct).toBeGreaterThan(0)
    expect(viaTeam).toBeGreaterThan(0)
  })

  it('shows the same rights on the person page as in the matrix, in every organization', async () => {
    const email = f.db
      .prepare<[string], { email: string }>(
        `SELECT email FROM org_users WHERE account_id = ? AND state = 'valid' AND role_type = 'normal'
         GROUP BY email ORDER BY count(*) DESC, email LIMIT 1`,
      )
      .get(accountId)!.email
    const r = await f.core.dispatch('access:person', { email }, { transport: 'test' })
    if (!r.ok) throw new Error(r.error.reason)
    const person = r.value as Person
    expect(person.orgs.length).toBeGreaterThan(0)
    for (const o of person.orgs.filter((x) => !x.pending)) {
      const m = await matrix(o.orgId)
      const u = m.users.findIndex((x) => x.userId === o.userId && !x.pending)
      const want = m.cells
        .filter((c) => c[0] === u)
        .map((c) => `${m.products[c[1]]!.id}|${c[2]}|${c[3]}|${[...c[4]].sort((a, b) => a - b).join(',')}`)
        .sort()
      const got = o.rights
        .map((x) => `${x.productId}|${x.mask}|${x.directMask}|${[...x.teamIds].sort((a, b) => a - b).join(',')}`)
        .sort()
      expect(got, `org ${o.orgId}`).toEqual(want)
      expect(o.teams.map((t) => t.id).sort()).toEqual([...m.users[u]!.teamIds].sort())
      expect(o.asOf).not.toBeNull()
    }
  })

  it('follows a change of team permissions and a direct grant after a re-sync', async () => {
    const org = f.sandbox.data.agencyAccountId
    const team = f.sandbox.data.teams.find((t) => t.accountId === org && t.userIds.length > 0)!
    const product = f.sandbox.data.products.find((p) => p.accountId === org)!
    f.sandbox.control.setTeamPermissions({
      teamId: team.id,
      permissions: [{ serviceId: product.serviceId, productId: product.id, rights: ['check', 'sale'] }],
    })
    await f.sync(accountId, { orgId: org })
    const m = await matrix(org)
    const p = m.products.findIndex((x) => x.id === product.id)
    const member = m.users.findIndex((u) => u.userId === team.userIds[0])
    const cell = m.cells.find((c) => c[0] === member && c[1] === p)
    expect(cell?.[4]).toContain(team.id)
    expect((cell?.[2] ?? 0) & 12).toBe(12)
  })

  it('lists pending invitees apart, after the members, and exports CSV and XLSX with formulas neutralised', async () => {
    const org = f.sandbox.data.agencyAccountId
    const m = await matrix(org)
    const firstPending = m.users.findIndex((u) => u.pending)
    if (firstPending >= 0) expect(m.users.slice(firstPending).every((u) => u.pending)).toBe(true)
    f.db
      .prepare(
        'UPDATE org_users SET display_name = \'=HYPERLINK("http://x")\' WHERE account_id = ? AND org_id = ? AND member_key = ?',
      )
      .run(accountId, org, m.users[0]!.memberKey)
    const csv = await f.core.dispatch(
      'access:matrix-export',
      { accountId, orgId: org, format: 'csv' },
      { transport: 'test' },
    )
    if (!csv.ok) throw new Error(csv.error.reason)
    const text = readFileSync((csv.value as { savedPath: string }).savedPath, 'utf8')
    expect(text).toContain(`'=HYPERLINK`)
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m)
    expect(text.split('\r\n')[0]).toContain('E-mail')
    const xlsx = await f.core.dispatch(
      'access:matrix-export',
      { accountId, orgId: org, format: 'xlsx' },
      { transport: 'test' },
    )
    if (!xlsx.ok) throw new Error(xlsx.error.reason)
    const bytes = readFileSync((xlsx.value as { savedPath: string }).savedPath)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
  })
})
