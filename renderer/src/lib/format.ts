const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** "3 minutes ago", "in 2 days", "now" in the UI language. */
export function relativeTime(atMs: number, nowMs: number, language: string): string {
  // A moment a few seconds "in the future" is clock skew or a stale `now`: it is just now.
  const diff = atMs > nowMs && atMs - nowMs < 60_000 ? 0 : atMs - nowMs
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit)
  }
  return format.format(Math.round(diff / 1000 / 10) * 10, 'second')
}

export function formatDate(atMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric' }).format(atMs)
}

export function formatDateTime(atMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(atMs)
}

/** A duration such as "2 min" or "45 s". */
export function formatDuration(ms: number, language: string): string {
  const seconds = Math.max(1, Math.round(ms / 1000))
  if (seconds < 60) return new Intl.NumberFormat(language, { style: 'unit', unit: 'second' }).format(seconds)
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return new Intl.NumberFormat(language, { style: 'unit', unit: 'minute' }).format(minutes)
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 }).format(minutes / 60)
}

/** A count in the UI language, without decimals ("1,000", "1 000", "1’000"). */
export function formatCount(n: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(n)
}
