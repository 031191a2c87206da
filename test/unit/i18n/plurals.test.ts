import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '../../../renderer/src/app/i18n'
import { LANGUAGES } from '../../../shared/i18n/languages'

async function translator(lng: string) {
  const instance = i18next.createInstance()
  await instance.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false } })
  return instance.t.bind(instance) as (key: string, options?: Record<string, unknown>) => string
}

describe('counted texts use plural forms, not "item(s)"', () => {
  it.each(LANGUAGES)('%s: coverage, skipped items and scopes', async (lng) => {
    const t = await translator(lng)
    for (const key of ['coverage.state.partial', 'coverage.skipped.summary', 'accounts.needsScopes']) {
      const one = t(key, { count: 1, scopes: 'workspace' })
      const many = t(key, { count: 3, scopes: 'workspace, drive' })
      expect(one, `${lng} ${key}`).not.toBe(key)
      expect(one, `${lng} ${key}`).not.toMatch(/\(\w+\)|\w\/\w/)
      expect(many, `${lng} ${key}`).not.toMatch(/\(\w+\)|\w\/\w/)
    }
  })

  it('English reads naturally', async () => {
    const t = await translator('en')
    expect(t('coverage.state.partial', { count: 1 })).toBe('Partial: 1 item left out')
    expect(t('coverage.state.partial', { count: 4 })).toBe('Partial: 4 items left out')
    expect(t('accounts.needsScopes', { count: 1, scopes: 'workspace' })).toBe('Needs the scope: workspace')
  })
})
