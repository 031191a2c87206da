/**
 * Language of billing documents: the strings live in `shared/i18n/documents/billing.ts` (five
 * languages), the formats in `shared/i18n/format.ts`. PDFs drawn with the standard fonts get plain
 * spaces where a locale uses no-break ones.
 */
import type { Currency } from '../../../shared/domain/billing'
import { billingDocuments } from '../../../shared/i18n/documents/billing'
import { formatMoney as money, formatNumericDate, intlLocale, plainSpaces } from '../../../shared/i18n/format'
import type { Language } from '../../../shared/i18n/languages'

export type ExportLocale = Language

export const EXPORT_STRINGS = billingDocuments

/** Number format of dates in XLSX files per language (Swiss `dd.mm.yyyy` for fr, de, it). */
export const XLSX_DATE_FORMAT: Record<ExportLocale, string> = {
  en: 'dd.mm.yyyy',
  fr: 'dd.mm.yyyy',
  de: 'dd.mm.yyyy',
  it: 'dd.mm.yyyy',
  es: 'dd/mm/yyyy',
}

export function formatMoney(cents: number, currency: Currency, locale: ExportLocale): string {
  return plainSpaces(money(cents, currency, locale))
}

/** `2026-03-05` → `05.03.2026` (Swiss languages) or `05/03/2026` (es). */
export function formatDate(iso: string, locale: ExportLocale): string {
  return plainSpaces(formatNumericDate(iso, locale))
}

/** `2026-03` → `March 2026` in the document language. */
export function formatMonth(month: string, locale: ExportLocale): string {
  const [y, m] = month.split('-').map(Number)
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)),
  )
}
