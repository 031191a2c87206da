/**
 * The API routes of infomaniak-api.md §14 that Switchboard uses. Each route names the scope it
 * requires (`undocumented` = the `undocumentedScope` setting) and answers through `ApiResponse`
 * or throws an `ApiError`.
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
} from './model'
import { RIGHT_NAMES } from './model'
import type { SandboxSettings } from './settings'
import type { Store } from './store'
import { canGrantOwner, canManage, viewerRights, type Access } from './truth'
import {
  ApiError,
  Body,
  E,
  Query,
  fold,
  listResponse,
  ok,
  parseWith,
  rule,
  sortItems,
  type ApiResponse,
  type PageOptions,
} from './http'
import * as S from './serialize'
import { LANGUAGE_ID, SERVICE_BY_ID, SERVICE_BY_NAME, SERVICES } from './vocab'

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

const UNDOCUMENTED = 'undocumented'
const DAY = 86_400

// ------------------------------------------------------------------ helpers

function idParam(ctx: RouteContext, name: string, what = 'Object'): number {
  const v = ctx.params[name] ?? ''
  if (!/^\d+$/.test(v)) throw E.objectNotFound(what)
  return Number(v)
}

function unreachable(ctx: RouteContext, what: string): ApiError {
  return ctx.settings.unreachableObject === 'access_denied' ? E.accessDenied() : E.objectNotFound(what)
}

function orgFor(ctx: RouteContext, accountId: number): { org: Org; access: Access } {
  const org = ctx.store.ix.orgs.get(accountId)
  if (!org) throw E.objectNotFound('Account')
  const access = ctx.access.get(accountId)
  if (!access) throw unreachable(ctx, 'Account')
  return { org, access }
}

function orgParam(ctx: RouteContext): { org: Org; access: Access } {
  return orgFor(ctx, idParam(ctx, 'account', 'Account'))
}

function requireManage(access: Access): void {
  if (!canManage(access)) throw E.accessDenied('You do not have the rights to manage this account')
}

function pageOpts(ctx: RouteContext, paginated = true, offset = false, max?: number): PageOptions {
  return {
    paginated,
    offset,
    maxPerPage: Math.min(max ?? Infinity, ctx.settings.maxPerPage),
    defaultPerPage: ctx.settings.defaultPerPage,
  }
}

interface Visible {
  product: Product
  rights: Rights
}

const visibleCache = new WeakMap<Map<number, Access>, Visible[]>()

/** Every product the token's user holds at least one right on, across all reachable accounts, id ascending. */
function visibleProducts(ctx: RouteContext): Visible[] {
  const cached = visibleCache.get(ctx.access)
  if (cached) return cached
  const out: Visible[] = []
  for (const access of ctx.access.values()) out.push(...visibleInOrg(ctx, access))
  out.sort((a, b) => a.product.id - b.product.id)
  visibleCache.set(ctx.access, out)
  return out
}

function visibleInOrg(ctx: RouteContext, access: Access): Visible[] {
  const ix = ctx.store.ix
  const teams = ix.teamsByOrg.get(access.accountId) ?? []
  const out: Visible[] = []
  for (const product of ix.productsByOrg.get(access.accountId) ?? []) {
    const rights = viewerRights(access, product, teams)
    if (rights) out.push({ product, rights })
  }
  return out
}

function textMatch(value: string | null, needle: string | undefined): boolean {
  if (needle === undefined || needle === '') return true
  return value !== null && fold(value).includes(fold(needle))
}

