/**
 * The sandbox's rules for who sees what, as pure functions over `SandboxData`. The server uses
 * them to answer requests; tests and the sync engine's tests use them as the expected truth.
 *
 * Rights of a member U on a product P of organisation O (see README "Rights model"):
 *   direct   = P.users[] entry of U (`/1/products` → `users[].rights`)
 *   viaTeams = for each team T of O with U in T.userIds, for each T.permissions entry E where
 *              (E.product_id === P.id) or (E.product_id === null and E.service_id === P.service_id):
 *              the rights named in E.rights
 *   viaRole  = all four rights when U's role in O is `owner` or `admin`
 *   explicit  = direct ∪ viaTeams           (what a permission matrix shows per cell)
 *   effective = direct ∪ viaTeams ∪ viaRole (what `/1/products` reports as `rights` for U's own token)
 */
import type {
  OrgAccessType,
  Membership,
  Partnership,
  Product,
  RightName,
  Rights,
  Role,
  SandboxData,
  Team,
} from './model'

export const NO_RIGHTS: Readonly<Rights> = Object.freeze({
  technical: false,
  statistic: false,
  check: false,
  sale: false,
})
export const ALL_RIGHTS: Readonly<Rights> = Object.freeze({ technical: true, statistic: true, check: true, sale: true })

export function rightsOf(names: readonly RightName[]): Rights {
  return {
    technical: names.includes('technical'),
    statistic: names.includes('statistic'),
    check: names.includes('check'),
    sale: names.includes('sale'),
  }
}

export function unionRights(...all: (Readonly<Rights> | null | undefined)[]): Rights {
  const out: Rights = { ...NO_RIGHTS }
  for (const r of all) {
    if (!r) continue
    out.technical ||= r.technical
    out.statistic ||= r.statistic
    out.check ||= r.check
    out.sale ||= r.sale
  }
  return out
}

export function hasAnyRight(r: Readonly<Rights>): boolean {
  return r.technical || r.statistic || r.check || r.sale
}

/** The rights a team grants on a product, or null when the team grants nothing on it. */
export function teamGrant(team: Team, product: Product): Rights | null {
  if (team.accountId !== product.accountId) return null
  let out: Rights | null = null
  for (const e of team.permissions) {
    if (e.productId === product.id || (e.productId === null && e.serviceId === product.serviceId)) {
      out = unionRights(out, rightsOf(e.rights))
    }
  }
  return out
}

export interface RightSources {
  direct: Rights | null
  viaTeams: { teamId: number; rights: Rights }[]
  viaRole: 'owner' | 'admin' | null
  /** direct ∪ viaTeams */
  explicit: Rights
  /** direct ∪ viaTeams ∪ viaRole */
  effective: Rights
}

/** Rights of `userId` on `product`, given the user's role in the product's account and that account's teams. */
export function rightSources(
  product: Product,
  userId: number,
  role: Role | null,
  orgTeams: readonly Team[],
): RightSources {
  const directEntry = product.users.find((u) => u.userId === userId)
  const direct = directEntry ? { ...directEntry.rights } : null
  const viaTeams: { teamId: number; rights: Rights }[] = []
  for (const team of orgTeams) {
    if (!team.userIds.includes(userId)) continue
    const grant = teamGrant(team, product)
    if (grant && hasAnyRight(grant)) viaTeams.push({ teamId: team.id, rights: grant })
  }
  const viaRole = role === 'owner' || role === 'admin' ? role : null
  const explicit = unionRights(direct, ...viaTeams.map((t) => t.rights))
  const effective = viaRole ? { ...ALL_RIGHTS } : explicit
  return { direct, viaTeams, viaRole, explicit, effective }
}

export interface EffectiveRight extends RightSources {
  orgId: number
  userId: number
  productId: number
}

/**
 * Every (member, product) pair of organisation `orgId` with at least one effective right,
 * ordered by user id then product id. Pending invitees hold no rights.
 */
export function effectiveRights(data: SandboxData, orgId: number): EffectiveRight[] {
  const members = data.memberships.filter((m) => m.accountId === orgId).sort((a, b) => a.userId - b.userId)
  const products = data.products.filter((p) => p.accountId === orgId).sort((a, b) => a.id - b.id)
  const teams = data.teams.filter((t) => t.accountId === orgId)
  const out: EffectiveRight[] = []
  for (const m of members) {
    for (const p of products) {
      const s = rightSources(p, m.userId, m.role, teams)
      if (hasAnyRight(s.effective)) out.push({ orgId, userId: m.userId, productId: p.id, ...s })
    }
  }
  return out
}

export interface Access {
  /** The organisation reached (the API's `account`). */
  orgId: number
  /** `type` of `/1/accounts`: the membership role, or `client` when reached only through a partnership. */
  type: OrgAccessType
  membership: Membership | null
  partnership: Partnership | null
}

/**
 * Organisations a user can reach: every membership, plus, for a legal representative (`owner`) of
 * a partner account, every client organisation of that partner's partnerships (`type: client`
 * unless the user is also a member there).
 */
export function orgAccess(data: SandboxData, userId: number): Map<number, Access> {
  const out = new Map<number, Access>()
  const mine = data.memberships.filter((m) => m.userId === userId)
  for (const m of mine) out.set(m.accountId, { orgId: m.accountId, type: m.role, membership: m, partnership: null })
  const partnerOrgs = new Set(mine.filter((m) => m.role === 'owner').map((m) => m.accountId))
  for (const p of data.partnerships) {
    if (!partnerOrgs.has(p.partnerAccountId)) continue
    const existing = out.get(p.customerAccountId)
    if (existing) existing.partnership = p
    else out.set(p.customerAccountId, { orgId: p.customerAccountId, type: 'client', membership: null, partnership: p })
  }
  return out
}

/**
 * The rights the token's user holds on a product (`Product.rights` in `/1/products`), or null when
 * the product is not visible. Membership rights and partnership rights are unioned:
 * a full-access partnership grants all four rights, a limited one the rights of its `products[]`.
 */
export function viewerRights(access: Access, product: Product, orgTeams: readonly Team[]): Rights | null {
  let rights: Rights = { ...NO_RIGHTS }
  if (access.membership) {
    rights = rightSources(product, access.membership.userId, access.membership.role, orgTeams).effective
  }
  const p = access.partnership
  if (p) {
    if (p.hasFullAccess) rights = { ...ALL_RIGHTS }
    else {
      const rr = p.products.find((x) => x.productId === product.id)
      if (rr) rights = unionRights(rights, rightsOf(rr.rights))
    }
  }
  return hasAnyRight(rights) ? rights : null
}

/**
 * Who may write (teams, invitations, b2b) in an account: `owner` and `admin` members, and a
 * partner owner reaching the account through a full-access partnership.
 */
export function canManage(access: Access): boolean {
  const role = access.membership?.role
  if (role === 'owner' || role === 'admin') return true
  return access.partnership?.hasFullAccess === true
}

/** Only a legal representative may grant the legal-representative role. */
export function canGrantOwner(access: Access): boolean {
  return access.membership?.role === 'owner'
}
