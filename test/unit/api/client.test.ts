import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createApiClient, type ApiClientOptions } from '../../../electron/main/api/client'
import { ApiError, isApiError } from '../../../electron/main/api/errors'
import { RateLimiter } from '../../../electron/main/api/rate-limiter'
import { memoryLogger } from '../../../electron/main/lib/logger'
import {
  ALL_SCOPES_BODY,
  BASE,
  FakeClock,
  TOKEN,
  drive,
  fail,
  fakeFetch,
  hangingFetch,
  json,
  ok,
  rejection,
  settle,
  type Responder,
} from './helpers'

function setup(
  responder: Responder,
  overrides: Partial<ApiClientOptions> = {},
  fetchImpl?: { fetch: typeof fetch; calls: ReturnType<typeof fakeFetch>['calls'] },
) {
  const clock = (overrides.clock as FakeClock | undefined) ?? new FakeClock()
  const logger = memoryLogger()
  const faked = fetchImpl ?? fakeFetch(responder)
  const limiter = new RateLimiter({ clock, random: () => 0 })
  const api = createApiClient({
    baseUrl: BASE,
    getToken: async () => TOKEN,
    fetch: faked.fetch,
    clock,
    limiter,
    logger,
    random: () => 0,
    ...overrides,
  })
  return { api, clock, logger, limiter, calls: faked.calls }
}

const profile = {
  id: 26502,
  display_name: 'Jo Doe',
  email: 'jo@example.ch',
  avatar: null,
  is_sso: false,
  preferences: { account: { current_account_id: 18547 } },
}

describe('client: reads', () => {
  it('getProfile and listOrgs hit the documented routes and parse DTOs', async () => {
    const { api, clock, calls } = setup((call) =>
      call.url.pathname === '/2/profile'
        ? ok(profile)
        : ok([
            {
              id: 18547,
              name: 'Acme SA',
              type: 'admin',
              has_customer_paiement_method: true,
              partner_id: null,
              extra: 'ignored',
            },
          ]),
    )
    const me = await drive(clock, api.getProfile())
    expect(me.id).toBe(26502)
    expect(me.preferences?.account?.current_account_id).toBe(18547)
    const accounts = await drive(clock, api.listOrgs())
    expect(accounts).toEqual([
      { id: 18547, name: 'Acme SA', type: 'admin', has_customer_paiement_method: true, partner_id: null },
    ])
    expect(calls.map((c) => c.url.pathname + c.url.search)).toEqual([
      '/2/profile?no_avatar_default=1',
      '/1/accounts?order_by=name',
    ])
    expect(calls.every((c) => c.headers['authorization'] === `Bearer ${TOKEN}`)).toBe(true)
  })

  it('every request goes through the limiter (60/min, 1 s apart)', async () => {
    const { api, clock, calls, limiter } = setup(() => ok(profile))
    const t0 = clock.now()
    const times: number[] = []
    const { fetch } = fakeFetch(() => {
      times.push(clock.now())
      return ok(profile)
    })
    const spaced = createApiClient({ baseUrl: BASE, getToken: async () => TOKEN, fetch, clock, limiter })
    await drive(clock, Promise.all([api.getProfile(), spaced.getProfile(), spaced.getProfile()]))
    expect(calls).toHaveLength(1)
    expect(times).toEqual([t0 + 1_000, t0 + 2_000])
    expect(limiter.stats().sentInWindow).toBe(3)
  })

  it('builds the remaining read routes', async () => {
    const { api, clock, calls } = setup((call) => {
      const path = call.url.pathname
      if (path === '/1/accounts/5') return ok({ id: 5, name: 'Org' })
      if (path.endsWith('/invitations/9')) return ok({ id: 9, status: 'pending' })
      if (path === '/2/invoicing/account/5/invoices') return fail(404, 'method_not_found')
      return ok([])
    })
    await drive(clock, api.getOrg(5))
    await drive(clock, api.listProducts({ orgId: 5, serviceName: 'domain' }))
    await drive(clock, api.listOrgUsers(5, { filter: { state_in_account: 'pending' } }))
    await drive(clock, api.listTeamUsers(5, 3))
    await drive(clock, api.getInvitation(5, 9))
    expect(await drive(clock, api.listInvoices(5))).toBeNull()
    expect(calls.map((c) => `${c.method} ${c.url.pathname}${c.url.search}`)).toEqual([
      'GET /1/accounts/5',
      'GET /1/products?account_id=5&service_name=domain&page=1&per_page=500',
      'GET /2/accounts/5/users?filter[state_in_account]=pending&page=1&per_page=500',
      'GET /1/accounts/5/teams/3/users?page=1&per_page=500',
      'GET /1/accounts/5/invitations/9',
      // The invoice route seen live is the default (infomaniak-api.md §15).
      'GET /2/invoicing/account/5/invoices',
    ])
  })

  it('listInvoices returns the items as sent when the route exists (the caller reads them leniently), and rethrows other 404s', async () => {
    const item = { id: 'F-2026-001', amount_incl_tax: '12.50', currency: 'CHF', vendor_field: 1 }
    const { api, clock, calls } = setup((call) =>
      call.url.pathname === '/2/invoicing/account/5/invoices' || call.url.pathname === '/1/accounts/7/invoices'
        ? ok([item])
        : fail(404, 'object_not_found'),
    )
    expect(await drive(clock, api.listInvoices(5))).toEqual([item])
    expect(await drive(clock, api.listInvoices(7, { route: '/1/accounts/{id}/invoices' }))).toEqual([item])
    expect(calls.map((c) => c.url.pathname)).toEqual(['/2/invoicing/account/5/invoices', '/1/accounts/7/invoices'])
    expect(isApiError(await rejection(drive(clock, api.listInvoices(6))), 'not_found')).toBe(true)
  })
})

