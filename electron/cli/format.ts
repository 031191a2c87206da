/**
 * Human output of the CLI: aligned tables, dates as YYYY-MM-DD (local time), short durations.
 * Pure functions (unit-tested).
 */

export interface Column<T> {
  header: string
  value: (row: T) => string | number | null | undefined
  /** Right-aligned (numbers). Default: left. */
  align?: 'left' | 'right'
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u

/** Display width of a string in a terminal (combining marks count 0, CJK full-width 2). */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text.normalize('NFC')) {
    if (/\p{M}/u.test(ch)) continue
    width += WIDE.test(ch) ? 2 : 1
  }
  return width
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '-'
  // One line per row: control characters (including newlines in names) become spaces.
  return String(value).replace(/\p{Cc}+/gu, ' ')
}

/** Renders rows as an aligned table with a header line; columns are separated by two spaces. */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => cell(c.value(row))))
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i] ?? ''))))
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(v)))
        const last = i === values.length - 1
        if (columns[i]?.align === 'right') return pad + v
        return last ? v : v + pad
      })
      .join('  ')
      .trimEnd()
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n')
}

const two = (n: number): string => String(n).padStart(2, '0')

/** Unix SECONDS → YYYY-MM-DD in local time; null → null. */
export function dateFromSeconds(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined) return null
  return dateFromMs(seconds * 1000)
}

/** Unix MILLISECONDS → YYYY-MM-DD in local time; null → null. */
export function dateFromMs(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined) return null
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return null
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
}

/** Unix MILLISECONDS → YYYY-MM-DD HH:MM in local time (for sync times). */
export function dateTimeFromMs(ms: number | null | undefined): string | null {
  const date = dateFromMs(ms)
  if (date === null || ms === null || ms === undefined) return null
  const d = new Date(ms)
  return `${date} ${two(d.getHours())}:${two(d.getMinutes())}`
}

/** A duration for people: "45 s", "3 min 05 s", "1 h 02 min". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min ${two(s % 60)} s`
  return `${Math.floor(m / 60)} h ${two(m % 60)} min`
}

/** "1 product", "3 products". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
