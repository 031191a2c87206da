import type Database from 'better-sqlite3'
import type { Person, PersonHit, PersonOrg } from '../../../shared/domain/access'
import { AppError } from '../lib/app-error'
import { maskOfRights, maskOfRow, parseTeamPermissions, permissionApplies } from './rights'

/** Escapes LIKE wildcards (the statement declares `ESCAPE '\'`). */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** People (by e-mail) whose e-mail or name contains `text`, across every organization of every account. */
export function searchPeople(db: Database.Database, text: string, limit = 50): PersonHit[] {
  const q = text.trim()
  if (q.length === 0) return []
  return db
    .prepare<{ q: string; limit: number }, PersonHit>(
      `SELECT lower(email) AS email, max(display_name) AS displayName,
              count(DISTINCT account_id || ':' || org_id) AS orgCount,
              sum(state = 'pending') AS pendingCount
       FROM org_users
       WHERE email LIKE @q ESCAPE '\\' OR display_name LIKE @q ESCAPE '\\'
          OR (coalesce(first_name, '') || ' ' || coalesce(last_name, '')) LIKE @q ESCAPE '\\'
       GROUP BY lower(email)
       ORDER BY orgCount DESC, email
       LIMIT @limit`,
    )
    .all({ q: likePattern(q), limit })
}

interface MemberRow {
  account_id: string
  account_label: string
  org_id: number
  org_name: string
  my_role: string
  member_key: string
  user_id: number | null
  invitation_id: number | null
  display_name: string
  role_type: string
  state: string
  has_billing_access: number
  has_2fa: number | null
  last_login_at: number | null
  invited_at: number | null
}

type TeamRow = {
  org_id: number
  user_id: number
  id: number
  name: string
  owned_by_id: number | null
  permissions: string
}
type RightRow = {
  org_id: number
  user_id: number
  product_id: number
  service_name: string
  customer_name: string
  technical: number
  statistic: number
  check: number
  sale: number
}
type ProductRow = { org_id: number; id: number; service_id: number | null; service_name: string; customer_name: string }

/**
 * Every organization, role, team, product right and pending invitation of a person (by e-mail).
 * A handful of statements per account (not per organization), so agency staff present in 1,000
 * organizations are answered as fast as anyone.
 */
