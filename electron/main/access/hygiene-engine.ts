import type Database from 'better-sqlite3'
import type { Finding, FindingRule } from '../../../shared/domain/access'
import { maskOfRights, parseTeamPermissions } from './rights'

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

/** What the score of an organization is computed from, besides its findings. */
export interface OrgFacts {
  accountId: string
  orgId: number
  name: string
  /** Members (not pending invitees). */
  members: number
  teams: number
  products: number
  /** False when the organization's users were never synced (nothing is judged there). */
  judged: boolean
}

export interface HygieneFacts {
  findings: Finding[]
  orgs: OrgFacts[]
}

/**
 * A finding's identity across syncs: rule, organization and the subject (a person by e-mail, a team by
 * id, an invitation by id, the organization itself). Decisions ("accept risk", "snooze") hang on it.
 */
export function findingKey(rule: FindingRule, accountId: string | null, orgId: number | null, subject: string): string {
  return `${rule}|${accountId ?? '*'}|${orgId ?? '*'}|${subject.toLowerCase()}`
}

const orgKeyOf = (accountId: string, orgId: number) => `${accountId}\u0000${orgId}`

/**
 * Access hygiene findings across every organization of every account, computed with a few set-based
 * statements (one pass per rule over indexed tables) instead of one matrix per organization: at 1,000
 * organizations and 20,000 members this is a fraction of a second. Most severe first.
 */
