import { afterEach, describe, expect, it } from 'vitest'
import type { SyncEstimate } from '../../../shared/ipc/contracts/sync-estimate'
import { syncFixture } from '../../helpers/sync'

let fx: Awaited<ReturnType<typeof syncFixture>> | undefined
afterEach(async () => {
  await fx?.dispose()
  fx = undefined
})

describe('sync:estimate', () => {
  it('answers the requests of a full sync from the plan, and the time at the account’s pace, starting nothing', async () => {
    fx = await syncFixture()
    const accountId = await fx.addAccount('owner')
    const lastRun = fx.core.services.sync.status(accountId)[0]!
    const before = fx.sandbox.requests.list().length
    const r = await fx.core.dispatch('sync:estimate', {}, { transport: 'test' })
    if (!r.ok) throw new Error(r.error.reason)
    const e = r.value as SyncEstimate
    // Nothing was sent and no sync started.
    expect(fx.sandbox.requests.list().length).toBe(before)
    expect(fx.core.services.sync.status(accountId)[0]!.state).toBe('idle')
    expect(e.accounts.map((a) => a.accountId)).toEqual([accountId])
    // The plan counts what each job cost last time: a full re-read costs about what the first sync did.
    expect(e.requests).toBeGreaterThanOrEqual(Math.floor(lastRun.requests * 0.8))
    expect(e.requests).toBeLessThanOrEqual(Math.ceil(lastRun.requests * 1.2))
    // The test pace is 60 requests per 1 s window.
    expect(e.etaMs).toBe(Math.round(e.requests * (1_000 / 60)))
    const one = await fx.core.dispatch('sync:estimate', { accountId }, { transport: 'test' })
    expect(one.ok && (one.value as SyncEstimate).requests).toBe(e.requests)
  }, 60_000)
})
