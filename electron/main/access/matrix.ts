import type Database from 'better-sqlite3'
import type { MatrixCell, MatrixData, MatrixProduct, MatrixUser } from '../../../shared/domain/access'
import { AppError } from '../lib/app-error'
import { maskOfRights, parseTeamPermissions } from './rights'

interface UserRow {
  member_key: string
  user_id: number | null
  invitation_id: number | null
  email: string
  display_name: string
  role_type: string
  state: string
  has_billing_access: number
  is_correspondent: number
  is_correspondent_billing: number
  has_2fa: number | null
  last_login_at: number | null
  invited_at: number | null
}

/** Oldest sync time of the resources an organization's access picture is made of. */
export function orgSyncedAt(db: Database.Database, accountId: string, orgId: number): number | null {
  const row = db
    .prepare<[string, number], { t: number | null }>(
      `SELECT min(synced_at) AS t FROM sync_state
       WHERE account_id = ? AND org_id IN (0, ?) AND resource IN ('products', 'users', 'teams')`,
    )
    .get(accountId, orgId)
  return row?.t ?? null
}

/**
 * Builds the permission matrix of one organization: products × members (pending invitees last),
 * with one cell per (member, product) holding an explicit right, direct or through teams.
 */
export function buildMatrix(db: Database.Database, accountId: string, orgId: number): MatrixData {
  const org = db
    .prepare<[string, number], { name: string; role: string }>(
      'SELECT name, role FROM orgs WHERE account_id = ? AND id = ?',
    )
    .get(accountId, orgId)
  if (!org) throw new AppError('NOT_FOUND', 'access.orgNotCached')

  const productRows = db
    .prepare<[string, number], { id: number; service_id: number | null; service_name: string; customer_name: string }>(
      `SELECT id, service_id, service_name, customer_name FROM products
       WHERE account_id = ? AND org_id = ? ORDER BY service_name, customer_name COLLATE NOCASE, id`,
    )
    .all(accountId, orgId)
  const products: MatrixProduct[] = new Array<MatrixProduct>(productRows.length)
  const productIndex = new Map<number, number>()
  const byService = new Map<number, number[]>()
  for (let i = 0; i < productRows.length; i++) {
    const p = productRows[i]!
    products[i] = { id: p.id, serviceId: p.service_id, serviceName: p.service_name, name: p.customer_name }
    productIndex.set(p.id, i)
    if (p.service_id !== null) {
      let list = byService.get(p.service_id)
      if (!list) byService.set(p.service_id, (list = []))
      list.push(i)
    }
  }

  const userRows = db
    .prepare<[string, number], UserRow>(
      `SELECT member_key, user_id, invitation_id, email, display_name, role_type, state, has_billing_access,
              is_correspondent, is_correspondent_billing, has_2fa, last_login_at, invited_at
       FROM org_users WHERE account_id = ? AND org_id = ?
       ORDER BY (state = 'pending'), display_name COLLATE NOCASE, member_key`,
    )
    .all(accountId, orgId)
  const users: MatrixUser[] = new Array<MatrixUser>(userRows.length)
  const userIndex = new Map<number, number>()
  for (let i = 0; i < userRows.length; i++) {
    const u = userRows[i]!
    users[i] = {
      memberKey: u.member_key,
      userId: u.user_id,
      invitationId: u.invitation_id,
      email: u.email,
      displayName: u.display_name,
      roleType: u.role_type,
      pending: u.state === 'pending',
      billing: u.has_billing_access === 1,
      correspondent: u.is_correspondent === 1,
      correspondentBilling: u.is_correspondent_billing === 1,
      has2fa: u.has_2fa === null ? null : u.has_2fa === 1,
      lastLoginAt: u.last_login_at,
      invitedAt: u.invited_at,
      teamIds: [],
    }
    if (u.user_id !== null && u.state !== 'pending') userIndex.set(u.user_id, i)
  }

  // Cells in flat typed arrays indexed by userIndex * P + productIndex (300 × 2,000 = 2.4 MB each).
  const P = Math.max(1, products.length)
  const explicit = new Uint8Array(users.length * P)
  const direct = new Uint8Array(users.length * P)
  const viaTeams = new Map<number, number[]>()

  const rights = db
    .prepare<[string, number], [number, number, number]>(
      `SELECT product_id, user_id, technical | (statistic << 1) | ("check" << 2) | (sale << 3)
       FROM product_rights WHERE account_id = ? AND org_id = ?`,
    )
    .raw(true)
    .all(accountId, orgId)
  for (const [productId, userId, mask] of rights) {
    if (mask === 0) continue
    const u = userIndex.get(userId)
    const p = productIndex.get(productId)
    if (u === undefined || p === undefined) continue
    const key = u * P + p
    direct[key] = mask
    explicit[key] = mask
  }

  const teamRows = db
    .prepare<[string, number], { id: number; name: string; permissions: string }>(
      'SELECT id, name, permissions FROM teams WHERE account_id = ? AND org_id = ? ORDER BY name COLLATE NOCASE, id',
    )
    .all(accountId, orgId)
  const membersOf = new Map<number, number[]>()
  for (const [teamId, userId] of db
    .prepare<[string, number], [number, number]>(
      'SELECT team_id, user_id FROM team_members WHERE account_id = ? AND org_id = ? ORDER BY team_id',
    )
    .raw(true)
    .all(accountId, orgId)) {
    const u = userIndex.get(userId)
    if (u === undefined) continue
    users[u]!.teamIds.push(teamId)
    let list = membersOf.get(teamId)
    if (!list) membersOf.set(teamId, (list = []))
    list.push(u)
  }
  for (const team of teamRows) {
    const members = membersOf.get(team.id)
    if (!members || members.length === 0) continue
    // Product index → mask this team grants.
    const grant = new Map<number, number>()
    for (const e of parseTeamPermissions(team.permissions)) {
      const mask = maskOfRights(e.rights)
      if (mask === 0) continue
      const pid = e.product_id ?? null
      const single = pid !== null ? productIndex.get(pid) : undefined
      const targets =
        pid !== null
          ? single === undefined
            ? []
            : [single]
          : e.service_id != null
            ? (byService.get(e.service_id) ?? [])
            : []
      for (const p of targets) grant.set(p, (grant.get(p) ?? 0) | mask)
    }
    for (const u of members) {
      const base = u * P
      for (const [p, mask] of grant) {
        const key = base + p
        explicit[key]! |= mask
        const list = viaTeams.get(key)
        if (list) list.push(team.id)
        else viaTeams.set(key, [team.id])
      }
    }
  }

  const cells: MatrixCell[] = []
  const none: number[] = []
  for (let key = 0; key < explicit.length; key++) {
    const mask = explicit[key]!
    if (mask === 0) continue
    const u = Math.floor(key / P)
    cells.push([u, key - u * P, mask, direct[key]!, viaTeams.get(key) ?? none])
  }
  return {
    accountId,
    orgId,
    orgName: org.name,
    myRole: org.role,
    syncedAt: orgSyncedAt(db, accountId, orgId),
    products,
    users,
    teams: teamRows.map((t) => ({ id: t.id, name: t.name })),
    cells,
  }
}
