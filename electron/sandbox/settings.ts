/**
 * Every CHOICE of infomaniak-api.md §12.6 as a setting, plus fault injection. Defaults are
 * documented in README.md; both can be changed at start and at run time (control API).
 */
import { z } from 'zod'

export interface RateLimitSettings {
  /** Requests allowed per window. */
  limit: number
  windowMs: number
  /** What the quota is counted on. */
  key: 'token' | 'user' | 'off'
  /** sliding: at most `limit` in ANY window of `windowMs`; fixed: windows aligned on multiples of `windowMs`. */
  mode: 'sliding' | 'fixed'
}

/**
 * Wire-shape variants of reference §15 (see `shapes/index.ts`). The defaults are the faithful shapes; the
 * `live-shapes` profile turns every variant on.
 */
export interface ShapeSettings {
  /** `mobile`: `type` is owner|admin|normal|client; `partner`: partner clients are `partner_admin`/`partner_limited`, members without Manager access `external`. */
  orgTypes: 'mobile' | 'partner'
  /** `objects`: `status.maintenance` / `status.locked` are `{technical, superuser, infomaniak}` objects. */
  productStatus: 'booleans' | 'objects'
  /** Product `users[]` and `admin`: always, only with `with=users`, or never. */
  productUsers: 'inline' | 'on_request' | 'never'
  /** off: `with=teams` on the users list answers 422 listing the allowed values. */
  userTeamsExpansion: boolean
  /** `service_strings`: one permission entry per right, `rights` a single string. */
  teamRights: 'lists' | 'service_strings'
  /** Some products carry a service name no client knows. */
  unknownService: boolean
  /** A `per_page` above this answers 422 (`validation_rule_max`); null: only the silent `maxPerPage` cap. */
  perPageRefuseAbove: number | null
}

export const FAITHFUL_SHAPES: ShapeSettings = {
  orgTypes: 'mobile',
  productStatus: 'booleans',
  productUsers: 'inline',
  userTeamsExpansion: true,
  teamRights: 'lists',
  unknownService: false,
  perPageRefuseAbove: null,
}

export const SANDBOX_PROFILES = ['faithful', 'live-shapes'] as const
export type SandboxProfile = (typeof SANDBOX_PROFILES)[number]

/** Settings each profile changes from the defaults (applied before the caller's own settings). */
export const PROFILE_SETTINGS: Record<SandboxProfile, SettingsPatch> = {
  faithful: {},
  'live-shapes': {
    maxPerPage: 100,
    shapes: {
      orgTypes: 'partner',
      productStatus: 'objects',
      productUsers: 'on_request',
      userTeamsExpansion: false,
      teamRights: 'service_strings',
      unknownService: true,
      perPageRefuseAbove: 500,
    },
  },
}

export interface SandboxSettings {
  /** Wire-shape variants (reference §15). */
  shapes: ShapeSettings
  /** Largest page the server returns; larger `per_page` / `limit` are silently reduced. */
  maxPerPage: number
  /** Page size when `page` is sent without `per_page`. */
  defaultPerPage: number
  /** off: `/2/accounts/{id}/users` ignores `page` and never sends page fields (observed live). */
  usersPaginated: boolean
  /** off: every token may call every route (the Dec-2024 behaviour). */
  scopeEnforcement: boolean
  /** Scope required by routes whose scope is undocumented (products, users, teams, invitations, invoices); null = none. */
  undocumentedScope: string | null
  /** Per-route override, keyed by route id (see README); null = no scope. */
  routeScopes: Record<string, string | null>
  rateLimit: RateLimitSettings
  retryAfterHeader: boolean
  resetHeader: boolean
  /** `error.code` of the 429 body (invented: `too_many_requests`). */
  rateLimitCode: string
  /** Send `X-RateLimit-Limit` / `X-RateLimit-Remaining` on every response. */
  rateLimitHeaders: boolean
  /** Answer for an object that exists in an account the token cannot reach. */
  unreachableObject: 'object_not_found' | 'access_denied'
  /**
   * Serve the invoice routes: `GET /2/invoicing/account/{id}/invoices` (the shape seen live) and the
   * older, invented `GET /1/accounts/{id}/invoices` (with lines and VAT).
   */
  invoiceRoute: boolean
  /** Reject tokens whose `expiresAt` has passed. */
  tokenExpiry: boolean
}