describe('client: writes', () => {
  it('sends JSON bodies, DELETE without body, and team member removal as POST + override', async () => {
    const invitation = { id: 77, email: 'new@acme.ch', status: 'pending', role_type: 'normal', teams: [3] }
    const team = {
      id: 3,
      name: 'Web',
      owned_by_id: null,
      permissions: [{ service_id: 14, service_name: 'domain', rights: ['technical'] }],
    }
    const { api, clock, calls } = setup((call) => {
      if (call.method === 'POST' && call.url.pathname.endsWith('/invitations')) return ok(invitation, {}, 201)
      if (call.method === 'PATCH' && call.url.pathname.endsWith('/invitations/77')) return ok(true)
      if (call.method === 'POST' && call.url.pathname.endsWith('/teams')) return ok(team, {}, 201)
      if (call.method === 'PATCH') return ok(team)
      return ok(true)
    })
    const created = await drive(
      clock,
      api.createInvitation(5, {
        email: 'new@acme.ch',
        first_name: 'N',
        last_name: 'E',
        locale: 'fr_FR',
        role_type: 'normal',
        teams: [3],
      }),
    )
    expect(created.id).toBe(77)
    expect(created.teams).toEqual([{ id: 3, name: null }])
    expect(await drive(clock, api.patchInvitation(5, 77, { role_type: 'admin', team_ids: [3] }))).toBe(true)
    expect(await drive(clock, api.deleteInvitation(5, 77))).toBe(true)
    expect((await drive(clock, api.createTeam(5, { name: 'Web' }))).id).toBe(3)
    expect(await drive(clock, api.patchTeam(5, 3, { name: 'Web 2' }))).toMatchObject({ id: 3 })
    expect(await drive(clock, api.addTeamUsers(5, 3, [1, 2]))).toBe(true)
    expect(await drive(clock, api.removeTeamUsers(5, 3, [2]))).toBe(true)
    expect(await drive(clock, api.deleteTeam(5, 3))).toBe(true)
    expect(
      calls.map((c) => [c.method, c.url.pathname, c.headers['x-http-method-override'] ?? null, c.body ?? null]),
    ).toEqual([
      [
        'POST',
        '/1/accounts/5/invitations',
        null,
        { email: 'new@acme.ch', first_name: 'N', last_name: 'E', locale: 'fr_FR', role_type: 'normal', teams: [3] },
      ],
      ['PATCH', '/1/accounts/5/invitations/77', null, { role_type: 'admin', team_ids: [3] }],
      ['DELETE', '/1/accounts/5/invitations/77', null, {}],
      ['POST', '/1/accounts/5/teams', null, { name: 'Web' }],
      ['PATCH', '/1/accounts/5/teams/3', null, { name: 'Web 2' }],
      ['POST', '/1/accounts/5/teams/3/users', null, { user_ids: [1, 2] }],
      ['POST', '/1/accounts/5/teams/3/users', 'DELETE', { user_ids: [2] }],
      ['DELETE', '/1/accounts/5/teams/3', null, {}],
    ])
  })

  it('does not retry a non-idempotent POST after a 5xx (it may have been applied)', async () => {
    const { api, clock, calls } = setup(() => fail(502, 'bad_gateway'))
    const error = await rejection(drive(clock, api.createTeam(5, { name: 'x' })))
    expect(isApiError(error, 'server')).toBe(true)
    expect(calls).toHaveLength(1)
  })
})

