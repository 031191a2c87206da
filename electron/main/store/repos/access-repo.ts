import type Database from 'better-sqlite3'

/** A statement prepared on first use, then reused (the schema exists once the stores are open). */
function lazy<S>(make: () => S): () => S {
  let statement: S | undefined
  return () => (statement ??= make())
}

export interface OrgRoleRow {
  name: string
  role: string
}

/** One row of a person in an organization (member or pending invitation). */
export interface PersonMemberRow {
  member_key: string
  user_id: number | null
  invitation_id: number | null
  display_name: string
  role_type: string
  state: string
}

export interface TeamRow {
  id: number
  name: string
  owned_by_id: number | null
  permissions: string
}

export interface TeamMemberRow {
  user_id: number
  display_name: string | null
  email: string | null
}

export interface InvitationRow {
  account_id: string
  org_id: number
  org_name: string
  invitation_id: number
  email: string
  display_name: string
  role_type: string
  has_billing_access: number
  invited_at: number | null
}

export interface AuditRecord {
  at: number
  accountId: string
  orgId: number | null
  action: string
  target: string
  outcome: string
  detail: unknown
}

/**
 * The SQL of the access services (teams and invitations, offboarding planning and verification,
 * the audit log): each statement prepared once, on first use. The services call these methods and
 * write no SQL of their own. The access read models (matrix, people, hygiene) keep their queries,
 * cached per SQL text by `cachingDb`.
 */
