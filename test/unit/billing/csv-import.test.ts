import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  analyse,
  decode,
  detectDelimiter,
  detectMapping,
  parseAmountCents,
  parseDate,
  parseStatus,
  type OrgRef,
} from '../../../electron/main/billing/csv-import'
import type { ImportOptions } from '../../../shared/domain/billing'

const fixture = (name: string): Uint8Array => readFileSync(join(__dirname, '../../fixtures/billing', name))
const run = (bytes: Uint8Array, orgs: readonly OrgRef[], options: ImportOptions = {}) =>
  analyse({ bytes, orgs, options })

export const ORGS = [
  { id: 101, name: 'Café Müller SA' },
  { id: 102, name: 'Boulangerie Dupont' },
  { id: 103, name: 'Studio Rossi Sàrl' },
  { id: 104, name: 'Acme GmbH' },
]

describe('number formats', () => {
  it.each([
    ["1'234.50", 123_450],
    ['1’234.50', 123_450],
    ['1 234,50', 123_450],
    ['1\u00a0234,50', 123_450],
    ['1.234,50', 123_450],
    ['1,234.50', 123_450],
    ['1234.5', 123_450],
    ['1234,5', 123_450],
    ['1.234', 123_400],
    ['1,234,567', 123_456_700],
    ['0,81', 81],
    ['-12.50', -1_250],
    ['(12.50)', -1_250],
    ["CHF 1'000.00", 100_000],
    ['99.90 €', 9_990],
    ['100', 10_000],
  ])('%s → %i cents', (raw, cents) => {
    expect(parseAmountCents(raw)).toBe(cents)
  })
  it.each(['abc', '', '1.2.3,4,5', '12,34.56,78', '1..2', '--5'])('rejects %j', (raw) => {
    expect(parseAmountCents(raw)).toBeNull()
  })
})

describe('dates and statuses', () => {
  it('reads the three date formats and refuses impossible dates', () => {
    expect(parseDate('15.01.2026')).toBe('2026-01-15')
    expect(parseDate('5/1/2026')).toBe('2026-01-05')
    expect(parseDate('2026-01-15')).toBe('2026-01-15')
    expect(parseDate('2026-01-15 10:00')).toBe('2026-01-15')
    expect(parseDate('31.02.2026')).toBeNull()
    expect(parseDate('2026/01/15')).toBeNull()
    expect(parseDate('yesterday')).toBeNull()
  })
  it('reads statuses in five languages', () => {
    expect(['Payée', 'bezahlt', 'pagato', 'Paid', 'Pagada'].map(parseStatus)).toEqual(Array(5).fill('paid'))
    expect(['Impayée', 'offen', 'da pagare', 'Open', 'Pendiente'].map(parseStatus)).toEqual(Array(5).fill('unpaid'))
    expect(['Annulée', 'storniert', 'annullato', 'Cancelled', 'Anulada'].map(parseStatus)).toEqual(
      Array(5).fill('cancelled'),
    )
    expect(parseStatus('peut-être')).toBeNull()
  })
})

describe('detection', () => {
  it('detects encodings', () => {
    expect(decode(fixture('fr-swiss-semicolon-bom.csv')).encoding).toBe('utf-8-bom')
    expect(decode(fixture('it-tab-spaces.csv')).encoding).toBe('utf-8')
    const de = decode(fixture('de-european-semicolon-cp1252.csv'))
    expect(de.encoding).toBe('windows-1252')
    expect(de.text).toContain('Fälligkeit')
    expect(de.text).toContain('Café Müller SA')
  })
  it('detects delimiters, ignoring those inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';')
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t')
    expect(detectDelimiter('a,b,c\n"1;2",2,3')).toBe(',')
    expect(detectDelimiter('a;b\n"1,5";"2,5"')).toBe(';')
  })
  it('maps headers in five languages', () => {
    expect(
      detectMapping(['N° de facture', 'Client', 'Date de facture', 'Échéance', 'Montant TTC', 'Devise']),
    ).toMatchObject({
      number: 0,
      orgName: 1,
      issueDate: 2,
      dueDate: 3,
      amountInclVat: 4,
      currency: 5,
    })
    expect(detectMapping(['Rechnungsnummer', 'Kunde', 'Rechnungsdatum', 'Bruttobetrag', 'Währung'])).toMatchObject({
      number: 0,
      orgName: 1,
      issueDate: 2,
      amountInclVat: 3,
      currency: 4,
    })
    expect(detectMapping(['Invoice number', 'Customer number', 'Total'])).toMatchObject({
      number: 0,
      clientNumber: 1,
      amountInclVat: 2,
      orgName: null,
    })
  })
})

