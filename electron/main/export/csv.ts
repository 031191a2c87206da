import { stringify } from 'csv-stringify/sync'
import { neutralizeCell } from './neutralize'

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