describe('client: errors, retries and rate limits end to end', () => {
  it('retries a 503 then a truncated body, then succeeds', async () => {
    let n = 0
    const { api, clock, calls } = setup(() => {
      n++
      if (n === 1) return fail(503, 'drive_is_in_maintenance_error')
      if (n === 2) return new Response('{"result":"success","data":{"id":', { status: 200 })
      return ok(profile)
    })
    expect((await drive(clock, api.getProfile())).id).toBe(26502)
    expect(calls).toHaveLength(3)
  })

  it('does not retry 401, 403 all_scopes, 404 or 422', async () => {
    const cases: [Response, string][] = [
      [fail(401, 'not_authorized'), 'token_rejected'],
      [json(ALL_SCOPES_BODY, 403), 'missing_scope'],
      [fail(404, 'object_not_found'), 'not_found'],
      [fail(422, 'validation_failed', 'Validation failed'), 'validation'],
    ]
    for (const [response, kind] of cases) {
      const { api, clock, calls } = setup(() => response.clone())
      const error = await rejection(drive(clock, api.getProfile()))
      expect((error as ApiError).kind).toBe(kind)
      expect((error as ApiError).path).toBe('/2/profile')
      expect(calls).toHaveLength(1)
    }
  })

  it('on 429 with Retry-After: pauses the token, then retries after the reset', async () => {
    const clock = new FakeClock()
    const t0 = clock.now()
    const times: number[] = []
    const { api, limiter } = setup(
      (_call, i) => {
        times.push(clock.now())
        return i === 0 ? fail(429, 'too_many_requests', 'Too many requests', {}, { 'Retry-After': '20' }) : ok(profile)
      },
      { clock },
    )
    expect((await drive(clock, api.getProfile())).id).toBe(26502)
    // Header jitter with random 0 is 250 ms.
    expect(times).toEqual([t0, t0 + 20_250])
    expect(limiter.stats().rateLimitedCount).toBe(1)
  })

  it('on 429 with X-RateLimit-Reset only: waits until that unix second', async () => {
    const clock = new FakeClock()
    const t0 = clock.now()
    const times: number[] = []
    const { api } = setup(
      (_call, i) => {
        times.push(clock.now())
        return i === 0
          ? fail(429, 'too_many_requests', 'x', {}, { 'X-RateLimit-Reset': String(t0 / 1000 + 33) })
          : ok(profile)
      },
      { clock },
    )
    await drive(clock, api.getProfile())
    expect(times).toEqual([t0, t0 + 33_250])
  })

  it('on 429 without headers: falls back to 60 s + jitter, and other requests of the token wait too', async () => {
    const clock = new FakeClock()
    const t0 = clock.now()
    const times: number[] = []
    const { api } = setup(
      (call) => {
        times.push(clock.now())
        return times.length === 1
          ? fail(429, 'too_many_requests')
          : ok(call.url.pathname === '/2/profile' ? profile : [])
      },
      { clock },
    )
    await drive(clock, Promise.all([api.getProfile(), api.listOrgs()]))
    // The second caller was queued 1 s behind; the 429 paused both until t0 + 61 s.
    expect(times).toEqual([t0, t0 + 61_000, t0 + 62_000])
  })

  it('times out a hanging request and retries it', async () => {
    const clock = new FakeClock()
    const hanging = hangingFetch()
    const { api } = setup(() => ok(null), { clock, timeoutMs: 10_000, retry: { maxAttempts: 2 } }, hanging)
    const error = await rejection(drive(clock, api.getProfile()))
    expect((error as ApiError).detail).toEqual({ kind: 'timeout', timeoutMs: 10_000 })
    expect(hanging.calls).toHaveLength(2)
  })

  it('cancellation while waiting in the limiter sends nothing', async () => {
    const clock = new FakeClock()
    const { api, calls } = setup(() => ok(profile), { clock })
    await drive(clock, api.getProfile())
    const controller = new AbortController()
    const pending = rejection(api.getProfile({ signal: controller.signal }))
    await settle()
    controller.abort()
    const error = await pending
    expect((error as ApiError).detail).toEqual({ kind: 'cancelled' })
    expect((error as ApiError).path).toBe('/2/profile')
    expect(calls).toHaveLength(1)
  })

  it('a malformed list item is left out and described by path and types; a malformed object fails', async () => {
    const { api, clock } = setup(() =>
      ok([
        { id: 'x', name: 'Acme' },
        { id: 2, name: 'Beta' },
      ]),
    )
    const skipped: unknown[] = []
    const orgs = await drive(clock, api.listOrgs({ onSkipped: (s) => skipped.push(...s) }))
    expect(orgs.map((o) => o.id)).toEqual([2])
    expect(skipped).toEqual([
      { endpoint: 'GET /1/accounts', orgId: null, issues: [{ path: 'id', expected: 'number', seen: 'string' }] },
    ])
    const one = setup(() => ok({ id: 'x', name: 'Acme' }))
    const error = await rejection(drive(one.clock, one.api.getOrg(5)))
    expect((error as ApiError).detail).toMatchObject({
      kind: 'malformed',
      reason: 'schema',
      issues: [{ path: 'data.id' }],
    })
  })
})