export class AccessRepo {
  private readonly s
  constructor(db: Database.Database) {
    const p = db
    this.s = {
      org: lazy(() =>
        p.prepare<[string, number], OrgRoleRow>('SELECT name, role FROM orgs WHERE account_id = ? AND id = ?'),
      ),
      personRows: lazy(() =>
        p.prepare<[string, number, string], PersonMemberRow>(
          `SELECT member_key, user_id, invitation_id, display_name, role_type, state FROM org_users
           WHERE account_id = ? AND org_id = ? AND email = ? COLLATE NOCASE ORDER BY member_key`,
        ),
      ),
      ownerCount: lazy(() =>
        p.prepare<[string, number], { n: number }>(
          "SELECT count(*) AS n FROM org_users WHERE account_id = ? AND org_id = ? AND state = 'valid' AND role_type = 'owner'",
        ),
      ),
      teamsOfUser: lazy(() =>
        p.prepare<[string, number, number], { id: number; name: string }>(
          `SELECT t.id, t.name FROM team_members tm
           JOIN teams t ON t.account_id = tm.account_id AND t.org_id = tm.org_id AND t.id = tm.team_id
           WHERE tm.account_id = ? AND tm.org_id = ? AND tm.user_id = ? ORDER BY t.name COLLATE NOCASE, t.id`,
        ),
      ),
      nameByEmail: lazy(() =>
        p.prepare<[string], { display_name: string }>(
          'SELECT display_name FROM org_users WHERE email = ? COLLATE NOCASE LIMIT 1',
        ),
      ),
      inTeam: lazy(() =>
        p.prepare<[string, number, number | null, number | null], { one: number }>(
          'SELECT 1 AS one FROM team_members WHERE account_id = ? AND org_id = ? AND team_id = ? AND user_id = ?',
        ),
      ),
      memberKey: lazy(() =>
        p.prepare<[string, number, string], { one: number }>(
          'SELECT 1 AS one FROM org_users WHERE account_id = ? AND org_id = ? AND member_key = ?',
        ),
      ),
      validMember: lazy(() =>
        p.prepare<[string, number, string], { one: number }>(
          "SELECT 1 AS one FROM org_users WHERE account_id = ? AND org_id = ? AND member_key = ? AND state = 'valid'",
        ),
      ),
      teams: lazy(() =>
        p.prepare<[string, number], TeamRow>(
          'SELECT id, name, owned_by_id, permissions FROM teams WHERE account_id = ? AND org_id = ? ORDER BY name COLLATE NOCASE, id',
        ),
      ),
      teamMembers: lazy(() =>
        p.prepare<[string, number, number], TeamMemberRow>(
          `SELECT tm.user_id, u.display_name, u.email FROM team_members tm
           LEFT JOIN org_users u ON u.account_id = tm.account_id AND u.org_id = tm.org_id AND u.member_key = 'u:' || tm.user_id
           WHERE tm.account_id = ? AND tm.org_id = ? AND tm.team_id = ? ORDER BY u.display_name COLLATE NOCASE`,
        ),
      ),
      productName: lazy(() =>
        p.prepare<[string, number], { customer_name: string }>(
          'SELECT customer_name FROM products WHERE account_id = ? AND id = ?',
        ),
      ),
      memberName: lazy(() =>
        p.prepare<[string, number, string], { display_name: string }>(
          'SELECT display_name FROM org_users WHERE account_id = ? AND org_id = ? AND member_key = ?',
        ),
      ),
      invitations: lazy(() =>
        p.prepare<{ account: string | null; org: number | null }, InvitationRow>(
          `SELECT u.account_id, u.org_id, o.name AS org_name, u.invitation_id, u.email, u.display_name, u.role_type,
                  u.has_billing_access, u.invited_at
           FROM org_users u JOIN orgs o ON o.account_id = u.account_id AND o.id = u.org_id
           WHERE u.state = 'pending' AND u.invitation_id IS NOT NULL
             AND (@account IS NULL OR u.account_id = @account) AND (@org IS NULL OR u.org_id = @org)
           ORDER BY u.invited_at, u.email`,
        ),
      ),
      audit: lazy(() =>
        p.prepare(
          'INSERT INTO audit_log (at, account_id, org_id, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ),
      ),
      accessSyncState: lazy(() =>
        p.prepare<[string, number], { resource: string; synced_at: number | null; status: string }>(
          "SELECT resource, synced_at, status FROM sync_state WHERE account_id = ? AND org_id = ? AND resource IN ('users', 'teams')",
        ),
      ),
    }
  }

  org(accountId: string, orgId: number): OrgRoleRow | undefined {
    return this.s.org().get(accountId, orgId)
  }

  /** Every row (member, pending invitations) of one e-mail in one organization. */
  personRows(accountId: string, orgId: number, email: string): PersonMemberRow[] {
    return this.s.personRows().all(accountId, orgId, email)
  }

  /** Legal representatives of an organization (valid members only). */
  ownerCount(accountId: string, orgId: number): number {
    return this.s.ownerCount().get(accountId, orgId)?.n ?? 0
  }

  teamsOfUser(accountId: string, orgId: number, userId: number): { id: number; name: string }[] {
    return this.s.teamsOfUser().all(accountId, orgId, userId)
  }

  /** A display name for an e-mail, from any organization. */
  nameByEmail(email: string): string | undefined {
    return this.s.nameByEmail().get(email)?.display_name
  }

  isInTeam(accountId: string, orgId: number, teamId: number | null, userId: number | null): boolean {
    return this.s.inTeam().get(accountId, orgId, teamId, userId) !== undefined
  }

  hasMemberKey(accountId: string, orgId: number, memberKey: string): boolean {
    return this.s.memberKey().get(accountId, orgId, memberKey) !== undefined
  }

  isValidMember(accountId: string, orgId: number, memberKey: string): boolean {
    return this.s.validMember().get(accountId, orgId, memberKey) !== undefined
  }

  teams(accountId: string, orgId: number): TeamRow[] {
    return this.s.teams().all(accountId, orgId)
  }

  teamMembers(accountId: string, orgId: number, teamId: number): TeamMemberRow[] {
    return this.s.teamMembers().all(accountId, orgId, teamId)
  }

  productName(accountId: string, productId: number): string | null {
    return this.s.productName().get(accountId, productId)?.customer_name ?? null
  }

  memberName(accountId: string, orgId: number, memberKey: string): string | null {
    return this.s.memberName().get(accountId, orgId, memberKey)?.display_name ?? null
  }

  pendingInvitations(filter: { accountId?: string | undefined; orgId?: number | undefined }): InvitationRow[] {
    return this.s.invitations().all({ account: filter.accountId ?? null, org: filter.orgId ?? null })
  }

  /** Appends one applied (or failed) change to the local audit log. */
  audit(e: AuditRecord): void {
    this.s.audit().run(e.at, e.accountId, e.orgId, e.action, e.target, e.outcome, JSON.stringify(e.detail))
  }

  /** Sync state of an organization's users and teams jobs. */
  accessSyncState(accountId: string, orgId: number): { resource: string; synced_at: number | null; status: string }[] {
    return this.s.accessSyncState().all(accountId, orgId)
  }
}
