/**
 * Calendar files in German and Italian: calendar name, summaries, descriptions (service names and dates in
 * the language) and alarm texts, read back with a real ICS parser.
 */
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { RenewalsService } from '../../../electron/main/renewals/renewals-service'
import type { RenewalRow } from '../../../shared/domain/renewals'

const row: RenewalRow = {
  accountId: 'a',
  orgId: 1,
  orgName: 'Ticino Design SA',
  productId: 7,
  customerName: 'ticino-design.ch',
  serviceName: 'email_hosting',
  expiredAt: Date.UTC(2027, 0, 31) / 1000,
  daysLeft: 65,
  expired: false,
  underCutoff: false,
  autoRenew: 'unknown',
  price: { currency: 'CHF', cents: null },
}

const service = new RenewalsService(new Database(':memory:'), {
  now: () => Date.UTC(2026, 10, 27),
  sleep: () => Promise.resolve(),
})

function calendar(language: 'de' | 'it'): ICAL.Component {
  const file = service.export('ics', [row], language)
  return new ICAL.Component(ICAL.parse(Buffer.from(file.bytes).toString('utf8')))
}

describe('renewals documents in German and Italian', () => {
  it.each([
    [
      'de',
      'Switchboard-Verlängerungen',
      'Ablauf: ticino-design.ch (Ticino Design SA)',
      'Mail-Service von Ticino Design SA läuft am 31. Jan. 2027 ab.',
      'Ab heute lässt sich die automatische Verlängerung für ticino-design.ch nicht mehr aktivieren.',
    ],
    [
      'it',
      'Rinnovi Switchboard',
      'Scadenza: ticino-design.ch (Ticino Design SA)',
      'Servizio mail di Ticino Design SA scade il 31 gen 2027.',
      'Da oggi non è più possibile attivare il rinnovo automatico di ticino-design.ch.',
    ],
  ] as const)('%s: calendar name, summary, description and alarm', (language, name, summary, description, alarm) => {
    const cal = calendar(language)
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(name)
    const event = cal.getFirstSubcomponent('vevent')!
    expect(event.getFirstPropertyValue('summary')).toBe(summary)
    expect(event.getFirstPropertyValue('description')).toBe(description)
    const valarm = event.getFirstSubcomponent('valarm')!
    expect(valarm.getFirstPropertyValue('description')).toBe(alarm)
  })

  it('writes CSV headers and statuses in Italian', () => {
    const file = service.export(
      'csv',
      [
        { ...row, underCutoff: true, autoRenew: 'auto', price: { currency: 'EUR', cents: 12_050 } },
        { ...row, productId: 8 },
      ],
      'it',
      { delimiter: ';' },
    )
    const rows = parse(Buffer.from(file.bytes).toString('utf8'), { delimiter: ';', bom: true }) as string[][]
    expect(rows[0]).toEqual([
      'Organizzazione',
      'Prodotto',
      'Tipo',
      'Data di scadenza',
      'Giorni rimanenti',
      'Stato',
      'Rinnovo',
      'Valuta',
      'Prezzo annuo',
    ])
    expect(rows[1]?.[5]).toMatch(/14 giorni/)
    // The catalogue's name, the renewal state in words, a decimal comma with ';', no price left empty (never 0).
    expect(rows[1]?.slice(2, 3)).toEqual(['Servizio mail'])
    expect(rows[1]?.slice(6)).toEqual(['Rinnovo automatico', 'EUR', '120,50'])
    expect(rows[2]?.slice(6)).toEqual(['Sconosciuto', 'CHF', ''])
  })
})
