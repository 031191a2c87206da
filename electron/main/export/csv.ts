import { stringify } from 'csv-stringify/sync'
import { neutralizeCell } from './neutralize'

export interface CsvOptions {
  delimiter?: ',' | ';' | '\t'
  /** Prepend a UTF-8 byte order mark (Excel on Windows needs it to read UTF-8). */
  bom?: boolean
}

export type CsvCell = string | number | null | undefined

const safe = (cell: CsvCell): string | number => {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : ''
  return neutralizeCell(cell)
}

const stringifyRecords = (records: (string | number)[][], options: CsvOptions): string =>
  stringify(records, {
    delimiter: options.delimiter ?? ',',
    record_delimiter: '\r\n',
    quoted_match: /[\r\n"]/,
  })

/**
 * A CSV document (RFC 4180 quoting, CRLF line ends, formula cells neutralised) in pieces of at most
 * `batch` records, for exports that stream rows to a file instead of building one large string.
 */
export function* csvChunks(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  options: CsvOptions = {},
  batch = 1_000,
): Generator<string> {
  yield (options.bom ? '\uFEFF' : '') + stringifyRecords([header.map((h) => neutralizeCell(h))], options)
  let records: (string | number)[][] = []
  for (const row of rows) {
    records.push(row.map(safe))
    if (records.length >= batch) {
      yield stringifyRecords(records, options)
      records = []
    }
  }
  if (records.length > 0) yield stringifyRecords(records, options)
}

/** Builds a CSV document (RFC 4180 quoting, CRLF line ends) with formula cells neutralised. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  return [...csvChunks(header, rows, options)].join('')
}
