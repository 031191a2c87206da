/**
 * HTTP transport of the Infomaniak API client.
 *
 * Builds URLs (including deepObject `filter[x]=` and array `filter[x][]=` query parameters), fetches the
 * bearer token per request through an async callback (it is put on the outgoing headers only and never kept
 * on any object), enforces a per-request timeout measured on the injected Clock, honours caller cancellation,
 * and reads the whole body. It returns status, headers and text; envelope parsing lives in `envelope.ts`.
 */
import type { Clock } from '../lib/clock'
import { ApiError } from './errors'

/** A query parameter value: primitives, arrays (sent as `key[]=`) and nested objects (sent as `key[sub]=`). */
export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[]
  | { readonly [key: string]: QueryValue }

/** Query parameters of a request; `undefined` and `null` values are left out. */
export type Query = { readonly [key: string]: QueryValue }

/** HTTP methods the client uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** One request as the transport sends it. */
export interface TransportRequest {
  method: HttpMethod
  /** Path starting with `/`, e.g. `/1/accounts/42/teams`; ids already encoded. */
  path: string
  query?: Query
  /** JSON body (sent for non-GET requests; `{}` when omitted on a non-GET). */
  body?: unknown
  /** Sends the request as POST with `X-HTTP-METHOD-OVERRIDE: <override>` (DELETE with a body). */
  methodOverride?: 'DELETE' | 'PUT' | 'PATCH'
  signal?: AbortSignal
}

/** What came back: status, headers and the complete body text. */
export interface TransportResponse {
  status: number
  headers: Headers
  bodyText: string
  durationMs: number
}

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /** e.g. `https://api.infomaniak.com` or a sandbox URL; a trailing slash is ignored. */
  baseUrl: string
  /** Returns the bearer token for this request (read from the keychain adapter each time). */
  getToken: () => Promise<string>
  fetch: typeof fetch
  clock: Clock
  /**
   * Per-request timeout covering headers and body, measured on the injected clock. Default 30 000 ms; 0 or
   * `Infinity` disables it (e.g. a fake clock driving real network I/O, where jumping the clock would fire it).
   */
  timeoutMs?: number
  /** Optional `User-Agent` value. */
  userAgent?: string
}

/** A function that sends one request. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>

/** Default per-request timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000

function encodeSegment(value: string): string {
  return encodeURIComponent(value)
}

function appendValue(out: string[], key: string, value: QueryValue): void {
  if (value === undefined || value === null) return
  if (Array.isArray(value)) {
    for (const item of value as readonly (string | number | boolean)[])
      out.push(`${key}[]=${encodeURIComponent(String(item))}`)
    return
  }
  if (typeof value === 'object') {
    for (const [sub, v] of Object.entries(value as { readonly [key: string]: QueryValue })) {
      appendValue(out, `${key}[${encodeSegment(sub)}]`, v)
    }
    return
  }
  out.push(`${key}=${encodeURIComponent(String(value))}`)
}

/**
 * Serializes query parameters: `{a: 1, filter: {role_type: 'admin', team_ids: [1, 2]}}` becomes
 * `a=1&filter[role_type]=admin&filter[team_ids][]=1&filter[team_ids][]=2`. Brackets stay literal, names and
 * values are percent-encoded, booleans are `true`/`false`, and null/undefined values are skipped.
 */
export function buildQueryString(query: Query | undefined): string {
  if (!query) return ''
  const out: string[] = []
  for (const [key, value] of Object.entries(query)) appendValue(out, encodeSegment(key), value)
  return out.join('&')
}

/** Joins base URL, path and query. */
export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const base = baseUrl.replace(/\/+$/, '')
  const qs = buildQueryString(query)
  return `${base}${path.startsWith('/') ? path : `/${path}`}${qs ? `?${qs}` : ''}`
}

/** Encodes one path parameter (an id or a domain name). */
export function pathParam(value: string | number): string {
  return encodeURIComponent(String(value))
}

/** A visible-ASCII token is the only kind a header can carry; anything else would leak into fetch errors. */
const HEADER_SAFE = /^[\x21-\x7e]+$/

function systemCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code
    const errors = (e as { errors?: unknown }).errors // AggregateError of happy-eyeballs connects
    e = (e as { cause?: unknown }).cause ?? (Array.isArray(errors) ? (errors[0] as unknown) : undefined)
  }
  return null
}

/**
 * Creates the transport. The token is requested from `getToken()` for every request, placed on a headers
 * object handed straight to `fetch`, and dropped; it is never stored on the transport, a request or an error.
 */
export function createTransport(options: TransportOptions): Transport {
  const { baseUrl, getToken, fetch: fetchImpl, clock } = options
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  // 0 or Infinity disables the timer (useful with a fake clock driving real network I/O).
  const timeoutEnabled = Number.isFinite(timeoutMs) && timeoutMs > 0
  const userAgent = options.userAgent

  return async function send(request: TransportRequest): Promise<TransportResponse> {
    const ref = { method: request.methodOverride ?? request.method, path: request.path }
    const caller = request.signal
    if (caller?.aborted) throw new ApiError({ kind: 'cancelled' }, ref)

    let token: string
    try {
      token = await getToken()
    } catch {
      throw new ApiError({ kind: 'token_unavailable' }, ref)
    }
    if (typeof token !== 'string' || !HEADER_SAFE.test(token)) throw new ApiError({ kind: 'token_unavailable' }, ref)
    if (caller?.aborted) throw new ApiError({ kind: 'cancelled' }, ref)

    // Compose caller cancellation and the clock-driven timeout into one signal for fetch and body reading.
    const controller = new AbortController()
    const timer = new AbortController()
    let timedOut = false
    const onCallerAbort = (): void => controller.abort(caller?.reason)
    caller?.addEventListener('abort', onCallerAbort, { once: true })
    if (timeoutEnabled) {
      clock.sleep(timeoutMs, timer.signal).then(
        () => {
          timedOut = true
          controller.abort()
        },
        () => undefined,
      )
    }
    const cleanup = (): void => {
      caller?.removeEventListener('abort', onCallerAbort)
      timer.abort()
    }
    const abortedError = (): ApiError =>
      caller?.aborted ? new ApiError({ kind: 'cancelled' }, ref) : new ApiError({ kind: 'timeout', timeoutMs }, ref)

    const method = request.methodOverride ? 'POST' : request.method
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` }
    if (userAgent) headers['User-Agent'] = userAgent
    if (request.methodOverride) headers['X-HTTP-METHOD-OVERRIDE'] = request.methodOverride
    const init: RequestInit = { method, headers, signal: controller.signal }
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json'
      init.body = JSON.stringify(request.body ?? {})
    }

    const started = clock.now()
    try {
      let response: Response
      try {
        response = await fetchImpl(buildUrl(baseUrl, request.path, request.query), init)
      } catch (error) {
        if (controller.signal.aborted) throw abortedError()
        throw new ApiError({ kind: 'network', causeCode: systemCode(error) }, ref)
      }
      let bodyText: string
      try {
        bodyText = await response.text()
      } catch (error) {
        if (controller.signal.aborted) throw abortedError()
        // The connection dropped while the body was streaming.
        throw new ApiError({ kind: 'network', causeCode: systemCode(error) ?? 'BODY_INTERRUPTED' }, ref)
      }
      if (timedOut || caller?.aborted) throw abortedError()
      return { status: response.status, headers: response.headers, bodyText, durationMs: clock.now() - started }
    } finally {
      cleanup()
    }
  }
}
