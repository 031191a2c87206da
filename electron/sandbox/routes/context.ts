/**
 * Shared pieces of the sandbox routes: the route types, parameter and access helpers.
 */
import type {
  Invitation,
  InvitationLocale,
  InvitationPermission,
  Org,
  Product,
  RightName,
  Rights,
  Role,
  Team,
  TokenDef,
  User,
} from '../model'
import { RIGHT_NAMES } from '../model'
import type { SandboxSettings } from '../settings'
import type { Store } from '../store'
import { canManage, viewerRights, type Access } from '../truth'
import { ApiError, Body, E, Query, fold, rule, type ApiResponse, type PageOptions } from '../http'
import { SERVICE_BY_ID, SERVICES } from '../vocab'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RouteContext {
  store: Store
  settings: SandboxSettings
  params: Record<string, string>
  query: Query
  body: Body
  token: TokenDef
  user: User
  access: Map<number, Access>
  /** Unix seconds (from the sandbox clock). */
  now: number
}

export interface RouteDef {
  id: string
  method: Method
  path: string
  /** Scope required; `undocumented` → settings.undocumentedScope; null → none. */
  scope: string | null
  /** Served only when this setting is on. */
  optional?: 'invoiceRoute'
  handle(ctx: RouteContext): ApiResponse
}

export const UNDOCUMENTED = 'undocumented'
export const DAY = 86_400

// ------------------------------------------------------------------ helpers

export function idParam(ctx: RouteContext, name: string, what = 'Object'): number {
  const v = ctx.params[name] ?? ''
  if (!/^\d+$/.test(v)) throw E.objectNotFound(what)
  return Number(v)
}

export function unreachable(ctx: RouteContext, what: string): ApiError {
  return ctx.settings.unreachableObject === 'access_denied' ? E.accessDenied() : E.objectNotFound(what)
}

export function orgFor(ctx: RouteContext, accountId: number): { org: Org; access: Access } {
  const org = ctx.store.ix.orgs.get(accountId)
  if (!org) throw E.objectNotFound('Account')
  const access = ctx.access.get(accountId)
  if (!access) throw unreachable(ctx, 'Account')
  return { org, access }
}

export function orgParam(ctx: RouteContext): { org: Org; access: Access } {
  return orgFor(ctx, idParam(ctx, 'account', 'Account'))
}

export function requireManage(access: Access): void {
  if (!canManage(access)) throw E.accessDenied('You do not have the rights to manage this account')
}

export function pageOpts(ctx: RouteContext, paginated = true, offset = false, max?: number): PageOptions {
  return {
    paginated,
    offset,
    maxPerPage: Math.min(max ?? Infinity, ctx.settings.maxPerPage),
    defaultPerPage: ctx.settings.defaultPerPage,
  }
}

export interface Visible {
  product: Product
  rights: Rights
}

export const visibleCache = new WeakMap<Map<number, Access>, Visible[]>()

/** Every product the token's user holds at least one right on, across all reachable accounts, id ascending. */
export function visibleProducts(ctx: RouteContext): Visible[] {
  const cached = visibleCache.get(ctx.access)
  if (cached) return cached
  const out: Visible[] = []
  for (const access of ctx.access.values()) out.push(...visibleInOrg(ctx, access))
  out.sort((a, b) => a.product.id - b.product.id)
  visibleCache.set(ctx.access, out)
  return out
}

export function visibleInOrg(ctx: RouteContext, access: Access): Visible[] {
  const ix = ctx.store.ix
  const teams = ix.teamsByOrg.get(access.orgId) ?? []
  const out: Visible[] = []
  for (const product of ix.productsByOrg.get(access.orgId) ?? []) {
    const rights = viewerRights(access, product, teams)
    if (rights) out.push({ product, rights })
  }
  return out
}

export function textMatch(value: string | null, needle: string | undefined): boolean {
  if (needle === undefined || needle === '') return true
  return value !== null && fold(value).includes(fold(needle))
}

export const PRODUCT_WITH = ['users', 'admin', 'tags', 'status', 'flags', 'renew_preferences', 'rights']
export const productSort = {
  fields: {
    id: (v: Visible) => v.product.id,
    customer_name: (v: Visible) => v.product.customerName,
    internal_name: (v: Visible) => v.product.internalName,
    expired_at: (v: Visible) => v.product.expiredAt,
    created_at: (v: Visible) => v.product.createdAt,
    service_name: (v: Visible) => v.product.serviceName,
    service_id: (v: Visible) => v.product.serviceId,
    account_id: (v: Visible) => v.product.accountId,
  },
  id: (v: Visible) => v.product.id,
}

export function findMember(ctx: RouteContext, accountId: number, userId: number): User | undefined {
  return ctx.store.membership(accountId, userId) ? ctx.store.ix.users.get(userId) : undefined
}

