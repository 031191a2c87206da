import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { csvChunks, toCsv } from '../../../electron/main/export/csv'
import { looksLikeFormula, neutralizeCell } from '../../../electron/main/export/neutralize'
import { foldLine, icsChunks, toIcs } from '../../../electron/main/export/ics'

describe('CSV writer', () => {
  it('neutralises formula-looking cells and leaves numbers alone', () => {
    expect(neutralizeCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)")
    expect(neutralizeCell('+41 21 000 00 00')).toBe("'+41 21 000 00 00")
    expect(neutralizeCell('-x')).toBe("'-x")
    expect(neutralizeCell('@cmd')).toBe("'@cmd")
    expect(neutralizeCell('\tx')).toBe("'\tx")
    expect(neutralizeCell('\rx')).toBe("'\rx")
    expect(neutralizeCell("L'Atelier")).toBe("L'Atelier")
    const csv = toCsv(['a', 'b'], [[-12.5, '=1+1']])
    expect(parse(csv)).toEqual([
      ['a', 'b'],
      ['-12.5', "'=1+1"],
    ])
  })

  it('round-trips any text through a real CSV parser, with every delimiter and the BOM', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { maxLength: 20 }),
        fc.constantFrom(',' as const, ';' as const, '\t' as const),
        fc.boolean(),
        (rows, delimiter, bom) => {
          const csv = toCsv(['x', 'y', 'z'], rows, { delimiter, bom })
          const parsed = parse(csv, { delimiter, bom: true, relax_column_count: false }) as string[][]
          expect(parsed.slice(1)).toEqual(rows.map((r) => r.map(neutralizeCell)))
          for (const cell of parsed.flat()) expect(looksLikeFormula(cell)).toBe(false)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('streamed exports', () => {
  it('a CSV in batches is the same document, one piece per batch after the header', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (rows, batch, bom) => {
          const pieces = [...csvChunks(['x', 'y'], rows, { delimiter: ';', bom }, batch)]
          expect(pieces).toHaveLength(1 + Math.ceil(rows.length / batch))
          const csv = pieces.join('')
          const parsed = parse(csv, { delimiter: ';', bom: true }) as string[][]
          expect(parsed).toEqual([['x', 'y'], ...rows.map((r) => r.map(neutralizeCell))])
        },
      ),
      { numRuns: 100 },
    )
  })

  it('a calendar in pieces: its header, one piece per event, its end; a valid calendar once joined', () => {
    const events = Array.from({ length: 5 }, (_, i) => ({
      uid: `u${i}`,
      date: '2026-03-0' + (i + 1),
      summary: `S${i}`,
    }))
    const pieces = [...icsChunks(events, { calendarName: 'R', now: 0 })]
    expect(pieces).toHaveLength(7)
    expect(pieces[1]).toContain('UID:u0')
    expect(pieces[6]).toBe('END:VCALENDAR\r\n')
    const parsed = new ICAL.Component(ICAL.parse(pieces.join('')) as unknown[])
    expect(parsed.getAllSubcomponents('vevent')).toHaveLength(5)
  })
})

describe('ICS writer', () => {
  it('folds long lines at 75 octets without breaking UTF-8', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`
    const folded = foldLine(line)
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
  })

  it('writes a calendar that ical.js parses, with escaped text and alarms', () => {
    const ics = toIcs(
      [
        {
          uid: 'a-1@switchboard',
          date: '2027-01-31',
          summary: "Expiry: l'atelier.ch, Genève; Zürich",
          description: 'line1\nline2',
          alarm: { daysBefore: 14, text: 'Too late for auto-renewal' },
        },
        { uid: 'a-2@switchboard', date: '2026-12-01', summary: 'Expiry: x'.repeat(20) },
      ],
      { calendarName: 'Renewals', now: Date.UTC(2026, 10, 27) },
    )
    expect(ics.endsWith('\r\n')).toBe(true)
    const cal = new ICAL.Component(ICAL.parse(ics))
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events).toHaveLength(2)
    expect(events[0]!.summary).toBe("Expiry: l'atelier.ch, Genève; Zürich")
    expect(events[0]!.description).toBe('line1\nline2')
    expect(events[0]!.startDate.toString()).toBe('2027-01-31')
    expect(events[0]!.startDate.isDate).toBe(true)
    expect(events[1]!.summary).toBe('Expiry: x'.repeat(20))
    const alarm = cal.getAllSubcomponents('vevent')[0]!.getFirstSubcomponent('valarm')!
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-P14D')
  })
})
