/** Each fault kind is observable, settable at start and at run time, and reproducible from the seed. */
import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type FaultsPatch, type Sandbox } from '../../../electron/sandbox/index'
import { REF, call, errorOf } from './helpers'

let open: Sandbox[] = []
afterEach(async () => {
  await Promise.all(open.map((s) => s.stop()))
  open = []
})

async function start(faults: FaultsPatch = {}, seed = 3): Promise<Sandbox> {
  const sb = await startSandbox({
    seed,
    scale: 'tiny',
    referenceTime: REF,
    faults,
    settings: { rateLimit: { key: 'off' } },
  })
  open.push(sb)
  return sb
}

async function raw(sb: Sandbox, path = '/1/accounts', init: RequestInit = {}): Promise<Response> {
  return fetch(`${sb.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${sb.tokens.owner}`, ...(init.headers as Record<string, string> | undefined) },
  })
}

describe('faults', () => {
  it('adds latency and jitter', async () => {
    const sb = await start({ latencyMs: 120, jitterMs: 40 })
    const t0 = performance.now()
    expect((await raw(sb)).status).toBe(200)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115)
    sb.control.setFaults({ latencyMs: 0, jitterMs: 0 })
    const t1 = performance.now()
    await raw(sb)
    expect(performance.now() - t1).toBeLessThan(100)
  })

  it('answers 5xx with the spec codes', async () => {
    const sb = await start({ errorRate: 1, errorStatus: 500 })
    const get = await call(sb, '/1/accounts')
    expect(get.status).toBe(500)
    expect(get.body.result).toBe('error')
    const post = await call(sb, `/1/accounts/${sb.data.agencyAccountId}/teams`, { method: 'POST', body: { name: 'x' } })
    expect(errorOf(post).code).toBe('cannot_create_object')
    const patch = await call(sb, `/1/accounts/${sb.data.agencyAccountId}/teams/1`, {
      method: 'PATCH',
      body: { name: 'x' },
    })
    expect(errorOf(patch).code).toBe('cannot_update_object')
    const del = await call(sb, `/1/accounts/${sb.data.agencyAccountId}/teams/1`, { method: 'DELETE' })
    expect(errorOf(del).code).toBe('cannot_delete_object')
    sb.control.setFaults({ errorStatus: 503 })
    const drive = await call(sb, `/2/drive?account_id=${sb.data.agencyAccountId}`)
    expect(drive.status).toBe(503)
    expect(errorOf(drive).code).toBe('drive_is_in_maintenance_error')
    // nothing was written
    expect(sb.data.teams.some((t) => t.name === 'x')).toBe(false)
  })

  it('forces 429 on the next N requests (storm), then recovers', async () => {
    const sb = await start({ rateLimitStorm: 3 })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await raw(sb)).status)
    expect(statuses).toEqual([429, 429, 429, 200, 200])
    const r = await raw(sb, '/1/accounts')
    expect(r.status).toBe(200)
    sb.control.setFaults({ rateLimitStorm: 1 })
    const storm = await call(sb, '/1/accounts')
    expect(storm.status).toBe(429)
    expect(storm.headers.get('retry-after')).toBe('1')
    expect(storm.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/)
    expect(errorOf(storm).code).toBe('too_many_requests')
    expect(sb.requests.list().filter((e) => e.fault === 'rate_limit')).toHaveLength(4)
  })

  it('sends malformed JSON', async () => {
    const sb = await start({ malformedJsonRate: 1 })
    const res = await raw(sb)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(() => JSON.parse(text)).toThrow()
  })

  it('truncates bodies (connection closed before Content-Length)', async () => {
    const sb = await start({ truncatedBodyRate: 1 })
    const res = await raw(sb)
    expect(res.status).toBe(200)
    const full = Number(res.headers.get('content-length'))
    await expect(res.text()).rejects.toThrow()
    expect(full).toBeGreaterThan(10)
  })

  it('drops connections without a response', async () => {
    const sb = await start({ dropConnectionRate: 1 })
    await expect(raw(sb)).rejects.toThrow()
    expect(sb.requests.list()[0]).toMatchObject({ status: 0, fault: 'drop', tokenName: 'owner' })
  })

  it('answers very slowly', async () => {
    const sb = await start({ slowRate: 1, slowMs: 300 })
    const t0 = performance.now()
    expect((await raw(sb)).status).toBe(200)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290)
  })

  it('applies queued faults in order, one per request', async () => {
    const sb = await start()
    sb.control.queueFaults({ kinds: ['error500', 'drop', 'malformed_json'] })
    expect((await raw(sb)).status).toBe(500)
    await expect(raw(sb)).rejects.toThrow()
    await expect(raw(sb).then((r) => r.json())).rejects.toThrow()
    expect((await raw(sb)).status).toBe(200)
  })

  it('draws random faults reproducibly from the seed', async () => {
    const sequence = async (seed: number): Promise<number[]> => {
      const sb = await start({ errorRate: 0.5, errorStatus: 500 }, seed)
      const out: number[] = []
      for (let i = 0; i < 24; i++) out.push((await raw(sb)).status)
      return out
    }
    const a = await sequence(11)
    const b = await sequence(11)
    const c = await sequence(12)
    expect(a).toEqual(b)
    expect(a).toContain(500)
    expect(a).toContain(200)
    expect(c).not.toEqual(a)
  })

  it('stops promptly even with a pending slow response', async () => {
    const sb = await start({ slowRate: 1, slowMs: 60_000 })
    const pending = raw(sb).then(
      () => 'answered',
      () => 'failed',
    )
    await new Promise((r) => setTimeout(r, 50))
    const t0 = performance.now()
    await sb.stop()
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(await pending).toBe('failed')
  })
})
