import { join } from 'node:path'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writeXlsx, type ClientTotal } from '../../../electron/main/billing/export-writers'
import { MAX_SHEET_NAME, sheetName } from '../../../electron/main/export/sheet-name'
import type { InvoiceRow } from '../../../shared/domain/billing'
import { tempDir } from '../../helpers/temp'

/** exceljs' in-memory workbook checks every rule Excel has for a name (the streaming writer checks none). */
function acceptedByExcel(names: readonly string[]): void {
  const wb = new ExcelJS.Workbook()
  for (const name of names) wb.addWorksheet(name)
}

describe('sheet names', () => {
  it('drops edge apostrophes and spaces, forbidden characters, the reserved name, and repeats', () => {
    const used = new Set<string>()
    const names = [
      "'Quote' & Co",
      "Acme ' ",
      " ' Acme",
      'History',
      'x:y/z[1]*?\\',
      "''",
      'A very long client name: with [brackets] and / slashes',
      'A very long client name: with [brackets] and / slashes',
      'ACME',
    ].map((n) => sheetName(n, used))
    expect(names).toEqual([
      "Quote' & Co",
      'Acme',
      'Acme 2',
      'History 2',
      'x y z 1',
      'Sheet',
      'A very long client name with br',
      'A very long client name with 2',
      'ACME 3',
    ])
    expect(() => acceptedByExcel(names)).not.toThrow()
  })

  it('never cuts an emoji in half, and never leaves an apostrophe at the cut', () => {
    const used = new Set<string>()
    const emoji = sheetName(`${'a'.repeat(30)}😀b`, used)
    expect(emoji).toBe('a'.repeat(30))
    expect(sheetName(`${'b'.repeat(30)}'c`, used)).toBe('b'.repeat(30))
  })

  it('any text gives names Excel accepts: at most 31 characters, unique ignoring case', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom("'", ' ', '[', ']', ':', '*', '?', '/', '\\', '\u0000', 'History', 'é', '😀', '\ud800'),
        fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
      ),
      maxLength: 50,
    })
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (inputs) => {
        const used = new Set<string>()
        const names = inputs.map((n) => sheetName(n, used))
        for (const n of names) expect(n.length).toBeLessThanOrEqual(MAX_SHEET_NAME)
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
        acceptedByExcel(names)
      }),
      { numRuns: 300 },
    )
  })
})

describe('billing XLSX', () => {
  const invoice = (orgId: number, orgName: string): InvoiceRow => ({
    accountId: 'a',
    orgId,
    orgName,
    number: `F-${orgId}`,
    issueDate: '2026-01-15',
    dueDate: null,
    amountExclVatCents: 1000,
    vatCents: 81,
    amountInclVatCents: 1081,
    currency: 'CHF',
    status: 'paid',
    source: 'csv',
    description: null,
    vatBasis: 'file',
    split: false,
  })
  const total = (r: InvoiceRow): ClientTotal => ({
    orgId: r.orgId,
    orgName: r.orgName,
    currency: r.currency,
    count: 1,
    exclCents: 1000,
    vatCents: 81,
    inclCents: 1081,
  })

  it('a client named "\'Quote\' & Co" (and others Excel would refuse) gives a file Excel reads back', async () => {
    const rows = [invoice(1, "'Quote' & Co"), invoice(2, "Quote' & Co"), invoice(3, 'History'), invoice(4, "Ltd '")]
    const temp = tempDir()
    try {
      const file = join(temp.dir, 'billing.xlsx')
      await writeXlsx(file, rows, rows.map(total), 'en', () => undefined)
      // The reading workbook validates every sheet name: it throws on the file the bug produced.
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(file)
      expect(wb.worksheets.map((ws) => ws.name)).toEqual([
        'Summary',
        "Quote' & Co",
        "Quote' & Co 2",
        'History 2',
        'Ltd',
      ])
      expect(wb.getWorksheet("Quote' & Co")?.getCell('A2').value).toBe('F-1')
      expect(wb.getWorksheet('Summary')?.getCell('A2').value).toBe("'Quote' & Co")
    } finally {
      temp.cleanup()
    }
  })
})
