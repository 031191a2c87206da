import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ApiError, isApiError } from '../../../electron/main/api/errors'
import { buildQueryString, buildUrl, createTransport } from '../../../electron/main/api/transport'
import { BASE, FakeClock, TOKEN, fakeFetch, hangingFetch, ok, rejection, settle } from './helpers'

const getToken = async (): Promise<string> => TOKEN

describe('query strings', () => {
  it('serializes deepObject filters and arrays with literal brackets, skipping nullish values', () => {
    const qs = buildQueryString({
      order_by: 'name',
      page: 2,
      no_avatar_default: 1,
      with: undefined,
      search: null,
      filter: { state_in_account: 'pending', team_ids: [1, 2], has_otp: false, skip: undefined },
    })
    expect(qs).toBe(
      'order_by=name&page=2&no_avatar_default=1&filter[state_in_account]=pending&filter[team_ids][]=1&filter[team_ids][]=2&filter[has_otp]=false',
    )
  })

  it('percent-encodes names and values', () => {
    expect(buildQueryString({ search: 'a&b c', with: 'emails,phones' })).toBe('search=a%26b%20c&with=emails%2Cphones')
    expect(new URL(buildUrl(`${BASE}/`, '/1/x', { with: 'a,b' })).searchParams.get('with')).toBe('a,b')
    expect(buildUrl(BASE, '/2/profile')).toBe(`${BASE}/2/profile`)
  })
})

describe('transport', () => {
  it('sends the bearer token from getToken() per request, JSON bodies on non-GET, and method override', async () => {
    let reads = 0
    const { fetch, calls } = fakeFetch(() => ok(true))
    const send = createTransport({
      baseUrl: BASE,
      fetch,
      clock: new FakeClock(),
      getToken: async () => `${TOKEN.slice(0, -1)}${reads++}`,
    })
    await send({ method: 'GET', path: '/2/profile', query: { with: 'emails' } })
    await send({
      method: 'POST',
      path: '/1/accounts/1/teams/2/users',
      body: { user_ids: [3] },
      methodOverride: 'DELETE',
    })
    expect(reads).toBe(2)
    expect(calls[0]?.headers['authorization']).toBe(`Bearer ${TOKEN.slice(0, -1)}0`)
    expect(calls[1]?.headers['authorization']).toBe(`Bearer ${TOKEN.slice(0, -1)}1`)
    expect(calls[0]?.method).toBe('GET')
    expect(calls[0]?.body).toBeUndefined()
    expect(calls[0]?.url.href).toBe(`${BASE}/2/profile?with=emails`)
    expect(calls[1]?.method).toBe('POST')
    expect(calls[1]?.headers['x-http-method-override']).toBe('DELETE')
    expect(calls[1]?.headers['content-type']).toBe('application/json')
    expect(calls[1]?.body).toEqual({ user_ids: [3] })
  })

  it('keeps the token off the transport object', () => {
    const { fetch } = fakeFetch(() => ok(true))
    const send = createTransport({ baseUrl: BASE, fetch, clock: new FakeClock(), getToken })
    expect(inspect(send, { showHidden: true, depth: 5 })).not.toContain(TOKEN)
  })

  it('times out on the injected clock, including while the body is awaited', async () => {
    const clock = new FakeClock()
    const { fetch } = hangingFetch()
    const send = createTransport({ baseUrl: BASE, fetch, clock, getToken, timeoutMs: 5_000 })
    const pending = rejection(send({ method: 'GET', path: '/1/accounts' }))
    await settle()
    clock.advance(4_999)
    await settle()
    expect(clock.pendingSleepers()).toBe(1)
    clock.advance(1)
    const error = await pending
    expect(isApiError(error, 'timeout')).toBe(true)
    expect((error as ApiError).detail).toEqual({ kind: 'timeout', timeoutMs: 5_000 })
    expect((error as ApiError).path).toBe('/1/accounts')
  })

  it('stops the timeout timer once the answer is in', async () => {
    const clock = new FakeClock()
    const { fetch } = fakeFetch(() => ok([]))
    const send = createTransport({ baseUrl: BASE, fetch, clock, getToken })
    const res = await send({ method: 'GET', path: '/1/accounts' })
    expect(res.status).toBe(200)
    await settle()
    expect(clock.pendingSleepers()).toBe(0)
  })

  it('timeoutMs 0 disables the timer', async () => {
    const clock = new FakeClock()
    const { fetch } = hangingFetch()
    const send = createTransport({ baseUrl: BASE, fetch, clock, getToken, timeoutMs: 0 })
    const controller = new AbortController()
    const pending = rejection(send({ method: 'GET', path: '/1/accounts', signal: controller.signal }))
    await settle()
    expect(clock.pendingSleepers()).toBe(0)
    controller.abort()
    expect(isApiError(await pending, 'cancelled')).toBe(true)
  })

  it('distinguishes caller cancellation from a timeout', async () => {
    const clock = new FakeClock()
    const { fetch } = hangingFetch()
    const send = createTransport({ baseUrl: BASE, fetch, clock, getToken })
    const controller = new AbortController()
    const pending = rejection(send({ method: 'GET', path: '/1/accounts', signal: controller.signal }))
    await settle()
    controller.abort()
    expect(((await pending) as ApiError).detail).toEqual({ kind: 'cancelled' })
    expect(
      isApiError(await rejection(send({ method: 'GET', path: '/x', signal: AbortSignal.abort() })), 'cancelled'),
    ).toBe(true)
  })

  it('maps a fetch failure to network with the system code only', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(`connect ECONNREFUSED with ${TOKEN}`), { code: 'ECONNREFUSED' }),
      })
    })
    const send = createTransport({ baseUrl: BASE, fetch, clock: new FakeClock(), getToken })
    const error = (await rejection(send({ method: 'GET', path: '/1/accounts' }))) as ApiError
    expect(error.detail).toEqual({ kind: 'network', causeCode: 'ECONNREFUSED' })
    expect(error.message).toMatch(/Could not reach the Infomaniak API \(ECONNREFUSED\)/)
    expect(`${inspect(error)} ${JSON.stringify(error)}`).not.toContain(TOKEN)
  })

  it('maps a connection dropped mid-body to network', async () => {
    const { fetch } = fakeFetch(() => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"result":"success","data":['))
          controller.error(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }))
        },
      })
      return new Response(stream, { status: 200 })
    })
    const send = createTransport({ baseUrl: BASE, fetch, clock: new FakeClock(), getToken })
    const error = (await rejection(send({ method: 'GET', path: '/1/products' }))) as ApiError
    expect(error.detail).toEqual({ kind: 'network', causeCode: 'UND_ERR_SOCKET' })
  })

  it('turns a keychain failure or an unusable token into token_unavailable without echoing it', async () => {
    const { fetch, calls } = fakeFetch(() => ok(true))
    const failing = createTransport({
      baseUrl: BASE,
      fetch,
      clock: new FakeClock(),
      getToken: async () => {
        throw new Error(`keychain locked for ${TOKEN}`)
      },
    })
    const e1 = (await rejection(failing({ method: 'GET', path: '/2/profile' }))) as ApiError
    expect(e1.detail).toEqual({ kind: 'token_unavailable' })
    expect(JSON.stringify(e1) + e1.stack).not.toContain(TOKEN)
    const bad = createTransport({ baseUrl: BASE, fetch, clock: new FakeClock(), getToken: async () => `${TOKEN}\n` })
    const e2 = (await rejection(bad({ method: 'GET', path: '/2/profile' }))) as ApiError
    expect(e2.detail).toEqual({ kind: 'token_unavailable' })
    expect(calls).toHaveLength(0)
  })
})
