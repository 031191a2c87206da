/**
 * The real-file variants of issue 15 (per-organisation exports without an organisation column, amounts
 * including VAT only, refunds and credit notes, partner invoices split by lines) and the hostile files of
 * issue 12 item 8: each must import exactly the expected rows and totals, or be refused with a typed error.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  analyse,
  ImportFileFailure,
  parseKind,
  parseStatus,
  parseVatRateBp,
  type OrgRef,
  type ProductMatchRef,
} from '../../../electron/main/billing/csv-import'
import { IMPORT_LIMITS, type ImportOptions } from '../../../shared/domain/billing'

const fixture = (name: string): Uint8Array => readFileSync(join(__dirname, '../../fixtures/billing', name))

const ORGS: OrgRef[] = [
  { id: 100, name: 'Agence Léman Web' },
  { id: 101, name: 'Café Müller SA' },
  { id: 102, name: 'Boulangerie Dupont' },
  { id: 103, name: 'Studio Rossi Sàrl' },
  { id: 104, name: 'Acme GmbH' },
]
const PRODUCTS: ProductMatchRef[] = [
  { id: 1, orgId: 101, serviceName: 'web_hosting', names: ['cafe-muller.ch', null, 'cafe-muller.ch'] },
  { id: 2, orgId: 104, serviceName: 'web_hosting', names: ['acme.de', null, null] },
  { id: 3, orgId: 102, serviceName: 'kdrive', names: ['Drive Dupont', null, null] },
  { id: 4, orgId: 103, serviceName: 'domain', names: ['studio-rossi.it', null, null] },
  // The same name in two organizations never decides anything.
  { id: 5, orgId: 101, serviceName: 'email_hosting', names: ['Mail', null, null] },
  { id: 6, orgId: 102, serviceName: 'email_hosting', names: ['Mail', null, null] },
]

const run = (bytes: Uint8Array, options: ImportOptions = {}) =>
  analyse({ bytes, orgs: ORGS, products: PRODUCTS, options })

const rows = (a: Awaited<ReturnType<typeof run>>) =>
  a.invoices.map((i) => [i.orgId, i.number, i.status, i.exclCents, i.vatCents, i.inclCents, i.currency, i.vatBasis])

describe('statuses and document types in five languages', () => {
  it.each([
    ['refunded', ['Refunded', 'Remboursée', 'Rückerstattet', 'Rimborsata', 'Reembolsada']],
    ['credit_note', ['Credit note', 'Avoir', 'Gutschrift', 'Nota di credito', 'Nota de crédito']],
    ['cancelled', ['Cancelled', 'Annulée', 'Storniert', 'Annullata', 'Anulada']],
    ['paid', ['Paid', 'Payée', 'Bezahlt', 'Pagata', 'Pagada']],
    ['unpaid', ['Unpaid', 'Impayée', 'Offen', 'Non pagata', 'Pendiente']],
  ] as const)('%s', (status, words) => {
    expect(words.map(parseStatus)).toEqual(words.map(() => status))
  })
  it('reads the type column and VAT rates', () => {
    expect(['Invoice', 'Facture', 'Rechnung', 'Fattura', 'Factura'].map(parseKind)).toEqual(Array(5).fill('invoice'))
    expect(['Credit note', 'Avoir', 'Gutschrift', 'Nota di credito', 'Abono'].map(parseKind)).toEqual(
      Array(5).fill('credit_note'),
    )
    expect(parseKind('Quote')).toBeNull()
    expect(['8.1', '8,1 %', '8.1%', '0.081', '19', '0'].map(parseVatRateBp)).toEqual([810, 810, 810, 810, 1900, 0])
    expect(parseVatRateBp('150')).toBeNull()
  })
})

describe('per-organisation export without an organisation column', () => {
  it('needs "this file belongs to organisation X", then imports every row for it', async () => {
    const without = await run(fixture('fr-per-org-no-org-column.csv'))
    expect(without.orgColumn).toBe(false)
    expect(without.invoices).toEqual([])
    expect(without.errorCount).toBe(5)
    expect(without.errors.every((e) => e.code === 'missing' && e.field === 'clientNumber')).toBe(true)

    const a = await run(fixture('fr-per-org-no-org-column.csv'), { fileOrgId: 101 })
    expect(a.errors).toEqual([])
    expect(a.fileOrgId).toBe(101)
    expect(rows(a)).toEqual([
      [101, 'FA-2026-0101', 'paid', 100_000, 8_100, 108_100, 'CHF', 'file'],
      [101, 'FA-2026-0102', 'unpaid', 25_000, 2_025, 27_025, 'CHF', 'file'],
      [101, 'FA-2026-0103', 'refunded', 40_000, 3_240, 43_240, 'CHF', 'file'],
      [101, 'AV-2026-0001', 'credit_note', -40_000, -3_240, -43_240, 'CHF', 'file'],
      [101, 'FA-2026-0104', 'cancelled', 9_900, 802, 10_702, 'CHF', 'file'],
    ])
    // 1081 + 270.25 + 432.40 (refunded: issued) − 432.40 (its credit note); the cancelled one is left out.
    expect(a.totals).toEqual([{ currency: 'CHF', cents: 135_125, count: 5 }])
  })

  it('an organisation column, when there is one, wins over the file organisation', async () => {
    const a = await run(fixture('en-comma-client-number.csv'), { fileOrgId: 102 })
    expect(a.invoices.map((i) => i.orgId)).toEqual([104, 101])
  })
})

describe('amounts including VAT only', () => {
  it('keeps VAT and the amount excluding VAT unknown without a rate, and marks them', async () => {
    const a = await run(fixture('de-incl-vat-only.csv'), { fileOrgId: 104 })
    expect(a.errors).toEqual([])
    expect(rows(a)).toEqual([
      [104, 'R-2026-501', 'paid', null, null, 108_100, 'CHF', 'unknown'],
      [104, 'R-2026-502', 'unpaid', null, null, 54_050, 'CHF', 'unknown'],
      [104, 'R-2026-503', 'refunded', null, null, 21_620, 'CHF', 'unknown'],
      [104, 'G-2026-001', 'credit_note', null, null, -10_810, 'CHF', 'unknown'],
    ])
    expect(a.vatUnknownCount).toBe(4)
    expect(a.totals).toEqual([{ currency: 'CHF', cents: 172_960, count: 4 }])
  })

  it('computes VAT and the amount excluding VAT from a known rate', async () => {
    const a = await run(fixture('de-incl-vat-only.csv'), { fileOrgId: 104, vatRatePercent: 8.1 })
    expect(rows(a)).toEqual([
      [104, 'R-2026-501', 'paid', 100_000, 8_100, 108_100, 'CHF', 'rate'],
      [104, 'R-2026-502', 'unpaid', 50_000, 4_050, 54_050, 'CHF', 'rate'],
      [104, 'R-2026-503', 'refunded', 20_000, 1_620, 21_620, 'CHF', 'rate'],
      [104, 'G-2026-001', 'credit_note', -10_000, -810, -10_810, 'CHF', 'rate'],
    ])
    expect(a.vatUnknownCount).toBe(0)
  })

  it.each([
    ['it-incl-vat-refunds.csv', 'CHF', [10_810, 21_620, -10_810], 21_620],
    ['es-incl-vat-refunds.csv', 'EUR', [12_100, 24_200, -12_100], 24_200],
  ] as const)('%s: refunds and credit notes in Italian and Spanish', async (file, currency, incl, total) => {
    const a = await run(fixture(file), { fileOrgId: 103 })
    expect(a.errors).toEqual([])
    expect(a.invoices.map((i) => [i.status, i.inclCents, i.currency])).toEqual([
      ['paid', incl[0], currency],
      ['refunded', incl[1], currency],
      ['credit_note', incl[2], currency],
    ])
    expect(a.totals).toEqual([{ currency, cents: total, count: 3 }])
  })
})

describe('refunds and credit notes', () => {
  it('a credit note is negative whatever sign the file wrote; only cancelled invoices are left out', async () => {
    const a = await run(fixture('en-refunds-credit-notes.csv'))
    expect(a.errors).toEqual([])
    expect(a.invoices.map((i) => [i.number, i.orgId, i.status, i.inclCents])).toEqual([
      ['INV-2001', 104, 'paid', 50_000],
      ['INV-2002', 104, 'refunded', 30_000],
      ['CN-2001', 104, 'credit_note', -30_000],
      ['INV-2003', 101, 'cancelled', 21_620],
      ['CN-2002', 101, 'credit_note', -5_405],
      ['INV-2004', 101, 'unpaid', 108_100],
    ])
    expect(a.totals).toEqual([
      { currency: 'CHF', cents: 108_100 - 5_405, count: 3 },
      { currency: 'EUR', cents: 50_000, count: 3 },
    ])
  })
})

describe('a partner invoice grouping several clients, split by lines', () => {
  it('splits matched lines per client and leaves the unmatched remainder to assign', async () => {
    const a = await run(fixture('fr-partner-invoice-lines.csv'), { fileOrgId: 100 })
    expect(a.split).toBe(true)
    expect(a.unassignedLines).toEqual([
      { line: 6, number: 'P-2026-77', text: 'Frais de dossier', currency: 'CHF', inclCents: 1_081 },
    ])
    expect(a.errors).toEqual([{ line: 6, field: 'product', code: 'unassigned_line', value: 'Frais de dossier' }])
  })

  it('imports exactly one invoice part per client once the remainder is assigned', async () => {
    const a = await run(fixture('fr-partner-invoice-lines.csv'), { fileOrgId: 100, lineOrgs: { '6': 100 } })
    expect(a.errors).toEqual([])
    expect(
      a.invoices
        .map((i) => [i.orgId, i.number, i.inclCents, i.exclCents, i.lines.length, i.split])
        .sort((x, y) => Number(x[0]) - Number(y[0])),
    ).toEqual([
      [100, 'P-2026-77', 1_081, 1_000, 1, true],
      [101, 'P-2026-77', 16_215 + 2_162, 15_000 + 2_000, 2, true],
      [102, 'P-2026-77', 6_486, 6_000, 1, true],
      [103, 'P-2026-78', 8_648, 8_000, 1, false],
      [104, 'P-2026-77', 12_972, 12_000, 1, true],
    ])
    expect(a.splitInvoices).toBe(1)
    expect(a.invoices.find((i) => i.orgId === 101)?.lines.map((l) => l.productId)).toEqual([1, 1])
    expect(a.totals).toEqual([{ currency: 'CHF', cents: 47_564, count: 5 }])
  })

  it('ambiguous product names are not matched', async () => {
    const csv =
      'Facture;Date;Produit;Montant TTC;Devise\nP-1;01.01.2026;Mail;10.00;CHF\nP-1;01.01.2026;acme.de;20.00;CHF\n'
    const a = await run(Buffer.from(csv), { split: true })
    expect(a.unassignedLines.map((l) => l.text)).toEqual(['Mail'])
  })

  it('refuses lines of one invoice that disagree on its date', async () => {
    const csv =
      'Facture;Date;Produit;Montant TTC;Devise\nP-1;01.01.2026;acme.de;10.00;CHF\nP-1;02.01.2026;acme.de;20.00;CHF\n'
    const a = await run(Buffer.from(csv), { fileOrgId: 100 })
    expect(a.errors.map((e) => [e.line, e.code])).toEqual([[3, 'inconsistent_lines']])
    expect(a.invoices).toEqual([])
  })
})

describe('saved column mapping per file layout', () => {
  it('reuses the mapping saved for the same headers and delimiter', async () => {
    const csv = 'Ref;When;Gross;Cur\nX-1;01.02.2026;10.00;CHF\n'
    const first = await analyse({ bytes: Buffer.from(csv), orgs: ORGS, options: { fileOrgId: 101 } })
    expect(first.errors.map((e) => e.field)).toContain('number')
    const saved = { number: 0, issueDate: 1, amountInclVat: 2, currency: 3 }
    const second = await analyse({
      bytes: Buffer.from(csv),
      orgs: ORGS,
      options: { fileOrgId: 101 },
      savedLayout: (key) => (key === first.layoutKey ? { mapping: saved, vatRateBp: 810 } : undefined),
    })
    expect(second.mappingSource).toBe('saved')
    expect(second.errors).toEqual([])
    expect(second.invoices[0]).toMatchObject({ number: 'X-1', inclCents: 1_000, exclCents: 925, vatBasis: 'rate' })
  })
})

describe('hostile files: a typed error with the line, nothing imported', () => {
  const failure = async (bytes: Uint8Array): Promise<ImportFileFailure> => {
    try {
      await run(bytes, { fileOrgId: 101 })
    } catch (error) {
      if (error instanceof ImportFileFailure) return error
      throw error
    }
    throw new Error('expected a refusal')
  }
  const header = 'N° de facture;Date de facture;Montant TTC;Devise\r\n'

  it.each([
    ['empty', Buffer.alloc(0), 'empty_file', null],
    ['BOM only', Buffer.from([0xef, 0xbb, 0xbf]), 'bom_only', null],
    ['blank lines', Buffer.from('\r\n  \r\n\t\r\n'), 'blank_file', null],
    ['delimiters only', Buffer.from(';;;\r\n;;;\r\n'), 'blank_file', null],
    ['header only', Buffer.from(header), 'header_only', null],
    ['header and blank lines', Buffer.from(`${header}\r\n;;;\r\n`), 'header_only', null],
    ['binary (NUL)', Buffer.from([0x41, 0x3b, 0x42, 0x0a, 0x00, 0x01, 0x02]), 'binary_file', null],
    [
      'binary (controls)',
      Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x07 : 0x41))),
      'binary_file',
      null,
    ],
    ['an XLSX file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'spreadsheet_file', null],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'spreadsheet_file', null],
    [
      'unclosed quote',
      Buffer.from(`${header}A-1;01.01.2026;10.00;CHF\r\nA-2;"02.01.2026;10.00;CHF\r\nA-3;03.01.2026;1;CHF\r\n`),
      'unclosed_quote',
      3,
    ],
    ['invalid closing quote', Buffer.from(`${header}A-1;"01.01.2026"x;10.00;CHF\r\n`), 'invalid_quote', 2],
    ['quote inside a cell', Buffer.from(`${header}A-1;01.01.2026;10"00;CHF\r\n`), 'invalid_quote', 2],
    ['too many columns', Buffer.from(`${header}${'x;'.repeat(IMPORT_LIMITS.columns + 5)}\r\n`), 'too_many_columns', 2],
    [
      'a line too long',
      Buffer.from(`${header}A-1;${'9'.repeat(IMPORT_LIMITS.lineChars + 10)};1;CHF\r\n`),
      'line_too_long',
      2,
    ],
  ] as const)('%s', async (_name, bytes, code, line) => {
    const e = await failure(bytes)
    expect(e.code).toBe(code)
    if (line !== null) expect(e.line).toBe(line)
  })

  it('a file above the size cap', async () => {
    const e = await failure(Buffer.alloc(IMPORT_LIMITS.fileBytes + 1, 0x41))
    expect([e.code, e.limit]).toEqual(['file_too_large', IMPORT_LIMITS.fileBytes])
  })

  it('more rows than the cap', async () => {
    const e = await failure(Buffer.from(`${header}${'A;01.01.2026;1;CHF\n'.repeat(IMPORT_LIMITS.rows + 1)}`))
    expect([e.code, e.limit]).toEqual(['too_many_rows', IMPORT_LIMITS.rows])
  })

  it('reads UTF-16 files (Excel "Unicode text") instead of calling them binary', async () => {
    const text = 'Numéro\tDate\tMontant TTC\tDevise\r\nU-1\t01.01.2026\t10.00\tCHF\r\n'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const a = await run(le, { fileOrgId: 101 })
    expect(a.encoding).toBe('utf-16le')
    expect(a.invoices.map((i) => [i.number, i.inclCents])).toEqual([['U-1', 1_000]])
  })

  it('gives the starting line of a record spanning several lines', async () => {
    const csv = `${header}A-1;01.01.2026;10.00;CHF\r\n"A-\r\n2";bad;10.00;CHF\r\n`
    const a = await run(Buffer.from(csv), { fileOrgId: 101 })
    expect(a.errors.map((e) => [e.line, e.code])).toEqual([[3, 'bad_date']])
  })
})

describe('the preview answer', () => {
  it('is cut down to 1 MB of JSON whatever it holds', async () => {
    const { boundPreview, MAX_PREVIEW_BYTES } = await import('../../../electron/main/billing/billing-service')
    const huge = '"\\'.repeat(20_000)
    const preview = boundPreview({
      previewId: 'p',
      fileName: huge,
      fileHash: 'h',
      encoding: 'utf-8',
      delimiter: ';',
      headers: Array.from({ length: 500 }, () => huge),
      mapping: {},
      mappingSource: 'detected',
      sample: Array.from({ length: 50 }, () => Array.from({ length: 500 }, () => huge)),
      rowCount: 50,
      invoiceCount: 0,
      validCount: 0,
      errorCount: 5_000,
      errors: Array.from({ length: 5_000 }, (_, i) => ({ line: i, field: null, code: 'missing', value: huge })),
      unmatchedOrgs: Array.from({ length: 1_000 }, () => huge),
      orgColumn: true,
      fileOrgId: null,
      split: false,
      splitInvoices: 0,
      unassignedLines: Array.from({ length: 1_000 }, (_, i) => ({
        line: i,
        number: huge,
        text: huge,
        currency: null,
        inclCents: null,
      })),
      vatUnknownCount: 0,
      totals: [],
      alreadyImported: false,
    })
    expect(Buffer.byteLength(JSON.stringify(preview))).toBeLessThanOrEqual(MAX_PREVIEW_BYTES)
    expect(preview.sample.length).toBeGreaterThan(0)
    expect(preview.errors.length).toBeGreaterThan(0)
  })
})
