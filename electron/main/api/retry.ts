/**
 * Retry policy of the API client.
 *
 * Transient failures (`server` 5xx except 501, `network`, `timeout`, and `malformed` bodies that are truncated
 * or not JSON) are retried with jittered exponential backoff, up to `maxAttempts` attempts in total.
 * `rate_limited` answers are retried separately (up to `maxRateLimitRetries`): the limiter has been paused
 * until the server's reset, so the next attempt simply waits in `acquire()`. Everything else (401, 403, 404,
 * 422, other 4xx, schema mismatches, cancellation) is thrown at once. Backoff sleeps use the injected Clock and
 * stop as soon as the caller aborts.
 */
import type { Clock } from '../lib/clock'
import { ApiError, isApiError } from './errors'

/** Tunables of the retry policy. */
export interface RetryOptions {
  /** Attempts in total for transient failures (1 = no retry). Default 4. */
  maxAttempts?: number
  /** Additional attempts after 429 answers. Default 5. */
  maxRateLimitRetries?: number
  /** First backoff delay in ms. Default 1000. */
  baseDelayMs?: number
  /** Backoff ceiling in ms. Default 30 000. */
  maxDelayMs?: number
}

/** Context of one retried operation. */
export interface RetryContext {
  clock: Clock
  /** Random source in [0, 1) for jitter. */
  random: () => number
  signal?: AbortSignal | undefined
  /**
   * False for writes that are not idempotent (POST/PATCH): they are retried only when the server surely did
   * not act on them (429, or a connection that was never established).
   */
  idempotent?: boolean
  /** Called on a 429 before the next attempt (the client pauses the limiter here). */
  onRateLimited?: (error: ApiError) => void
  /** Called before each backoff sleep. */
  onRetry?: (info: { attempt: number; delayMs: number; error: ApiError }) => void
}

/** Retry defaults. */
export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxAttempts: 4,
  maxRateLimitRetries: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
}

/** Connection errors raised before any byte reached the server: safe to retry even for writes. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'])

/** True when `error` is a transient failure worth another attempt (429 excluded: it has its own budget). */
export function isTransient(error: unknown, idempotent = true): boolean {
  if (!isApiError(error)) return false
  const d = error.detail
  if (d.kind === 'network') return idempotent || (d.causeCode !== null && NOT_SENT_CODES.has(d.causeCode))
  if (!idempotent) return false
  switch (d.kind) {
    case 'server':
      return d.status !== 501
    case 'timeout':
      return true
    case 'malformed':
      return d.reason === 'truncated' || d.reason === 'unparsable'
    default:
      return false
  }
}

/**
 * Backoff before attempt `attempt + 1`: `base * 2^(attempt-1)` capped at `maxDelayMs`, then "equal jitter"
 * (between half and all of it).
 */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number): number {
  const base = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs
  const max = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1))
  return Math.round(exp / 2 + (exp / 2) * random())
}

/** Runs `operation` (given the 1-based attempt number) under the retry policy. */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
  context: RetryContext,
): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_RETRY.maxAttempts)
  const maxRateLimitRetries = Math.max(0, options.maxRateLimitRetries ?? DEFAULT_RETRY.maxRateLimitRetries)
  let transientFailures = 0
  let rateLimitRetries = 0
  for (let attempt = 1; ; attempt++) {
    if (context.signal?.aborted) throw new ApiError({ kind: 'cancelled' })
    try {
      return await operation(attempt)
    } catch (error) {
      if (isApiError(error, 'rate_limited')) {
        context.onRateLimited?.(error)
        if (rateLimitRetries >= maxRateLimitRetries) throw error
        rateLimitRetries++
        continue
      }
      if (!isApiError(error) || !isTransient(error, context.idempotent ?? true)) throw error
      transientFailures++
      if (transientFailures >= maxAttempts) throw error
      const delayMs = backoffDelay(transientFailures, options, context.random)
      context.onRetry?.({ attempt, delayMs, error })
      try {
        await context.clock.sleep(delayMs, context.signal)
      } catch {
        throw new ApiError(
          { kind: 'cancelled' },
          error.method && error.path ? { method: error.method, path: error.path } : null,
        )
      }
    }
  }
}
