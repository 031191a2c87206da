/**
 * The Infomaniak API client: typed methods over transport, envelope, limiter, retry and pagination.
 *
 * Every request goes through the token's limiter, is retried per `retry.ts`, and is logged at debug level with
 * method, path (never the query string), status, duration and attempt. Methods return parsed DTOs or throw an
 * {@link ApiError}.
 */
import { z } from 'zod'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import { ApiError, isApiError, type RequestRef } from './errors'
import { parseData, parseEnvelope } from './envelope'
import { endpointOf, type SkippedItem } from './items'
import {
  DEFAULT_MAX_PAGES,
  DEFAULT_PER_PAGE,
  fetchAllPages,
  type FetchedPage,
  type PageItemsInfo,
  type PageProgress,
  type PagedList,
} from './pagination'
import { RateLimiter, type RequestLimiter } from './rate-limiter'
import { withRetry, type RetryOptions } from './retry'
import {
  OrgSchema,
  OrgUserSchema,
  InvitationSchema,
  ProductSchema,
  ProfileSchema,
  TeamSchema,
  TeamUserSchema,
  type ApiOrg,
  type ApiOrgUser,
  type CreateInvitationBody,
  type Invitation,
  type PatchInvitationBody,
  type Product,
  type Profile,
  type Team,
  type TeamBody,
  type TeamUser,
} from './schemas'
import { createTransport, pathParam, type HttpMethod, type Query, type TransportRequest } from './transport'

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  /** `https://api.infomaniak.com` or a sandbox URL. */
  baseUrl: string
  /** Returns the token for each request (from the keychain adapter); never stored by the client. */
  getToken: () => Promise<string>
  fetch: typeof fetch
  clock: Clock
  /** The token's limiter (shared by every client of that token). Default: a new 60/min {@link RateLimiter}. */
  limiter?: RequestLimiter
  logger?: Logger
  /** Per-request timeout on the injected clock. Default 30 000 ms; 0 or `Infinity` disables it. */
  timeoutMs?: number
  retry?: RetryOptions
  /** Random source in [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number
  /** Page size asked for on paginated lists. Default and maximum 500 (reference §5.2; the server may cap it). */
  perPage?: number
  /** What earlier runs learnt about this server (page-size cap, refused `with=` values); updated as it learns. */
  learned?: LearnedLimits
  /** Sees every answer (endpoint template, status, `data`) and every failed status: for the diagnostics report. */
  observer?: ApiObserver
  /** Page guard per listing. Default 1000. */
  maxPages?: number
  userAgent?: string
}

/** What the client learnt from the server's refusals (422), persisted with the account. */
export interface LearnedLimits {
  /** Largest `per_page` the server accepted after refusing a larger one; null when never refused. */
  perPageCap: number | null
  /** `with=` values refused per endpoint template (`GET /2/accounts/{org}/users` → `['teams']`). */
  rejectedWith: Record<string, string[]>
}

/** Receives answers as they arrive (never the token; the data is the parsed `data` member). */
export interface ApiObserver {
  response(endpoint: string, status: number, data: unknown): void
  failure(endpoint: string, status: number | null, kind: string): void
}

/** Largest page ever asked for (reference §5.2: 100–500). */
export const MAX_PER_PAGE = 500

/** Per-call options. */
export interface CallOptions {
  /** Cancels waiting in the limiter, the request, and backoff sleeps. */
  signal?: AbortSignal
}

/** Per-call options of list methods. */
export interface ListOptions extends CallOptions {
  /** Progress after each page (requests made, items collected, pages announced). */
  onPage?: (progress: PageProgress) => void
  /** Overrides the client's page size for this listing (still at most {@link MAX_PER_PAGE}). */
  perPage?: number
  /** Receives the items left out of each page because they did not fit the schema. */
  onSkipped?: (skipped: readonly SkippedItem[]) => void
}

/** Page by page delivery of a listing (see `fetchAllPages`): resume at a page, receive each page's items. */
export interface PagedItems<T> {
  /** First page to ask for (a resumed listing); give `perPage` as the interrupted listing's page size. */
  startPage?: number
  /** Each page's new items, as soon as they are validated (may throw to stop the listing). */
  onItems?: (items: T[], page: PageItemsInfo) => void
  /** false: the returned array stays empty (the caller keeps what `onItems` gave). */
  retainItems?: boolean
}

