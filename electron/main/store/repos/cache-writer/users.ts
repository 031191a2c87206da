import type { ApiOrgUser } from '../../../api/schemas'
import { b, json, type SearchDoc, type WriterContext } from './context'
import { replaceTeamMembers } from './teams'

/** The key of a member (`u:<user id>`) or a pending invitation (`i:<invitation id>`) in one organization. */
export function memberKey(u: {
  user_id?: number | null | undefined
  invitation_id?: number | null | undefined
}): string {
  return u.user_id != null ? `u:${u.user_id}` : `i:${u.invitation_id ?? 0}`
}

function has2fa(u: ApiOrgUser): number | null {
  const s = u.security
  if (!s) return null
  const flags = [s.otp, s.has_otp, s.sms, s.yubikey, s.double_auth]
  if (flags.every((f) => f == null) && !s.double_auth_method) return null
  return flags.some((f) => f === true) || Boolean(s.double_auth_method) ? 1 : 0
}

type OldUser = {
  member_key: string
  email: string
  display_name: string
  role_type: string
  state: string
  has_billing_access: number
  user_id: number | null
}

/** `/2/accounts/{id}/users?with=security,teams,invitation_details`: members, invitees, team membership. */
export function writeOrgUsers(c: WriterContext, orgId: number, users: readonly ApiOrgUser[], baseline: boolean): void {
  const existing = new Map(
    c
      .stmt<[string, number], OldUser>(
        'SELECT member_key, email, display_name, role_type, state, has_billing_access, user_id FROM org_users WHERE account_id = ? AND org_id = ?',
      )
      .all(c.accountId, orgId)
      .map((r) => [r.member_key, r]),
  )
  const upsert = c.stmt(
    `INSERT INTO org_users (account_id, org_id, member_key, user_id, invitation_id, email, first_name, last_name, display_name, role_type, state,
       has_billing_access, is_correspondent, is_correspondent_billing, has_no_manager_access, is_workspace_only, has_2fa, last_login_at,
       invited_at, partnership_id, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, org_id, member_key) DO UPDATE SET user_id = excluded.user_id, invitation_id = excluded.invitation_id,
       email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name, display_name = excluded.display_name,
       role_type = excluded.role_type, state = excluded.state, has_billing_access = excluded.has_billing_access,
       is_correspondent = excluded.is_correspondent, is_correspondent_billing = excluded.is_correspondent_billing,
       has_no_manager_access = excluded.has_no_manager_access, is_workspace_only = excluded.is_workspace_only,
       has_2fa = excluded.has_2fa, last_login_at = excluded.last_login_at, invited_at = excluded.invited_at,
       partnership_id = excluded.partnership_id, data = excluded.data`,
  )
  const orgName =
    c
      .stmt<[string, number], { name: string }>('SELECT name FROM orgs WHERE account_id = ? AND id = ?')
      .get(c.accountId, orgId)?.name ?? null
  const seen = new Set<string>()
  const teamsKnown = users.every((u) => u.user_id == null || u.teams != null)
  const newMembership = new Set<string>()
  const teamNames = new Map<number, string>()
  const index: SearchDoc[] = []
  for (const u of users) {
    const key = memberKey(u)
    seen.add(key)
    const email = u.email ?? ''
    const name = u.display_name ?? ([u.first_name, u.last_name].filter(Boolean).join(' ') || email)
    const state = u.state_in_account ?? (u.user_id == null ? 'pending' : 'valid')
    const role = u.role_type ?? 'unknown'
    upsert.run(
      c.accountId,
      orgId,
      key,
      u.user_id ?? null,
      u.invitation_id ?? null,
      email,
      u.first_name ?? null,
      u.last_name ?? null,
      name,
      role,
      state,
      b(u.has_billing_access),
      b(u.is_correspondent),
      b(u.is_correspondent_billing),
      b(u.has_no_manager_access),
      b(u.is_workspace_only),
      has2fa(u),
      u.last_login_at ?? null,
      u.invitation_details?.sent_at ?? null,
      u.partnership_id ?? null,
      json({ is_sso: u.is_sso ?? null, invitation_expires_at: u.invitation_details?.expired_at ?? null }),
    )
    index.push({ ref: key, title: name, subtitle: email })
    if (u.user_id != null) {
      for (const t of u.teams ?? []) {
        newMembership.add(`${t.id}:${u.user_id}`)
        if (t.name) teamNames.set(t.id, t.name)
      }
    }
    const before = existing.get(key)
    if (baseline) continue
    const subject = {
      subjectKey: key,
      subjectEmail: email,
      subjectName: name,
      objectType: 'org' as const,
      objectId: orgId,
      objectName: orgName,
    }
    if (!before) {
      c.history({ orgId, kind: state === 'pending' ? 'invited' : 'member_added', ...subject, after: role })
      if (u.has_billing_access && state !== 'pending') c.history({ orgId, kind: 'billing_gained', ...subject })
      continue
    }
    if (before.role_type !== role)
      c.history({ orgId, kind: 'role_changed', ...subject, before: before.role_type, after: role })
    if (before.has_billing_access !== b(u.has_billing_access)) {
      c.history({ orgId, kind: u.has_billing_access ? 'billing_gained' : 'billing_lost', ...subject })
    }
  }
  const drop = c.stmt('DELETE FROM org_users WHERE account_id = ? AND org_id = ? AND member_key = ?')
  for (const [key, row] of existing) {
    if (seen.has(key)) continue
    drop.run(c.accountId, orgId, key)
    if (baseline) continue
    c.history({
      orgId,
      kind: row.state === 'pending' ? 'invitation_removed' : 'member_removed',
      subjectKey: key,
      subjectEmail: row.email,
      subjectName: row.display_name,
      objectType: 'org',
      objectId: orgId,
      objectName: orgName,
      before: row.role_type,
    })
  }
  if (teamsKnown) replaceTeamMembers(c, orgId, newMembership, teamNames, baseline)
  c.reindex('person', orgId, index)
  c.recount(orgId)
}
