/**
 * The HTTP pipeline: control routes, fault injection, auth, rate limit, route match, scope check,
 * handler, response corruption. Plain `node:http`, bound by `index.ts` to 127.0.0.1.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { ZodError } from 'zod'
import { ApiError, Body, E, Query, type ApiResponse } from './http'
import { matchRoute, requiredScope, type RouteContext } from './routes'
import { afterRoute, beforeRoute } from './shapes'
import type { Runtime } from './runtime'
import type { RequestLogEntry } from './requests'
import { CONTROL_METHODS, ControlError, type SandboxControl } from './control'
import type { TokenDef } from './model'

const MAX_BODY = 1024 * 1024
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{60,100}$/

interface Outgoing {
  status: number
  body: Record<string, unknown>
  headers: Record<string, string>
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new ApiError(413, 'payload_too_large', 'Payload too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function parseBody(text: string, contentType: string | undefined): Record<string, unknown> {
  if (text.trim() === '') return {}
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of new URLSearchParams(text)) {
      if (k.endsWith('[]')) {
        const key = k.slice(0, -2)
        const prev = out[key]
        out[key] = Array.isArray(prev) ? [...(prev as unknown[]), v] : [v]
      } else out[k] = v
    }
    return out
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw E.badRequest('bad_request', 'The request body is not valid JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw E.badRequest('bad_request', 'The request body must be a JSON object')
  return parsed as Record<string, unknown>
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization
  if (!h) return null
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h)
  return m ? (m[1] ?? null) : null
}

export class SandboxServer {
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  constructor(
    private readonly rt: Runtime,
    private readonly control: SandboxControl,
    private readonly controlSecret: string,
  ) {}

  /** Cancels pending delayed responses (used by stop()). */
  shutdown(): void {
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve()
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t)
        resolve()
      }, ms)
      this.timers.add(t)
    })
  }

  handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.dispatch(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(E.badRequest('internal_server_error', 'Internal server error').body()))
      } else res.destroy()
    })
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/__control' || url.pathname.startsWith('/__control/')) {
      await this.handleControl(req, res, url)
      return
    }
    const rt = this.rt
    const at = rt.clock.now()
    let text = ''
    let bodyError: ApiError | null = null
    try {
      text = await readBody(req)
    } catch (e) {
      bodyError = e instanceof ApiError ? e : E.badRequest('bad_request', 'Unreadable body')
    }
    let method = (req.method ?? 'GET').toUpperCase()
    const override = req.headers['x-http-method-override']
    const overrideValue = Array.isArray(override) ? override[0] : override
    let raw: Record<string, unknown> = {}
    if (!bodyError) {
      try {
        raw = parseBody(text, req.headers['content-type'])
      } catch (e) {
        bodyError = e instanceof ApiError ? e : E.badRequest('bad_request', 'Invalid body')
      }
    }
    if (
      method === 'POST' &&
      (overrideValue?.toUpperCase() === 'DELETE' ||
        url.searchParams.get('_method')?.toUpperCase() === 'DELETE' ||
        (typeof raw._method === 'string' && raw._method.toUpperCase() === 'DELETE'))
    ) {
      method = 'DELETE'
    }
    const tokenValue = bearer(req)
    const tokenDef = tokenValue ? rt.store.ix.tokensByValue.get(tokenValue) : undefined
    const entry: RequestLogEntry = {
      at,
      method,
      path: `${url.pathname}${url.search}`,
      tokenName: tokenDef ? tokenDef.name : null,
      status: 0,
    }
    const decision = rt.faults.decide()
    if (decision.kind) entry.fault = decision.kind

    if (decision.pre === 'drop') {
      rt.requests.add(entry)
      req.socket.destroy()
      return
    }

    let out: Outgoing
    if (decision.pre === 'rate_limit') {
      const reset = rt.clock.now() + 1000
      out = this.tooMany(1000, reset, rt.settings.rateLimit.limit)
    } else if (decision.pre === 'error500' || decision.pre === 'error503') {
      const code =
        decision.pre === 'error503'
          ? url.pathname.startsWith('/2/drive')
            ? 'drive_is_in_maintenance_error'
            : 'service_unavailable'
          : method === 'POST'
            ? 'cannot_create_object'
            : method === 'PATCH' || method === 'PUT'
              ? 'cannot_update_object'
              : method === 'DELETE'
                ? 'cannot_delete_object'
                : 'internal_server_error'
      const status = decision.pre === 'error503' ? 503 : 500
      out = {
        status,
        body: new ApiError(
          status,
          code,
          status === 503 ? 'Service temporarily unavailable' : 'An unexpected error occurred',
        ).body(),
        headers: {},
      }
    } else {
      out = this.process(method, url, raw, bodyError, tokenValue, tokenDef)
    }

    await this.sleep(decision.delayMs)
    if (this.closed) {
      req.socket.destroy()
      return
    }
    entry.status = out.status
    rt.requests.add(entry)
    const json = JSON.stringify(out.body)
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...out.headers }
    if (decision.post === 'malformed_json') {
      const broken = `${json.slice(0, Math.max(1, Math.floor(json.length / 2)))}<!-- upstream error -->`
      res.writeHead(out.status, { ...headers, 'content-length': String(Buffer.byteLength(broken)) })
      res.end(broken)
      return
    }
    const buf = Buffer.from(json, 'utf8')
    if (decision.post === 'truncated') {
      res.writeHead(out.status, { ...headers, 'content-length': String(buf.length) })
      res.write(buf.subarray(0, Math.max(1, Math.floor(buf.length / 2))), () => res.destroy())
      return
    }
    res.writeHead(out.status, { ...headers, 'content-length': String(buf.length) })
    res.end(buf)
  }

  private tooMany(retryAfterMs: number, resetAtMs: number, limit: number): Outgoing {
    const s = this.rt.settings
    const headers: Record<string, string> = {}
    if (s.retryAfterHeader) headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)))
    if (s.resetHeader) headers['x-ratelimit-reset'] = String(Math.ceil(resetAtMs / 1000))
    if (s.rateLimitHeaders) {
      headers['x-ratelimit-limit'] = String(limit)
      headers['x-ratelimit-remaining'] = '0'
    }
    return {
      status: 429,
      body: new ApiError(
        429,
        s.rateLimitCode,
        `Too many requests: at most ${limit} requests per ${Math.round(s.rateLimit.windowMs / 1000)} seconds`,
      ).body(),
      headers,
    }
  }

  private process(
    method: string,
    url: URL,
    raw: Record<string, unknown>,
    bodyError: ApiError | null,
    tokenValue: string | null,
    tokenDef: TokenDef | undefined,
  ): Outgoing {
    const rt = this.rt
    const s = rt.settings
    const headers: Record<string, string> = {}
    try {
      // 1. authentication
      const now = rt.clock.now()
      if (!tokenValue || !TOKEN_FORMAT.test(tokenValue) || !tokenDef || tokenDef.revoked) throw E.notAuthorized()
      if (s.tokenExpiry && tokenDef.expiresAt !== null && tokenDef.expiresAt * 1000 <= now) throw E.notAuthorized()
      const user = rt.store.ix.users.get(tokenDef.userId)
      if (!user) throw E.notAuthorized()
      // 2. rate limit
      if (s.rateLimit.key !== 'off') {
        const key = s.rateLimit.key === 'user' ? `user:${user.id}` : `token:${tokenDef.token}`
        const d = rt.limiter.check(key, now, s.rateLimit)
        if (!d.allowed) return this.tooMany(d.retryAfterMs, d.resetAtMs, d.limit)
        if (s.rateLimitHeaders) {
          headers['x-ratelimit-limit'] = String(d.limit)
          headers['x-ratelimit-remaining'] = String(d.remaining)
        }
      }
      // 3. route
      const match = matchRoute(method, url.pathname, s)
      if (!match) throw E.methodNotFound()
      // 4. scope
      const scope = requiredScope(match.route, s)
      if (s.scopeEnforcement && scope !== null && !tokenDef.scopes.includes(scope)) throw E.allScopes(scope)
      if (bodyError) throw bodyError
      const ctx: RouteContext = {
        store: rt.store,
        settings: s,
        params: match.params,
        query: new Query(url.searchParams),
        body: new Body(raw),
        token: tokenDef,
        user,
        access: rt.store.access(user.id),
        now: Math.floor(now / 1000),
      }
      beforeRoute(match.route.id, ctx)
      const r: ApiResponse = afterRoute(match.route.id, ctx, match.route.handle(ctx))
      return { status: r.status, body: r.body, headers }
    } catch (e) {
      if (e instanceof ApiError) return { status: e.status, body: e.body(), headers }
      const err = new ApiError(500, 'internal_server_error', e instanceof Error ? e.message : 'Internal server error')
      return { status: 500, body: err.body(), headers }
    }
  }

  private async handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const send = (status: number, body: unknown): void => {
      const json = JSON.stringify(body)
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(json)),
      })
      res.end(json)
    }
    const fail = (status: number, code: string, description: string, errors: unknown[] = []): void =>
      send(status, { result: 'error', error: { code, description, errors } })
    const given = req.headers['x-sandbox-control']
    const value = Array.isArray(given) ? given[0] : given
    const a = Buffer.from(value ?? '', 'utf8')
    const b = Buffer.from(this.controlSecret, 'utf8')
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      req.resume()
      fail(403, 'access_denied', 'Missing or wrong X-Sandbox-Control secret')
      return
    }
    let raw: Record<string, unknown>
    try {
      raw = parseBody(await readBody(req), req.headers['content-type'])
    } catch (e) {
      fail(400, 'bad_request', e instanceof Error ? e.message : 'Invalid body')
      return
    }
    const name = url.pathname.slice('/__control/'.length)
    const method = (req.method ?? 'GET').toUpperCase()
    try {
      if (method === 'GET' && (name === 'state' || name === 'getState')) {
        send(200, { result: 'success', data: this.control.getState({ hash: url.searchParams.get('hash') === '1' }) })
        return
      }
      if (method === 'GET' && name === 'requests') {
        send(200, { result: 'success', data: this.rt.requests.list() })
        return
      }
      if (method !== 'POST' || !(CONTROL_METHODS as readonly string[]).includes(name)) {
        fail(404, 'method_not_found', `Unknown control method ${method} ${name}`)
        return
      }
      const fn = this.control[name as keyof SandboxControl] as (arg: unknown) => unknown
      send(200, { result: 'success', data: fn.call(this.control, raw) })
    } catch (e) {
      if (e instanceof ZodError)
        fail(
          422,
          'validation_failed',
          'Validation failed',
          e.issues.map((i) => ({ code: i.code, description: i.message, context: { attribute: i.path.join('.') } })),
        )
      else if (e instanceof ControlError) fail(e.status, e.code, e.message)
      else fail(500, 'internal_server_error', e instanceof Error ? e.message : 'Internal error')
    }
  }
}
