import { FakeClock } from '../../../electron/main/lib/clock'

/** A distinctive 72-character token (the observed Infomaniak format). */
export const TOKEN = 'Zq9-SECRET_tok3n_' + 'x7K2mP4vR8wB1nC6'.repeat(3) + 'LastBit'
if (TOKEN.length !== 72) throw new Error(`test token must be 72 characters, got ${TOKEN.length}`)

export const BASE = 'https://api.test.local'

/** A recorded call of the fake fetch. */
export interface Call {
  method: string
  url: URL
  headers: Record<string, string>
  body: unknown
  signal: AbortSignal | null
}

export type Responder = (call: Call, index: number) => Response | Promise<Response>

/** Builds a fake `fetch` answering through `responder` and recording every call. */
export function fakeFetch(responder: Responder): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = []
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {}
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value
    })
    const call: Call = {
      method: init?.method ?? 'GET',
      url: new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url),
      headers,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      signal: init?.signal ?? null,
    }
    calls.push(call)
    return responder(call, calls.length - 1)
  }
  return { fetch: impl as typeof fetch, calls }
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

/** `{result: 'success', data, ...extra}`. */
export function ok(data: unknown, extra: Record<string, unknown> = {}, status = 200): Response {
  return json({ result: 'success', data, ...extra }, status)
}

/** `{result: 'error', error: {code, description, errors, context}}`. */
export function fail(
  status: number,
  code: string,
  description = code,
  more: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return json({ result: 'error', error: { code, description, errors: [], ...more } }, status, headers)
}

/** The literal 403 body of §3.3. */
export const ALL_SCOPES_BODY = {
  result: 'error',
  error: {
    code: 'all_scopes',
    description: 'This method require this specific scope:"user_info"',
    context: { scopes: ['user_info'] },
  },
}

/** A fetch that never answers until its signal aborts. */
export function hangingFetch(): { fetch: typeof fetch; calls: Call[] } {
  return fakeFetch(
    (call) =>
      new Promise<Response>((_resolve, reject) => {
        call.signal?.addEventListener('abort', () => reject(call.signal?.reason ?? new Error('aborted')), {
          once: true,
        })
      }),
  )
}

/** Lets pending promise chains (including Response body reads) run. */
export async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

/**
 * Runs `promise` to completion on a fake clock: flushes pending work, and whenever the promise is still
 * pending, jumps the clock to the next sleeper. Fails on deadlock (pending, and nobody sleeping).
 */
export async function drive<T>(clock: FakeClock, promise: Promise<T>, maxSteps = 20_000): Promise<T> {
  type State = { done: false } | { done: true; ok: true; value: T } | { done: true; ok: false; error: unknown }
  const box: { state: State } = { state: { done: false } }
  promise.then(
    (value) => {
      box.state = { done: true, ok: true, value }
    },
    (error: unknown) => {
      box.state = { done: true, ok: false, error }
    },
  )
  for (let step = 0; step < maxSteps; step++) {
    await settle()
    const s = box.state
    if (s.done) {
      if (s.ok) return s.value
      throw s.error
    }
    if (!clock.advanceToNext()) {
      await settle()
      if (!box.state.done) throw new Error('deadlock: promise pending and no sleeper on the clock')
    }
  }
  throw new Error('drive: too many steps')
}

/** Resolves the rejection of `promise` (fails if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

export { FakeClock }
