/**
 * The first figure: latency of an IPC round trip through `dispatch` to SQLite and back
 * (settings:get and settings:set on a real file). Guards the harness itself in CI.
 */
import { testCore } from '../helpers/core'
import { summarize } from './_stats'

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const n = Number(argv.find((a) => a.startsWith('--n='))?.slice(4) ?? 2000)
  const ctx = testCore()
  try {
    const reads: number[] = []
    const writes: number[] = []
    for (let i = 0; i < n; i++) {
      let t = performance.now()
      const r = await ctx.core.dispatch('settings:get', {}, { transport: 'test' })
      reads.push(performance.now() - t)
      if (!r.ok) throw new Error('settings:get failed')
      t = performance.now()
      const w = await ctx.core.dispatch(
        'settings:set',
        { patch: { theme: i % 2 ? 'dark' : 'light' } },
        { transport: 'test' },
      )
      writes.push(performance.now() - t)
      if (!w.ok) throw new Error('settings:set failed')
    }
    return { dispatchSettingsGetMs: summarize(reads), dispatchSettingsSetMs: summarize(writes) }
  } finally {
    ctx.dispose()
  }
}
