import type Database from 'better-sqlite3'
import type { Finding, HistoryRow } from '../../../shared/domain/access'
import { buildMatrix } from './matrix'

const DAY = 86_400

export interface HygieneOptions {
  /** Unix seconds. */
  now: number
  staleInvitationDays?: number
  inactiveDays?: number
  /** A collaborator with explicit rights on more than this share of an organization's products. */
  broadShare?: number
  /** Organizations with fewer products are not judged on breadth. */
  broadMinProducts?: number
  /** A person in at least this many organizations is reviewed as agency staff. */
  manyOrgs?: number
}

/** In-app routes of the screens that fix a finding. */
export const accessRoutes = {
  matrix: (accountId: string, orgId: number) => `/org/${encodeURIComponent(accountId)}/${orgId}/access`,
  teams: (accountId: string, orgId: number) => `/org/${encodeURIComponent(accountId)}/${orgId}/access/teams`,
  invitations: (accountId: string, orgId: number) =>
    `/org/${encodeURIComponent(accountId)}/${orgId}/access/invitations`,
  person: (email: string) => `/access/people/${encodeURIComponent(email.toLowerCase())}`,
}

/** Access hygiene findings across every organization of every account, most severe first. */
export function hygieneFindings(db: Database.Database, o: HygieneOptions): Finding[] {
  const staleDays = o.staleInvitationDays ?? 30
  const inactiveDays = o.inactiveDays ?? 180
  const broadShare = o.broadShare ?? 0.5
  const broadMin = o.broadMinProducts ?? 4
  const manyOrgs = o.manyOrgs ?? 5
  const out: Finding[] = []
  const orgs = db
    .prepare<[], { account_id: string; id: number; name: string; members: number }>(
      `SELECT o.account_id, o.id, o.name,
              (SELECT count(*) FROM org_users u WHERE u.account_id = o.account_id AND u.org_id = o.id) AS members
       FROM orgs o ORDER BY o.name COLLATE NOCASE`,
    )
    .all()
  const orgName = new Map(orgs.map((r) => [`${r.account_id}:${r.id}`, r.name]))
  const base = (accountId: string, orgId: number) => ({
    accountId,
    orgId,
    orgName: orgName.get(`${accountId}:${orgId}`) ?? null,
  })

  for (const org of orgs) {
    if (org.members === 0) continue // users not synced (or not visible): nothing to judge
    const owners = db
      .prepare<[string, number], { n: number }>(
        "SELECT count(*) AS n FROM org_users WHERE account_id = ? AND org_id = ? AND state = 'valid' AND role_type = 'owner'",
      )
      .get(org.account_id, org.id)!.n
    if (owners === 1) {
      out.push({
        rule: 'single_legal_representative',
        severity: 'medium',
        ...base(org.account_id, org.id),
        subject: org.name,
        email: null,
        value: owners,
        link: accessRoutes.matrix(org.account_id, org.id),
      })
    }
    const m = buildMatrix(db, org.account_id, org.id)
    if (m.products.length >= broadMin) {
      const counts = new Map<number, number>()
      for (const [u] of m.cells) counts.set(u, (counts.get(u) ?? 0) + 1)
      for (const [u, n] of counts) {
        const user = m.users[u]!
        if (user.pending || user.roleType !== 'normal') continue
        if (n / m.products.length > broadShare) {
          out.push({
            rule: 'broad_collaborator',
            severity: 'medium',
            ...base(org.account_id, org.id),
            subject: user.displayName,
            email: user.email,
            value: Math.round((100 * n) / m.products.length),
            link: accessRoutes.matrix(org.account_id, org.id),
          })
        }
      }
    }
  }

  for (const r of db
    .prepare<[], { account_id: string; org_id: number; display_name: string; email: string; role_type: string }>(
      "SELECT account_id, org_id, display_name, email, role_type FROM org_users WHERE state = 'valid' AND has_2fa = 0",
    )
    .all()) {
    out.push({
      rule: 'no_2fa',
      severity: r.role_type === 'owner' || r.role_type === 'admin' ? 'high' : 'medium',
      ...base(r.account_id, r.org_id),
      subject: r.display_name,
      email: r.email,
      value: 0,
      link: accessRoutes.person(r.email),
    })
  }

  for (const r of db
    .prepare<[number], { account_id: string; org_id: number; display_name: string; email: string; invited_at: number }>(
      "SELECT account_id, org_id, display_name, email, invited_at FROM org_users WHERE state = 'pending' AND invited_at IS NOT NULL AND invited_at < ?",
    )
    .all(o.now - staleDays * DAY)) {
    out.push({
      rule: 'stale_invitation',
      severity: 'low',
      ...base(r.account_id, r.org_id),
      subject: r.display_name,
      email: r.email,
      value: Math.floor((o.now - r.invited_at) / DAY),
      link: accessRoutes.invitations(r.account_id, r.org_id),
    })
  }

  for (const r of db
    .prepare<[], { account_id: string; org_id: number; name: string }>(
      'SELECT account_id, org_id, name FROM teams WHERE owned_by_id IS NULL',
    )
    .all()) {
    out.push({
      rule: 'team_without_leader',
      severity: 'low',
      ...base(r.account_id, r.org_id),
      subject: r.name,
      email: null,
      value: 0,
      link: accessRoutes.teams(r.account_id, r.org_id),
    })
  }

  for (const r of db
    .prepare<
      [number],
      { account_id: string; org_id: number; display_name: string; email: string; last_login_at: number }
    >(
      "SELECT account_id, org_id, display_name, email, last_login_at FROM org_users WHERE state = 'valid' AND last_login_at IS NOT NULL AND last_login_at < ?",
    )
    .all(o.now - inactiveDays * DAY)) {
    out.push({
      rule: 'inactive_user',
      severity: 'medium',
      ...base(r.account_id, r.org_id),
      subject: r.display_name,
      email: r.email,
      value: Math.floor((o.now - r.last_login_at) / DAY),
      link: accessRoutes.person(r.email),
    })
  }

  for (const r of db
    .prepare<[number], { email: string; name: string; n: number }>(
      `SELECT lower(email) AS email, max(display_name) AS name, count(DISTINCT account_id || ':' || org_id) AS n
       FROM org_users WHERE state = 'valid' GROUP BY lower(email) HAVING n >= ? ORDER BY n DESC, email`,
    )
    .all(manyOrgs)) {
    out.push({
      rule: 'agency_staff',
      severity: 'low',
      accountId: null,
      orgId: null,
      orgName: null,
      subject: r.name,
      email: r.email,
      value: r.n,
      link: accessRoutes.person(r.email),
    })
  }
  const rank = { high: 0, medium: 1, low: 2 } as const
  return out.sort((a, b) => rank[a.severity] - rank[b.severity] || a.rule.localeCompare(b.rule))
}

