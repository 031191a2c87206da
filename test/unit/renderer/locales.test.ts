import { describe, expect, it } from 'vitest'
import { en } from '../../../renderer/src/locales/en'
import { fr } from '../../../renderer/src/locales/fr'

function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value as object, path)) out.set(k, v)
  }
  return out
}

describe('locale catalogues', () => {
  const english = leaves(en)
  const french = leaves(fr)

  it('French has exactly the English keys', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('has no empty strings and keeps interpolation placeholders', () => {
    for (const [key, value] of english) {
      expect(value.trim(), key).not.toBe('')
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort()
      expect(placeholders(french.get(key) ?? ''), key).toEqual(placeholders(value))
    }
  })

  it('actually translates (most French strings differ from English)', () => {
    let same = 0
    for (const [key, value] of english) if (french.get(key) === value) same++
    expect(same / english.size).toBeLessThan(0.15)
  })
})
