import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PendingInvitation, TeamView, WriteOutcome } from '../../../shared/domain/access'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>

describe('teams and invitations against the sandbox', () => {
  let f: Fixture
  let accountId: string
  let owned: { id: number; name: string }
  let admin: { id: number; name: string }
  let client: { id: number; name: string } | undefined
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await f.core.dispatch(channel, input, { transport: 'test' })
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.reason}`), { code: r.error.code })
    return r.value as T
  }
  const failure = async (channel: string, input: unknown) => {
    const r = await f.core.dispatch(channel, input, { transport: 'test' })
    if (r.ok) throw new Error(`${channel} should have failed`)
    return r.error
  }
  const audits = () =>
    f.db.prepare<[], { action: string; outcome: string }>('SELECT action, outcome FROM audit_log ORDER BY id').all()

  beforeAll(async () => {
    f = await syncFixture({ seed: 11, scale: 'demo', orgs: 5 })
    accountId = await f.addAccount('owner')
    const orgs = f.db
      .prepare<[string], { id: number; name: string; role: string }>(
        'SELECT id, name, role FROM orgs WHERE account_id = ? ORDER BY id',
      )
      .all(accountId)
    owned = orgs.find((o) => o.role === 'owner')!
    admin = orgs.find((o) => o.role === 'admin')!
    client = orgs.find((o) => o.role === 'client' || o.role === 'normal')
  }, 60_000)
  afterAll(async () => f?.dispose())

  it('invites into two organizations, edits and cancels the invitations, with audit and re-sync', async () => {
    const email = 'nina.neuve@example.ch'
    const base = {
      email,
      firstName: 'Nina',
      lastName: 'Neuve',
      locale: 'fr_FR',
      roleType: 'normal',
      billing: true,
      notifyProducts: true,
      notifyBilling: false,
    }
    const targets = [
      { accountId, orgId: owned.id },
      { accountId, orgId: admin.id },
    ]
    expect((await failure('access:invite', { ...base, targets, confirmOrgNames: [owned.name] })).code).toBe(
      'RULE_VIOLATION',
    )
    const created = await call<WriteOutcome[]>('access:invite', {
      ...base,
      targets,
      confirmOrgNames: [owned.name, admin.name],
    })
    expect(created.map((o) => [o.ok, o.resynced])).toEqual([
      [true, true],
      [true, true],
    ])
    for (const o of created) {
      const inv = f.sandbox.data.invitations.find((i) => i.id === o.id)!
      expect(inv.status).toBe('pending')
      expect(inv.email).toBe(email)
      expect(inv.hasBilling).toBe(true)
    }
    const pending = await call<PendingInvitation[]>('access:invitations', {})
    const mine = pending.filter((p) => p.email === email)
    expect(mine.map((p) => p.orgId).sort()).toEqual([owned.id, admin.id].sort())
    expect(mine.every((p) => p.ageDays === 0)).toBe(true)

    const first = created[0]!
    const updated = await call<WriteOutcome>('access:invitation-update', {
      accountId,
      orgId: first.orgId,
      invitationId: first.id,
      roleType: 'admin',
      billing: false,
      confirmOrgName: first.orgName,
    })
    expect(updated.ok).toBe(true)
    const inv = f.sandbox.data.invitations.find((i) => i.id === first.id)!
    expect(inv.roleType).toBe('admin')
    expect(inv.hasBilling).toBe(false)

    const cancelled = await call<WriteOutcome>('access:invitation-cancel', {
      accountId,
      orgId: first.orgId,
      invitationId: first.id,
      confirmOrgName: first.orgName,
    })
    expect(cancelled.ok).toBe(true)
    expect(f.sandbox.data.invitations.find((i) => i.id === first.id)?.status ?? 'gone').not.toBe('pending')
    expect((await call<PendingInvitation[]>('access:invitations', {})).some((p) => p.invitationId === first.id)).toBe(
      false,
    )
    expect(audits().slice(-4)).toEqual([
      { action: 'invitation.create', outcome: 'applied' },
      { action: 'invitation.create', outcome: 'applied' },
      { action: 'invitation.update', outcome: 'applied' },
      { action: 'invitation.delete', outcome: 'applied' },
    ])
  })

  it('only a legal representative may invite (or promote to) a legal representative', async () => {
    const input = {
      email: 'rep@example.ch',
      firstName: 'Rep',
      lastName: 'Legal',
      locale: 'en_GB',
      roleType: 'owner',
      billing: false,
      notifyProducts: false,
      notifyBilling: false,
    }
    const error = await failure('access:invite', {
      ...input,
      targets: [{ accountId, orgId: admin.id }],
      confirmOrgNames: [admin.name],
    })
    expect(error.code).toBe('RULE_VIOLATION')
    expect(JSON.stringify(error.details)).toContain('not_legal_representative')
    expect(f.sandbox.data.invitations.some((i) => i.email === 'rep@example.ch')).toBe(false)
    const team = f.sandbox.data.teams.find((x) => x.accountId === owned.id)!
    const ok = await call<WriteOutcome[]>('access:invite', {
      ...input,
      targets: [{ accountId, orgId: owned.id, teamIds: [team.id] }],
      confirmOrgNames: [owned.name],
    })
    expect(ok[0]!.ok).toBe(true)
    expect(f.sandbox.data.invitations.find((i) => i.id === ok[0]!.id)!.roleType).toBe('owner')
    expect(f.sandbox.data.invitations.find((i) => i.id === ok[0]!.id)!.teamIds).toEqual([team.id])
  })

  it('refuses to write where the token owner does not manage users', async () => {
    if (!client) return
    const error = await failure('access:team-create', {
      accountId,
      orgId: client.id,
      name: 'Nope',
      confirmOrgName: client.name,
    })
    expect(error.code).toBe('RULE_VIOLATION')
  })

  it('creates a team and adds and removes members through the API', async () => {
    const members = f.sandbox.data.memberships.filter((m) => m.accountId === owned.id).slice(0, 2)
    const created = await call<WriteOutcome>('access:team-create', {
      accountId,
      orgId: owned.id,
      name: 'Support client',
      leaderId: members[0]!.userId,
      confirmOrgName: owned.name,
    })
    expect(created.ok).toBe(true)
    const teamId = created.id!
    expect(f.sandbox.data.teams.find((t) => t.id === teamId)!.name).toBe('Support client')
    await call('access:team-members', {
      accountId,
      orgId: owned.id,
      teamId,
      add: members.map((m) => m.userId),
      remove: [],
      confirmOrgName: owned.name,
    })
    expect(f.sandbox.data.teams.find((t) => t.id === teamId)!.userIds.sort()).toEqual(
      members.map((m) => m.userId).sort(),
    )
    await call('access:team-members', {
      accountId,
      orgId: owned.id,
      teamId,
      add: [],
      remove: [members[1]!.userId],
      confirmOrgName: owned.name,
    })
    const teams = await call<TeamView[]>('access:teams', { accountId, orgId: owned.id })
    const team = teams.find((t) => t.id === teamId)!
    expect(team.leaderId).toBe(members[0]!.userId)
    expect(team.members.map((m) => m.userId)).toEqual([members[0]!.userId])
    expect(
      audits()
        .slice(-3)
        .map((a) => a.action),
    ).toEqual(['team.create', 'team.change_users', 'team.change_users'])
  })
})