/** A list filtered by one account (the routes accept it as `account_id`). */
export interface OrgFilter {
  orgId?: number
}

/** Outcome of probing one scope family. */
export interface ScopeProbe {
  /** Scope name as Infomaniak spells it (`user_info`, `accounts`, `domain:read`, `mail`, `drive`, `swiss-backup`). */
  scope: string
  /** true: the probe succeeded; false: 403 `all_scopes`; 'unknown': not probed or another failure. */
  granted: boolean | 'unknown'
  /** What the scope unlocks in Switchboard. */
  unlocks: string
  /** Why `granted` is false or 'unknown' (an error message, or "needs an organisation id"). */
  reason: string | null
}

/** Request description for {@link ApiClient.request}. */
export interface RawRequest<S extends z.ZodType> extends CallOptions {
  method: HttpMethod
  path: string
  query?: Query
  body?: unknown
  methodOverride?: 'DELETE' | 'PUT' | 'PATCH'
  schema: S
}

/** The typed Infomaniak API client for one token. */
export interface ApiClient {
  /** `GET /2/profile?no_avatar_default=1[&with=]`: who owns the token (scope `user_info`). */
  getProfile(options?: CallOptions & { with?: readonly string[] }): Promise<Profile>
  /** `GET /1/accounts?order_by=name[&with=]`: every organisation the token's user reaches. */
  listOrgs(options?: ListOptions & { with?: readonly string[] }): Promise<ApiOrg[]>
  /** `GET /1/accounts/{id}`: one organisation. */
  getOrg(orgId: number, options?: CallOptions & { with?: readonly string[] }): Promise<ApiOrg>
  /** `GET /1/products` (all pages): products of every organisation, or of one with `orgId`. */
  listProducts(
    options?: ListOptions & OrgFilter & { serviceName?: string; with?: readonly string[] } & PagedItems<Product>,
  ): Promise<Product[]>
  /** `GET /2/accounts/{id}/users` (paginated or not): members and pending invitees; `with` e.g. `['security', 'teams']`. */
  listOrgUsers(
    orgId: number,
    options?: ListOptions & { with?: readonly string[]; filter?: Query; search?: string },
  ): Promise<ApiOrgUser[]>
  /** `GET /1/accounts/{id}/teams` (all pages). */
  listTeams(orgId: number, options?: ListOptions & { with?: readonly string[] }): Promise<Team[]>
  /** `GET /1/accounts/{id}/teams/{team}/users` (all pages). */
  listTeamUsers(orgId: number, teamId: number, options?: ListOptions): Promise<TeamUser[]>
  /** `GET /1/accounts/{id}/invitations/{invitation}`. */
  getInvitation(orgId: number, invitationId: number, options?: CallOptions): Promise<Invitation>
  /**
   * An invoice list of one organisation at `route` (a template with `{id}`; default the route seen live,
   * `/2/invoicing/account/{id}/invoices`, infomaniak-api.md §15). No invoice route is documented, so items
   * are answered unvalidated (the caller reads each leniently). Returns null when the route does not exist
   * (404 `method_not_found`), so callers can detect the feature.
   */
  listInvoices(orgId: number, options?: ListOptions & { route?: string }): Promise<unknown[] | null>
  /** `POST /1/accounts/{id}/invitations` → the created invitation (201). Not retried except on 429. */
  createInvitation(orgId: number, body: CreateInvitationBody, options?: CallOptions): Promise<Invitation>
  /** `PATCH /1/accounts/{id}/invitations/{invitation}` → the invitation, or `true` when the server answers only that. */
  patchInvitation(
    orgId: number,
    invitationId: number,
    body: PatchInvitationBody,
    options?: CallOptions,
  ): Promise<Invitation | true>
  /** `DELETE /1/accounts/{id}/invitations/{invitation}` → `true`. */
  deleteInvitation(orgId: number, invitationId: number, options?: CallOptions): Promise<boolean>
  /** `POST /1/accounts/{id}/teams` → the created team (201). Not retried except on 429. */
  createTeam(orgId: number, body: TeamBody, options?: CallOptions): Promise<Team>
  /** `PATCH /1/accounts/{id}/teams/{team}` → the team, or `true`. */
  patchTeam(orgId: number, teamId: number, body: Partial<TeamBody>, options?: CallOptions): Promise<Team | true>
  /** `DELETE /1/accounts/{id}/teams/{team}` → `true`. */
  deleteTeam(orgId: number, teamId: number, options?: CallOptions): Promise<boolean>
  /** `POST /1/accounts/{id}/teams/{team}/users {user_ids}` → `true`. */
  addTeamUsers(orgId: number, teamId: number, userIds: readonly number[], options?: CallOptions): Promise<boolean>
  /** `DELETE /1/accounts/{id}/teams/{team}/users {user_ids}`, sent as POST + `X-HTTP-METHOD-OVERRIDE: DELETE`. */
  removeTeamUsers(orgId: number, teamId: number, userIds: readonly number[], options?: CallOptions): Promise<boolean>
  /**
   * One cheap request per scope family; see {@link SCOPE_PROBES}. `drive` and `swiss-backup` need an organisation id (`orgId`)
   * (they are 'unknown' without one). Throws on 401 (the token itself is rejected) and on cancellation.
   */
  probeScopes(options?: CallOptions & OrgFilter): Promise<ScopeProbe[]>
  /** What the client has learnt so far (a copy). */
  learned(): LearnedLimits
  /** Escape hatch: one request through limiter, retry and envelope checks, `data` validated by `schema`. */
  request<S extends z.ZodType>(request: RawRequest<S>): Promise<z.output<S>>
  /** Escape hatch: a complete listing of `path` (following pages), items validated by `itemSchema`. */
  list<S extends z.ZodType>(
    path: string,
    itemSchema: S,
    options?: ListOptions & {
      query?: Query
      sendPageParams?: boolean
      idOf?: (item: z.output<S>) => string | number | null
    },
  ): Promise<PagedList<z.output<S>>>
}