export function invitationParam(ctx: RouteContext, org: Org): Invitation {
  const id = idParam(ctx, 'invitation', 'Invitation')
  const inv = ctx.store.ix.invitations.get(id)
  if (!inv || inv.accountId !== org.id) throw E.objectNotFound('Invitation')
  return inv
}

export function teamParam(ctx: RouteContext, org: Org): Team {
  const id = idParam(ctx, 'team', 'Team')
  const t = ctx.store.ix.teams.get(id)
  if (!t || t.accountId !== org.id) throw E.objectNotFound('Team')
  return t
}

export function requirePartner(org: Org): void {
  if (org.partnerId === null) throw E.accountNotPartner()
}

export const LOCALES: readonly InvitationLocale[] = ['de_DE', 'en_GB', 'es_ES', 'fr_FR', 'it_IT']
export const ROLES: readonly Role[] = ['admin', 'normal', 'owner']
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function teamIdsValid(ctx: RouteContext, org: Org, body: Body, name: string, ids: number[] | undefined): void {
  if (!ids) return
  const valid = (ctx.store.ix.teamsByOrg.get(org.id) ?? []).map((t) => t.id)
  if (ids.some((id) => !valid.includes(id))) body.errors.push(rule.in(name, valid))
}

export function permissionsFromBody(body: Body, org: Org, ctx: RouteContext): InvitationPermission[] | undefined {
  const raw = body.raw.permissions
  if (raw === undefined || raw === null) return undefined
  if (!Array.isArray(raw)) {
    body.errors.push(rule.array('permissions'))
    return undefined
  }
  const out: InvitationPermission[] = []
  raw.forEach((item: unknown, n) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      body.errors.push(rule.array(`permissions.${n}`))
      return
    }
    const b = new Body(item as Record<string, unknown>, body.errors, `permissions.${n}.`)
    const productId = b.int('product_id', false)
    const serviceId = b.int('service_id', false)
    const applyToAll = b.bool('apply_to_all') ?? false
    const typesRaw = b.raw.types
    const types: RightName[] = []
    if (!Array.isArray(typesRaw) || typesRaw.some((t) => !(RIGHT_NAMES as readonly unknown[]).includes(t))) {
      body.errors.push(rule.in(`permissions.${n}.types`, RIGHT_NAMES))
    } else types.push(...(typesRaw as RightName[]))
    if (productId !== undefined) {
      const p = ctx.store.ix.products.get(productId)
      if (!p || p.accountId !== org.id) body.errors.push(rule.exists(`permissions.${n}.product_id`))
    }
    if (serviceId !== undefined && !SERVICE_BY_ID.has(serviceId))
      body.errors.push(
        rule.in(
          `permissions.${n}.service_id`,
          SERVICES.map((s) => s.id),
        ),
      )
    out.push({ applyToAll, productId: productId ?? null, serviceId: serviceId ?? null, types })
  })
  return out
}

export function serviceIdsToPermissions(ids: number[]): Team['permissions'] {
  return ids.map((id) => {
    const svc = SERVICE_BY_ID.get(id)
    return { serviceId: id, serviceName: svc ? svc.name : String(id), productId: null, rights: RIGHT_NAMES.slice() }
  })
}

export function teamServices(body: Body): number[] | undefined {
  const perms = body.object('permissions')
  if (!perms) return undefined
  const ids = perms.intArray('services', false)
  if (ids && ids.some((id) => !SERVICE_BY_ID.has(id)))
    body.errors.push(
      rule.in(
        'permissions.services',
        SERVICES.map((s) => s.id),
      ),
    )
  return ids
}

export function requireBilling(access: Access): void {
  const m = access.membership
  if (m && (m.role === 'owner' || m.role === 'admin' || m.hasBillingAccess)) return
  if (access.partnership?.hasFullAccess) return
  throw E.accessDenied('You do not have access to the billing of this account')
}

export function requiredOrgId(ctx: RouteContext): number {
  const raw = ctx.query.str('account_id')
  if (raw === undefined || raw === '')
    throw E.validation([rule.required('account_id')], 'The account id field is required')
  const id = ctx.query.int('account_id') as number
  return id
}

export function visibleProductParam(ctx: RouteContext, param: string, service: string, what: string): Visible {
  const id = idParam(ctx, param, what)
  const p = ctx.store.ix.products.get(id)
  if (!p || p.serviceName !== service) throw E.objectNotFound(what)
  const access = ctx.access.get(p.accountId)
  const rights = access ? viewerRights(access, p, ctx.store.ix.teamsByOrg.get(p.accountId) ?? []) : null
  if (!rights) throw unreachable(ctx, what)
  return { product: p, rights }
}
