import type { OffboardingPlan, OrgTarget, PlanOrg, PlanStep, RefusalCode } from '../../../shared/domain/access'

import { canManageUsers } from '../../../shared/domain/roles'
import { managerUsersUrl } from '../../../shared/domain/manager-links'
import type { AccessRepo } from '../store/repos/access-repo'

/** Plans the offboarding of one person (by e-mail) in one organization. */
export function planOrg(repo: AccessRepo, email: string, target: OrgTarget): PlanOrg {
  const { accountId, orgId } = target
  const org = repo.org(accountId, orgId)
  const base = { accountId, orgId, orgName: org?.name ?? `#${orgId}`, myRole: org?.role ?? 'unknown' }
  if (!org) return { ...base, personRole: null, refusal: 'not_found', steps: [] }
  const rows = repo.personRows(accountId, orgId, email.trim())
  if (rows.length === 0) return { ...base, personRole: null, refusal: 'not_found', steps: [] }
  const member = rows.find((r) => r.state !== 'pending' && r.user_id !== null) ?? null
  const steps: PlanStep[] = []
  const step = (s: Omit<PlanStep, 'accountId' | 'orgId'>): void => {
    steps.push({ accountId, orgId, ...s })
  }
  let refusal: RefusalCode | null = canManageUsers(org.role) ? null : 'not_manager'
  if (member && member.user_id !== null) {
    const userId = member.user_id
    if (member.role_type === 'owner') {
      const owners = repo.ownerCount(accountId, orgId)
      if (owners <= 1) {
        refusal ??= 'last_legal_representative'
        step({
          id: `${accountId}:${orgId}:owner:${userId}`,
          kind: 'transfer_legal_representative',
          api: false,
          teamId: null,
          teamName: null,
          invitationId: null,
          userId,
          url: managerUsersUrl(orgId, null),
        })
      }
    }
    const teams = repo.teamsOfUser(accountId, orgId, userId)
    for (const t of teams) {
      step({
        id: `${accountId}:${orgId}:team:${t.id}:${userId}`,
        kind: 'remove_from_team',
        api: true,
        teamId: t.id,
        teamName: t.name,
        invitationId: null,
        userId,
        url: null,
      })
    }
  }
  for (const r of rows) {
    if (r.state !== 'pending' || r.invitation_id === null) continue
    step({
      id: `${accountId}:${orgId}:invitation:${r.invitation_id}`,
      kind: 'cancel_invitation',
      api: true,
      teamId: null,
      teamName: null,
      invitationId: r.invitation_id,
      userId: null,
      url: null,
    })
  }
  if (member && member.user_id !== null) {
    step({
      id: `${accountId}:${orgId}:member:${member.user_id}`,
      kind: 'remove_member',
      api: false,
      teamId: null,
      teamName: null,
      invitationId: null,
      userId: member.user_id,
      url: managerUsersUrl(orgId, member.user_id),
    })
  }
  return { ...base, personRole: member?.role_type ?? rows[0]?.role_type ?? null, refusal, steps }
}

/** Plans the offboarding of one person across the organizations chosen (duplicates ignored). */
export function planOffboarding(
  repo: AccessRepo,
  email: string,
  targets: readonly OrgTarget[],
  now: number,
): OffboardingPlan {
  const seen = new Set<string>()
  const orgs: PlanOrg[] = []
  for (const t of targets) {
    const key = `${t.accountId}:${t.orgId}`
    if (seen.has(key)) continue
    seen.add(key)
    orgs.push(planOrg(repo, email, t))
  }
  const name = repo.nameByEmail(email.trim()) ?? email
  return { email: email.trim().toLowerCase(), displayName: name, createdAt: now, orgs }
}

/** Whether a step's effect is visible in the (re-synced) cache. */
export function verifyStep(repo: AccessRepo, s: PlanStep): boolean {
  switch (s.kind) {
    case 'remove_from_team':
      return !repo.isInTeam(s.accountId, s.orgId, s.teamId, s.userId)
    case 'cancel_invitation':
      return !repo.hasMemberKey(s.accountId, s.orgId, `i:${s.invitationId}`)
    case 'remove_member':
      return !repo.isValidMember(s.accountId, s.orgId, `u:${s.userId}`)
    case 'transfer_legal_representative':
      return repo.ownerCount(s.accountId, s.orgId) > 1
  }
}
