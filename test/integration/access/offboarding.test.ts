import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OffboardingPlan, OffboardingRun } from '../../../shared/domain/access'
import { canManageUsers } from '../../../shared/domain/roles'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>

describe.each(['faithful', 'live-shapes'] as const)('offboarding against the %s sandbox', (profile) => {
  let f: Fixture
  let accountId: string
  let managed: { id: number; name: string; role: string }[]
  let unmanaged: { id: number; name: string; role: string }[]
  const call = async <T>(channel: Parameters<Fixture['core']['dispatch']>[0], input: unknown): Promise<T> => {
    const r = await f.core.dispatch(channel, input, { transport: 'test' })
    if (!r.ok) throw Object.assign(new Error(r.error.reason), { code: r.error.code, details: r.error.details })
    return r.value as T
  }
  const failure = async (channel: string, input: unknown) => {
    const r = await f.core.dispatch(channel, input, { transport: 'test' })
    if (r.ok) throw new Error(`${channel} should have failed`)
    return r.error
  }

  beforeAll(async () => {
    f = await syncFixture({ seed: 11, scale: 'demo', orgs: 5, profile })
    accountId = await f.addAccount('owner')
    const orgs = f.db
      .prepare<[string], { id: number; name: string; role: string }>(
        'SELECT id, name, role FROM orgs WHERE account_id = ? ORDER BY id',
      )
      .all(accountId)
    // Roles as the Manager's rules read them (`partner_admin` manages a client organisation under live-shapes).
    managed = orgs.filter((o) => canManageUsers(o.role))
    unmanaged = orgs.filter((o) => !canManageUsers(o.role))
  }, 60_000)
  afterAll(async () => f?.dispose())

  it('plans, applies within the API, re-syncs, verifies, audits and reports', async () => {
    expect(managed.length).toBeGreaterThanOrEqual(3)
    const [a, b, c] = managed as [(typeof managed)[0], (typeof managed)[0], (typeof managed)[0]]
    const email = 'quentin.depart@example.ch'
    const { userId } = f.sandbox.control.addMember({
      accountId: a.id,
      email,
      firstName: 'Quentin',
      lastName: 'Départ',
      role: 'normal',
    }) as {
      userId: number
    }
    f.sandbox.control.addMember({ accountId: b.id, email, role: 'normal' })
    const teamA = f.sandbox.data.teams.find((t) => t.accountId === a.id)!
    const teamB = f.sandbox.data.teams.find((t) => t.accountId === b.id)!
    f.sandbox.control.addTeamMembers({ teamId: teamA.id, userIds: [userId] })
    f.sandbox.control.addTeamMembers({ teamId: teamB.id, userIds: [userId] })
    const invitation = await f.core.services.access.client(accountId).createInvitation(c.id, {
      email,
      first_name: 'Quentin',
      last_name: 'Départ',
      locale: 'fr_FR',
      role_type: 'normal',
    })
    await f.sync(accountId)

    const targets = [a, b, c].map((o) => ({ accountId, orgId: o.id }))
    const plan = await call<OffboardingPlan>('access:offboarding-plan', { email, targets })
    expect(plan.orgs.map((o) => o.refusal)).toEqual([null, null, null])
    const kinds = plan.orgs
      .flatMap((o) => o.steps.map((s) => `${o.orgId}:${s.kind}:${s.api ? 'api' : 'manual'}`))
      .sort()
    expect(kinds).toEqual(
      [
        `${a.id}:remove_from_team:api`,
        `${a.id}:remove_member:manual`,
        `${b.id}:remove_from_team:api`,
        `${b.id}:remove_member:manual`,
        `${c.id}:cancel_invitation:api`,
      ].sort(),
    )
    const manual = plan.orgs.flatMap((o) => o.steps).filter((s) => !s.api)
    expect(manual.every((s) => s.url?.startsWith('https://manager.infomaniak.com/v3/'))).toBe(true)

    // The confirmation must name every organization.
    const refused = await failure('access:offboarding-apply', { email, targets, confirmOrgNames: [a.name, b.name] })
    expect(refused.code).toBe('RULE_VIOLATION')
    expect(f.sandbox.data.teams.find((t) => t.id === teamA.id)!.userIds).toContain(userId)

    const progress: string[] = []
    const off = f.core.onEvent((channel, payload) => {
      if (channel === 'access:progress') progress.push((payload as { phase: string }).phase)
    })
    const started = await call<OffboardingRun>('access:offboarding-apply', {
      email,
      targets,
      confirmOrgNames: [a.name, ` ${b.name.toUpperCase()} `, c.name],
    })
    expect(started.state).toBe('running')
    const run = await f.core.services.access.whenRunDone(started.runId)
    off()
    expect(run.state).toBe('done')
    expect(progress).toContain('applying')
    expect(progress.at(-1)).toBe('done')

    // The sandbox changed.
    expect(f.sandbox.data.teams.find((t) => t.id === teamA.id)!.userIds).not.toContain(userId)
    expect(f.sandbox.data.teams.find((t) => t.id === teamB.id)!.userIds).not.toContain(userId)
    const inv = f.sandbox.data.invitations.find((i) => i.id === invitation.id)
    expect(inv === undefined || inv.status !== 'pending').toBe(true)

    // Re-synced and verified.
    expect(run.orgs.every((o) => o.resynced)).toBe(true)
    for (const s of run.steps) {
      if (s.api) {
        expect(s.outcome, s.id).toBe('applied')
        expect(s.verified, s.id).toBe(true)
      } else {
        expect(s.outcome).toBe('manual')
        expect(s.verified).toBe(false) // still a member until removed in the Manager
      }
    }

    // Audit log: one row per applied change.
    const audit = f.db
      .prepare<[], { action: string; outcome: string; org_id: number }>(
        'SELECT action, outcome, org_id FROM audit_log ORDER BY id',
      )
      .all()
    expect(audit.map((r) => `${r.org_id}:${r.action}:${r.outcome}`).sort()).toEqual(
      [
        `${a.id}:offboarding.confirmed:confirmed`,
        `${b.id}:offboarding.confirmed:confirmed`,
        `${c.id}:offboarding.confirmed:confirmed`,
        `${a.id}:team.remove_users:applied`,
        `${b.id}:team.remove_users:applied`,
        `${c.id}:invitation.delete:applied`,
      ].sort(),
    )

    // Report.
    const csv = await call<{ savedPath: string; fileName: string }>('access:offboarding-report', {
      runId: run.runId,
      format: 'csv',
    })
    const text = readFileSync(csv.savedPath, 'utf8')
    const lines = text.trim().split('\r\n')
    expect(lines).toHaveLength(1 + 5)
    expect(lines[0]).toContain('Verified')
    for (const o of [a, b, c]) expect(text).toContain(o.name)
    expect(lines.filter((l) => l.includes(',API,') && l.includes(',Applied,Yes,'))).toHaveLength(3)
    expect(
      lines.filter((l) => l.includes(',Manual,') && l.includes('https://manager.infomaniak.com/v3/')),
    ).toHaveLength(2)
    const pdf = await call<{ savedPath: string; mimeType: string }>('access:offboarding-report', {
      runId: run.runId,
      format: 'pdf',
    })
    expect(pdf.mimeType).toBe('application/pdf')
    expect(readFileSync(pdf.savedPath).subarray(0, 5).toString()).toBe('%PDF-')

    // Once removed in the Manager, the manual step verifies on the next plan.
    const person = await call<{ orgs: { orgId: number; teams: unknown[] }[] }>('access:person', { email })
    expect(person.orgs.map((o) => o.orgId).sort()).toEqual([a.id, b.id].sort())
    expect(person.orgs.every((o) => o.teams.length === 0)).toBe(true)
  })

  it('refuses a plan that would remove the last legal representative', async () => {
    const org = managed.find((o) => o.role === 'owner' || o.role === 'admin')!
    const owners = f.sandbox.data.memberships.filter((m) => m.accountId === org.id && m.role === 'owner')
    const keep = owners[0]!
    for (const o of owners.slice(1))
      f.sandbox.control.updateMember({ accountId: org.id, userId: o.userId, role: 'admin' })
    await f.sync(accountId, { orgId: org.id })
    const email = f.sandbox.data.users.find((u) => u.id === keep.userId)!.email
    const targets = [{ accountId, orgId: org.id }]
    const plan = await call<OffboardingPlan>('access:offboarding-plan', { email, targets })
    expect(plan.orgs[0]!.refusal).toBe('last_legal_representative')
    expect(plan.orgs[0]!.steps.some((s) => s.kind === 'transfer_legal_representative' && !s.api)).toBe(true)
    const error = await failure('access:offboarding-apply', { email, targets, confirmOrgNames: [org.name] })
    expect(error.code).toBe('RULE_VIOLATION')
    expect(JSON.stringify(error.details)).toContain('last_legal_representative')

    // With a second legal representative the plan is allowed.
    f.sandbox.control.addMember({ accountId: org.id, email: 'second.owner@example.ch', role: 'owner' })
    await f.sync(accountId, { orgId: org.id })
    const again = await call<OffboardingPlan>('access:offboarding-plan', { email, targets })
    expect(again.orgs[0]!.refusal).toBeNull()
  })

  it('refuses to act where the token owner is neither administrator nor legal representative', async () => {
    const withUsers = (account: string, list: typeof unmanaged) =>
      list.find((o) => f.db.prepare('SELECT 1 FROM org_users WHERE account_id = ? AND org_id = ?').get(account, o.id))
    let account = accountId
    let org = withUsers(account, unmanaged)
    if (!org) {
      // Under live-shapes the owner manages every organisation it sees (partner_admin): use a collaborator's login.
      account = await f.addAccount('staff')
      const orgs = f.db
        .prepare<[string], { id: number; name: string; role: string }>(
          'SELECT id, name, role FROM orgs WHERE account_id = ?',
        )
        .all(account)
      org = withUsers(
        account,
        orgs.filter((o) => !canManageUsers(o.role)),
      )
    }
    expect(org).toBeDefined()
    const someone = f.db
      .prepare<[string, number], { email: string }>(
        "SELECT email FROM org_users WHERE account_id = ? AND org_id = ? AND state = 'valid' AND role_type != 'owner' LIMIT 1",
      )
      .get(account, org!.id)!
    const targets = [{ accountId: account, orgId: org!.id }]
    const plan = await call<OffboardingPlan>('access:offboarding-plan', { email: someone.email, targets })
    expect(plan.orgs[0]!.refusal).toBe('not_manager')
    const error = await failure('access:offboarding-apply', {
      email: someone.email,
      targets,
      confirmOrgNames: [org!.name],
    })
    expect(error.code).toBe('RULE_VIOLATION')
    expect(JSON.stringify(error.details)).toContain('not_manager')
  })
})