export const DEFAULT_SETTINGS: SandboxSettings = {
  shapes: FAITHFUL_SHAPES,
  maxPerPage: 200,
  defaultPerPage: 15,
  usersPaginated: true,
  scopeEnforcement: true,
  undocumentedScope: 'accounts',
  routeScopes: {},
  rateLimit: { limit: 60, windowMs: 60_000, key: 'token', mode: 'sliding' },
  retryAfterHeader: true,
  resetHeader: true,
  rateLimitCode: 'too_many_requests',
  rateLimitHeaders: false,
  unreachableObject: 'object_not_found',
  invoiceRoute: false,
  tokenExpiry: true,
}

export const FAULT_KINDS = [
  'error500',
  'error503',
  'rate_limit',
  'malformed_json',
  'truncated',
  'drop',
  'slow',
] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

export interface FaultSettings {
  /** Added to every API response (ms), plus a uniform 0..jitterMs. */
  latencyMs: number
  jitterMs: number
  /** Probability of a 5xx answer (500 with a cannot_*_object code, or 503). */
  errorRate: number
  errorStatus: 500 | 503 | 'mixed'
  /** The next N API requests answer 429 (decremented per request). */
  rateLimitStorm: number
  /** Probability of a 200 whose body is not valid JSON. */
  malformedJsonRate: number
  /** Probability of a body cut in the middle (connection closed before Content-Length bytes). */
  truncatedBodyRate: number
  /** Probability of destroying the socket without any response. */
  dropConnectionRate: number
  /** Probability of a very slow response (held for slowMs). */
  slowRate: number
  slowMs: number
  /** One fault per upcoming request, in order, before the random ones. */
  queue: FaultKind[]
}

export const DEFAULT_FAULTS: FaultSettings = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  errorStatus: 'mixed',
  rateLimitStorm: 0,
  malformedJsonRate: 0,
  truncatedBodyRate: 0,
  dropConnectionRate: 0,
  slowRate: 0,
  slowMs: 30_000,
  queue: [],
}

const rate = z.number().min(0).max(1)
const nonNeg = z.number().int().min(0)

export const rateLimitPatchSchema = z
  .object({
    limit: z.number().int().min(1),
    windowMs: z.number().int().min(1),
    key: z.enum(['token', 'user', 'off']),
    mode: z.enum(['sliding', 'fixed']),
  })
  .partial()
  .strict()

export const shapesPatchSchema = z
  .object({
    orgTypes: z.enum(['mobile', 'partner']),
    productStatus: z.enum(['booleans', 'objects']),
    productUsers: z.enum(['inline', 'on_request', 'never']),
    userTeamsExpansion: z.boolean(),
    teamRights: z.enum(['lists', 'service_strings']),
    unknownService: z.boolean(),
    perPageRefuseAbove: z.number().int().min(1).nullable(),
  })
  .partial()
  .strict()

export const settingsPatchSchema = z
  .object({
    shapes: shapesPatchSchema,
    maxPerPage: z.number().int().min(1),
    defaultPerPage: z.number().int().min(1),
    usersPaginated: z.boolean(),
    scopeEnforcement: z.boolean(),
    undocumentedScope: z.string().nullable(),
    routeScopes: z.record(z.string(), z.string().nullable()),
    rateLimit: rateLimitPatchSchema,
    retryAfterHeader: z.boolean(),
    resetHeader: z.boolean(),
    rateLimitCode: z.string().min(1),
    rateLimitHeaders: z.boolean(),
    unreachableObject: z.enum(['object_not_found', 'access_denied']),
    invoiceRoute: z.boolean(),
    tokenExpiry: z.boolean(),
  })
  .partial()
  .strict()

