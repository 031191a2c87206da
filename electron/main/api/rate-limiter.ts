/**
 * Per-token rate limiter: a sliding log of request start times plus spacing and server-imposed pauses.
 *
 * Guarantees, measured on the injected Clock at the moment each `acquire()` resolves (a request start):
 * - never more than `limit` starts in any window of `windowMs` (sliding log, not a fixed window);
 * - consecutive starts at least `minIntervalMs` apart (default `windowMs / limit`: 1 s for 60/min), so the
 *   budget is spread evenly instead of burst;
 * - after a 429, no start before the pause set by {@link RateLimiter.onRateLimited} / {@link RateLimiter.penalize}.
 *
 * Waiters are served first come, first served. One limiter per token; the caller keeps a registry keyed by
 * account id, since Infomaniak counts the quota per token (§4.7).
 */
import type { Clock } from '../lib/clock'
import { ApiError } from './errors'

/** The part of a limiter the API client depends on. */
export interface RequestLimiter {
  /** Resolves when a request may start; rejects with a `cancelled` {@link ApiError} when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<void>
  /** Records a 429 and pauses the limiter; returns the clock time at which requests resume. */
  onRateLimited(retryAfterMs: number | null): number
}

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  clock: Clock
  /** Maximum starts per window. Default 60. */
  limit?: number
  /** Window length in ms. Default 60 000. */
  windowMs?: number
  /** Minimum gap between consecutive starts. Default `windowMs / limit`. */
  minIntervalMs?: number
  /** Pause after a 429 without `Retry-After` or `X-RateLimit-Reset`. Default 60 000 ms (§4.7). */
  fallbackPauseMs?: number
  /** Random jitter `[min, max]` ms added to the fallback pause. Default `[1000, 15000]` (desktop kDrive). */
  fallbackJitterMs?: readonly [number, number]
  /** Random jitter `[min, max]` ms added to a server-given pause, against second rounding. Default `[250, 1000]`. */
  headerJitterMs?: readonly [number, number]
  /** Random source in [0, 1); inject a fixed one in tests. Default `Math.random`. */
  random?: () => number
}

/** A snapshot of the limiter's state. */
export interface RateLimiterStats {
  limit: number
  windowMs: number
  minIntervalMs: number
  /** Starts within the last `windowMs`. */
  sentInWindow: number
  /** Earliest clock time at which the next request could start. */
  nextSlotAt: number
  /** End of the current 429 pause, or null when not paused. */
  pausedUntil: number | null
  /** Callers waiting in `acquire`. */
  queued: number
  /** Total starts granted since creation. */
  totalGranted: number
  /** 429 answers recorded since creation. */
  rateLimitedCount: number
}

interface Waiter {
  resolve: () => void
  reject: (error: Error) => void
  signal: AbortSignal | undefined
  onAbort: () => void
}

/** Sliding-log limiter with spacing and 429 pauses; see the module comment for its guarantees. */
export class RateLimiter implements RequestLimiter {
  readonly limit: number
  readonly windowMs: number
  readonly minIntervalMs: number
  private readonly clock: Clock
  private readonly random: () => number
  private readonly fallbackPauseMs: number
  private readonly fallbackJitterMs: readonly [number, number]
  private readonly headerJitterMs: readonly [number, number]
  private starts: number[] = []
  private lastStart: number | null = null
  private pausedUntil = 0
  private queue: Waiter[] = []
  private pumping = false
  private pumpSleep: AbortController | null = null
  private granted = 0
  private rateLimited = 0

  constructor(options: RateLimiterOptions) {
    this.clock = options.clock
    this.limit = options.limit ?? 60
    this.windowMs = options.windowMs ?? 60_000
    if (!(this.limit >= 1) || !(this.windowMs > 0)) throw new RangeError('limit must be >= 1 and windowMs > 0')
    this.minIntervalMs = options.minIntervalMs ?? this.windowMs / this.limit
    this.random = options.random ?? Math.random
    this.fallbackPauseMs = options.fallbackPauseMs ?? 60_000
    this.fallbackJitterMs = options.fallbackJitterMs ?? [1_000, 15_000]
    this.headerJitterMs = options.headerJitterMs ?? [250, 1_000]
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new ApiError({ kind: 'cancelled' }))
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.queue.indexOf(waiter)
          if (index === -1) return
          this.queue.splice(index, 1)
          reject(new ApiError({ kind: 'cancelled' }))
          // The pump may be sleeping on behalf of this waiter: wake it to re-plan for the next one.
          if (index === 0) this.pumpSleep?.abort()
        },
      }
      signal?.addEventListener('abort', waiter.onAbort, { once: true })
      this.queue.push(waiter)
      void this.pump()
    })
  }

  /** Pauses every request of this limiter until clock time `untilMs` (never shortens an existing pause). */
  penalize(untilMs: number): void {
    if (untilMs > this.pausedUntil) this.pausedUntil = untilMs
  }

  onRateLimited(retryAfterMs: number | null): number {
    this.rateLimited++
    const [min, max] = retryAfterMs === null ? this.fallbackJitterMs : this.headerJitterMs
    const base = retryAfterMs === null ? this.fallbackPauseMs : Math.max(0, retryAfterMs)
    const jitter = min + (max - min) * this.random()
    const until = this.clock.now() + base + Math.round(jitter)
    this.penalize(until)
    return this.pausedUntil
  }

  stats(): RateLimiterStats {
    const now = this.clock.now()
    this.prune(now)
    return {
      limit: this.limit,
      windowMs: this.windowMs,
      minIntervalMs: this.minIntervalMs,
      sentInWindow: this.starts.length,
      nextSlotAt: Math.max(now, this.nextSlot()),
      pausedUntil: this.pausedUntil > now ? this.pausedUntil : null,
      queued: this.queue.length,
      totalGranted: this.granted,
      rateLimitedCount: this.rateLimited,
    }
  }

  /** Drops starts that left the window `(now - windowMs, now]`. */
  private prune(now: number): void {
    const floor = now - this.windowMs
    let drop = 0
    while (drop < this.starts.length && (this.starts[drop] ?? Infinity) <= floor) drop++
    if (drop > 0) this.starts.splice(0, drop)
  }

  /** Earliest time the next start is allowed (may be in the past). */
  private nextSlot(): number {
    let at = this.pausedUntil
    if (this.lastStart !== null) at = Math.max(at, this.lastStart + this.minIntervalMs)
    if (this.starts.length >= this.limit) {
      // The start `limit` places back must leave the window before another one may begin.
      const oldest = this.starts[this.starts.length - this.limit] ?? 0
      at = Math.max(at, oldest + this.windowMs)
    }
    return at
  }

  private async pump(): Promise<void> {
    if (this.pumping) return
    this.pumping = true
    try {
      while (this.queue.length > 0) {
        const now = this.clock.now()
        this.prune(now)
        const at = this.nextSlot()
        if (at <= now) {
          const waiter = this.queue.shift()
          if (!waiter) break
          waiter.signal?.removeEventListener('abort', waiter.onAbort)
          this.starts.push(now)
          this.lastStart = now
          this.granted++
          waiter.resolve()
          continue
        }
        const sleeper = new AbortController()
        this.pumpSleep = sleeper
        try {
          await this.clock.sleep(at - now, sleeper.signal)
        } catch {
          // Woken early: a waiter left; re-plan.
        } finally {
          this.pumpSleep = null
        }
      }
    } finally {
      this.pumping = false
    }
  }
}
