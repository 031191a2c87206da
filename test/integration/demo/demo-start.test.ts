import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { AccountSummary, OrgSummary } from '../../../shared/domain/cache'
import { systemClock, testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

type Ctx = ReturnType<typeof testCore>

const realFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)

function open(dataDir: string): Ctx {
  return testCore({ dataDir, fetch: realFetch, clock: systemClock })
}

async function call<T>(ctx: Ctx, channel: string, input: unknown): Promise<T> {
  const result = await ctx.core.dispatch(channel, input, { transport: 'test' })
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.reason}`)
  return result.value as T
}

describe('demo:start', () => {
  const temp = tempDir('switchboard-demo-')
  const opened: Ctx[] = []
  afterEach(async () => {
    for (const ctx of opened.splice(0)) {
      const demo = ctx.core.services.demo
      ctx.dispose()
      await demo.close()
    }
  })
  afterAll(() => temp.cleanup())

  it('starts the sandbox, adds the demo account through accounts:add and syncs it', async () => {
    const ctx = open(temp.dir)
    opened.push(ctx)
    const [a, b] = await Promise.all([
      call<AccountSummary>(ctx, 'demo:start', {}),
      call<AccountSummary>(ctx, 'demo:start', {}),
    ])
    expect(a.id).toBe(b.id)
    expect(a).toMatchObject({ isDemo: true, label: 'Demo agency', state: 'ok' })
    expect(a.baseUrl).toBe(await ctx.core.services.demo.url())
    expect(a.scopes.some((s) => s.scope === 'accounts' && s.granted === true)).toBe(true)

    await ctx.core.services.sync.whenIdle(a.id)
    const orgs = await call<OrgSummary[]>(ctx, 'orgs:list', { accountId: a.id })
    expect(orgs.length).toBeGreaterThanOrEqual(20)
    const status = ctx.core.services.sync.status(a.id)[0]
    expect(status?.lastError).toBeNull()
    expect(status?.lastSyncAt).not.toBeNull()

    // A second call answers the same account and does not add another one.
    const again = await call<AccountSummary>(ctx, 'demo:start', {})
    expect(again.id).toBe(a.id)
    expect(await call<AccountSummary[]>(ctx, 'accounts:list', {})).toHaveLength(1)
  }, 120_000)

  it('after a restart, re-points the demo account at the new sandbox and syncs again', async () => {
    const before = open(temp.dir)
    opened.push(before)
    const first = await call<AccountSummary>(before, 'demo:start', {})
    await before.core.services.sync.whenIdle(first.id)
    const oldUrl = first.baseUrl
    before.dispose()
    await before.core.services.demo.close()
    opened.splice(opened.indexOf(before), 1)

    // New process: new memory secret store, the sandbox on a new port.
    const after = open(temp.dir)
    opened.push(after)
    const second = await call<AccountSummary>(after, 'demo:start', {})
    expect(second.id).toBe(first.id)
    const newUrl = await after.core.services.demo.url()
    expect(newUrl).not.toBe(oldUrl)
    expect(second.baseUrl).toBe(newUrl)
    await after.core.services.sync.whenIdle(second.id)
    const status = after.core.services.sync.status(second.id)[0]
    expect(status?.state).not.toBe('offline')
    expect(status?.lastError).toBeNull()
    const accounts = await call<AccountSummary[]>(after, 'accounts:list', {})
    expect(accounts).toHaveLength(1)
    expect(accounts[0]).toMatchObject({ isDemo: true, state: 'ok', baseUrl: newUrl })
  }, 120_000)
})
