/**
 * The one formatting module: dates, numbers, money, relative times and durations via `Intl`, for the
 * renderer, the CLI and the document writers alike. Dependency-free.
 *
 * Formats follow the language with Swiss conventions where Switzerland has its own: German, French,
 * Italian and English use `de-CH`, `fr-CH`, `it-CH` and `en-CH`, with the Swiss business habits that
 * the CLDR data leaves to each language: a `'` between thousands and a `.` before decimals
 * (`1'234.50`), numeric dates as `01.12.2026`, and amounts as `CHF 1'234.50`. Spanish uses `es-ES`.
 */
import type { Currency } from '../domain/billing'
import { PSEUDO_LANGUAGE } from './languages'
import { pseudoText } from './pseudo'

const INTL_LOCALES: Record<string, string> = {
  en: 'en-CH',
  fr: 'fr-CH',
  de: 'de-CH',
  it: 'it-CH',
  es: 'es-ES',
}

/** The `Intl` locale of a language (`de` → `de-CH`); the pseudo-locale formats like English. */
export function intlLocale(language: string): string {
  return INTL_LOCALES[language] ?? INTL_LOCALES[language.split('-')[0] ?? ''] ?? 'en-CH'
}

/** True when the language formats the Swiss way. */
export function isSwiss(language: string): boolean {
  return intlLocale(language).endsWith('-CH')
}

function numberParts(value: number, language: string, options: Intl.NumberFormatOptions): string {
  const swiss = isSwiss(language)
  const format = new Intl.NumberFormat(intlLocale(language), swiss ? { ...options, useGrouping: 'always' } : options)
  if (!swiss) return format.format(value)
  return format
    .formatToParts(value)
    .map((p) => (p.type === 'group' ? "'" : p.type === 'decimal' ? '.' : p.value))
    .join('')
}

/** `1234.5` → `1'234.5` (Swiss) or `1234,5` (es); options as `Intl.NumberFormat`'s. */
export function formatNumber(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return numberParts(value, language, options)
}

/** `0.42` → `42 %` (the percent sign as the language writes it). */
export function formatPercent(ratio: number, language: string): string {
  return numberParts(ratio, language, { style: 'percent', maximumFractionDigits: 0 })
}

/**
 * An amount in cents with its ISO currency code: `CHF 1'234.50`, `CHF -80.00` (Swiss), `1234,50 EUR` (es).
 * The code, never a symbol: CHF and EUR must not be confused on a statement.
 */
export function formatMoney(cents: number, currency: Currency | string, language: string): string {
  const amount = cents / 100
  if (isSwiss(language)) {
    return `${currency} ${numberParts(amount, language, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
  }
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
  }).format(amount)
}

/** The decimal separator as the language writes numbers (`.` Swiss, `,` es). */
export function decimalSeparator(language: string): '.' | ',' {
  return numberParts(1.5, language, {}).includes(',') ? ',' : '.'
}

/**
 * CSV defaults per language: the decimal separator of its numbers, and a semicolon wherever Excel
 * expects one (every language but English, whose Excel splits on commas).
 */
export function csvDefaults(language: string): { delimiter: ',' | ';'; decimal: '.' | ',' } {
  const base = language.split('-')[0]
  return { delimiter: base === 'en' ? ',' : ';', decimal: decimalSeparator(language) }
}

type DateInput = number | Date | string

/** Milliseconds, a Date, or an ISO day `YYYY-MM-DD` (read as that calendar day, no time zone shift). */
function toDate(value: DateInput): { date: Date; utc: boolean } {
  if (typeof value === 'string') {
    const [y, m, d] = value.slice(0, 10).split('-').map(Number)
    return { date: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)), utc: true }
  }
  return { date: typeof value === 'number' ? new Date(value) : value, utc: false }
}

function dateFormat(language: string, utc: boolean, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(language), utc ? { ...options, timeZone: 'UTC' } : options)
}

/** `01.12.2026` (Swiss), `01/12/2026` (es): the compact form for tables and documents. */
export function formatNumericDate(value: DateInput, language: string): string {
  const { date, utc } = toDate(value)
  const format = dateFormat(language, utc, { day: '2-digit', month: '2-digit', year: 'numeric' })
  if (!isSwiss(language)) return format.format(date)
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    format.formatToParts(date).find((p) => p.type === type)?.value ?? ''
  return `${part('day')}.${part('month')}.${part('year')}`
}

/** `1 Dec 2026`, `1 déc. 2026`, `1. Dez. 2026`: a date with the month's short name. */
export function formatDate(value: DateInput, language: string): string {
  const { date, utc } = toDate(value)
  return dateFormat(language, utc, { year: 'numeric', month: 'short', day: 'numeric' }).format(date)
}

/** A date with the time of day, e.g. `1 Dec 2026, 14:05`. */
export function formatDateTime(value: DateInput, language: string): string {
  const { date, utc } = toDate(value)
  return dateFormat(language, utc, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/** The time of day, `14:05`. */
export function formatTime(value: DateInput, language: string): string {
  const { date, utc } = toDate(value)
  return dateFormat(language, utc, { timeStyle: 'short' }).format(date)
}

/** `2026-03` → `Mar 2026`, `mars 2026`, `März 2026` (or `Mar 26` with a two-digit year, for charts). */
export function formatMonth(month: string, language: string, year: 'numeric' | '2-digit' = 'numeric'): string {
  const { date } = toDate(`${month.slice(0, 7)}-01`)
  return dateFormat(language, true, { year, month: 'short' }).format(date)
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** "3 minutes ago", "in 2 days", "now" in the language. */
export function relativeTime(atMs: number, nowMs: number, language: string): string {
  // A moment a few seconds "in the future" is clock skew or a stale `now`: it is just now.
  const diff = atMs > nowMs && atMs - nowMs < 60_000 ? 0 : atMs - nowMs
  const format = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto' })
  const unit = UNITS.find(([, size]) => Math.abs(diff) >= size)
  const text = unit
    ? format.format(Math.round(diff / unit[1]), unit[0])
    : format.format(Math.round(diff / 1000 / 10) * 10, 'second')
  // The pseudo-locale has no Intl data of its own: its words are marked like every other text.
  return language === PSEUDO_LANGUAGE ? pseudoText(text) : text
}

/** A duration such as "2 min" or "45 s". */
export function formatDuration(ms: number, language: string): string {
  const locale = intlLocale(language)
  const seconds = Math.max(1, Math.round(ms / 1000))
  const minutes = Math.round(seconds / 60)
  const text =
    seconds < 60
      ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'second' }).format(seconds)
      : minutes < 60
        ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute' }).format(minutes)
        : new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 }).format(minutes / 60)
  return language === PSEUDO_LANGUAGE ? pseudoText(text) : text
}

/** A list as the language joins it: `A, B and C`, `A, B et C`, `A, B und C`. */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(intlLocale(language), { type: 'conjunction' }).format(items)
}

/**
 * For PDFs drawn with the standard fonts, which lack the narrow and the plain no-break spaces that
 * some locales put in numbers and dates: plain spaces instead.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ')
}
