/**
 * The renderer's formatting helpers: the shared formatting module (`shared/i18n/format.ts`), which
 * the core and the document writers use too. Pass `i18n.language`.
 */
export {
  csvDefaults,
  formatDate,
  formatDateTime,
  formatDuration,
  formatList,
  formatMoney,
  formatMonth,
  formatNumber,
  formatNumericDate,
  formatPercent,
  formatTime,
  intlLocale,
  relativeTime,
} from '../../../shared/i18n/format'
import { formatNumber } from '../../../shared/i18n/format'

/** A count in the UI language, without decimals ("1,000", "1 000", "1’000"). */
export function formatCount(n: number, language: string): string {
  return formatNumber(n, language, { maximumFractionDigits: 0 })
}