export function personByEmail(db: Database.Database, email: string): Person {
  const rows = db
    .prepare<[string], MemberRow>(
      `SELECT u.account_id, a.label AS account_label, u.org_id, o.name AS org_name, o.role AS my_role, u.member_key,
              u.user_id, u.invitation_id, u.display_name, u.role_type, u.state, u.has_billing_access, u.has_2fa,
              u.last_login_at, u.invited_at
       FROM org_users u
       JOIN orgs o ON o.account_id = u.account_id AND o.id = u.org_id
       JOIN accounts a ON a.id = u.account_id
       WHERE u.email = ? COLLATE NOCASE
       ORDER BY o.name COLLATE NOCASE, u.account_id, u.state DESC`,
    )
    .all(email.trim())
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'access.personNotCached')

  const key = (org: number, user: number) => `${org}:${user}`
  const byAccount = new Map<
    string,
    {
      teams: Map<string, TeamRow[]>
      rights: Map<string, RightRow[]>
      products: Map<number, ProductRow[]>
      asOf: Map<number, number | null>
    }
  >()
  for (const accountId of new Set(rows.map((r) => r.account_id))) {
    const userIds = JSON.stringify([
      ...new Set(rows.filter((r) => r.account_id === accountId && r.user_id !== null).map((r) => r.user_id)),
    ])
    const teams = new Map<string, TeamRow[]>()
    for (const t of db
      .prepare<[string, string], TeamRow>(
        `SELECT tm.org_id, tm.user_id, t.id, t.name, t.owned_by_id, t.permissions FROM team_members tm
         JOIN teams t ON t.account_id = tm.account_id AND t.org_id = tm.org_id AND t.id = tm.team_id
         WHERE tm.account_id = ? AND tm.user_id IN (SELECT value FROM json_each(?))
         ORDER BY t.name COLLATE NOCASE, t.id`,
      )
      .all(accountId, userIds)) {
      const list = teams.get(key(t.org_id, t.user_id)) ?? []
      list.push(t)
      teams.set(key(t.org_id, t.user_id), list)
    }
    const rights = new Map<string, RightRow[]>()
    for (const r of db
      .prepare<[string, string], RightRow>(
        `SELECT pr.org_id, pr.user_id, pr.product_id, p.service_name, p.customer_name,
                pr.technical, pr.statistic, pr."check", pr.sale
         FROM product_rights pr JOIN products p ON p.account_id = pr.account_id AND p.id = pr.product_id
         WHERE pr.account_id = ? AND pr.user_id IN (SELECT value FROM json_each(?))`,
      )
      .all(accountId, userIds)) {
      const list = rights.get(key(r.org_id, r.user_id)) ?? []
      list.push(r)
      rights.set(key(r.org_id, r.user_id), list)
    }
    const orgsWithGrants = JSON.stringify([
      ...new Set(
        [...teams.values()]
          .flat()
          .filter((t) => t.permissions !== '[]')
          .map((t) => t.org_id),
      ),
    ])
    const products = new Map<number, ProductRow[]>()
    for (const p of db
      .prepare<[string, string], ProductRow>(
        `SELECT org_id, id, service_id, service_name, customer_name FROM products
         WHERE account_id = ? AND org_id IN (SELECT value FROM json_each(?))`,
      )
      .all(accountId, orgsWithGrants)) {
      const list = products.get(p.org_id) ?? []
      list.push(p)
      products.set(p.org_id, list)
    }
    const asOf = new Map<number, number | null>()
    for (const s of db
      .prepare<[string, string], { org_id: number; t: number | null }>(
        `SELECT org_id, min(synced_at) AS t FROM sync_state
         WHERE account_id = ? AND resource IN ('products', 'users', 'teams')
           AND org_id IN (SELECT value FROM json_each(?)) GROUP BY org_id`,
      )
      .all(
        accountId,
        JSON.stringify([0, ...new Set(rows.filter((r) => r.account_id === accountId).map((r) => r.org_id))]),
      ))
      asOf.set(s.org_id, s.t)
    byAccount.set(accountId, { teams, rights, products, asOf })
  }

  const orgs: PersonOrg[] = rows.map((r) => {
    const pending = r.state === 'pending'
    const acc = byAccount.get(r.account_id)!
    const k = r.user_id === null ? '' : key(r.org_id, r.user_id)
    const teams = !pending && r.user_id !== null ? (acc.teams.get(k) ?? []) : []
    const cells = new Map<
      number,
      { productName: string; serviceName: string; mask: number; directMask: number; teamIds: number[] }
    >()
    if (!pending && r.user_id !== null) {
      for (const d of acc.rights.get(k) ?? []) {
        const m = maskOfRow(d)
        if (m)
          cells.set(d.product_id, {
            productName: d.customer_name,
            serviceName: d.service_name,
            mask: m,
            directMask: m,
            teamIds: [],
          })
      }
      for (const t of teams) {
        const entries = parseTeamPermissions(t.permissions)
        if (entries.length === 0) continue
        for (const p of acc.products.get(r.org_id) ?? []) {
          let mask = 0
          for (const e of entries) if (permissionApplies(e, p.id, p.service_id)) mask |= maskOfRights(e.rights)
          if (!mask) continue
          const cell = cells.get(p.id) ?? {
            productName: p.customer_name,
            serviceName: p.service_name,
            mask: 0,
            directMask: 0,
            teamIds: [],
          }
          cell.mask |= mask
          cell.teamIds.push(t.id)
          cells.set(p.id, cell)
        }
      }
    }
    const orgAsOf = acc.asOf.get(r.org_id) ?? null
    const wideAsOf = acc.asOf.get(0) ?? null
    return {
      accountId: r.account_id,
      accountLabel: r.account_label,
      orgId: r.org_id,
      orgName: r.org_name,
      myRole: r.my_role,
      memberKey: r.member_key,
      userId: r.user_id,
      invitationId: r.invitation_id,
      roleType: r.role_type,
      pending,
      billing: r.has_billing_access === 1,
      has2fa: r.has_2fa === null ? null : r.has_2fa === 1,
      lastLoginAt: r.last_login_at,
      invitedAt: r.invited_at,
      teams: teams.map((t) => ({ id: t.id, name: t.name, isLeader: t.owned_by_id === r.user_id })),
      rights: [...cells.entries()]
        .map(([productId, c]) => ({ productId, ...c }))
        .sort((a, b) => a.serviceName.localeCompare(b.serviceName) || a.productName.localeCompare(b.productName)),
      asOf: orgAsOf === null ? wideAsOf : wideAsOf === null ? orgAsOf : Math.min(orgAsOf, wideAsOf),
    }
  })
  return { email: email.trim().toLowerCase(), displayName: rows[0]!.display_name, orgs }
}
