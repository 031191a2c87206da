import { stringify } from 'csv-stringify/sync'

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Neutralises a cell that a spreadsheet would run as a formula by prefixing a single quote
 * (`'=SUM(A1)` shows as text). Numbers are written as numbers and never touched, so a
 * negative amount stays a number.
 */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

export interface CsvOptions {
  delimiter?: ',' | ';' | '\t'
  /** Prepend a UTF-8 byte order mark (Excel on Windows needs it to read UTF-8). */
  bom?: boolean
}

export type CsvCell = string | number | null | undefined

/** Builds a CSV document (RFC 4180 quoting, CRLF line ends) with formula cells neutralised. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const safe = (cell: CsvCell): string | number => {
    if (cell === null || cell === undefined) return ''
    if (typeof cell === 'number') return Number.isFinite(cell) ? cell : ''
    return neutralizeCell(cell)
  }
  const body = stringify([header.map((h) => neutralizeCell(h)), ...rows.map((r) => r.map(safe))], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: '\r\n',
    quoted_match: /[\r\n"]/,
  })
  return (options.bom ? '\uFEFF' : '') + body
}
