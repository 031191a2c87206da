import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvLine, writeCsv } from '../../../electron/main/billing/export-writers'
import { looksLikeFormula, neutralizeCell as neutralise } from '../../../electron/main/export/neutralize'
import type { CsvOptions, InvoiceRow } from '../../../shared/domain/billing'
import { tempDir } from '../../helpers/temp'

const DANGEROUS = { test: looksLikeFormula }
const options = fc.record({
  delimiter: fc.constantFrom<CsvOptions['delimiter']>(',', ';', '\t'),
  decimal: fc.constantFrom<CsvOptions['decimal']>('.', ','),
  bom: fc.boolean(),
})
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', "'"),
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  ),
})

describe('CSV cells', () => {
  it('neutralises exactly the cells starting with = + - @ tab CR', () => {
    expect(neutralise('=1+1')).toBe("'=1+1")
    expect(neutralise('+41 21')).toBe("'+41 21")
    expect(neutralise('-x')).toBe("'-x")
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(neutralise('\tx')).toBe("'\tx")
    expect(neutralise('\rx')).toBe("'\rx")
    expect(neutralise('a=b')).toBe('a=b')
    expect(neutralise('')).toBe('')
  })

  it('round-trips through csv-parse, and no text cell survives starting with a formula character', () => {
    fc.assert(
      fc.property(
        options,
        fc.array(fc.array(text, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (opts, rows) => {
          const width = Math.max(...rows.map((r) => r.length))
          const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('x')])
          const csv = padded
            .map((r) =>
              csvLine(
                r.map((t) => ({ text: t })),
                opts,
              ),
            )
            .join('')
          const back = parse(csv, { delimiter: opts.delimiter, relax_column_count: false }) as string[][]
          expect(back).toEqual(padded.map((r) => r.map(neutralise)))
          for (const row of back) for (const cell of row) expect(DANGEROUS.test(cell)).toBe(false)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('writes numbers with the chosen decimal separator, unneutralised, and round-trips them', () => {
    fc.assert(
      fc.property(options, fc.integer({ min: -10_000_000, max: 10_000_000 }), (opts, cents) => {
        const back = parse(csvLine([{ cents }, { text: 'x' }], opts), { delimiter: opts.delimiter }) as string[][]
        const cell = back[0]?.[0] ?? ''
        expect(Number(cell.replace(',', '.'))).toBeCloseTo(cents / 100, 2)
      }),
    )
  })
})

describe('writeCsv', () => {
  const rows: InvoiceRow[] = [
    {
      accountId: 'a',
      orgId: 7,
      orgName: '=cmd|calc',
      number: 'F-1',
      issueDate: '2026-01-15',
      dueDate: null,
      amountExclVatCents: -1000,
      vatCents: -81,
      amountInclVatCents: -1081,
      currency: 'CHF',
      status: 'paid',
      source: 'csv',
      description: 'Line; with "quotes"',
      vatBasis: 'file',
      split: false,
    },
  ]
  it('streams a file with BOM, localized headers, neutralised text and real negative numbers', async () => {
    const temp = tempDir()
    try {
      const file = join(temp.dir, 'out.csv')
      const seen: number[] = []
      const n = await writeCsv(file, rows, { delimiter: ';', decimal: ',', bom: true }, 'fr', (d) => seen.push(d))
      expect(n).toBe(1)
      expect(seen.at(-1)).toBe(1)
      const bytes = readFileSync(file)
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const back = parse(bytes, { delimiter: ';', bom: true }) as string[][]
      expect(back[0]).toContain('Montant TTC')
      expect(back[1]).toEqual([
        "'=cmd|calc",
        '7',
        'F-1',
        '2026-01-15',
        '',
        'Payée',
        'CHF',
        '-10,00',
        '-0,81',
        '-10,81',
        'Import CSV',
        'Line; with "quotes"',
      ])
    } finally {
      temp.cleanup()
    }
  })
})

describe('forecast exports', () => {
  it('write service display names in the document language, margins per row and empty unknown costs', async () => {
    const { writeForecastCsv } = await import('../../../electron/main/billing/export-writers')
    const { serviceLabel } = await import('../../../shared/domain/service-catalogue')
    const temp = tempDir()
    try {
      const file = join(temp.dir, 'f.csv')
      await writeForecastCsv(
        file,
        {
          from: '2026-12-01',
          to: '2027-11-30',
          rows: [
            {
              orgId: 1,
              orgName: '=Client',
              productId: 9,
              productName: 'a.ch',
              serviceName: 'web_hosting',
              renewalDate: '2027-01-10',
              currency: 'CHF',
              currencySource: 'invoices',
              amountCents: 15_000,
              costCents: 12_000,
            },
            {
              orgId: 1,
              orgName: '=Client',
              productId: 10,
              productName: 'b.ch',
              serviceName: 'domain',
              renewalDate: '2027-02-10',
              currency: 'CHF',
              currencySource: 'invoices',
              amountCents: 2_000,
              costCents: null,
            },
          ],
          totals: [],
          perClient: [],
          perMonth: [],
          missingPrices: [],
          missingCosts: [],
        },
        { delimiter: ';', decimal: ',', bom: false },
        'fr',
      )
      const rows = parse(readFileSync(file, 'utf8'), { delimiter: ';' }) as string[][]
      expect(rows[0]).toEqual([
        'Renouvellement',
        'Client',
        'Numéro de client',
        'Produit',
        'Service',
        'Devise',
        'Chiffre d’affaires',
        'Coût',
        'Marge',
      ])
      expect(rows[1]).toEqual([
        '2027-01-10',
        "'=Client",
        '1',
        'a.ch',
        serviceLabel('web_hosting', 'fr'),
        'CHF',
        '150,00',
        '120,00',
        '30,00',
      ])
      expect(rows[2]?.slice(6)).toEqual(['20,00', '', ''])
    } finally {
      temp.cleanup()
    }
  })
})
