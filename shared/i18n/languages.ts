/**
 * The languages Switchboard speaks: the five of the Infomaniak Manager. Dependency-free, so the
 * renderer, the core, the CLI and the document writers share it.
 */
export const LANGUAGES = ['en', 'fr', 'de', 'it', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

/** The pseudo-locale (lengthened, accented English) used to find truncation and hard-coded text. */
export const PSEUDO_LANGUAGE = 'en-XA'
/** What the renderer can display: a real language or the pseudo-locale. */
export type UiLanguage = Language | typeof PSEUDO_LANGUAGE

/** Each language in its own name, as language pickers show them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  es: 'Español',
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The first supported language of a preference list of locales, in any of the spellings an OS
 * gives (`de-CH`, `fr_CH.UTF-8`, `it`, `es-419`, `C`); null when none is supported.
 */
export function languageFromLocales(locales: readonly (string | null | undefined)[]): Language | null {
  for (const locale of locales) {
    if (!locale) continue
    const primary = locale
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0]
    if (isLanguage(primary)) return primary
  }
  return null
}

/** The locale codes of the Infomaniak API (user and invitation languages). */
export const MANAGER_LOCALES: Record<Language, string> = {
  de: 'de_DE',
  en: 'en_GB',
  es: 'es_ES',
  fr: 'fr_FR',
  it: 'it_IT',
}

/** `fr_FR` → `fr`; an unknown code gives null. */
export function languageFromManagerLocale(code: string | null | undefined): Language | null {
  return code ? languageFromLocales([code]) : null
}