/** One scope family probe: the request that reveals whether a token holds the scope. */
export interface ScopeProbeSpec {
  scope: string
  unlocks: string
  needsOrg: boolean
  path: string
  query: (orgId: number | undefined) => Query
}

/**
 * The scope probes, one request each (a 403 `all_scopes` means the scope is missing):
 * - `user_info` → `GET /2/profile`: identifies the token owner.
 * - `accounts` → `GET /1/accounts`: organisations (and, presumably, their products, users, teams, invitations).
 * - `domain:read` → `GET /2/domains/domains?per_page=1&page=1`: domains with expiry and contacts.
 * - `mail` → `GET /1/mail_hostings?per_page=1&page=1`: mail services.
 * - `drive` → `GET /2/drive?account_id=&per_page=1&page=1`: kDrives (needs an organisation id).
 * - `swiss-backup` → `GET /1/swiss_backups?account_id=&per_page=1&page=1`: Swiss Backups (needs an organisation id).
 */
export const SCOPE_PROBES: readonly ScopeProbeSpec[] = [
  {
    scope: 'user_info',
    unlocks: 'Identifies who owns the token (profile, name, e-mail).',
    needsOrg: false,
    path: '/2/profile',
    query: () => ({ no_avatar_default: 1 }),
  },
  {
    scope: 'accounts',
    unlocks: 'Organisations and their details; probably also products, users, teams and invitations.',
    needsOrg: false,
    path: '/1/accounts',
    query: () => ({ order_by: 'name' }),
  },
  {
    scope: 'domain:read',
    unlocks: 'Domains with expiry dates, contacts and registry status.',
    needsOrg: false,
    path: '/2/domains/domains',
    query: () => ({ per_page: 1, page: 1 }),
  },
  {
    scope: 'mail',
    unlocks: 'Mail services: quotas, usage and DNS diagnostics.',
    needsOrg: false,
    path: '/1/mail_hostings',
    query: () => ({ per_page: 1, page: 1 }),
  },
  {
    scope: 'drive',
    unlocks: 'kDrives: size, users and maintenance state.',
    needsOrg: true,
    path: '/2/drive',
    query: (orgId) => ({ account_id: orgId, per_page: 1, page: 1 }),
  },
  {
    scope: 'swiss-backup',
    unlocks: 'Swiss Backup products: slots and storage used.',
    needsOrg: true,
    path: '/1/swiss_backups',
    query: (orgId) => ({ account_id: orgId, per_page: 1, page: 1 }),
  },
]

