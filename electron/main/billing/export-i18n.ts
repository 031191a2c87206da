/**
 * Language of billing documents: the strings live in `shared/i18n/documents/billing.ts` (five
 * languages), the formats in `shared/i18n/format.ts`. PDFs drawn with the standard fonts get plain
 * spaces where a locale uses no-break ones.
 */
import type { Currency } from '../../../shared/domain/billing'
import { billingDocuments } from '../../../shared/i18n/documents/billing'
import { formatMoney as money, formatNumericDate, plainSpaces } from '../../../shared/i18n/format'
import type { Language } from '../../../shared/i18n/languages'

export type ExportLocale = Language

export const EXPORT_STRINGS = billingDocuments

export function formatMoney(cents: number, currency: Currency, locale: ExportLocale): string {
  return plainSpaces(money(cents, currency, locale))
}

/** `2026-03-05` → `05.03.2026` (Swiss languages) or `05/03/2026` (es). */
export function formatDate(iso: string, locale: ExportLocale): string {
  return plainSpaces(formatNumericDate(iso, locale))
}
