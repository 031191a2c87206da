import type Database from 'better-sqlite3'
import type { OffboardingPlan, OrgTarget, PlanOrg, PlanStep, RefusalCode } from '../../../shared/domain/access'

import { canManageUsers } from '../../../shared/domain/roles'
import { managerUsersUrl } from '../../../shared/domain/manager-links'

interface PersonRow {
  member_key: string
  user_id: number | null
  invitation_id: number | null
  display_name: string
  role_type: string
  state: string
}

/** Plans the offboarding of one person (by e-mail) in one organization. */
export function planOrg(db: Database.Database, email: string, target: OrgTarget): PlanOrg {
  const { accountId, orgId } = target
  const org = db
    .prepare<[string, number], { name: string; role: string }>(
      'SELECT name, role FROM orgs WHERE account_id = ? AND id = ?',
    )
    .get(accountId, orgId)
  const base = { accountId, orgId, orgName: org?.name ?? `#${orgId}`, myRole: org?.role ?? 'unknown' }
  if (!org) return { ...base, personRole: null, refusal: 'not_found', steps: [] }
  const rows = db
    .prepare<[string, number, string], PersonRow>(
      `SELECT member_key, user_id, invitation_id, display_name, role_type, state FROM org_users
       WHERE account_id = ? AND org_id = ? AND email = ? COLLATE NOCASE ORDER BY member_key`,
    )
    .all(accountId, orgId, email.trim())
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
      const owners =
        db
          .prepare<[string, number], { n: number }>(
            "SELECT count(*) AS n FROM org_users WHERE account_id = ? AND org_id = ? AND state = 'valid' AND role_type = 'owner'",
          )
          .get(accountId, orgId)?.n ?? 0
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
    const teams = db
      .prepare<[string, number, number], { id: number; name: string }>(
        `SELECT t.id, t.name FROM team_members tm
         JOIN teams t ON t.account_id = tm.account_id AND t.org_id = tm.org_id AND t.id = tm.team_id
         WHERE tm.account_id = ? AND tm.org_id = ? AND tm.user_id = ? ORDER BY t.name COLLATE NOCASE, t.id`,
      )
      .all(accountId, orgId, userId)
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
  db: Database.Database,
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
    orgs.push(planOrg(db, email, t))
  }
  const name =
    db
      .prepare<[string], { display_name: string }>(
        'SELECT display_name FROM org_users WHERE email = ? COLLATE NOCASE LIMIT 1',
      )
      .get(email.trim())?.display_name ?? email
  return { email: email.trim().toLowerCase(), displayName: name, createdAt: now, orgs }
}

/** Whether a step's effect is visible in the (re-synced) cache. */
export function verifyStep(db: Database.Database, s: PlanStep): boolean {
  switch (s.kind) {
    case 'remove_from_team':
      return !db
        .prepare('SELECT 1 FROM team_members WHERE account_id = ? AND org_id = ? AND team_id = ? AND user_id = ?')
        .get(s.accountId, s.orgId, s.teamId, s.userId)
    case 'cancel_invitation':
      return !db
        .prepare('SELECT 1 FROM org_users WHERE account_id = ? AND org_id = ? AND member_key = ?')
        .get(s.accountId, s.orgId, `i:${s.invitationId}`)
    case 'remove_member':
      return !db
        .prepare("SELECT 1 FROM org_users WHERE account_id = ? AND org_id = ? AND member_key = ? AND state = 'valid'")
        .get(s.accountId, s.orgId, `u:${s.userId}`)
    case 'transfer_legal_representative':
      return (
        (db
          .prepare<[string, number], { n: number }>(
            "SELECT count(*) AS n FROM org_users WHERE account_id = ? AND org_id = ? AND state = 'valid' AND role_type = 'owner'",
          )
          .get(s.accountId, s.orgId)?.n ?? 0) > 1
      )
  }
}
