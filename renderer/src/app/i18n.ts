/**
 * The one loader of the renderer's strings. One i18next resource per language, made of namespaces
 * (the top-level keys: `nav`, `settings`, `accessPage`, `billingPage`, …), each owned by one module;
 * keys are typed from the English catalogue (`i18next.d.ts`). The pseudo-locale is built from English
 * on demand.
 */
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { PSEUDO_LANGUAGE, type Language, type UiLanguage } from '../../../shared/i18n/languages'
import { withPluralForms } from '../../../shared/i18n/catalogue'
import { pseudoLocalize } from '../../../shared/i18n/pseudo'
import { en, type Messages } from '../locales/en'
import { fr } from '../locales/fr'
import { de } from '../locales/de'
import { it } from '../locales/it'
import { es } from '../locales/es'

/** Every language's catalogue. */
export const catalogues: Record<Language, Messages> = { en, fr, de, it, es }

/** i18next resources: each catalogue with the plural forms its language needs (see `withPluralForms`). */
export const resources = Object.fromEntries(
  Object.entries(catalogues).map(([language, translation]) => [
    language,
    { translation: withPluralForms(translation, language) },
  ]),
) as Record<Language, { translation: Messages }>

/** Switches the UI language, building the pseudo-locale the first time it is asked for. */
export async function setUiLanguage(instance: i18n, language: UiLanguage): Promise<void> {
  if (language === PSEUDO_LANGUAGE && !instance.hasResourceBundle(PSEUDO_LANGUAGE, 'translation')) {
    instance.addResourceBundle(PSEUDO_LANGUAGE, 'translation', pseudoLocalize(en))
  }
  if (instance.language !== language) await instance.changeLanguage(language)
  if (typeof document !== 'undefined') document.documentElement.lang = language
}

/** Creates the i18next instance; the language then follows the `language` setting. */
export function createI18n(language: UiLanguage = 'en'): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  })
  if (language !== 'en') void setUiLanguage(instance, language)
  return instance
}