const TrueSchema = z.boolean()
const noopLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => noopLogger,
}

function joinWith(values: readonly string[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(',') : undefined
}

/** Creates an API client for one token. See {@link ApiClient} for the methods. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { clock } = options
  const random = options.random ?? Math.random
  const logger = options.logger ?? noopLogger
  const limiter = options.limiter ?? new RateLimiter({ clock, random })
  const retryOptions = options.retry ?? {}
  const defaultPerPage = Math.min(options.perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE)
  const learned: LearnedLimits = {
    perPageCap: options.learned?.perPageCap ?? null,
    rejectedWith: Object.fromEntries(
      Object.entries(options.learned?.rejectedWith ?? {}).map(([k, v]) => [k, v.slice()]),
    ),
  }
  const observer = options.observer
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES
  const transport = createTransport({
    baseUrl: options.baseUrl,
    getToken: options.getToken,
    fetch: options.fetch,
    clock,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  })

  /** Sends one request through limiter, transport, envelope checks and the retry policy. */
  async function send(request: TransportRequest, idempotent: boolean): Promise<FetchedPage> {
    const ref: RequestRef = { method: request.methodOverride ?? request.method, path: request.path }
    const named = (error: unknown): unknown =>
      error instanceof ApiError && error.path === null ? error.withRequest(ref) : error
    try {
      return await withRetry(
        async (attempt) => {
          await limiter.acquire(request.signal)
          const started = clock.now()
          try {
            const response = await transport(request)
            const envelope = parseEnvelope(response, ref, clock.now())
            observer?.response(endpointOf(ref.method, ref.path), envelope.status, envelope.data)
            logger.debug('api response', {
              method: ref.method,
              path: ref.path,
              status: response.status,
              durationMs: response.durationMs,
              attempt,
            })
            return { envelope, request: ref }
          } catch (error) {
            const fields: Record<string, unknown> = {
              method: ref.method,
              path: ref.path,
              durationMs: clock.now() - started,
              attempt,
            }
            if (isApiError(error)) {
              observer?.failure(
                endpointOf(ref.method, ref.path),
                'status' in error.detail ? error.detail.status : null,
                error.detail.kind,
              )
              fields['kind'] = error.detail.kind
              if ('status' in error.detail) fields['status'] = error.detail.status
              if ('code' in error.detail) fields['code'] = error.detail.code
            }
            logger.debug('api error', fields)
            throw error
          }
        },
        retryOptions,
        {
          clock,
          random,
          signal: request.signal,
          idempotent,
          onRateLimited: (error) => {
            const retryAfterMs = error.detail.kind === 'rate_limited' ? error.detail.retryAfterMs : null
            const until = limiter.onRateLimited(retryAfterMs)
            logger.warn('api rate limited; pausing this token', {
              method: ref.method,
              path: ref.path,
              retryAfterMs,
              pauseMs: until - clock.now(),
            })
          },
          onRetry: ({ attempt, delayMs, error }) =>
            logger.debug('api retry', {
              method: ref.method,
              path: ref.path,
              attempt,
              delayMs,
              kind: error.detail.kind,
            }),
        },
      )
    } catch (error) {
      throw named(error)
    }
  }

  /** `with=` values still worth sending to an endpoint (those it refused are dropped). */
  function allowedWith(endpoint: string, value: unknown): string | undefined {
    if (typeof value !== 'string' || value === '') return undefined
    const refused = learned.rejectedWith[endpoint] ?? []
    const kept = value.split(',').filter((v) => v !== '' && !refused.includes(v))
    return kept.length > 0 ? kept.join(',') : undefined
  }

  /**
   * Learns from a 422: a refused `with=` value (the answer lists the allowed ones, reference §4.6) or a refused
   * `per_page`. True when the request is worth sending again with what was learnt.
   */
  function learnFrom(error: unknown, endpoint: string, sentWith: string | undefined, perPage: number | null): boolean {
    if (!isApiError(error, 'validation') || error.detail.kind !== 'validation') return false
    let changed = false
    for (const issue of error.detail.errors) {
      const attribute = issue.attribute ?? ''
      if (attribute === 'with' || attribute.startsWith('with.')) {
        const sent = (sentWith ?? '').split(',').filter(Boolean)
        const allowed = (issue.values ?? []).filter((v): v is string => typeof v === 'string')
        const refused = issue.values === null ? sent : sent.filter((v) => !allowed.includes(v))
        if (refused.length === 0) continue
        const list = learned.rejectedWith[endpoint] ?? []
        learned.rejectedWith[endpoint] = [...new Set([...list, ...refused])].sort()
        logger.warn('api: with= values refused; retrying without them', { endpoint, refused })
        changed = true
      } else if (attribute === 'per_page' && perPage !== null && perPage > 1) {
        const max = (issue.values ?? []).filter((v): v is number => typeof v === 'number' && v >= 1 && v < perPage)
        const next = max.length > 0 ? Math.max(...max) : Math.max(1, Math.floor(perPage / 2))
        learned.perPageCap = Math.min(learned.perPageCap ?? MAX_PER_PAGE, next)
        logger.warn('api: per_page refused; asking for smaller pages', { endpoint, perPage: learned.perPageCap })
        changed = true
      }
    }
    return changed
  }

  async function request<S extends z.ZodType>(req: RawRequest<S>): Promise<z.output<S>> {
    const idempotent =
      req.method === 'GET' || req.method === 'PUT' || req.method === 'DELETE' || req.methodOverride === 'DELETE'
    return requestWith(req, idempotent)
  }

  async function requestWith<S extends z.ZodType>(req: RawRequest<S>, idempotent: boolean): Promise<z.output<S>> {
    const transportRequest: TransportRequest = { method: req.method, path: req.path }
    if (req.query) transportRequest.query = req.query
    if (req.body !== undefined) transportRequest.body = req.body
    if (req.methodOverride) transportRequest.methodOverride = req.methodOverride
    if (req.signal) transportRequest.signal = req.signal
    const { envelope, request: ref } = await send(transportRequest, idempotent)
    return parseData(req.schema, envelope.data, ref, envelope.status)
  }

  async function list<S extends z.ZodType>(
    path: string,
    itemSchema: S,
    opts: ListOptions &
      PagedItems<z.output<S>> & {
        query?: Query
        sendPageParams?: boolean
        idOf?: (item: z.output<S>) => string | number | null
      } = {},
  ): Promise<PagedList<z.output<S>>> {
    const endpoint = endpointOf('GET', path)
    // A refused `with=` value or page size is learnt and the listing sent again (at most a few times).
    for (let attempt = 0; ; attempt++) {
      const withValue = allowedWith(endpoint, opts.query?.['with'])
      const base: Query = { ...(opts.query ?? {}), with: withValue }
      const perPage = Math.min(opts.perPage ?? defaultPerPage, learned.perPageCap ?? MAX_PER_PAGE, MAX_PER_PAGE)
      try {
        return await fetchAllPages({
          itemSchema,
          perPage,
          maxPages,
          logger,
          ...(opts.sendPageParams !== undefined ? { sendPageParams: opts.sendPageParams } : {}),
          ...(opts.idOf ? { idOf: opts.idOf } : {}),
          ...(opts.onPage ? { onPage: opts.onPage } : {}),
          ...(opts.onSkipped ? { onSkipped: opts.onSkipped } : {}),
          ...(opts.startPage !== undefined ? { startPage: opts.startPage } : {}),
          ...(opts.onItems ? { onItems: opts.onItems } : {}),
          ...(opts.retainItems !== undefined ? { retainItems: opts.retainItems } : {}),
          fetchPage: (params) => {
            const query: Query = params ? { ...base, page: params.page, per_page: params.perPage } : base
            const req: TransportRequest = { method: 'GET', path, query }
            if (opts.signal) req.signal = opts.signal
            return send(req, true)
          },
        })
      } catch (error) {
        if (attempt < 4 && learnFrom(error, endpoint, withValue, opts.sendPageParams === false ? null : perPage))
          continue
        throw error
      }
    }
  }

  const listItems = async <S extends z.ZodType>(
    path: string,
    itemSchema: S,
    opts: ListOptions &
      PagedItems<z.output<S>> & {
        query?: Query
        sendPageParams?: boolean
        idOf?: (item: z.output<S>) => string | number | null
      },
  ): Promise<z.output<S>[]> => (await list(path, itemSchema, opts)).items

  const get = async <S extends z.ZodType>(
    path: string,
    schema: S,
    opts: CallOptions & { query?: Query } = {},
  ): Promise<z.output<S>> => {
    const endpoint = endpointOf('GET', path)
    for (let attempt = 0; ; attempt++) {
      const withValue = allowedWith(endpoint, opts.query?.['with'])
      const query: Query | undefined = opts.query ? { ...opts.query, with: withValue } : undefined
      try {
        return await request({ method: 'GET', path, schema, ...opts, ...(query ? { query } : {}) })
      } catch (error) {
        if (attempt < 2 && withValue !== undefined && learnFrom(error, endpoint, withValue, null)) continue
        throw error
      }
    }
  }

  const listOpts = (
    opts: ListOptions | undefined,
    query: Query,
    extra: { sendPageParams?: boolean } = {},
  ): ListOptions & { query: Query; sendPageParams?: boolean } => ({
    ...(opts?.signal ? { signal: opts.signal } : {}),
    ...(opts?.onPage ? { onPage: opts.onPage } : {}),
    ...(opts?.perPage !== undefined ? { perPage: opts.perPage } : {}),
    ...(opts?.onSkipped ? { onSkipped: opts.onSkipped } : {}),
    ...extra,
    query,
  })
  const callOpts = (opts: CallOptions | undefined): CallOptions => (opts?.signal ? { signal: opts.signal } : {})

  const orgPath = (orgId: number): string => `/1/accounts/${pathParam(orgId)}`

  async function probeScopes(opts: CallOptions & OrgFilter = {}): Promise<ScopeProbe[]> {
    const results: ScopeProbe[] = []
    for (const probe of SCOPE_PROBES) {
      const base = { scope: probe.scope, unlocks: probe.unlocks }
      if (probe.needsOrg && opts.orgId === undefined) {
        results.push({ ...base, granted: 'unknown', reason: 'needs an organisation id to probe' })
        continue
      }
      try {
        await get(probe.path, z.unknown(), { ...callOpts(opts), query: probe.query(opts.orgId) })
        results.push({ ...base, granted: true, reason: null })
      } catch (error) {
        if (isApiError(error, 'token_rejected', 'cancelled', 'token_unavailable')) throw error
        if (isApiError(error, 'missing_scope')) results.push({ ...base, granted: false, reason: error.message })
        else
          results.push({
            ...base,
            granted: 'unknown',
            reason: error instanceof Error ? error.message : 'unknown error',
          })
      }
    }
    return results
  }

  return {
    getProfile: (opts) =>
      get('/2/profile', ProfileSchema, {
        ...callOpts(opts),
        query: { no_avatar_default: 1, with: joinWith(opts?.with) },
      }),
    listOrgs: (opts) =>
      listItems(
        '/1/accounts',
        OrgSchema,
        listOpts(opts, { order_by: 'name', with: joinWith(opts?.with) }, { sendPageParams: false }),
      ),
    getOrg: (orgId, opts) =>
      get(orgPath(orgId), OrgSchema, { ...callOpts(opts), query: { with: joinWith(opts?.with) } }),
    listProducts: (opts) =>
      listItems('/1/products', ProductSchema, {
        ...listOpts(opts, { account_id: opts?.orgId, service_name: opts?.serviceName, with: joinWith(opts?.with) }),
        ...(opts?.startPage !== undefined ? { startPage: opts.startPage } : {}),
        ...(opts?.onItems ? { onItems: opts.onItems } : {}),
        ...(opts?.retainItems !== undefined ? { retainItems: opts.retainItems } : {}),
      }),
    listOrgUsers: (orgId, opts) =>
      listItems(`/2/accounts/${pathParam(orgId)}/users`, OrgUserSchema, {
        ...listOpts(opts, { with: joinWith(opts?.with), search: opts?.search, filter: opts?.filter }),
        // Members are keyed by user id, pending invitees by invitation id.
        idOf: (u) => (u.user_id != null ? `u${u.user_id}` : u.invitation_id != null ? `i${u.invitation_id}` : null),
      }),
    listTeams: (orgId, opts) =>
      listItems(`${orgPath(orgId)}/teams`, TeamSchema, listOpts(opts, { with: joinWith(opts?.with) })),
    listTeamUsers: (orgId, teamId, opts) =>
      listItems(`${orgPath(orgId)}/teams/${pathParam(teamId)}/users`, TeamUserSchema, listOpts(opts, {})),
    getInvitation: (orgId, invitationId, opts) =>
      get(`${orgPath(orgId)}/invitations/${pathParam(invitationId)}`, InvitationSchema, callOpts(opts)),
    listInvoices: async (orgId, opts) => {
      const path = (opts?.route ?? '/2/invoicing/account/{id}/invoices').replace('{id}', pathParam(orgId))
      try {
        return await listItems(path, z.unknown(), {
          ...listOpts(opts, {}, { sendPageParams: false }),
          idOf: (item) => {
            const id: unknown = typeof item === 'object' && item !== null ? Reflect.get(item, 'id') : undefined
            return typeof id === 'number' || typeof id === 'string' ? id : null
          },
        })
      } catch (error) {
        if (isApiError(error, 'not_found') && error.detail.code === 'method_not_found') return null
        throw error
      }
    },
    createInvitation: (orgId, body, opts) =>
      requestWith(
        {
          method: 'POST',
          path: `${orgPath(orgId)}/invitations`,
          body,
          schema: InvitationSchema,
          ...callOpts(opts),
        },
        false,
      ),
    patchInvitation: (orgId, invitationId, body, opts) =>
      requestWith(
        {
          method: 'PATCH',
          path: `${orgPath(orgId)}/invitations/${pathParam(invitationId)}`,
          body,
          schema: z.union([InvitationSchema, z.literal(true)]),
          ...callOpts(opts),
        },
        false,
      ),
    deleteInvitation: (orgId, invitationId, opts) =>
      requestWith(
        {
          method: 'DELETE',
          path: `${orgPath(orgId)}/invitations/${pathParam(invitationId)}`,
          schema: TrueSchema,
          ...callOpts(opts),
        },
        true,
      ),
    createTeam: (orgId, body, opts) =>
      requestWith(
        { method: 'POST', path: `${orgPath(orgId)}/teams`, body, schema: TeamSchema, ...callOpts(opts) },
        false,
      ),
    patchTeam: (orgId, teamId, body, opts) =>
      requestWith(
        {
          method: 'PATCH',
          path: `${orgPath(orgId)}/teams/${pathParam(teamId)}`,
          body,
          schema: z.union([TeamSchema, z.literal(true)]),
          ...callOpts(opts),
        },
        false,
      ),
    deleteTeam: (orgId, teamId, opts) =>
      requestWith(
        {
          method: 'DELETE',
          path: `${orgPath(orgId)}/teams/${pathParam(teamId)}`,
          schema: TrueSchema,
          ...callOpts(opts),
        },
        true,
      ),
    addTeamUsers: (orgId, teamId, userIds, opts) =>
      // Adding members is a set union: repeating it is harmless, so it is retried like a read.
      requestWith(
        {
          method: 'POST',
          path: `${orgPath(orgId)}/teams/${pathParam(teamId)}/users`,
          body: { user_ids: userIds },
          schema: TrueSchema,
          ...callOpts(opts),
        },
        true,
      ),
    removeTeamUsers: (orgId, teamId, userIds, opts) =>
      requestWith(
        {
          method: 'POST',
          methodOverride: 'DELETE',
          path: `${orgPath(orgId)}/teams/${pathParam(teamId)}/users`,
          body: { user_ids: userIds },
          schema: TrueSchema,
          ...callOpts(opts),
        },
        true,
      ),
    probeScopes,
    learned: () => ({
      perPageCap: learned.perPageCap,
      rejectedWith: Object.fromEntries(Object.entries(learned.rejectedWith).map(([k, v]) => [k, v.slice()])),
    }),
    request,
    list,
  }
}
