/**
 * A minimal RFC 5545 calendar writer: all-day events with an optional alarm. CRLF line ends,
 * text escaping and 75-octet line folding, so calendar apps import it.
 */
export interface IcsEvent {
  uid: string
  /** The day of the event, `YYYY-MM-DD` (all-day). */
  date: string
  summary: string
  description?: string
  /** Alarm this many days before, with its text. */
  alarm?: { daysBefore: number; text: string }
}

/**
 * RFC 5545 TEXT: backslash, `;` and `,` escaped; every line break (CRLF, a bare LF or a bare CR,
 * which some readers take as the end of the property) becomes `\n`; other control characters,
 * which TEXT does not allow, are dropped.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  )
}

/** Folds a content line at 75 octets without splitting a UTF-8 sequence. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8')
  if (bytes.length <= 75) return line
  const parts: string[] = []
  let current = ''
  let size = 0
  let limit = 75
  for (const char of line) {
    const len = Buffer.byteLength(char, 'utf8')
    if (size + len > limit) {
      parts.push(current)
      current = ''
      size = 0
      limit = 74 // continuation lines start with a space
    }
    current += char
    size += len
  }
  parts.push(current)
  return parts.join('\r\n ')
}

function compactDate(date: string): string {
  return date.replace(/-/g, '')
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

const block = (lines: readonly string[]): string => lines.map(foldLine).join('\r\n') + '\r\n'

/** The calendar in pieces (its header, one piece per event, its end), for exports that stream to a file. */
export function* icsChunks(
  events: Iterable<IcsEvent>,
  options: { calendarName: string; now: number },
): Generator<string> {
  const stamp = new Date(options.now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  yield block([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Switchboard//Renewals//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ])
  for (const e of events) {
    const lines = [
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      'TRANSP:TRANSPARENT',
    ]
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`)
    if (e.alarm) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:-P${e.alarm.daysBefore}D`,
        `DESCRIPTION:${escapeText(e.alarm.text)}`,
        'END:VALARM',
      )
    }
    lines.push('END:VEVENT')
    yield block(lines)
  }
  yield block(['END:VCALENDAR'])
}

export function toIcs(events: readonly IcsEvent[], options: { calendarName: string; now: number }): string {
  return [...icsChunks(events, options)].join('')
}
