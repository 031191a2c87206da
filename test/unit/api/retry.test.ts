import { describe, expect, it } from 'vitest'
import { ApiError, isApiError, type ApiErrorDetail } from '../../../electron/main/api/errors'
import { backoffDelay, isTransient, withRetry } from '../../../electron/main/api/retry'
import { FakeClock, drive, rejection, settle } from './helpers'

const err = (detail: ApiErrorDetail): ApiError => new ApiError(detail, { method: 'GET', path: '/x' })

/** An operation failing with `errors` in turn, then succeeding; records the clock time of each attempt. */
function script(clock: FakeClock, errors: ApiError[]): { op: (attempt: number) => Promise<string>; at: number[] } {
  const at: number[] = []
  return {
    at,
    op: async (attempt) => {
      at.push(clock.now())
      const e = errors[attempt - 1]
      if (e) throw e
      return 'done'
    },
  }
}

const transient: ApiErrorDetail[] = [
  { kind: 'server', status: 503, code: null },
  { kind: 'network', causeCode: 'ECONNRESET' },
  { kind: 'timeout', timeoutMs: 30_000 },
  { kind: 'malformed', status: 200, reason: 'truncated', issues: [] },
  { kind: 'malformed', status: 200, reason: 'unparsable', issues: [] },
]

const permanent: ApiErrorDetail[] = [
  { kind: 'token_rejected', status: 401, code: 'not_authorized' },
  { kind: 'missing_scope', status: 403, code: 'all_scopes', scopes: ['mail'] },
  { kind: 'forbidden', status: 403, code: 'access_denied' },
  { kind: 'not_found', status: 404, code: 'object_not_found' },
  { kind: 'validation', status: 422, code: 'validation_failed', errors: [] },
  { kind: 'client_error', status: 409, code: 'conflict' },
  { kind: 'cancelled' },
  { kind: 'malformed', status: 200, reason: 'schema', issues: [] },
  { kind: 'malformed', status: 200, reason: 'envelope', issues: [] },
  { kind: 'server', status: 501, code: null },
]

describe('retry policy', () => {
  it.each(transient.map((d) => [`${d.kind}${'reason' in d ? `/${d.reason}` : ''}`, d] as const))(
    'retries %s with backoff and succeeds',
    async (_name, detail) => {
      const clock = new FakeClock()
      const { op, at } = script(clock, [err(detail), err(detail)])
      const result = await drive(clock, withRetry(op, {}, { clock, random: () => 0 }))
      expect(result).toBe('done')
      expect(at).toHaveLength(3)
      // Equal jitter with random 0: half of 1 s, then half of 2 s.
      expect((at[1] ?? 0) - (at[0] ?? 0)).toBe(500)
      expect((at[2] ?? 0) - (at[1] ?? 0)).toBe(1_000)
    },
  )

  it.each(
    permanent.map(
      (d) => [`${d.kind}${'code' in d ? `/${d.code}` : ''}${'reason' in d ? `/${d.reason}` : ''}`, d] as const,
    ),
  )('never retries %s', async (_name, detail) => {
    const clock = new FakeClock()
    const { op, at } = script(clock, [err(detail)])
    const error = await rejection(drive(clock, withRetry(op, {}, { clock, random: () => 0.5 })))
    expect((error as ApiError).detail).toEqual(detail)
    expect(at).toHaveLength(1)
  })

  it('gives up after maxAttempts (default 4) and throws the last error', async () => {
    const clock = new FakeClock()
    const failures = Array.from({ length: 10 }, () => err({ kind: 'server', status: 500, code: null }))
    const { op, at } = script(clock, failures)
    const error = await rejection(drive(clock, withRetry(op, {}, { clock, random: () => 1 })))
    expect(isApiError(error, 'server')).toBe(true)
    expect(at).toHaveLength(4)
    // Full exponential with random 1: 1 s, 2 s, 4 s.
    expect(at.map((t) => t - (at[0] ?? 0))).toEqual([0, 1_000, 3_000, 7_000])
    const custom = script(clock, failures)
    await rejection(drive(clock, withRetry(custom.op, { maxAttempts: 2 }, { clock, random: () => 1 })))
    expect(custom.at).toHaveLength(2)
  })

  it('backoff grows exponentially, stays within [half, full] and is capped', () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const full = Math.min(30_000, 1_000 * 2 ** (attempt - 1))
      expect(backoffDelay(attempt, {}, () => 0)).toBe(full / 2)
      expect(backoffDelay(attempt, {}, () => 0.999999)).toBeLessThanOrEqual(full)
    }
    expect(backoffDelay(20, { maxDelayMs: 5_000 }, () => 1)).toBe(5_000)
  })

  it('retries 429 on a separate budget without backoff, telling the limiter each time', async () => {
    const clock = new FakeClock()
    const limited = err({ kind: 'rate_limited', status: 429, code: null, retryAfterMs: 10_000 })
    const server = err({ kind: 'server', status: 500, code: null })
    // 5 × 429 interleaved with 3 × 500: all within their own budgets.
    const { op, at } = script(clock, [limited, server, limited, server, limited, server, limited, limited])
    const seen: ApiError[] = []
    const result = await drive(clock, withRetry(op, {}, { clock, random: () => 0, onRateLimited: (e) => seen.push(e) }))
    expect(result).toBe('done')
    expect(at).toHaveLength(9)
    expect(seen).toHaveLength(5)
  })

  it('throws rate_limited once maxRateLimitRetries is spent', async () => {
    const clock = new FakeClock()
    const limited = err({ kind: 'rate_limited', status: 429, code: null, retryAfterMs: null })
    const { op, at } = script(
      clock,
      Array.from({ length: 10 }, () => limited),
    )
    const error = await rejection(drive(clock, withRetry(op, { maxRateLimitRetries: 2 }, { clock, random: () => 0 })))
    expect(isApiError(error, 'rate_limited')).toBe(true)
    expect(at).toHaveLength(3)
  })

  it('does not retry non-idempotent writes except when the request surely was not sent', () => {
    expect(isTransient(err({ kind: 'server', status: 502, code: null }), false)).toBe(false)
    expect(isTransient(err({ kind: 'timeout', timeoutMs: 1 }), false)).toBe(false)
    expect(isTransient(err({ kind: 'network', causeCode: 'ECONNRESET' }), false)).toBe(false)
    expect(isTransient(err({ kind: 'network', causeCode: 'ECONNREFUSED' }), false)).toBe(true)
    expect(isTransient(new Error('plain'))).toBe(false)
  })

  it('cancellation during a backoff sleep stops at once', async () => {
    const clock = new FakeClock()
    const controller = new AbortController()
    const { op, at } = script(clock, [err({ kind: 'server', status: 500, code: null })])
    const pending = rejection(withRetry(op, {}, { clock, random: () => 0, signal: controller.signal }))
    await settle()
    expect(clock.pendingSleepers()).toBe(1)
    controller.abort()
    const error = await pending
    expect(isApiError(error, 'cancelled')).toBe(true)
    expect(at).toHaveLength(1)
    expect(clock.pendingSleepers()).toBe(0)
  })
})