export interface HistoryFilter {
  accountId?: string | undefined
  orgId?: number | undefined
  email?: string | undefined
  /** Unix ms, inclusive. */
  from?: number | undefined
  /** Unix ms, exclusive. */
  to?: number | undefined
  limit?: number | undefined
}

/** Access changes recorded by sync diffs, newest first. */
export function accessHistory(db: Database.Database, f: HistoryFilter): HistoryRow[] {
  return db
    .prepare<
      {
        account: string | null
        org: number | null
        email: string | null
        from: number | null
        to: number | null
        limit: number
      },
      HistoryRow
    >(
      `SELECT h.id, h.account_id AS accountId, h.org_id AS orgId, coalesce(o.name, '#' || h.org_id) AS orgName, h.at, h.kind,
              h.subject_key AS subjectKey, h.subject_email AS subjectEmail, h.subject_name AS subjectName,
              h.object_type AS objectType, h.object_id AS objectId, h.object_name AS objectName, h.detail, h.before, h.after
       FROM access_history h LEFT JOIN orgs o ON o.account_id = h.account_id AND o.id = h.org_id
       WHERE (@account IS NULL OR h.account_id = @account)
         AND (@org IS NULL OR h.org_id = @org)
         AND (@email IS NULL OR h.subject_email = @email COLLATE NOCASE)
         AND (@from IS NULL OR h.at >= @from)
         AND (@to IS NULL OR h.at < @to)
       ORDER BY h.at DESC, h.id DESC
       LIMIT @limit`,
    )
    .all({
      account: f.accountId ?? null,
      org: f.orgId ?? null,
      email: f.email?.trim() || null,
      from: f.from ?? null,
      to: f.to ?? null,
      limit: f.limit ?? 2000,
    })
}
