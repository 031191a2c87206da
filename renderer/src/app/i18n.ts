import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../../shared/domain/settings'
import { en } from '../locales/en'
import { fr } from '../locales/fr'

export const resources = { en: { translation: en }, fr: { translation: fr } } as const

/** Creates the i18next instance; the language then follows the `language` setting. */
export function createI18n(language: Language = 'en'): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  })
  return instance
}
