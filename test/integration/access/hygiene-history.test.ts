import { afterEach, describe, expect, it } from 'vitest'
import type { Finding, HistoryRow } from '../../../shared/domain/access'
import { testCore } from '../../helpers/core'
import { syncFixture } from '../../helpers/sync'
import { CacheSeed } from './seed'

const DAY = 86_400

describe('hygiene findings on a seeded cache', () => {
  let ctx: ReturnType<typeof testCore> | undefined
  afterEach(() => ctx?.dispose())

  it('reports each rule where it applies and nowhere else', async () => {
    ctx = testCore()
    const now = Math.floor(ctx.core.services.clock.now() / 1000)
    const db = ctx.core.db
    const s = CacheSeed.account(db, 'acc')
    s.org(1, 'Solo SA').org(2, 'Duo SA')
    // 1: a single legal representative; 2: two.
    s.user(1, { userId: 10, email: 'boss@solo.ch', role: 'owner', has2fa: true, lastLoginAt: now - DAY })
    s.user(2, { userId: 20, email: 'a@duo.ch', role: 'owner', has2fa: null, lastLoginAt: now - DAY })
    s.user(2, { userId: 21, email: 'b@duo.ch', role: 'owner', has2fa: true, lastLoginAt: now - DAY })
    // Breadth: 4 products in org 1; 11 has rights on 3 (one through a team), 12 on 1, admin 13 on 4 (not judged).
    for (const p of [100, 101, 102, 103]) s.product(1, p, p === 103 ? 7 : 5)
    s.user(1, { userId: 11, email: 'broad@solo.ch', has2fa: false, lastLoginAt: now - 200 * DAY })
    s.user(1, { userId: 12, email: 'narrow@solo.ch', has2fa: true, lastLoginAt: now - 10 * DAY })
    s.user(1, { userId: 13, email: 'admin@solo.ch', role: 'admin', has2fa: true, lastLoginAt: now })
    s.right(1, 100, 11, 1).right(1, 101, 11, 2).right(1, 100, 12, 1)
    for (const p of [100, 101, 102, 103]) s.right(1, p, 13, 15)
    s.team(1, 500, 'Web', 10, [{ service_id: 7, product_id: null, rights: ['technical'] }], [11])
    s.team(1, 501, 'Orphans', null, [], [12])
    // Invitations: 40 days old (stale) and 10 days old.
    s.user(1, { invitationId: 900, email: 'old@x.ch', pending: true, invitedAt: now - 40 * DAY })
    s.user(1, { invitationId: 901, email: 'new@x.ch', pending: true, invitedAt: now - 10 * DAY })
    // Agency staff: one person in five organizations.
    for (let o = 3; o <= 7; o++) {
      s.org(o, `Client ${o}`)
      s.user(o, { userId: 77, email: 'staff@agency.ch', role: 'admin', has2fa: true, lastLoginAt: now })
    }
    const r = await ctx.core.dispatch('access:hygiene', {}, { transport: 'test' })
    if (!r.ok) throw new Error(r.error.reason)
    const findings = r.value as Finding[]
    const by = (rule: string) =>
      findings
        .filter((x) => x.rule === rule)
        .map((x) => `${x.orgId ?? '-'}:${x.email ?? x.subject}`)
        .sort()
    expect(by('single_legal_representative')).toEqual(['1:Solo SA'])
    expect(by('broad_collaborator')).toEqual(['1:broad@solo.ch'])
    expect(findings.find((x) => x.rule === 'broad_collaborator')!.value).toBe(75)
    expect(by('no_2fa')).toEqual(['1:broad@solo.ch'])
    expect(by('stale_invitation')).toEqual(['1:old@x.ch'])
    expect(findings.find((x) => x.rule === 'stale_invitation')!.value).toBe(40)
    expect(by('team_without_leader')).toEqual(['1:Orphans'])
    expect(by('inactive_user')).toEqual(['1:broad@solo.ch'])
    expect(by('agency_staff')).toEqual(['-:staff@agency.ch'])
    for (const x of findings) expect(x.link.startsWith('/')).toBe(true)
    const rank = { high: 0, medium: 1, low: 2 }
    const ranks = findings.map((x) => rank[x.severity])
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  })
})

describe('access history after sandbox mutations', () => {
  let f: Awaited<ReturnType<typeof syncFixture>> | undefined
  afterEach(async () => f?.dispose())

  it('answers per organization, per person and per date range', async () => {
    f = await syncFixture({ seed: 11, scale: 'demo', orgs: 4 })
    const accountId = await f.addAccount('owner')
    const org = f.sandbox.data.agencyAccountId
    const between = Date.now()
    await new Promise((r) => setTimeout(r, 5))
    const { userId } = f.sandbox.control.addMember({ accountId: org, email: 'hist@example.ch', role: 'normal' }) as {
      userId: number
    }
    const team = f.sandbox.data.teams.find((t) => t.accountId === org)!
    f.sandbox.control.addTeamMembers({ teamId: team.id, userIds: [userId] })
    await f.sync(accountId)
    f.sandbox.control.updateMember({ accountId: org, userId, role: 'admin' })
    await f.sync(accountId)
    const call = async (input: Record<string, unknown>) => {
      const r = await f!.core.dispatch('access:history', input, { transport: 'test' })
      if (!r.ok) throw new Error(r.error.reason)
      return r.value as HistoryRow[]
    }
    const perOrg = await call({ accountId, orgId: org })
    expect(perOrg.map((h) => h.kind)).toEqual(expect.arrayContaining(['member_added', 'team_joined', 'role_changed']))
    expect(perOrg.every((h) => h.orgId === org)).toBe(true)
    const perPerson = await call({ email: 'HIST@example.ch' })
    expect(perPerson.map((h) => h.kind).sort()).toEqual(['member_added', 'role_changed', 'team_joined'])
    expect(await call({ accountId, orgId: org, to: between })).toEqual([])
    expect((await call({ accountId, orgId: org, from: between })).length).toBe(perOrg.length)
  })
})