describe('client: the token never leaks', () => {
  it('appears in no error message, serialized error, stack or log record, whatever fails', async () => {
    const responders: Responder[] = [
      () => fail(401, 'not_authorized', `token ${TOKEN} is invalid`),
      () => json(ALL_SCOPES_BODY, 403),
      () =>
        fail(422, 'validation_failed', 'Validation failed', {
          errors: [
            { code: 'validation_rule_in', description: TOKEN, context: { attribute: 'token', values: [TOKEN] } },
          ],
        }),
      () => fail(400, 'bad_request', `echo Authorization: Bearer ${TOKEN}`),
      () => new Response(`<html>${TOKEN}</html>`, { status: 200 }),
      () => ok({ id: TOKEN }),
      () => {
        throw new TypeError(`fetch failed for Bearer ${TOKEN}`, { cause: { code: 'ECONNRESET', message: TOKEN } })
      },
    ]
    for (const responder of responders) {
      const { api, clock, logger } = setup(responder, { retry: { maxAttempts: 2 } })
      const error = await rejection(drive(clock, api.getProfile()))
      expect(error).toBeInstanceOf(ApiError)
      const e = error as ApiError
      const surfaces = [
        e.message,
        String(e),
        e.stack ?? '',
        JSON.stringify(e),
        inspect(e, { depth: 10, showHidden: true }),
        JSON.stringify(logger.records),
      ]
      for (const surface of surfaces) {
        expect(surface).not.toContain(TOKEN)
        expect(surface).not.toMatch(/Bearer\s+[A-Za-z0-9_-]{20}/)
      }
      expect(logger.records.length).toBeGreaterThan(0)
    }
  })

  it('logs every response at debug with method, path (no query), status and duration', async () => {
    const { api, clock, logger } = setup(() => ok([]))
    await drive(clock, api.listProducts({ orgId: 5 }))
    const record = logger.records.find((r) => r.message === 'api response')
    expect(record?.level).toBe('debug')
    expect(record?.fields).toMatchObject({ method: 'GET', path: '/1/products', status: 200, attempt: 1 })
    expect(typeof record?.fields?.['durationMs']).toBe('number')
    expect(JSON.stringify(logger.records)).not.toContain('account_id')
  })
})

describe('client: probeScopes', () => {
  it('maps success, all_scopes and other failures, one request per family', async () => {
    const { api, clock, calls } = setup((call) => {
      switch (call.url.pathname) {
        case '/2/profile':
          return ok(profile)
        case '/1/accounts':
          return ok([])
        case '/2/domains/domains':
          return json(
            {
              ...ALL_SCOPES_BODY,
              error: {
                ...ALL_SCOPES_BODY.error,
                description: 'This method require this specific scope:"domain:read"',
                context: { scopes: ['domain:read'] },
              },
            },
            403,
          )
        case '/1/mail_hostings':
          return ok([], { total: 0, page: 1, pages: 1, items_per_page: 1 })
        case '/2/drive':
          return fail(403, 'access_denied')
        default:
          return json(
            { ...ALL_SCOPES_BODY, error: { ...ALL_SCOPES_BODY.error, context: { scopes: ['swiss-backup'] } } },
            403,
          )
      }
    })
    const probes = await drive(clock, api.probeScopes({ orgId: 5 }))
    expect(probes.map((p) => [p.scope, p.granted])).toEqual([
      ['user_info', true],
      ['accounts', true],
      ['domain:read', false],
      ['mail', true],
      ['drive', 'unknown'],
      ['swiss-backup', false],
    ])
    expect(probes.every((p) => p.unlocks.length > 10)).toBe(true)
    expect(probes[2]?.reason).toContain('domain:read')
    expect(calls.map((c) => c.url.pathname + c.url.search)).toEqual([
      '/2/profile?no_avatar_default=1',
      '/1/accounts?order_by=name',
      '/2/domains/domains?per_page=1&page=1',
      '/1/mail_hostings?per_page=1&page=1',
      '/2/drive?account_id=5&per_page=1&page=1',
      '/1/swiss_backups?account_id=5&per_page=1&page=1',
    ])
  })

  it('skips account-bound probes without an account id and throws on a rejected token', async () => {
    const { api, clock, calls } = setup(() => ok([]))
    const probes = await drive(clock, api.probeScopes())
    expect(probes.filter((p) => p.granted === 'unknown').map((p) => p.scope)).toEqual(['drive', 'swiss-backup'])
    expect(calls).toHaveLength(4)
    const rejected = setup(() => fail(401, 'not_authorized'))
    expect(isApiError(await rejection(drive(rejected.clock, rejected.api.probeScopes())), 'token_rejected')).toBe(true)
  })
})
