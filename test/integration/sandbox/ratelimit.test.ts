/** 60 requests in any 60-second window per token; 429 with Retry-After and X-RateLimit-Reset (§12.4). */
import { afterEach, describe, expect, it } from 'vitest'
import { FakeClock } from '../../../electron/main/lib/clock'
import { startSandbox, type Sandbox, type SettingsPatch } from '../../../electron/sandbox/index'
import { REF, call, errorOf } from './helpers'

let sb: Sandbox | null = null
afterEach(async () => {
  await sb?.stop()
  sb = null
})

async function start(clock: FakeClock, settings: SettingsPatch = {}): Promise<Sandbox> {
  sb = await startSandbox({ seed: 1, scale: 'tiny', referenceTime: REF, clock, settings })
  return sb
}

async function burst(s: Sandbox, n: number, token = 'owner'): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push((await call(s, '/1/profile', { token })).status)
  return out
}

describe('rate limit (sliding window, default 60 per 60 s)', () => {
  it('allows exactly 60, answers the 61st with 429 and both headers, and recovers', async () => {
    const clock = new FakeClock(REF + 10_000)
    const s = await start(clock)
    const statuses = await burst(s, 60)
    expect(statuses.every((x) => x === 200)).toBe(true)
    const r = await call(s, '/1/profile')
    expect(r.status).toBe(429)
    expect(r.body).toEqual({
      result: 'error',
      error: { code: 'too_many_requests', description: expect.any(String), errors: [] },
    })
    expect(r.headers.get('retry-after')).toBe('60')
    expect(r.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((REF + 10_000 + 60_000) / 1000)))
    expect(r.headers.get('x-ratelimit-limit')).toBeNull()

    clock.advance(59_999)
    const stillBlocked = await call(s, '/1/profile')
    expect(stillBlocked.status).toBe(429)
    expect(stillBlocked.headers.get('retry-after')).toBe('1')
    clock.advance(1)
    // the whole burst left the window together: a full new window of 60
    expect((await burst(s, 60)).every((x) => x === 200)).toBe(true)
    expect((await call(s, '/1/profile')).status).toBe(429)
    // the request log records every answer, with the clock's time
    const log = s.requests.list({ tokenName: 'owner' })
    expect(log).toHaveLength(123)
    expect(log.filter((e) => e.status === 429)).toHaveLength(3)
    expect(log[0]!.at).toBe(REF + 10_000)
    expect(log[60]!.path).toBe('/1/profile')
  })

  it('never lets more than 60 through in any 60-second window (spread traffic)', async () => {
    const clock = new FakeClock(REF)
    const s = await start(clock)
    const accepted: number[] = []
    // 200 attempts, one every 700 ms: the limit bites in bursts that never exceed 60 per window
    for (let i = 0; i < 200; i++) {
      if ((await call(s, '/1/profile')).status === 200) accepted.push(clock.now())
      clock.advance(700)
    }
    for (let i = 0; i + 60 < accepted.length; i++)
      expect(accepted[i + 60]! - accepted[i]!).toBeGreaterThanOrEqual(60_000)
    expect(accepted.length).toBeGreaterThan(60)
  })

  it('counts per token: another token has its own quota', async () => {
    const clock = new FakeClock(REF)
    const s = await start(clock)
    await burst(s, 60)
    expect((await call(s, '/1/profile')).status).toBe(429)
    expect((await call(s, '/1/profile', { token: 'staff' })).status).toBe(200)
  })

  it('can count per user instead (two tokens of the same user share the quota)', async () => {
    const clock = new FakeClock(REF)
    const s = await start(clock, { rateLimit: { key: 'user' } })
    await burst(s, 60, 'owner')
    // `limited` belongs to the same user as `owner`
    expect((await call(s, '/1/profile', { token: 'limited' })).status).toBe(429)
  })

  it('supports a small window for fast tests (60 per second)', async () => {
    const clock = new FakeClock(REF)
    const s = await start(clock, { rateLimit: { limit: 60, windowMs: 1000 } })
    await burst(s, 60)
    const r = await call(s, '/1/profile')
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('1')
    clock.advance(1000)
    expect((await call(s, '/1/profile')).status).toBe(200)
  })

  it('supports fixed windows aligned on the window length', async () => {
    const clock = new FakeClock(REF + 30_000)
    const s = await start(clock, { rateLimit: { mode: 'fixed', limit: 5 } })
    await burst(s, 5)
    const r = await call(s, '/1/profile')
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('30')
    expect(r.headers.get('x-ratelimit-reset')).toBe(String((REF + 60_000) / 1000))
    clock.advance(30_000)
    expect(await burst(s, 5)).toEqual([200, 200, 200, 200, 200])
  })

  it('switches each 429 header and the body code independently', async () => {
    const clock = new FakeClock(REF)
    const s = await start(clock, {
      rateLimit: { limit: 2 },
      retryAfterHeader: false,
      rateLimitCode: 'rate_limit_exceeded',
    })
    await burst(s, 2)
    let r = await call(s, '/1/profile')
    expect(r.headers.get('retry-after')).toBeNull()
    expect(r.headers.get('x-ratelimit-reset')).not.toBeNull()
    expect(errorOf(r).code).toBe('rate_limit_exceeded')
    s.control.setSettings({ retryAfterHeader: true, resetHeader: false })
    r = await call(s, '/1/profile')
    expect(r.headers.get('retry-after')).not.toBeNull()
    expect(r.headers.get('x-ratelimit-reset')).toBeNull()
    s.control.setSettings({ retryAfterHeader: false })
    r = await call(s, '/1/profile')
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBeNull()
    expect(r.headers.get('x-ratelimit-reset')).toBeNull()
  })

  it('sends X-RateLimit-Limit/Remaining when enabled', async () => {
    const clock = new FakeClock(REF)
    const s = await start(clock, { rateLimitHeaders: true, rateLimit: { limit: 3 } })
    const remaining: (string | null)[] = []
    for (let i = 0; i < 4; i++) remaining.push((await call(s, '/1/profile')).headers.get('x-ratelimit-remaining'))
    expect(remaining).toEqual(['2', '1', '0', '0'])
  })

  it('is off with key "off", and control calls never count', async () => {
    const clock = new FakeClock(REF)
    const s = await start(clock, { rateLimit: { limit: 3 } })
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${s.control.url}/state`, { headers: { 'X-Sandbox-Control': s.control.secret } })
      expect(res.status).toBe(200)
    }
    expect(await burst(s, 3)).toEqual([200, 200, 200])
    expect(s.requests.count()).toBe(3)
    s.control.setSettings({ rateLimit: { key: 'off' } })
    expect(await burst(s, 20)).toEqual(Array(20).fill(200))
  })
})
