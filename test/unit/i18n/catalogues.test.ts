/**
 * Key parity across the five languages and the pseudo-locale, for the renderer's catalogues and for
 * the shared ones (terms, documents): same keys, same placeholders, no empty text, real translations,
 * and every plural form each language needs.
 */
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { catalogues, resources } from '../../../renderer/src/app/i18n'
import { leaves, placeholders, withPluralForms } from '../../../shared/i18n/catalogue'
import { documentCatalogues } from '../../../shared/i18n/documents'
import { LANGUAGES, PSEUDO_LANGUAGE, type Language } from '../../../shared/i18n/languages'
import { pseudoLocalize } from '../../../shared/i18n/pseudo'
import { terms } from '../../../shared/i18n/terms'

const OTHERS = LANGUAGES.filter((l) => l !== 'en')

/** Every catalogue family: one object per language, English the reference. */
const families: Record<string, Record<Language, object>> = {
  ui: catalogues,
  terms,
  ...documentCatalogues,
}

/** Brand names (kDrive, Swiss Backup, Jelastic…) stay as they are in every language. */
const MAX_UNTRANSLATED: Record<string, number> = { terms: 0.6 }

describe.each(Object.entries(families))('the %s catalogue', (name, family) => {
  const english = leaves(family.en)

  it.each(OTHERS)('%s has exactly the English keys', (language) => {
    expect([...leaves(family[language]).keys()].sort()).toEqual([...english.keys()].sort())
  })

  it.each(LANGUAGES)('%s has no empty text and keeps every placeholder', (language) => {
    const texts = leaves(family[language])
    for (const [key, value] of english) {
      const text = texts.get(key) ?? ''
      expect(text.trim(), `${language} ${key}`).not.toBe('')
      expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(value))
    }
  })

  it.each(OTHERS)('%s is actually translated (most texts differ from English)', (language) => {
    const texts = leaves(family[language])
    let same = 0
    for (const [key, value] of english) if (texts.get(key) === value) same++
    // Product names, codes and "Total"-like words legitimately stay the same.
    expect(same / english.size).toBeLessThan(MAX_UNTRANSLATED[name] ?? 0.3)
  })

  it('pairs every plural form (_one with _other)', () => {
    for (const key of english.keys()) {
      if (key.endsWith('_one')) expect(english.has(key.replace(/_one$/, '_other')), key).toBe(true)
      if (key.endsWith('_other')) expect(english.has(key.replace(/_other$/, '_one')), key).toBe(true)
    }
  })
})

describe('the renderer resources', () => {
  const english = leaves(catalogues.en)
  const pluralBases = [...english.keys()].filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -6))

  it('the pseudo-locale has the English keys and placeholders, lengthened and accented', () => {
    const pseudo = leaves(pseudoLocalize(catalogues.en))
    expect([...pseudo.keys()].sort()).toEqual([...english.keys()].sort())
    for (const [key, value] of english) {
      const text = pseudo.get(key)!
      expect(placeholders(text), key).toEqual(placeholders(value))
      expect(text.length, key).toBeGreaterThan(value.length)
    }
    expect(pseudo.get('nav.settings')).toMatch(/^⟦Šéţţîñĝš ·~+⟧$/)
  })

  it.each(LANGUAGES)('%s resolves every plural key for 0, 1, 2, 5 and a million without falling back', (language) => {
    const instance = i18next.createInstance()
    void instance.init({
      resources: { [language]: resources[language] },
      lng: language,
      fallbackLng: false,
      interpolation: { escapeValue: false },
      initAsync: false,
    })
    for (const base of pluralBases) {
      for (const count of [0, 1, 2, 5, 1_000_000]) {
        const text = instance.t(base as never, { count })
        expect(text, `${language} ${base} ${count}`).not.toBe(base)
        if (english.get(`${base}_other`)?.includes('{{count}}'))
          expect(text, `${language} ${base} ${count}`).toContain(String(count))
      }
    }
  })

  it('adds the "many" form French, Italian and Spanish need, from "other"', () => {
    const fr = withPluralForms({ days_one: '{{count}} jour', days_other: '{{count}} jours' }, 'fr')
    expect(fr).toEqual({ days_one: '{{count}} jour', days_other: '{{count}} jours', days_many: '{{count}} jours' })
    expect(withPluralForms({ a_one: 'x', a_other: 'y' }, 'de')).toEqual({ a_one: 'x', a_other: 'y' })
  })

  it('names the pseudo-locale as a code no real language uses', () => {
    expect(LANGUAGES).not.toContain(PSEUDO_LANGUAGE)
  })
})