export const faultsPatchSchema = z
  .object({
    latencyMs: nonNeg,
    jitterMs: nonNeg,
    errorRate: rate,
    errorStatus: z.union([z.literal(500), z.literal(503), z.literal('mixed')]),
    rateLimitStorm: nonNeg,
    malformedJsonRate: rate,
    truncatedBodyRate: rate,
    dropConnectionRate: rate,
    slowRate: rate,
    slowMs: nonNeg,
    queue: z.array(z.enum(FAULT_KINDS)),
  })
  .partial()
  .strict()

export type SettingsPatch = z.input<typeof settingsPatchSchema>
export type FaultsPatch = z.input<typeof faultsPatchSchema>

/** Returns a new settings object with `patch` applied (validated). */
export function applySettings(base: SandboxSettings, patch: unknown): SandboxSettings {
  const p = settingsPatchSchema.parse(patch ?? {})
  const out: SandboxSettings = {
    ...base,
    shapes: { ...base.shapes },
    rateLimit: { ...base.rateLimit },
    routeScopes: { ...base.routeScopes },
  }
  if (p.shapes) {
    for (const [k, v] of Object.entries(p.shapes)) if (v !== undefined) Object.assign(out.shapes, { [k]: v })
  }
  if (p.maxPerPage !== undefined) out.maxPerPage = p.maxPerPage
  if (p.defaultPerPage !== undefined) out.defaultPerPage = p.defaultPerPage
  if (p.usersPaginated !== undefined) out.usersPaginated = p.usersPaginated
  if (p.scopeEnforcement !== undefined) out.scopeEnforcement = p.scopeEnforcement
  if (p.undocumentedScope !== undefined) out.undocumentedScope = p.undocumentedScope
  if (p.routeScopes !== undefined) out.routeScopes = { ...out.routeScopes, ...p.routeScopes }
  if (p.rateLimit) {
    const r = p.rateLimit
    if (r.limit !== undefined) out.rateLimit.limit = r.limit
    if (r.windowMs !== undefined) out.rateLimit.windowMs = r.windowMs
    if (r.key !== undefined) out.rateLimit.key = r.key
    if (r.mode !== undefined) out.rateLimit.mode = r.mode
  }
  if (p.retryAfterHeader !== undefined) out.retryAfterHeader = p.retryAfterHeader
  if (p.resetHeader !== undefined) out.resetHeader = p.resetHeader
  if (p.rateLimitCode !== undefined) out.rateLimitCode = p.rateLimitCode
  if (p.rateLimitHeaders !== undefined) out.rateLimitHeaders = p.rateLimitHeaders
  if (p.unreachableObject !== undefined) out.unreachableObject = p.unreachableObject
  if (p.invoiceRoute !== undefined) out.invoiceRoute = p.invoiceRoute
  if (p.tokenExpiry !== undefined) out.tokenExpiry = p.tokenExpiry
  return out
}

/** Returns a new fault configuration with `patch` applied (validated). */
export function applyFaults(base: FaultSettings, patch: unknown): FaultSettings {
  const p = faultsPatchSchema.parse(patch ?? {})
  const out: FaultSettings = { ...base, queue: base.queue.slice() }
  if (p.latencyMs !== undefined) out.latencyMs = p.latencyMs
  if (p.jitterMs !== undefined) out.jitterMs = p.jitterMs
  if (p.errorRate !== undefined) out.errorRate = p.errorRate
  if (p.errorStatus !== undefined) out.errorStatus = p.errorStatus
  if (p.rateLimitStorm !== undefined) out.rateLimitStorm = p.rateLimitStorm
  if (p.malformedJsonRate !== undefined) out.malformedJsonRate = p.malformedJsonRate
  if (p.truncatedBodyRate !== undefined) out.truncatedBodyRate = p.truncatedBodyRate
  if (p.dropConnectionRate !== undefined) out.dropConnectionRate = p.dropConnectionRate
  if (p.slowRate !== undefined) out.slowRate = p.slowRate
  if (p.slowMs !== undefined) out.slowMs = p.slowMs
  if (p.queue !== undefined) out.queue = p.queue.slice()
  return out
}
