import { describe, expect, it } from 'vitest'
import { testCore } from '../../helpers/core'

const get = async (ctx: ReturnType<typeof testCore>, input: object = {}) => {
  const r = await ctx.core.dispatch('settings:get', input, { transport: 'test' })
  if (!r.ok) throw new Error(r.error.reason)
  return r.value as { language: string; theme: string }
}

describe('the language on first start', () => {
  it('comes from the OS locale the host passes, and is remembered', async () => {
    const first = testCore({ systemLocales: ['it-CH', 'de-CH'] })
    expect((await get(first)).language).toBe('it')
    first.core.close()
    // Another OS locale later changes nothing: the first choice was stored.
    const again = testCore({ dataDir: first.dataDir, systemLocales: ['de-CH'] })
    expect((await get(again, { localeHints: ['es-ES'] })).language).toBe('it')
    again.dispose()
    first.dispose = () => undefined
  })

  it('comes from the renderer when the host cannot know it (browser shell), then stays', async () => {
    const ctx = testCore()
    expect((await get(ctx)).language).toBe('en')
    expect((await get(ctx, { localeHints: ['fr-CH', 'fr'] })).language).toBe('fr')
    expect((await get(ctx, { localeHints: ['de-DE'] })).language).toBe('fr')
    ctx.dispose()
  })

  it('falls back to English for a locale Switchboard does not speak, without storing it', async () => {
    const ctx = testCore({ systemLocales: ['rm-CH', 'ja-JP'] })
    expect((await get(ctx)).language).toBe('en')
    expect((await get(ctx, { localeHints: ['es-AR'] })).language).toBe('es')
    ctx.dispose()
  })

  it('keeps what the user chose in Settings over any locale', async () => {
    const ctx = testCore({ systemLocales: ['de-CH'] })
    await ctx.core.dispatch('settings:set', { patch: { language: 'es' } }, { transport: 'test' })
    expect((await get(ctx, { localeHints: ['fr'] })).language).toBe('es')
    ctx.dispose()
  })
})
