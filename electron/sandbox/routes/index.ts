/**
 * The API routes of infomaniak-api.md §14 that Switchboard uses, one module per resource. Each route names the
 * scope it requires (`undocumented` = the `undocumentedScope` setting) and answers through `ApiResponse` or throws
 * an `ApiError`.
 */
import type { SandboxSettings } from '../settings'
import { UNDOCUMENTED, type RouteDef } from './context'
import { profileOrgsRoutes } from './profile-orgs'
import { productsRoutes } from './products'
import { usersRoutes } from './users'
import { invitationsRoutes } from './invitations'
import { teamsRoutes } from './teams'
import { servicesRoutes } from './services'
import { invoicesRoutes } from './invoices'

export type { Method, RouteContext, RouteDef } from './context'

export const ROUTES: RouteDef[] = [
  ...profileOrgsRoutes,
  ...productsRoutes,
  ...usersRoutes,
  ...invitationsRoutes,
  ...teamsRoutes,
  ...servicesRoutes,
  ...invoicesRoutes,
]

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
