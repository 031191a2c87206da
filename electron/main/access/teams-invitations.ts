import type { AccessRepo } from '../store/repos/access-repo'
import type { MemberRole, OrgTarget, PendingInvitation, TeamView, WriteOutcome } from '../../../shared/domain/access'
import type { CreateInvitationBody, PatchInvitationBody } from '../api/schemas'
import { AppError } from '../lib/app-error'
import { problemOf } from '../lib/problem'
import type { Clock } from '../lib/clock'
import type { AccessService } from './access-service'
import { canGrantOwner, canManageUsers } from '../../../shared/domain/roles'
import { maskOfRights, parseTeamPermissions } from './rights'

const DAY = 86_400

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function norm(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

export interface InviteInput {
  targets: (OrgTarget & { teamIds?: number[] | undefined })[]
  email: string
  firstName: string
  lastName: string
  locale: CreateInvitationBody['locale']
  roleType: MemberRole
  billing: boolean
  notifyProducts: boolean
  notifyBilling: boolean
  confirmOrgNames: readonly string[]
}

export interface InvitationPatch {
  roleType?: MemberRole | undefined
  billing?: boolean | undefined
  notifyProducts?: boolean | undefined
  notifyBilling?: boolean | undefined
  teamIds?: number[] | undefined
}

/** Teams and invitations: read models, and API writes with the Manager rules, confirmation and audit. */
export class TeamsInvitations {
  constructor(
    private readonly repo: AccessRepo,
    private readonly clock: Clock,
    private readonly access: AccessService,
  ) {}

  private org(t: OrgTarget): { name: string; role: string } {
    const org = this.repo.org(t.accountId, t.orgId)
    if (!org) throw new AppError('NOT_FOUND', 'access.orgNotCached')
    return org
  }

  /** Checks the Manager rules and the confirmation for a write in these organizations. */
  private guard(targets: readonly OrgTarget[], confirmOrgNames: readonly string[], grantsOwner: boolean): string[] {
    const names = targets.map((t) => this.org(t))
    const notManager = targets.filter((_, i) => !canManageUsers(names[i]!.role))
    if (notManager.length > 0)
      throw new AppError('RULE_VIOLATION', 'access.onlyManagers', {
        details: { refusal: 'not_manager', orgIds: notManager.map((t) => t.orgId) },
      })
    if (grantsOwner) {
      const notOwner = targets.filter((_, i) => !canGrantOwner(names[i]!.role))
      if (notOwner.length > 0)
        throw new AppError('RULE_VIOLATION', 'access.onlyOwnerGrantsOwner', {
          details: { refusal: 'not_legal_representative', orgIds: notOwner.map((t) => t.orgId) },
        })
    }
    const confirmed = new Set(confirmOrgNames.map(norm))
    const missing = names.filter((n) => !confirmed.has(norm(n.name)))
    if (missing.length > 0)
      throw new AppError('RULE_VIOLATION', 'access.confirmEveryOrg', {
        details: { missing: missing.map((n) => n.name) },
      })
    return names.map((n) => n.name)
  }

  teams(accountId: string, orgId: number): TeamView[] {
    this.org({ accountId, orgId })
    const teams = this.repo.teams(accountId, orgId)
    return teams.map((t) => {
      const list = this.repo.teamMembers(accountId, orgId, t.id).map((m) => ({
        userId: m.user_id,
        displayName: m.display_name ?? `#${m.user_id}`,
        email: m.email ?? '',
      }))
      const leader =
        t.owned_by_id === null
          ? null
          : (this.repo.memberName(accountId, orgId, `u:${t.owned_by_id}`) ?? `#${t.owned_by_id}`)
      return {
        id: t.id,
        name: t.name,
        leaderId: t.owned_by_id,
        leaderName: leader,
        members: list,
        grants: parseTeamPermissions(t.permissions).map((e) => {
          const raw = e as { service_name?: unknown }
          const pid = e.product_id ?? null
          return {
            serviceName: typeof raw.service_name === 'string' ? raw.service_name : '',
            productId: pid,
            productName: pid === null ? null : this.repo.productName(accountId, pid),
            mask: maskOfRights(e.rights),
          }
        }),
      }
    })
  }

  invitations(filter: { accountId?: string | undefined; orgId?: number | undefined }): PendingInvitation[] {
    const now = Math.floor(this.clock.now() / 1000)
    return this.repo.pendingInvitations(filter).map((r) => ({
      accountId: r.account_id,
      orgId: r.org_id,
      orgName: r.org_name,
      invitationId: r.invitation_id,
      email: r.email,
      displayName: r.display_name,
      roleType: r.role_type,
      billing: r.has_billing_access === 1,
      invitedAt: r.invited_at,
      ageDays: r.invited_at === null ? null : Math.max(0, Math.floor((now - r.invited_at) / DAY)),
    }))
  }

  /** Runs one API write per organization, audits each, then re-syncs the organizations touched. */
  private async writeEach(
    targets: readonly OrgTarget[],
    names: readonly string[],
    action: string,
    target: (t: OrgTarget) => string,
    call: (t: OrgTarget) => Promise<number | null>,
    detail: Record<string, unknown>,
  ): Promise<WriteOutcome[]> {
    const out: WriteOutcome[] = []
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!
      const base = { accountId: t.accountId, orgId: t.orgId, orgName: names[i]!, resynced: false }
      try {
        const id = await call(t)
        this.access.audit({ ...t, action, target: target(t), outcome: 'applied', detail: { ...detail, id } })
        out.push({ ...base, ok: true, id, error: null })
      } catch (error) {
        const message = messageOf(error)
        this.access.audit({ ...t, action, target: target(t), outcome: 'failed', detail: { ...detail, error: message } })
        out.push({ ...base, ok: false, id: null, error: problemOf(error) })
      }
    }
    for (const o of out) o.resynced = await this.access.resync(o.accountId, o.orgId).catch(() => false)
    return out
  }

  async createTeam(
    t: OrgTarget,
    input: { name: string; leaderId?: number | undefined; confirmOrgName: string },
  ): Promise<WriteOutcome> {
    const names = this.guard([t], [input.confirmOrgName], false)
    const [out] = await this.writeEach(
      [t],
      names,
      'team.create',
      () => `team:${input.name}`,
      async () => {
        const team = await this.access.client(t.accountId).createTeam(t.orgId, {
          name: input.name,
          ...(input.leaderId !== undefined ? { owned_by_id: input.leaderId } : {}),
        })
        return team.id
      },
      { name: input.name, leaderId: input.leaderId ?? null },
    )
    return out!
  }

  async changeTeamMembers(
    t: OrgTarget,
    input: { teamId: number; add: number[]; remove: number[]; confirmOrgName: string },
  ): Promise<WriteOutcome> {
    const names = this.guard([t], [input.confirmOrgName], false)
    if (input.add.length === 0 && input.remove.length === 0)
      throw new AppError('INVALID_INPUT', 'access.nobodyToChange')
    const [out] = await this.writeEach(
      [t],
      names,
      'team.change_users',
      () => `team:${input.teamId}`,
      async () => {
        const client = this.access.client(t.accountId)
        if (input.add.length > 0) await client.addTeamUsers(t.orgId, input.teamId, input.add)
        if (input.remove.length > 0) await client.removeTeamUsers(t.orgId, input.teamId, input.remove)
        return input.teamId
      },
      { add: input.add, remove: input.remove },
    )
    return out!
  }

  async invite(input: InviteInput): Promise<WriteOutcome[]> {
    const names = this.guard(input.targets, input.confirmOrgNames, input.roleType === 'owner')
    return this.writeEach(
      input.targets,
      names,
      'invitation.create',
      () => `email:${input.email}`,
      async (t) => {
        const teamIds = input.targets.find((x) => x.accountId === t.accountId && x.orgId === t.orgId)?.teamIds ?? []
        const inv = await this.access.client(t.accountId).createInvitation(t.orgId, {
          email: input.email,
          first_name: input.firstName,
          last_name: input.lastName,
          locale: input.locale,
          role_type: input.roleType,
          permissions: { billing: input.billing },
          notifications: { billing: input.notifyBilling, products: input.notifyProducts },
          ...(teamIds.length > 0 ? { teams: teamIds } : {}),
        })
        return inv.id
      },
      { email: input.email, roleType: input.roleType, billing: input.billing },
    )
  }

  async updateInvitation(
    t: OrgTarget,
    invitationId: number,
    patch: InvitationPatch,
    confirmOrgName: string,
  ): Promise<WriteOutcome> {
    const names = this.guard([t], [confirmOrgName], patch.roleType === 'owner')
    const body: PatchInvitationBody = {
      ...(patch.roleType !== undefined ? { role_type: patch.roleType } : {}),
      ...(patch.billing !== undefined ? { has_billing: patch.billing } : {}),
      ...(patch.notifyProducts !== undefined ? { has_mailing: patch.notifyProducts } : {}),
      ...(patch.notifyBilling !== undefined ? { has_billing_mailing: patch.notifyBilling } : {}),
      ...(patch.teamIds !== undefined ? { team_ids: patch.teamIds } : {}),
    }
    const [out] = await this.writeEach(
      [t],
      names,
      'invitation.update',
      () => `invitation:${invitationId}`,
      async () => {
        await this.access.client(t.accountId).patchInvitation(t.orgId, invitationId, body)
        return invitationId
      },
      { ...body },
    )
    return out!
  }

  async cancelInvitation(t: OrgTarget, invitationId: number, confirmOrgName: string): Promise<WriteOutcome> {
    const names = this.guard([t], [confirmOrgName], false)
    const [out] = await this.writeEach(
      [t],
      names,
      'invitation.delete',
      () => `invitation:${invitationId}`,
      async () => {
        await this.access.client(t.accountId).deleteInvitation(t.orgId, invitationId)
        return invitationId
      },
      {},
    )
    return out!
  }
}