export function computeHygiene(db: Database.Database, o: HygieneOptions): HygieneFacts {
  const staleDays = o.staleInvitationDays ?? 30
  const inactiveDays = o.inactiveDays ?? 180
  const broadShare = o.broadShare ?? 0.5
  const broadMin = o.broadMinProducts ?? 4
  const manyOrgs = o.manyOrgs ?? 5

  const orgRows = db
    .prepare<[], { account_id: string; id: number; name: string }>(
      'SELECT account_id, id, name FROM orgs ORDER BY name COLLATE NOCASE, account_id, id',
    )
    .all()
  const memberStats = new Map<string, { all: number; valid: number; owners: number }>()
  for (const r of db
    .prepare<[], { account_id: string; org_id: number; all_: number; valid: number; owners: number }>(
      `SELECT account_id, org_id, count(*) AS all_, sum(state = 'valid') AS valid,
              sum(state = 'valid' AND role_type = 'owner') AS owners
       FROM org_users GROUP BY account_id, org_id`,
    )
    .all())
    memberStats.set(orgKeyOf(r.account_id, r.org_id), { all: r.all_, valid: r.valid, owners: r.owners })
  const productCount = new Map<string, number>()
  for (const r of db
    .prepare<[], { account_id: string; org_id: number; n: number }>(
      'SELECT account_id, org_id, count(*) AS n FROM products GROUP BY account_id, org_id',
    )
    .all())
    productCount.set(orgKeyOf(r.account_id, r.org_id), r.n)
  const teamCount = new Map<string, number>()
  for (const r of db
    .prepare<[], { account_id: string; org_id: number; n: number }>(
      'SELECT account_id, org_id, count(*) AS n FROM teams GROUP BY account_id, org_id',
    )
    .all())
    teamCount.set(orgKeyOf(r.account_id, r.org_id), r.n)

  const names = new Map<string, string>()
  const orgs: OrgFacts[] = orgRows.map((r) => {
    const k = orgKeyOf(r.account_id, r.id)
    names.set(k, r.name)
    const m = memberStats.get(k)
    return {
      accountId: r.account_id,
      orgId: r.id,
      name: r.name,
      members: m?.valid ?? 0,
      teams: teamCount.get(k) ?? 0,
      products: productCount.get(k) ?? 0,
      // Users not synced (or not visible): nothing to judge.
      judged: (m?.all ?? 0) > 0,
    }
  })
  const base = (accountId: string, orgId: number) => ({
    accountId,
    orgId,
    orgName: names.get(orgKeyOf(accountId, orgId)) ?? null,
  })

  const out: Finding[] = []

  for (const org of orgs) {
    if (!org.judged) continue
    if (memberStats.get(orgKeyOf(org.accountId, org.orgId))?.owners === 1) {
      out.push({
        key: findingKey('single_legal_representative', org.accountId, org.orgId, 'org'),
        rule: 'single_legal_representative',
        severity: 'medium',
        ...base(org.accountId, org.orgId),
        subject: org.name,
        email: null,
        value: 1,
        link: accessRoutes.matrix(org.accountId, org.orgId),
      })
    }
  }

  for (const b of broadCollaborators(db, productCount, broadMin, broadShare)) {
    out.push({
      key: findingKey('broad_collaborator', b.accountId, b.orgId, b.email),
      rule: 'broad_collaborator',
      severity: 'medium',
      ...base(b.accountId, b.orgId),
      subject: b.name,
      email: b.email,
      value: b.percent,
      link: accessRoutes.matrix(b.accountId, b.orgId),
    })
  }

  for (const r of db
    .prepare<[], { account_id: string; org_id: number; display_name: string; email: string; role_type: string }>(
      "SELECT account_id, org_id, display_name, email, role_type FROM org_users WHERE state = 'valid' AND has_2fa = 0",
    )
    .all()) {
    out.push({
      key: findingKey('no_2fa', r.account_id, r.org_id, r.email),
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
    .prepare<
      [number],
      {
        account_id: string
        org_id: number
        member_key: string
        display_name: string
        email: string
        invited_at: number
      }
    >(
      `SELECT account_id, org_id, member_key, display_name, email, invited_at FROM org_users
       WHERE state = 'pending' AND invited_at IS NOT NULL AND invited_at < ?`,
    )
    .all(o.now - staleDays * DAY)) {
    out.push({
      key: findingKey('stale_invitation', r.account_id, r.org_id, r.member_key),
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
    .prepare<[], { account_id: string; org_id: number; id: number; name: string }>(
      'SELECT account_id, org_id, id, name FROM teams WHERE owned_by_id IS NULL',
    )
    .all()) {
    out.push({
      key: findingKey('team_without_leader', r.account_id, r.org_id, `team:${r.id}`),
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
      `SELECT account_id, org_id, display_name, email, last_login_at FROM org_users
       WHERE state = 'valid' AND last_login_at IS NOT NULL AND last_login_at < ?`,
    )
    .all(o.now - inactiveDays * DAY)) {
    out.push({
      key: findingKey('inactive_user', r.account_id, r.org_id, r.email),
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
      key: findingKey('agency_staff', null, null, r.email),
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
  out.sort((a, b) => rank[a.severity] - rank[b.severity] || a.rule.localeCompare(b.rule))
  return { findings: out, orgs }
}

/**
 * Collaborators (role `normal`, not pending) with an explicit right (direct, or through a team) on more
 * than `share` of their organization's products, in organizations with at least `min` products.
 */
function broadCollaborators(
  db: Database.Database,
  productCount: ReadonlyMap<string, number>,
  min: number,
  share: number,
): { accountId: string; orgId: number; email: string; name: string; percent: number }[] {
  const judged = (accountId: string, orgId: number) => (productCount.get(orgKeyOf(accountId, orgId)) ?? 0) >= min
  // Collaborators, by organization and user id.
  const collaborators = new Map<string, { email: string; name: string }>()
  for (const r of db
    .prepare<[], { account_id: string; org_id: number; user_id: number; email: string; display_name: string }>(
      `SELECT account_id, org_id, user_id, email, display_name FROM org_users
       WHERE state = 'valid' AND role_type = 'normal' AND user_id IS NOT NULL`,
    )
    .all()) {
    if (judged(r.account_id, r.org_id))
      collaborators.set(`${orgKeyOf(r.account_id, r.org_id)}\u0000${r.user_id}`, {
        email: r.email,
        name: r.display_name,
      })
  }
  if (collaborators.size === 0) return []

  // Products each team grants (a product, or every product of a service), for teams with members.
  const teamProducts = new Map<string, Set<number>>()
  const orgProducts = new Map<string, { all: Set<number>; byService: Map<number, number[]> }>()
  const productsOf = (accountId: string, orgId: number) => {
    const k = orgKeyOf(accountId, orgId)
    let m = orgProducts.get(k)
    if (!m) {
      m = { all: new Set(), byService: new Map() }
      for (const p of db
        .prepare<[string, number], { id: number; service_id: number | null }>(
          'SELECT id, service_id FROM products WHERE account_id = ? AND org_id = ?',
        )
        .all(accountId, orgId)) {
        m.all.add(p.id)
        if (p.service_id === null) continue
        const list = m.byService.get(p.service_id)
        if (list) list.push(p.id)
        else m.byService.set(p.service_id, [p.id])
      }
      orgProducts.set(k, m)
    }
    return m
  }
  for (const t of db
    .prepare<[], { account_id: string; org_id: number; id: number; permissions: string }>(
      `SELECT account_id, org_id, id, permissions FROM teams t WHERE permissions != '[]' AND EXISTS
         (SELECT 1 FROM team_members m WHERE m.account_id = t.account_id AND m.org_id = t.org_id AND m.team_id = t.id)`,
    )
    .all()) {
    if (!judged(t.account_id, t.org_id)) continue
    const set = new Set<number>()
    for (const e of parseTeamPermissions(t.permissions)) {
      if (maskOfRights(e.rights) === 0) continue
      if (e.product_id != null) set.add(e.product_id)
      else if (e.service_id != null)
        for (const id of productsOf(t.account_id, t.org_id).byService.get(e.service_id) ?? []) set.add(id)
    }
    if (set.size > 0) teamProducts.set(`${orgKeyOf(t.account_id, t.org_id)}\u0000${t.id}`, set)
  }
  // Collaborators who get products through a team: their count needs the union with direct rights.
  const viaTeams = new Map<string, number[]>()
  if (teamProducts.size > 0) {
    for (const m of db
      .prepare<[], { account_id: string; org_id: number; team_id: number; user_id: number }>(
        'SELECT account_id, org_id, team_id, user_id FROM team_members',
      )
      .all()) {
      const teamKey = `${orgKeyOf(m.account_id, m.org_id)}\u0000${m.team_id}`
      if (!teamProducts.has(teamKey)) continue
      const userKey = `${orgKeyOf(m.account_id, m.org_id)}\u0000${m.user_id}`
      if (!collaborators.has(userKey)) continue
      const list = viaTeams.get(userKey)
      if (list) list.push(m.team_id)
      else viaTeams.set(userKey, [m.team_id])
    }
  }

  const out: { accountId: string; orgId: number; email: string; name: string; percent: number }[] = []
  const check = (accountId: string, orgId: number, userId: number, count: number) => {
    const total = productCount.get(orgKeyOf(accountId, orgId)) ?? 0
    if (total === 0 || count / total <= share) return
    const who = collaborators.get(`${orgKeyOf(accountId, orgId)}\u0000${userId}`)
    if (who)
      out.push({ accountId, orgId, email: who.email, name: who.name, percent: Math.round((100 * count) / total) })
  }
  // Direct rights only: one grouped count per user.
  for (const r of db
    .prepare<[], { account_id: string; org_id: number; user_id: number; n: number }>(
      `SELECT account_id, org_id, user_id, count(*) AS n FROM product_rights
       WHERE technical = 1 OR statistic = 1 OR "check" = 1 OR sale = 1
       GROUP BY account_id, org_id, user_id`,
    )
    .all()) {
    const userKey = `${orgKeyOf(r.account_id, r.org_id)}\u0000${r.user_id}`
    if (!collaborators.has(userKey) || viaTeams.has(userKey)) continue
    check(r.account_id, r.org_id, r.user_id, r.n)
  }
  // Direct ∪ team rights for the others.
  const directIds = db.prepare<[string, number, number], number>(
    `SELECT product_id FROM product_rights WHERE account_id = ? AND org_id = ? AND user_id = ?
       AND (technical = 1 OR statistic = 1 OR "check" = 1 OR sale = 1)`,
  )
  directIds.pluck(true)
  for (const [userKey, teams] of viaTeams) {
    const [accountId, orgIdText, userIdText] = userKey.split('\u0000') as [string, string, string]
    const orgId = Number(orgIdText)
    const userId = Number(userIdText)
    const union = new Set<number>(directIds.all(accountId, orgId, userId))
    for (const team of teams)
      for (const id of teamProducts.get(`${orgKeyOf(accountId, orgId)}\u0000${team}`) ?? []) union.add(id)
    // Only products that still exist count (a team may name a product id that is gone).
    const existing = productsOf(accountId, orgId).all
    let n = 0
    for (const id of union) if (existing.has(id)) n++
    check(accountId, orgId, userId, n)
  }
  return out
}
