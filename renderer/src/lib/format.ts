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
  relativeTime,
} from '../../../shared/i18n/format'
