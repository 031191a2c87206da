import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { withPluralForms } from '../../../shared/i18n/catalogue'
import { serviceLabel } from '../../../shared/domain/service-catalogue'
import { languageFromLocales, languageFromManagerLocale, PSEUDO_LANGUAGE } from '../../../shared/i18n/languages'
import { pseudoText } from '../../../shared/i18n/pseudo'
import { roleName, serviceName } from '../../../shared/i18n/terms'
import { createTranslator, interpolate } from '../../../shared/i18n/translate'

const catalogue = {
  greeting: 'Hello {{name}}',
  nested: { days_one: '{{count}} day', days_other: '{{count}} days' },
}
const french = {
  greeting: 'Bonjour {{name}}',
  nested: { days_one: '{{count}} jour', days_other: '{{count}} jours' },
}

describe('the core translator', () => {
  it('interpolates and picks plural forms like i18next', async () => {
    const instance = i18next.createInstance()
    await instance.init({
      lng: 'fr',
      resources: { fr: { translation: withPluralForms(french, 'fr') } },
      interpolation: { escapeValue: false },
    })
    const t = createTranslator(french, 'fr')
    for (const count of [0, 1, 2, 1_000_000]) {
      expect(t('nested.days', { count })).toBe(instance.t('nested.days' as never, { count }))
    }
    expect(t('nested.days', { count: 0 })).toBe('0 jour')
    expect(t('nested.days', { count: 1_000_000 })).toBe('1000000 jours')
    expect(t('greeting', { name: '<b>Zoë</b>' })).toBe('Bonjour <b>Zoë</b>')
  })

  it('uses English plural rules for English', () => {
    const t = createTranslator(catalogue, 'en')
    expect(t('nested.days', { count: 1 })).toBe('1 day')
    expect(t('nested.days', { count: 0 })).toBe('0 days')
  })

  it('leaves unknown placeholders visible and answers the key when a text is missing', () => {
    expect(interpolate('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}')
    const t = createTranslator(catalogue, 'en')
    expect(t('missing' as never)).toBe('missing')
  })
})

describe('languages', () => {
  it('takes the first supported language of an OS preference list, in any spelling', () => {
    expect(languageFromLocales(['de-CH'])).toBe('de')
    expect(languageFromLocales(['fr_CH.UTF-8'])).toBe('fr')
    expect(languageFromLocales(['rm-CH', 'it-CH', 'de'])).toBe('it')
    expect(languageFromLocales(['es-419'])).toBe('es')
    expect(languageFromLocales(['C', 'POSIX', '', null])).toBeNull()
    expect(languageFromLocales([])).toBeNull()
  })

  it('maps the Manager locale codes of invitations', () => {
    expect(languageFromManagerLocale('it_IT')).toBe('it')
    expect(languageFromManagerLocale('en_GB')).toBe('en')
    expect(languageFromManagerLocale('xx_XX')).toBeNull()
  })
})

describe('the pseudo-locale', () => {
  it('accents, lengthens and brackets the text, keeping placeholders and tags', () => {
    const text = pseudoText('Expires in {{count}} days <b>now</b>')
    expect(text.startsWith('⟦Éẋþîŕéš îñ {{count}} ðáýš <b>ñöŵ</b>')).toBe(true)
    expect(text.endsWith('⟧')).toBe(true)
    expect(text.length).toBeGreaterThan('Expires in {{count}} days <b>now</b>'.length + 5)
    expect(pseudoText('—')).toBe('⟦—⟧')
  })
})

describe('terms: one path for role and service names', () => {
  it('names roles in the Manager wording, unknown values readably', () => {
    expect(roleName('owner', 'de')).toBe('Rechtsvertreter')
    expect(roleName('owner', 'fr')).toBe('Représentant légal')
    expect(roleName('owner', 'it')).toBe('Rappresentante legale')
    expect(roleName('normal', 'de')).toBe('Mitarbeiter')
    expect(roleName('some_new_role', 'it')).toBe('some new role')
  })

  it('names services from the service catalogue, pseudo-localised in the pseudo-locale', () => {
    expect(serviceName('email_hosting', 'de-CH')).toBe('Mail-Service')
    expect(serviceName({ name: 'hosting_3' }, 'it')).toBe(serviceLabel('hosting_3', 'it'))
    expect(serviceName('drive', PSEUDO_LANGUAGE)).toBe(pseudoText(serviceLabel('drive', 'en')))
    expect(serviceName('drive', PSEUDO_LANGUAGE)).toMatch(/^⟦.*⟧$/)
  })
})
