/**
 * Per-key request quota. `sliding` keeps the times of accepted requests and admits a request only
 * when fewer than `limit` were accepted in the last `windowMs` (so no window of that length ever
 * holds more than `limit`); `fixed` counts per window aligned on multiples of `windowMs`.
 * Rejected requests (429) do not consume quota.
 */
import type { RateLimitSettings } from './settings'

export type RateDecision =
  | { allowed: true; limit: number; remaining: number; resetAtMs: number }
  | { allowed: false; limit: number; remaining: 0; resetAtMs: number; retryAfterMs: number }

export class RateLimiter {
  private readonly sliding = new Map<string, number[]>()
  private readonly fixed = new Map<string, { start: number; count: number }>()

  check(key: string, now: number, s: RateLimitSettings): RateDecision {
    if (s.mode === 'fixed') {
      const start = Math.floor(now / s.windowMs) * s.windowMs
      let w = this.fixed.get(key)
      if (!w || w.start !== start) this.fixed.set(key, (w = { start, count: 0 }))
      const resetAtMs = start + s.windowMs
      if (w.count >= s.limit)
        return { allowed: false, limit: s.limit, remaining: 0, resetAtMs, retryAfterMs: resetAtMs - now }
      w.count++
      return { allowed: true, limit: s.limit, remaining: s.limit - w.count, resetAtMs }
    }
    let times = this.sliding.get(key)
    if (!times) this.sliding.set(key, (times = []))
    const cutoff = now - s.windowMs
    let drop = 0
    while (drop < times.length && (times[drop] as number) <= cutoff) drop++
    if (drop > 0) times.splice(0, drop)
    if (times.length >= s.limit) {
      // the request becomes possible when the oldest counted one leaves the window
      const oldest = times[times.length - s.limit] as number
      const resetAtMs = oldest + s.windowMs
      return { allowed: false, limit: s.limit, remaining: 0, resetAtMs, retryAfterMs: resetAtMs - now }
    }
    times.push(now)
    const first = times[0] as number
    return { allowed: true, limit: s.limit, remaining: s.limit - times.length, resetAtMs: first + s.windowMs }
  }

  reset(): void {
    this.sliding.clear()
    this.fixed.clear()
  }
}
