import { describe, expect, it } from 'vitest'
import { isApiError } from '../../../electron/main/api/errors'
import { RateLimiter } from '../../../electron/main/api/rate-limiter'
import { FakeClock, drive, rejection, settle } from './helpers'

/** Acquires `count` slots concurrently and returns the clock time at which each was granted, in order. */
async function burst(clock: FakeClock, limiter: RateLimiter, count: number): Promise<number[]> {
  const starts: number[] = []
  const all = Promise.all(
    Array.from({ length: count }, () =>
      limiter.acquire().then(() => {
        starts.push(clock.now())
      }),
    ),
  )
  await drive(clock, all)
  return starts
}

function maxInAnyWindow(starts: number[], windowMs: number): number {
  let max = 0
  let lo = 0
  for (let hi = 0; hi < starts.length; hi++) {
    while ((starts[hi] ?? 0) - (starts[lo] ?? 0) >= windowMs) lo++
    max = Math.max(max, hi - lo + 1)
  }
  return max
}

function minGap(starts: number[]): number {
  let min = Infinity
  for (let i = 1; i < starts.length; i++) min = Math.min(min, (starts[i] ?? 0) - (starts[i - 1] ?? 0))
  return min
}

describe('RateLimiter', () => {
  it('200 burst acquires: ≤ 60 starts in any 60 s window and starts ≥ 1 s apart', async () => {
    const clock = new FakeClock()
    const t0 = clock.now()
    const limiter = new RateLimiter({ clock })
    const starts = await burst(clock, limiter, 200)
    expect(starts).toHaveLength(200)
    expect(maxInAnyWindow(starts, 60_000)).toBeLessThanOrEqual(60)
    expect(minGap(starts)).toBeGreaterThanOrEqual(1_000)
    // Spacing, not bursting, and no needless waiting: exactly one per second from the first.
    expect(starts[0]).toBe(t0)
    expect(starts[199]).toBe(t0 + 199_000)
  })

  it('the window bound holds on its own when spacing is disabled (bursts of `limit`)', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ clock, limit: 60, windowMs: 60_000, minIntervalMs: 0 })
    const starts = await burst(clock, limiter, 200)
    expect(maxInAnyWindow(starts, 60_000)).toBe(60)
    expect(maxInAnyWindow(starts, 60_000 + 1)).toBeGreaterThan(60) // a real sliding boundary, not a wider one
    expect(starts[59]).toBe(starts[0])
    expect(starts[60]).toBe((starts[0] ?? 0) + 60_000)
  })

  it('is configurable (60 per 1 s for fast tests)', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ clock, limit: 60, windowMs: 1_000 })
    expect(limiter.minIntervalMs).toBeCloseTo(1000 / 60)
    const starts = await burst(clock, limiter, 130)
    expect(maxInAnyWindow(starts, 1_000)).toBeLessThanOrEqual(60)
    expect(minGap(starts)).toBeGreaterThanOrEqual(1000 / 60 - 1e-9)
  })

  it('counts earlier starts: after 60 quick grants the 61st waits for the window', async () => {
    const clock = new FakeClock()
    const t0 = clock.now()
    const limiter = new RateLimiter({ clock, minIntervalMs: 0 })
    await burst(clock, limiter, 60)
    expect(limiter.stats()).toMatchObject({ sentInWindow: 60, nextSlotAt: t0 + 60_000, queued: 0 })
    clock.advance(30_000)
    const starts = await burst(clock, limiter, 1)
    expect(starts[0]).toBe(t0 + 60_000)
  })

  it('obeys a server Retry-After: no start before the pause ends', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ clock, random: () => 0, headerJitterMs: [250, 1000] })
    await burst(clock, limiter, 1)
    const t = clock.now()
    const until = limiter.onRateLimited(17_000)
    expect(until).toBe(t + 17_000 + 250)
    expect(limiter.stats().pausedUntil).toBe(until)
    const starts = await burst(clock, limiter, 3)
    expect(starts[0]).toBe(until)
    expect(starts[1]).toBe(until + 1_000)
  })

  it('obeys X-RateLimit-Reset once converted to a delay (same path as Retry-After)', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ clock, random: () => 1 })
    const until = limiter.onRateLimited(42_000)
    expect(until).toBe(clock.now() + 42_000 + 1_000)
    const starts = await burst(clock, limiter, 1)
    expect(starts[0]).toBe(until)
  })

  it('falls back to 60 s + 1–15 s jitter without a header', async () => {
    const clock = new FakeClock()
    const t0 = clock.now()
    const low = new RateLimiter({ clock, random: () => 0 })
    expect(low.onRateLimited(null)).toBe(t0 + 61_000)
    const high = new RateLimiter({ clock, random: () => 0.999999 })
    expect(high.onRateLimited(null) - t0).toBeGreaterThan(74_000)
    expect(high.onRateLimited(null) - t0).toBeLessThanOrEqual(75_000)
    const starts = await burst(clock, low, 1)
    expect(starts[0]).toBe(t0 + 61_000)
  })

  it('pauses requests already waiting when a 429 arrives meanwhile, and never shortens a pause', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ clock, random: () => 0, headerJitterMs: [0, 0] })
    const t0 = clock.now()
    const starts: number[] = []
    const pending = Promise.all([1, 2, 3].map(() => limiter.acquire().then(() => starts.push(clock.now()))))
    await settle()
    expect(starts).toEqual([t0])
    limiter.penalize(t0 + 30_000)
    limiter.onRateLimited(5_000) // shorter: ignored
    await drive(clock, pending)
    expect(starts).toEqual([t0, t0 + 30_000, t0 + 31_000])
  })

  it('cancellation stops waiting and frees the place for the next caller', async () => {
    const clock = new FakeClock()
    const t0 = clock.now()
    const limiter = new RateLimiter({ clock })
    await burst(clock, limiter, 1)
    const controller = new AbortController()
    const cancelled = rejection(limiter.acquire(controller.signal))
    const other = limiter.acquire().then(() => clock.now())
    await settle()
    expect(limiter.stats().queued).toBe(2)
    controller.abort()
    const error = await cancelled
    expect(isApiError(error, 'cancelled')).toBe(true)
    expect(await drive(clock, other)).toBe(t0 + 1_000)
    expect(limiter.stats().totalGranted).toBe(2)
    // A sole waiter that leaves does not keep the limiter sleeping.
    const alone = new AbortController()
    const gone = rejection(limiter.acquire(alone.signal))
    await settle()
    expect(clock.pendingSleepers()).toBe(1)
    alone.abort()
    await gone
    await settle()
    expect(clock.pendingSleepers()).toBe(0)
    // An already-aborted signal rejects at once.
    expect(isApiError(await rejection(limiter.acquire(AbortSignal.abort())), 'cancelled')).toBe(true)
  })

  it('stats() reports the window, next slot and pause', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ clock, random: () => 0 })
    expect(limiter.stats()).toMatchObject({
      sentInWindow: 0,
      nextSlotAt: clock.now(),
      pausedUntil: null,
      limit: 60,
      windowMs: 60_000,
    })
    await burst(clock, limiter, 3)
    const s = limiter.stats()
    expect(s.sentInWindow).toBe(3)
    expect(s.nextSlotAt).toBe(clock.now() + 1_000)
    clock.advance(61_000)
    expect(limiter.stats().sentInWindow).toBe(0)
    limiter.onRateLimited(null)
    expect(limiter.stats()).toMatchObject({ rateLimitedCount: 1, pausedUntil: clock.now() + 61_000 })
  })
})
