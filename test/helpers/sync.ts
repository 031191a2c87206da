import { startSandbox, type Sandbox, type SandboxOptions } from '../../electron/sandbox'
import type { ApiPace } from '../../electron/main/core'
import { FAST_PACE, systemClock, testCore } from './core'

/**
 * A sandbox and a core wired together with the same fast "60 per window" pace on both
 * sides (window 1 s instead of 60 s), so tests exercise the real limits quickly.
 */
export async function syncFixture(options: SandboxOptions & { dataDir?: string; pace?: Partial<ApiPace> } = {}) {
  const { dataDir, pace, ...sandboxOptions } = options
  const sandbox: Sandbox = await startSandbox({
    scale: 'tiny',
    ...sandboxOptions,
    settings: { rateLimit: { limit: 60, windowMs: 1_000 }, ...sandboxOptions.settings },
  })
  const ctx = testCore({
    fetch: globalThis.fetch.bind(globalThis),
    clock: systemClock,
    pace: { ...FAST_PACE, ...pace },
    ...(dataDir ? { dataDir } : {}),
  })
  const addAccount = async (tokenName = 'owner'): Promise<string> => {
    const token = sandbox.tokens[tokenName]
    if (!token) throw new Error(`no sandbox token ${tokenName}`)
    const result = await ctx.core.dispatch('accounts:add', { token, baseUrl: sandbox.url }, { transport: 'test' })
    if (!result.ok) throw new Error(`accounts:add failed: ${result.error.code} ${result.error.reason}`)
    const id = (result.value as { id: string }).id
    // accounts:add starts the first sync
    await ctx.core.services.sync.whenIdle(id)
    return id
  }
  const sync = async (accountId: string, opts: { orgId?: number } = {}) => {
    ctx.core.services.sync.start(accountId, opts)
    await ctx.core.services.sync.whenIdle(accountId)
    return ctx.core.services.sync.status(accountId)[0]!
  }
  return {
    sandbox,
    ctx,
    core: ctx.core,
    db: ctx.core.db,
    addAccount,
    sync,
    dispose: async () => {
      ctx.dispose()
      await sandbox.stop()
    },
  }
}
