/**
 * Wire-shape variants (reference §15) applied on top of the faithful answers, route by route.
 *
 * The faithful serializers stay the single source of the data; a variant only reshapes what they produce
 * (`type` values, `status` objects, `users[]` on request, team rights as strings, an unknown service name) or
 * refuses a request the way the real server does (422 for a `with=` value it does not know, or a `per_page`
 * above its cap). With every setting at its default (the `faithful` profile) nothing changes.
 */
import { E, rule, type ApiResponse } from '../http'
import type { RouteContext } from '../routes/context'
import type { ShapeSettings } from '../settings'
import type { Access } from '../truth'

/** `with=` values `/2/accounts/{account}/users` accepts (the faithful list). */
export const USER_WITH = [
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
] as const

/** A service name no client knows (seen live: `hosting_3` is one the app did not know at first). */
export const UNKNOWN_SERVICE_NAME = 'quantum_vault'

type Wire = Record<string, unknown>

function isWire(v: unknown): v is Wire {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/** Checks done before a route runs: refusals the real server makes. */
export function beforeRoute(routeId: string, ctx: RouteContext): void {
  const s = ctx.settings.shapes
  const perPage = ctx.query.int('per_page', 1)
  if (s.perPageRefuseAbove !== null && perPage !== undefined && perPage > s.perPageRefuseAbove)
    throw E.validation([{ ...rule.in('per_page', [s.perPageRefuseAbove]), code: 'validation_rule_max' }])
  if (routeId === 'users.list' && !s.userTeamsExpansion) {
    const allowed = USER_WITH.filter((w) => w !== 'teams')
    if (ctx.query.list('with').some((w) => !(allowed as readonly string[]).includes(w)))
      throw E.validation([rule.in('with', allowed)])
  }
}

/** Reshapes a faithful answer per the shape settings. */
export function afterRoute(routeId: string, ctx: RouteContext, response: ApiResponse): ApiResponse {
  const s = ctx.settings.shapes
  const data = response.body['data']
  const each = (fn: (item: Wire) => void): void => {
    if (Array.isArray(data)) {
      for (const item of data) if (isWire(item)) fn(item)
    } else if (isWire(data)) fn(data)
  }
  switch (routeId) {
    case 'accounts.list':
    case 'accounts.get':
      if (s.orgTypes === 'partner') each((o) => partnerType(o, ctx))
      break
    case 'products.list':
    case 'accounts.products': {
      const asked = new Set(ctx.query.list('with'))
      each((p) => reshapeProduct(p, s, asked))
      break
    }
    case 'teams.list':
    case 'teams.get':
    case 'teams.create':
    case 'teams.update':
      if (s.teamRights === 'service_strings') each(reshapeTeamRights)
      break
  }
  return response
}

/**
 * `type` as seen on a live partner account: a client reached through a full-access partnership is
 * `partner_admin`, a limited one `partner_limited`; a collaborator without Manager
 * access (and, to show the value in every data set, every other collaborator) is `external`.
 */
function partnerType(o: Wire, ctx: RouteContext): void {
  const id = typeof o['id'] === 'number' ? o['id'] : null
  const access = id === null ? undefined : ctx.access.get(id)
  if (access) o['type'] = liveOrgType(access)
}

/** The `type` the live-shapes profile gives an organisation reached through `access`. */
export function liveOrgType(access: Access): string {
  if (access.membership === null && access.partnership)
    return access.partnership.hasFullAccess ? 'partner_admin' : 'partner_limited'
  if (access.membership?.role === 'normal' && (access.membership.hasNoManagerAccess || access.orgId % 2 === 0))
    return 'external'
  return access.type
}

function flagObject(v: unknown): Wire {
  const on = v === true
  return { technical: on, superuser: false, infomaniak: false }
}

function reshapeProduct(p: Wire, s: ShapeSettings, asked: ReadonlySet<string>): void {
  if (s.productStatus === 'objects' && isWire(p['status'])) {
    const st = p['status']
    st['maintenance'] = flagObject(st['maintenance'])
    st['locked'] = flagObject(st['locked'])
  }
  if (s.productUsers === 'never' || (s.productUsers === 'on_request' && !asked.has('users'))) {
    delete p['users']
    delete p['admin']
  }
  if (s.unknownService && typeof p['id'] === 'number' && p['id'] % 13 === 0) p['service_name'] = UNKNOWN_SERVICE_NAME
}

/** Service-level rights as one string per entry (the spec's shape), instead of a list. */
function reshapeTeamRights(t: Wire): void {
  const perms = t['permissions']
  if (!Array.isArray(perms)) return
  const out: Wire[] = []
  for (const e of perms) {
    if (!isWire(e)) continue
    const rights = Array.isArray(e['rights']) ? (e['rights'] as unknown[]) : [e['rights']]
    for (const r of rights) if (typeof r === 'string') out.push({ ...e, rights: r })
  }
  t['permissions'] = out
}