const PRODUCT_WITH = ['users', 'admin', 'tags', 'status', 'flags', 'renew_preferences', 'rights']
const productSort = {
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

function findMember(ctx: RouteContext, accountId: number, userId: number): User | undefined {
  return ctx.store.membership(accountId, userId) ? ctx.store.ix.users.get(userId) : undefined
}

function invitationParam(ctx: RouteContext, org: Org): Invitation {
  const id = idParam(ctx, 'invitation', 'Invitation')
  const inv = ctx.store.ix.invitations.get(id)
  if (!inv || inv.accountId !== org.id) throw E.objectNotFound('Invitation')
  return inv
}

function teamParam(ctx: RouteContext, org: Org): Team {
  const id = idParam(ctx, 'team', 'Team')
  const t = ctx.store.ix.teams.get(id)
  if (!t || t.accountId !== org.id) throw E.objectNotFound('Team')
  return t
}

function requirePartner(org: Org): void {
  if (org.partnerId === null) throw E.accountNotPartner()
}

const LOCALES: readonly InvitationLocale[] = ['de_DE', 'en_GB', 'es_ES', 'fr_FR', 'it_IT']
const ROLES: readonly Role[] = ['admin', 'normal', 'owner']
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function teamIdsValid(ctx: RouteContext, org: Org, body: Body, name: string, ids: number[] | undefined): void {
  if (!ids) return
  const valid = (ctx.store.ix.teamsByOrg.get(org.id) ?? []).map((t) => t.id)
  if (ids.some((id) => !valid.includes(id))) body.errors.push(rule.in(name, valid))
}

function permissionsFromBody(body: Body, org: Org, ctx: RouteContext): InvitationPermission[] | undefined {
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

function serviceIdsToPermissions(ids: number[]): Team['permissions'] {
  return ids.map((id) => {
    const svc = SERVICE_BY_ID.get(id)
    return { serviceId: id, serviceName: svc ? svc.name : String(id), productId: null, rights: RIGHT_NAMES.slice() }
  })
}

function teamServices(body: Body): number[] | undefined {
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

// ------------------------------------------------------------------ route table

const accountsList = (ctx: RouteContext): ApiResponse => {
  const expand = parseWith(ctx.query, ['logo', 'logo_square', 'addresses', 'tags'])
  const orgs = [...ctx.access.values()].map((a) => ({ a, org: ctx.store.ix.orgs.get(a.accountId) as Org }))
  const sorted = sortItems(orgs, ctx.query, { fields: { name: (x) => x.org.name }, id: (x) => x.org.id })
  return ok(sorted.map((x) => S.account(ctx.store, x.org, x.a, expand, false)))
}

export const ROUTES: RouteDef[] = [
  // ---------------------------------------------------------------- profile
  {
    id: 'profile.v2',
    method: 'GET',
    path: '/2/profile',
    scope: 'user_info',
    handle: (ctx) => {
      const expand = parseWith(ctx.query, ['emails', 'phones', 'security', 'sessions', 'preferences'])
      return ok(S.profileV2(ctx.store, ctx.user, expand, ctx.query.str('no_avatar_default') === '1'))
    },
  },
  { id: 'profile.v1', method: 'GET', path: '/1/profile', scope: null, handle: (ctx) => ok(S.profileV1(ctx.user)) },

  // ---------------------------------------------------------------- accounts
  { id: 'accounts.list', method: 'GET', path: '/1/accounts', scope: 'accounts', handle: accountsList },
  { id: 'accounts.list', method: 'GET', path: '/1/account', scope: 'accounts', handle: accountsList },
  {
    id: 'accounts.get',
    method: 'GET',
    path: '/1/accounts/{account}',
    scope: 'accounts',
    handle: (ctx) => {
      const expand = parseWith(ctx.query, ['logo', 'logo_square', 'addresses', 'tags'])
      const { org, access } = orgParam(ctx)
      return ok(S.account(ctx.store, org, access, expand, true))
    },
  },
  {
    id: 'accounts.services',
    method: 'GET',
    path: '/1/accounts/{account}/services',
    scope: 'accounts',
    handle: (ctx) => {
      const { access } = orgParam(ctx)
      const counts = new Map<number, number>()
      for (const v of visibleInOrg(ctx, access))
        counts.set(v.product.serviceId, (counts.get(v.product.serviceId) ?? 0) + 1)
      return ok(
        [...counts.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([id, count]) => ({ id, name: SERVICE_BY_ID.get(id)?.name ?? String(id), count })),
      )
    },
  },
  {
    id: 'accounts.tags',
    method: 'GET',
    path: '/1/accounts/{account}/tags',
    scope: 'accounts',
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      const products = ctx.store.ix.productsByOrg.get(org.id) ?? []
      const rows = (ctx.store.ix.tagsByOrg.get(org.id) ?? []).map((t) => ({
        t,
        count: products.filter((p) => p.tagIds.includes(t.id)).length,
      }))
      const sorted = sortItems(rows, ctx.query, {
        fields: { id: (r) => r.t.id, name: (r) => r.t.name, products: (r) => r.count },
        id: (r) => r.t.id,
      })
      return ok(sorted.map((r) => ({ id: r.t.id, name: r.t.name, color: r.t.color, product_count: r.count })))
    },
  },

  // ---------------------------------------------------------------- products
  {
    id: 'products.list',
    method: 'GET',
    path: '/1/products',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const q = ctx.query
      parseWith(q, PRODUCT_WITH)
      const accountId = q.int('account_id')
      const serviceId = q.int('service_id')
      const productId = q.int('product_id')
      const serviceName = q.str('service_name')
      if (serviceName !== undefined && !SERVICE_BY_NAME.has(serviceName))
        throw E.validation([
          rule.in(
            'service_name',
            SERVICES.map((s) => s.name),
          ),
        ])
      const customerName = q.str('customer_name')
      const internalName = q.str('internal_name')
      const fqdn = q.str('fqdn')
      const items = visibleProducts(ctx).filter(
        (v) =>
          (accountId === undefined || v.product.accountId === accountId) &&
          (serviceId === undefined || v.product.serviceId === serviceId) &&
          (productId === undefined || v.product.id === productId) &&
          (serviceName === undefined || v.product.serviceName === serviceName) &&
          textMatch(v.product.customerName, customerName) &&
          textMatch(v.product.internalName, internalName) &&
          textMatch(v.product.fqdn, fqdn),
      )
      const sorted = sortItems(items, q, productSort)
      return listResponse(sorted, q, pageOpts(ctx, true, true), (v) => S.product(ctx.store, v.product, v.rights))
    },
  },
  {
    id: 'accounts.products',
    method: 'GET',
    path: '/1/accounts/{account}/products',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const q = ctx.query
      parseWith(q, PRODUCT_WITH)
      const { access } = orgParam(ctx)
      const ref = ctx.now
      const serviceIds = q.filter('service_ids').map(Number)
      const single = q.str('filter[service_id]')
      if (single !== undefined) serviceIds.push(Number(single))
      const excluded = q.filter('excluded_service_ids').map(Number)
      const serviceNames = q.filter('service_names')
      const tags = q.filter('tags').map(Number)
      const expirations = q.filter('expirations')
      const EXP = ['expired', 'less_than_1_month', 'less_than_3_months', 'more_than_3_months', 'none']
      if (expirations.some((e) => !EXP.includes(e))) throw E.validation([rule.in('filter.expirations', EXP)])
      const expClass = (p: Product): string =>
        p.expiredAt === null
          ? 'none'
          : p.expiredAt < ref
            ? 'expired'
            : p.expiredAt < ref + 30 * DAY
              ? 'less_than_1_month'
              : p.expiredAt < ref + 91 * DAY
                ? 'less_than_3_months'
                : 'more_than_3_months'
      const items = visibleInOrg(ctx, access).filter(
        ({ product: p }) =>
          (serviceIds.length === 0 || serviceIds.includes(p.serviceId)) &&
          !excluded.includes(p.serviceId) &&
          (serviceNames.length === 0 || serviceNames.includes(p.serviceName)) &&
          (tags.length === 0 || p.tagIds.some((t) => tags.includes(t))) &&
          (expirations.length === 0 || expirations.includes(expClass(p))) &&
          textMatch(p.customerName, q.str('filter[customer_name]')) &&
          textMatch(p.internalName, q.str('filter[internal_name]')) &&
          (textMatch(p.customerName, q.str('filter[name]')) || textMatch(p.internalName, q.str('filter[name]'))) &&
          textMatch(`${p.customerName} ${p.internalName ?? ''}`, q.str('search')),
      )
      const sorted = sortItems(items, q, productSort)
      return listResponse(sorted, q, pageOpts(ctx, true, true), (v) => S.product(ctx.store, v.product, v.rights))
    },
  },

  // ---------------------------------------------------------------- users of an account
  {
    id: 'users.list',
    method: 'GET',
    path: '/2/accounts/{account}/users',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const q = ctx.query
      const expand = parseWith(q, [
        'app_access',
        'teams',
        'drive_infos',
        'kchat_infos',
        'security',
        'pending_invitations',
        'preferences',
        'invitation_details',
        'service_permissions',
        'permissions',
      ])
      const { org } = orgParam(ctx)
      const ix = ctx.store.ix
      const states = q.filter('state_in_account')
      if (states.some((s) => s !== 'pending' && s !== 'valid'))
        throw E.validation([rule.in('filter.state_in_account', ['pending', 'valid'])])
      const roles = q.filter('role_type')
      if (roles.some((r) => !(ROLES as readonly string[]).includes(r)))
        throw E.validation([rule.in('filter.role_type', ROLES)])
      const billing = q.bool('filter[has_billing_access]')
      const hasOtp = q.bool('filter[has_otp]')
      const userIds = q.filter('user_ids').map(Number)
      const teamIds = q.filter('team_ids').map(Number)
      const invitationStatus = q.filter('invitation_status')
      const search = q.str('search')
      const teams = ix.teamsByOrg.get(org.id) ?? []
      type Row =
        | { kind: 'member'; m: NonNullable<ReturnType<Store['membership']>>; u: User }
        | { kind: 'pending'; i: Invitation }
      const rows: Row[] = []
      for (const m of ix.membersByOrg.get(org.id)?.values() ?? []) {
        const u = ix.users.get(m.userId)
        if (u) rows.push({ kind: 'member', m, u })
      }
      rows.sort((a, b) => (a.kind === 'member' && b.kind === 'member' ? a.u.id - b.u.id : 0))
      for (const i of ix.invitationsByOrg.get(org.id) ?? [])
        if (i.status === 'pending') rows.push({ kind: 'pending', i })
      const filtered = rows.filter((r) => {
        const state = r.kind === 'member' ? 'valid' : 'pending'
        const role = r.kind === 'member' ? r.m.role : r.i.roleType
        if (states.length > 0 && !states.includes(state)) return false
        if (roles.length > 0 && !roles.includes(role)) return false
        if (billing !== undefined && (r.kind === 'member' ? r.m.hasBillingAccess : r.i.hasBilling) !== billing)
          return false
        if (hasOtp !== undefined && (r.kind === 'member' ? r.u.otp : false) !== hasOtp) return false
        if (userIds.length > 0 && (r.kind === 'pending' || !userIds.includes(r.u.id))) return false
        if (
          teamIds.length > 0 &&
          (r.kind === 'pending'
            ? !r.i.teamIds.some((t) => teamIds.includes(t))
            : !teams.some((t) => teamIds.includes(t.id) && t.userIds.includes(r.u.id)))
        )
          return false
        if (invitationStatus.length > 0 && (r.kind === 'member' || !invitationStatus.includes(r.i.status))) return false
        if (search) {
          const text =
            r.kind === 'member'
              ? `${r.u.firstName} ${r.u.lastName} ${r.u.email}`
              : `${r.i.firstName} ${r.i.lastName} ${r.i.email}`
          if (!textMatch(text, search)) return false
        }
        return true
      })
      const pick =
        <T>(member: (u: User, m: NonNullable<ReturnType<Store['membership']>>) => T, pending: (i: Invitation) => T) =>
        (r: Row): T =>
          r.kind === 'member' ? member(r.u, r.m) : pending(r.i)
      const sorted = sortItems(filtered, q, {
        fields: {
          email: pick(
            (u) => u.email,
            (i) => i.email,
          ),
          first_name: pick(
            (u) => u.firstName,
            (i) => i.firstName,
          ),
          last_name: pick(
            (u) => u.lastName,
            (i) => i.lastName,
          ),
          role_type: pick(
            (_u, m) => m.role,
            (i) => i.roleType,
          ),
          state_in_account: pick(
            () => 'valid',
            () => 'pending',
          ),
          last_login_at: pick(
            (u) => u.lastLoginAt,
            () => null,
          ),
        },
        // members first (by user id), then pending invitees (by invitation id)
        id: pick(
          (u) => u.id,
          (i) => 1e12 + i.id,
        ),
      })
      const c = { store: ctx.store, accountId: org.id, expand }
      return listResponse(sorted, q, pageOpts(ctx, ctx.settings.usersPaginated), (r) =>
        r.kind === 'member' ? S.memberRow(c, r.m, r.u) : S.pendingRow(c, r.i),
      )
    },
  },
  {
    id: 'users.app_accesses',
    method: 'GET',
    path: '/2/accounts/{account}/users/{user}/app_accesses',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      const userId = idParam(ctx, 'user', 'User')
      const m = ctx.store.membership(org.id, userId)
      const u = ctx.store.ix.users.get(userId)
      if (!m || !u) throw E.objectNotFound('User')
      return ok(S.appAccesses(ctx.store, org.id, m, u))
    },
  },

  // ---------------------------------------------------------------- invitations
  {
    id: 'invitations.create',
    method: 'POST',
    path: '/1/accounts/{account}/invitations',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const b = ctx.body
      const email = b.str('email', true)
      if (email !== undefined && !EMAIL.test(email)) b.errors.push(rule.email('email'))
      const firstName = b.str('first_name', true)
      const lastName = b.str('last_name', true)
      const locale = b.oneOf('locale', LOCALES, true)
      const roleType = b.oneOf('role_type', ROLES, true)
      const silent = b.bool('silent')
      const strict = b.bool('strict') ?? false
      const teams = b.intArray('teams', false)
      teamIdsValid(ctx, org, b, 'teams', teams)
      const billing = b.object('permissions')?.bool('billing') ?? false
      const notifications = b.object('notifications')
      const notifyBilling = notifications?.bool('billing') ?? false
      const notifyProducts = notifications?.bool('products') ?? false
      b.done()
      void silent
      if (roleType === 'owner' && !canGrantOwner(access))
        throw E.accessDenied('Only a legal representative can invite a legal representative')
      const ix = ctx.store.ix
      const lower = (email as string).toLowerCase()
      if (
        (ix.invitationsByOrg.get(org.id) ?? []).some((i) => i.status === 'pending' && i.email.toLowerCase() === lower)
      ) {
        throw E.badRequest('invitation_already_exists_with_this_email', 'An invitation already exists with this email')
      }
      const existing = ix.usersByEmail.get(lower)
      if (existing && ctx.store.membership(org.id, existing.id))
        throw new ApiError(409, 'object_already_exists', 'This user is already a member of the account')
      const inv: Invitation = {
        id: ctx.store.allocId('invitation'),
        accountId: org.id,
        email: email as string,
        firstName: firstName as string,
        lastName: lastName as string,
        locale: locale as InvitationLocale,
        roleType: roleType as Role,
        status: 'pending',
        strict,
        teamIds: teams ?? [],
        hasBilling: billing,
        hasBillingMailing: notifyBilling,
        hasMailing: notifyProducts,
        userId: existing ? existing.id : null,
        invitedById: ctx.user.id,
        sentAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        expiredAt: ctx.now + 30 * DAY,
        permissions: [],
        partnershipIds: [],
      }
      ctx.store.data.invitations.push(inv)
      ctx.store.touch()
      return ok(S.invitation(ctx.store, inv), 201)
    },
  },
  {
    id: 'invitations.get',
    method: 'GET',
    path: '/1/accounts/{account}/invitations/{invitation}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      return ok(S.invitation(ctx.store, invitationParam(ctx, org)))
    },
  },
  {
    id: 'invitations.update',
    method: 'PATCH',
    path: '/1/accounts/{account}/invitations/{invitation}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const inv = invitationParam(ctx, org)
      const b = ctx.body
      const hasBilling = b.bool('has_billing')
      const hasBillingMailing = b.bool('has_billing_mailing')
      const hasMailing = b.bool('has_mailing')
      const languageId = b.int('language_id', false)
      if (languageId !== undefined && !Object.values(LANGUAGE_ID).includes(languageId))
        b.errors.push(rule.in('language_id', Object.values(LANGUAGE_ID)))
      const roleType = b.oneOf('role_type', ROLES, false)
      const teamIds = b.intArray('team_ids', false)
      teamIdsValid(ctx, org, b, 'team_ids', teamIds)
      const permissions = permissionsFromBody(b, org, ctx)
      b.done()
      if (roleType === 'owner' && !canGrantOwner(access))
        throw E.accessDenied('Only a legal representative can grant the legal representative role')
      if (inv.status === 'accepted')
        throw E.badRequest('invitation_is_already_accepted', 'The invitation is already accepted')
      if (inv.status !== 'pending') throw E.objectNotFound('Invitation')
      if (hasBilling !== undefined) inv.hasBilling = hasBilling
      if (hasBillingMailing !== undefined) inv.hasBillingMailing = hasBillingMailing
      if (hasMailing !== undefined) inv.hasMailing = hasMailing
      if (languageId !== undefined)
        inv.locale = (Object.entries(LANGUAGE_ID).find(([, id]) => id === languageId)?.[0] ??
          inv.locale) as InvitationLocale
      if (roleType !== undefined) inv.roleType = roleType
      if (teamIds !== undefined) inv.teamIds = teamIds
      if (permissions !== undefined) inv.permissions = permissions
      inv.updatedAt = ctx.now
      ctx.store.touch()
      return ok(S.invitation(ctx.store, inv))
    },
  },
  {
    id: 'invitations.delete',
    method: 'DELETE',
    path: '/1/accounts/{account}/invitations/{invitation}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const inv = invitationParam(ctx, org)
      if (inv.status === 'accepted') throw new ApiError(500, 'cannot_delete_object', 'The invitation cannot be deleted')
      inv.status = 'cancelled'
      inv.updatedAt = ctx.now
      ctx.store.touch()
      return ok(true)
    },
  },
  {
    id: 'invitations.user',
    method: 'GET',
    path: '/1/accounts/{account}/invitations/users/{user}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      const userId = idParam(ctx, 'user', 'User')
      const u = ctx.store.ix.users.get(userId)
      if (!u) throw E.objectNotFound('User')
      const type = ctx.query.str('type')
      if (type !== undefined && !(ROLES as readonly string[]).includes(type))
        throw E.validation([rule.in('type', ROLES)])
      const list = (ctx.store.ix.invitationsByOrg.get(org.id) ?? []).filter(
        (i) =>
          (i.userId === u.id || i.email.toLowerCase() === u.email.toLowerCase()) &&
          (type === undefined || i.roleType === type),
      )
      return ok(list.map((i) => S.invitation(ctx.store, i)))
    },
  },
  {
    id: 'b2b.list',
    method: 'GET',
    path: '/1/accounts/{account}/invitations/{invitation}/b2b',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      requirePartner(org)
      const inv = invitationParam(ctx, org)
      const list = inv.partnershipIds.flatMap((id) => {
        const p = ctx.store.ix.partnerships.get(id)
        return p ? [p] : []
      })
      return listResponse(list, ctx.query, pageOpts(ctx), (p) => S.partnership(ctx.store, p))
    },
  },
  {
    id: 'b2b.add',
    method: 'POST',
    path: '/1/accounts/{account}/invitations/{invitation}/b2b',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requirePartner(org)
      requireManage(access)
      const inv = invitationParam(ctx, org)
      const b = ctx.body
      const ids = b.intArray('partnership_ids', true)
      const valid = (ctx.store.ix.partnershipsByPartner.get(org.id) ?? []).map((p) => p.id)
      if (ids && ids.some((id) => !valid.includes(id))) b.errors.push(rule.in('partnership_ids', valid))
      b.done()
      for (const id of ids ?? []) if (!inv.partnershipIds.includes(id)) inv.partnershipIds.push(id)
      inv.updatedAt = ctx.now
      ctx.store.touch()
      return ok(true)
    },
  },
  {
    id: 'b2b.delete',
    method: 'DELETE',
    path: '/1/accounts/{account}/invitations/{invitation}/b2b/{partnership}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requirePartner(org)
      requireManage(access)
      const inv = invitationParam(ctx, org)
      const id = idParam(ctx, 'partnership', 'Partnership')
      if (!inv.partnershipIds.includes(id)) throw E.objectNotFound('Partnership')
      inv.partnershipIds = inv.partnershipIds.filter((x) => x !== id)
      inv.updatedAt = ctx.now
      ctx.store.touch()
      return ok(true)
    },
  },

  // ---------------------------------------------------------------- teams
  {
    id: 'teams.list',
    method: 'GET',
    path: '/1/accounts/{account}/teams',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const q = ctx.query
      const expand = parseWith(q, ['users', 'owned_by', 'created_by', 'permissions', 'products'])
      const { org } = orgParam(ctx)
      const createdBy = q.filter('created_by_ids').map(Number)
      const ownedBy = q.filter('owned_by_ids').map(Number)
      const teamIds = q.filter('team_ids').map(Number)
      const userIds = q.filter('user_ids').map(Number)
      const all = ctx.store.ix.teamsByOrg.get(org.id) ?? []
      const items = all.filter(
        (t) =>
          (createdBy.length === 0 || createdBy.includes(t.createdById)) &&
          (ownedBy.length === 0 || (t.ownedById !== null && ownedBy.includes(t.ownedById))) &&
          (teamIds.length === 0 || teamIds.includes(t.id)) &&
          (userIds.length === 0 || t.userIds.some((u) => userIds.includes(u))) &&
          textMatch(t.name, q.str('search')),
      )
      const sorted = sortItems(items, q, {
        fields: {
          name: (t) => t.name,
          created_at: (t) => t.createdAt,
          user_count: (t) => t.userIds.length,
          product_count: (t) => S.teamProducts(ctx.store, t).length,
        },
        id: (t) => t.id,
      })
      return listResponse(sorted, q, pageOpts(ctx), (t) => S.team(ctx.store, t, expand, all.indexOf(t)))
    },
  },
  {
    id: 'teams.basic',
    method: 'GET',
    path: '/1/accounts/{account}/basic/teams',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      return ok(
        (ctx.store.ix.teamsByOrg.get(org.id) ?? []).map((t) => ({ id: t.id, name: t.name, color_id: t.colorId })),
      )
    },
  },
  {
    id: 'teams.create',
    method: 'POST',
    path: '/1/accounts/{account}/teams',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const b = ctx.body
      const name = b.str('name', true)
      if (name !== undefined && name.length > 255) b.errors.push(rule.in('name', []))
      const ownedById = b.int('owned_by_id', false)
      if (ownedById !== undefined && !ctx.store.membership(org.id, ownedById)) b.errors.push(rule.exists('owned_by_id'))
      const services = teamServices(b)
      b.done()
      const t: Team = {
        id: ctx.store.allocId('team'),
        accountId: org.id,
        name: name as string,
        description: typeof b.raw.description === 'string' ? b.raw.description : null,
        colorId: typeof b.raw.color_id === 'number' ? b.raw.color_id : 0,
        ownedById: ownedById ?? null,
        createdById: ctx.user.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        userIds: [],
        permissions: serviceIdsToPermissions(services ?? []),
      }
      ctx.store.data.teams.push(t)
      ctx.store.touch()
      return ok(S.team(ctx.store, t, new Set(), (ctx.store.ix.teamsByOrg.get(org.id) ?? []).length - 1), 201)
    },
  },
  {
    id: 'teams.get',
    method: 'GET',
    path: '/1/accounts/{account}/teams/{team}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const expand = parseWith(ctx.query, ['users', 'owned_by', 'created_by', 'permissions', 'products'])
      const { org } = orgParam(ctx)
      const t = teamParam(ctx, org)
      return ok(S.team(ctx.store, t, expand, (ctx.store.ix.teamsByOrg.get(org.id) ?? []).indexOf(t)))
    },
  },
  {
    id: 'teams.update',
    method: 'PATCH',
    path: '/1/accounts/{account}/teams/{team}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const t = teamParam(ctx, org)
      const b = ctx.body
      const name = b.str('name', false)
      const ownedById = b.has('owned_by_id') && b.raw.owned_by_id !== null ? b.int('owned_by_id', false) : undefined
      if (ownedById !== undefined && !ctx.store.membership(org.id, ownedById)) b.errors.push(rule.exists('owned_by_id'))
      const services = teamServices(b)
      b.done()
      if (name !== undefined) t.name = name
      if (b.has('owned_by_id')) t.ownedById = ownedById ?? null
      if (typeof b.raw.description === 'string' || b.raw.description === null) t.description = b.raw.description
      if (typeof b.raw.color_id === 'number') t.colorId = b.raw.color_id
      if (services !== undefined) t.permissions = serviceIdsToPermissions(services)
      t.updatedAt = ctx.now
      ctx.store.touch()
      return ok(S.team(ctx.store, t, new Set(), (ctx.store.ix.teamsByOrg.get(org.id) ?? []).indexOf(t)))
    },
  },
  {
    id: 'teams.delete',
    method: 'DELETE',
    path: '/1/accounts/{account}/teams/{team}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const t = teamParam(ctx, org)
      const data = ctx.store.data
      data.teams.splice(data.teams.indexOf(t), 1)
      for (const i of data.invitations) if (i.teamIds.includes(t.id)) i.teamIds = i.teamIds.filter((x) => x !== t.id)
      ctx.store.touch()
      return ok(true)
    },
  },
  {
    id: 'teams.users.list',
    method: 'GET',
    path: '/1/accounts/{account}/teams/{team}/users',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      const t = teamParam(ctx, org)
      const users = t.userIds.flatMap((id) => {
        const u = ctx.store.ix.users.get(id)
        return u && textMatch(`${u.firstName} ${u.lastName} ${u.email}`, ctx.query.str('search')) ? [u] : []
      })
      const sorted = sortItems(users, ctx.query, {
        fields: { display_name: (u) => S.displayName(u), last_login_at: (u) => u.lastLoginAt },
        id: (u) => u.id,
      })
      return listResponse(sorted, ctx.query, pageOpts(ctx), (u) => S.teamUser(ctx.store, u, org.id))
    },
  },
  {
    id: 'teams.users.add',
    method: 'POST',
    path: '/1/accounts/{account}/teams/{team}/users',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const t = teamParam(ctx, org)
      const ids = ctx.body.intArray('user_ids', true)
      ctx.body.done()
      const list = ids ?? []
      if (list.some((id) => !findMember(ctx, org.id, id)))
        throw new ApiError(422, 'user_not_attached_to_account', 'User not attached to account')
      for (const id of list) if (!t.userIds.includes(id)) t.userIds.push(id)
      t.userIds.sort((a, b) => a - b)
      t.updatedAt = ctx.now
      ctx.store.touch()
      return ok(true)
    },
  },
  {
    id: 'teams.users.remove',
    method: 'DELETE',
    path: '/1/accounts/{account}/teams/{team}/users',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const t = teamParam(ctx, org)
      const ids = ctx.body.intArray('user_ids', true)
      ctx.body.done()
      const remove = new Set(ids ?? [])
      t.userIds = t.userIds.filter((id) => !remove.has(id))
      t.updatedAt = ctx.now
      ctx.store.touch()
      return ok(true)
    },
  },

  // ---------------------------------------------------------------- domains
  {
    id: 'domains.list',
    method: 'GET',
    path: '/2/domains/domains',
    scope: 'domain:read',
    handle: (ctx) => {
      const q = ctx.query
      parseWith(q, ['contacts', 'options', 'status'])
      const accountId = q.int('account_id')
      const after = q.int('expires_after')
      const before = q.int('expires_before')
      const tld = q.str('tld')
      const items = visibleProducts(ctx).filter(
        ({ product: p }) =>
          p.serviceName === 'domain' &&
          (accountId === undefined || p.accountId === accountId) &&
          (after === undefined || (p.expiredAt !== null && p.expiredAt >= after)) &&
          (before === undefined || (p.expiredAt !== null && p.expiredAt <= before)) &&
          (tld === undefined || p.customerName.endsWith(`.${tld.replace(/^\./, '')}`)) &&
          textMatch(p.customerName, q.str('search')),
      )
      const sorted = sortItems(items, q, {
        fields: { expiration: (v) => v.product.expiredAt, name: (v) => v.product.customerName },
        dirParam: 'order_dir',
        id: (v) => v.product.id,
      })
      return listResponse(sorted, q, pageOpts(ctx), (v) => S.domain(ctx.store, v.product))
    },
  },
  {
    id: 'domains.get',
    method: 'GET',
    path: '/2/domains/domains/{domain}',
    scope: 'domain:read',
    handle: (ctx) => {
      const name = (ctx.params.domain ?? '').toLowerCase()
      const p = ctx.store.ix.domains.get(name)
      if (!p) throw E.objectNotFound('Domain')
      const access = ctx.access.get(p.accountId)
      if (!access || !viewerRights(access, p, ctx.store.ix.teamsByOrg.get(p.accountId) ?? []))
        throw unreachable(ctx, 'Domain')
      return ok(S.domain(ctx.store, p))
    },
  },

  // ---------------------------------------------------------------- mail
  {
    id: 'mail.list',
    method: 'GET',
    path: '/1/mail_hostings',
    scope: 'mail',
    handle: (ctx) => {
      const q = ctx.query
      parseWith(q, ['pack', 'diagnostic_dns'])
      const accountId = q.int('account_id')
      const items = visibleProducts(ctx).filter(
        ({ product: p }) =>
          p.serviceName === 'email_hosting' &&
          (accountId === undefined || p.accountId === accountId) &&
          textMatch(p.customerName, q.str('search') ?? q.str('customer_name')),
      )
      const sorted = sortItems(items, q, {
        fields: { customer_name: (v) => v.product.customerName },
        id: (v) => v.product.id,
      })
      return listResponse(sorted, q, pageOpts(ctx, true, true), (v) => S.mailHosting(ctx.store, v.product, v.rights))
    },
  },
  {
    id: 'mail.get',
    method: 'GET',
    path: '/1/mail_hostings/{mail}',
    scope: 'mail',
    handle: (ctx) => {
      const v = visibleProductParam(ctx, 'mail', 'email_hosting', 'Mail hosting')
      return ok(S.mailHosting(ctx.store, v.product, v.rights))
    },
  },
  {
    id: 'mail.mailboxes',
    method: 'GET',
    path: '/1/mail_hostings/{mail}/mailboxes',
    scope: 'mail',
    handle: (ctx) => {
      const v = visibleProductParam(ctx, 'mail', 'email_hosting', 'Mail hosting')
      const q = ctx.query
      const boxes = S.mailboxes(ctx.store, v.product).filter((b) => textMatch(b.mailbox as string, q.str('search')))
      const sorted = sortItems(boxes, q, {
        fields: { mailIDN: (b) => b.mailbox_idn as string, created_at: (b) => b.created_at as number },
        id: (b) => b.mailbox_id as number,
      })
      return listResponse(sorted, q, pageOpts(ctx, true, true), (b) => b)
    },
  },

  // ---------------------------------------------------------------- kDrive
  {
    id: 'drive.list',
    method: 'GET',
    path: '/2/drive',
    scope: 'drive',
    handle: (ctx) => {
      const accountId = requiredAccountId(ctx)
      const { access } = orgFor(ctx, accountId)
      const items = visibleInOrg(ctx, access).filter((v) => v.product.serviceName === 'drive')
      const sorted = sortItems(items, ctx.query, {
        fields: { name: (v) => v.product.customerName, expired_at: (v) => v.product.expiredAt },
        id: (v) => v.product.id,
      })
      return listResponse(sorted, ctx.query, pageOpts(ctx, true, false, 1000), (v) =>
        S.drive(ctx.store, v.product, access),
      )
    },
  },

  // ---------------------------------------------------------------- Swiss Backup
  {
    id: 'swiss_backups.list',
    method: 'GET',
    path: '/1/swiss_backups',
    scope: 'swiss-backup',
    handle: (ctx) => {
      const accountId = requiredAccountId(ctx)
      const { access } = orgFor(ctx, accountId)
      const items = visibleInOrg(ctx, access).filter((v) => v.product.serviceName === 'swiss_backup')
      const sorted = sortItems(items, ctx.query, {
        fields: {
          customer_name: (v) => v.product.customerName,
          internal_name: (v) => v.product.internalName,
          expired_at: (v) => v.product.expiredAt,
        },
        id: (v) => v.product.id,
      })
      return listResponse(sorted, ctx.query, pageOpts(ctx, true, true), (v) =>
        S.swissBackup(ctx.store, v.product, v.rights),
      )
    },
  },
  {
    id: 'swiss_backups.get',
    method: 'GET',
    path: '/1/swiss_backups/{backup}',
    scope: 'swiss-backup',
    handle: (ctx) => {
      const v = visibleProductParam(ctx, 'backup', 'swiss_backup', 'Swiss Backup')
      return ok(S.swissBackup(ctx.store, v.product, v.rights))
    },
  },

  // ---------------------------------------------------------------- invoices (sandbox assumption, off by default)
  {
    id: 'invoices.list',
    method: 'GET',
    path: '/1/accounts/{account}/invoices',
    scope: UNDOCUMENTED,
    optional: 'invoiceRoute',
    handle: (ctx) => {
      const q = ctx.query
      const { org, access } = orgParam(ctx)
      requireBilling(access)
      const status = q.filter('status')
      const STATUSES = ['paid', 'unpaid', 'cancelled']
      if (status.some((s) => !STATUSES.includes(s))) throw E.validation([rule.in('filter.status', STATUSES)])
      const currency = q.filter('currency')
      if (currency.some((c) => c !== 'CHF' && c !== 'EUR'))
        throw E.validation([rule.in('filter.currency', ['CHF', 'EUR'])])
      const from = q.int('filter[issued_after]')
      const to = q.int('filter[issued_before]')
      const items = (ctx.store.ix.invoicesByOrg.get(org.id) ?? []).filter(
        (i) =>
          (status.length === 0 || status.includes(i.status)) &&
          (currency.length === 0 || currency.includes(i.currency)) &&
          (from === undefined || i.issuedAt >= from) &&
          (to === undefined || i.issuedAt <= to),
      )
      const sorted = sortItems(items, q, {
        fields: {
          issued_at: (i) => i.issuedAt,
          due_at: (i) => i.dueAt,
          number: (i) => i.number,
          amount_incl_vat: (i) => i.amountInclVatCents,
        },
        id: (i) => i.id,
      })
      return listResponse(sorted, q, pageOpts(ctx), (i) => S.invoice(i))
    },
  },
  {
    id: 'invoices.get',
    method: 'GET',
    path: '/1/accounts/{account}/invoices/{invoice}',
    scope: UNDOCUMENTED,
    optional: 'invoiceRoute',
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireBilling(access)
      const id = idParam(ctx, 'invoice', 'Invoice')
      const inv = ctx.store.ix.invoices.get(id)
      if (!inv || inv.accountId !== org.id) throw E.objectNotFound('Invoice')
      return ok(S.invoice(inv))
    },
  },
]