describe('analyse fixture files', () => {
  it('French, Swiss numbers, UTF-8 BOM, semicolons', async () => {
    const a = await run(fixture('fr-swiss-semicolon-bom.csv'), ORGS)
    expect(a.errors).toEqual([])
    expect(a.delimiter).toBe(';')
    expect(
      a.invoices.map((i) => [
        i.number,
        i.orgId,
        i.issueDate,
        i.exclCents,
        i.vatCents,
        i.inclCents,
        i.currency,
        i.status,
      ]),
    ).toEqual([
      ['F-2026-001', 101, '2026-01-15', 100_000, 8_100, 108_100, 'CHF', 'paid'],
      ['F-2026-002', 101, '2026-02-15', 25_000, 2_025, 27_025, 'CHF', 'unpaid'],
      ['F-2026-003', 102, '2026-03-03', 123_450, 10_000, 133_450, 'EUR', 'paid'],
      ['F-2026-004', 102, '2026-04-03', 9_990, 0, 9_990, 'EUR', 'cancelled'],
    ])
    expect(a.invoices[3]?.dueDate).toBeNull()
  })
  it('German, European numbers, Windows-1252', async () => {
    const a = await run(fixture('de-european-semicolon-cp1252.csv'), ORGS)
    expect(a.errors).toEqual([])
    expect(a.invoices.map((i) => [i.number, i.orgId, i.inclCents, i.currency, i.status])).toEqual([
      ['R-100', 104, 133_449, 'EUR', 'paid'],
      ['R-101', 101, 216_200, 'CHF', 'unpaid'],
      ['R-102', 104, 1_081, 'EUR', 'cancelled'],
    ])
  })
  it('Italian, tabs, spaced thousands, dd/mm/yyyy', async () => {
    const a = await run(fixture('it-tab-spaces.csv'), ORGS)
    expect(a.errors).toEqual([])
    expect(a.delimiter).toBe('\t')
    expect(a.invoices.map((i) => [i.orgId, i.issueDate, i.inclCents, i.status])).toEqual([
      [103, '2026-01-05', 162_150, 'paid'],
      [103, '2026-02-05', 8_648, 'unpaid'],
    ])
  })
  it('English, comma, client numbers, quoted thousands', async () => {
    const a = await run(fixture('en-comma-client-number.csv'), ORGS)
    expect(a.errors).toEqual([])
    expect(a.invoices.map((i) => [i.orgId, i.exclCents, i.inclCents, i.description])).toEqual([
      [104, 123_450, 133_449, 'Hosting, yearly'],
      [101, 123_450, 133_450, '=HYPERLINK("http://evil")'],
    ])
  })
  it('Spanish', async () => {
    const a = await run(fixture('es-comma.csv'), ORGS)
    expect(a.errors).toEqual([])
    expect(a.invoices[0]).toMatchObject({ orgId: 104, issueDate: '2026-01-10', inclCents: 10_810, status: 'paid' })
  })
  it('reports every malformed row with its line, field and code', async () => {
    const a = await run(fixture('fr-malformed.csv'), ORGS)
    expect(a.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'issueDate', 'bad_date'],
      [4, 'amountExclVat', 'bad_number'],
      [5, 'orgName', 'unknown_org'],
      [6, 'amountInclVat', 'amounts_mismatch'],
      [7, 'currency', 'bad_currency'],
      [8, 'status', 'bad_status'],
      [9, 'number', 'duplicate_in_file'],
    ])
    expect(a.unmatchedOrgs).toEqual(['Société Inconnue'])
  })
  it('lets the user fix unmatched organizations and the mapping', async () => {
    const a = await run(fixture('fr-malformed.csv'), ORGS, { orgOverrides: { 'societe inconnue': 102 } })
    expect(a.errors.some((e) => e.code === 'unknown_org')).toBe(false)
    expect(a.invoices.find((i) => i.number === 'M-4')?.orgId).toBe(102)
    // Mapping the number column away makes every row miss its number.
    const b = await run(fixture('es-comma.csv'), ORGS, { mapping: { number: null } })
    expect(b.errors).toEqual([{ line: 2, field: 'number', code: 'missing', value: null }])
  })
})
