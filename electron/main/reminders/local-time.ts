/**
 * Wall-clock arithmetic in a named time zone (digest time, quiet hours, "daily at 07:30"), with no
 * dependency on the process's TZ so that tests can pin one. Pure; uses only Intl.
 */

export interface LocalParts {
  year: number
  /** 1–12 */
  month: number
  day: number
  hour: number
  minute: number
  /** 0 = Sunday … 6 = Saturday */
  weekday: number
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The system's time zone (what the user's clock shows). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** True when `timeZone` is a zone Intl knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {}
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']) % 24,
    minute: Number(parts['minute']),
    weekday: WEEKDAYS[parts['weekday'] ?? 'Sun'] ?? 0,
  }
}

/** Offset of the zone from UTC at `ms`, in milliseconds (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)
  return asUtc - (ms - (((ms % 60_000) + 60_000) % 60_000))
}

/**
 * The instant at which the zone's clock shows the given date and time. In a DST gap (the time does
 * not exist) the result is the instant just after the gap; in an overlap, the first occurrence.
 */
export function zonedToUtc(
  date: { year: number; month: number; day: number },
  time: { hour: number; minute: number },
  timeZone: string,
): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute)
  let guess = naive - offsetAt(naive, timeZone)
  // Twice is enough to settle across one DST transition.
  for (let i = 0; i < 2; i++) {
    const next = naive - offsetAt(guess, timeZone)
    if (next === guess) break
    guess = next
  }
  // Overlap: prefer the earlier instant when it shows the same wall time.
  const earlier = guess - 3_600_000
  const e = localParts(earlier, timeZone)
  if (e.hour === time.hour && e.minute === time.minute && e.day === date.day) return earlier
  return guess
}

export function parseTimeOfDay(hhmm: string): { hour: number; minute: number } {
  const [h = '0', m = '0'] = hhmm.split(':')
  return { hour: Number(h), minute: Number(m) }
}

function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/**
 * The first instant strictly after `afterMs` at which the local clock shows `hhmm` (on `weekday`
 * when given, 0 = Sunday).
 */
export function nextLocalTime(afterMs: number, hhmm: string, timeZone: string, weekday?: number): number {
  const time = parseTimeOfDay(hhmm)
  const today = localParts(afterMs, timeZone)
  for (let i = 0; i <= 8; i++) {
    const date = addDays(today, i)
    if (weekday !== undefined) {
      const wd = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
      if (wd !== weekday) continue
    }
    const at = zonedToUtc(date, time, timeZone)
    if (at > afterMs) return at
  }
  // Unreachable for valid input (a week always contains the weekday); stay safe.
  return afterMs + 86_400_000
}

function minutesOfDay(p: { hour: number; minute: number }): number {
  return p.hour * 60 + p.minute
}

/** True when `ms` falls in the local window [start, end) (a window may cross midnight). */
export function inLocalWindow(ms: number, start: string, end: string, timeZone: string): boolean {
  const s = minutesOfDay(parseTimeOfDay(start))
  const e = minutesOfDay(parseTimeOfDay(end))
  if (s === e) return false
  const now = minutesOfDay(localParts(ms, timeZone))
  return s < e ? now >= s && now < e : now >= s || now < e
}