function requireBilling(access: Access): void {
  const m = access.membership
  if (m && (m.role === 'owner' || m.role === 'admin' || m.hasBillingAccess)) return
  if (access.partnership?.hasFullAccess) return
  throw E.accessDenied('You do not have access to the billing of this account')
}

function requiredAccountId(ctx: RouteContext): number {
  const raw = ctx.query.str('account_id')
  if (raw === undefined || raw === '')
    throw E.validation([rule.required('account_id')], 'The account id field is required')
  const id = ctx.query.int('account_id') as number
  return id
}

function visibleProductParam(ctx: RouteContext, param: string, service: string, what: string): Visible {
  const id = idParam(ctx, param, what)
  const p = ctx.store.ix.products.get(id)
  if (!p || p.serviceName !== service) throw E.objectNotFound(what)
  const access = ctx.access.get(p.accountId)
  const rights = access ? viewerRights(access, p, ctx.store.ix.teamsByOrg.get(p.accountId) ?? []) : null
  if (!rights) throw unreachable(ctx, what)
  return { product: p, rights }
}

// ------------------------------------------------------------------ matching

interface Compiled {
  route: RouteDef
  regex: RegExp
  names: string[]
}

const compiled: Compiled[] = ROUTES.map((route) => {
  const names: string[] = []
  const pattern = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name)
    return '([^/]+)'
  })
  return { route, regex: new RegExp(`^${pattern}/?$`), names }
})

/** Finds the route for a method and path; null when the path or the verb is unknown. */
export function matchRoute(
  method: string,
  path: string,
  settings: SandboxSettings,
): { route: RouteDef; params: Record<string, string> } | null {
  for (const c of compiled) {
    if (c.route.method !== method) continue
    if (c.route.optional && !settings[c.route.optional]) continue
    const m = c.regex.exec(path)
    if (!m) continue
    const params: Record<string, string> = {}
    c.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '')
    })
    return { route: c.route, params }
  }
  return null
}

/** The scope a route requires under the current settings (null = none). */
export function requiredScope(route: RouteDef, settings: SandboxSettings): string | null {
  if (Object.prototype.hasOwnProperty.call(settings.routeScopes, route.id))
    return settings.routeScopes[route.id] ?? null
  return route.scope === UNDOCUMENTED ? settings.undocumentedScope : route.scope
}

export const ROUTE_IDS: readonly string[] = [...new Set(ROUTES.map((r) => r.id))]
