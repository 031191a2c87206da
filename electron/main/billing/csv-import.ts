/**
 * Reading invoice lists exported from the Infomaniak Manager (no database here).
 *
 * - Encoding: UTF-8 with BOM, UTF-16 with BOM, UTF-8 (strict), otherwise Windows-1252.
 * - Delimiter: `,`, `;` or tab, whichever splits the first lines (outside quotes) most consistently.
 * - Headers: matched after folding (accents removed, lower case, only letters and digits kept)
 *   against {@link HEADER_SYNONYMS} (French, German, Italian, English, Spanish).
 * - Numbers: see {@link parseAmountCents}. Dates: see {@link parseDate}.
 * - The file is parsed as a stream in 8 KB pieces, yielding to the event loop between pieces; only a
 *   compact form of each row is kept. Hostile files end in an {@link ImportFileFailure} with a code and
 *   a line number (see README "Import rules").
 */
import { createHash } from 'node:crypto'
import { isUtf8 } from 'node:buffer'
import { parse as createParser } from 'csv-parse'
import {
  IMPORT_LIMITS,
  type Currency,
  type CurrencyAmount,
  type ImportField,
  type ImportFileErrorCode,
  type ImportMapping,
  type ImportOptions,
  type ImportRowError,
  type InvoiceStatus,
  type UnassignedLine,
  type VatBasis,
} from '../../../shared/domain/billing'

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252'
export type Delimiter = ',' | ';' | '\t'

/** A refused file: nothing is imported and no batch is recorded. */
export class ImportFileFailure extends Error {
  override readonly name = 'ImportFileFailure'
  constructor(
    readonly code: ImportFileErrorCode,
    readonly line: number | null = null,
    readonly limit: number | null = null,
  ) {
    super(FILE_ERROR_MESSAGES[code](line, limit))
  }
}

/** English messages (CLI, logs); the app shows its own translation of the code. */
const FILE_ERROR_MESSAGES: Record<ImportFileErrorCode, (line: number | null, limit: number | null) => string> = {
  empty_file: () => 'The file is empty.',
  bom_only: () => 'The file holds nothing but a byte order mark.',
  blank_file: () => 'The file holds only blank lines.',
  header_only: () => 'The file has a header line but no invoice.',
  binary_file: () => 'This is not a text (CSV) file.',
  spreadsheet_file: () => 'This is a spreadsheet or document, not a CSV file: export it as CSV first.',
  file_too_large: (_l, limit) => `The file is larger than ${Math.round((limit ?? 0) / 1024 / 1024)} MB.`,
  too_many_columns: (line, limit) => `Line ${line ?? '?'} has more than ${limit ?? '?'} columns.`,
  line_too_long: (line, limit) => `Line ${line ?? '?'} is longer than ${limit ?? '?'} characters.`,
  too_many_rows: (_l, limit) => `The file has more than ${limit ?? '?'} rows.`,
  unclosed_quote: (line) => `A quote opened on line ${line ?? '?'} is never closed.`,
  invalid_quote: (line) => `Line ${line ?? '?'} has a misplaced quote (") in a cell.`,
  malformed_csv: (line) => `The file cannot be read as CSV (line ${line ?? '?'}).`,
}

/** Folds a header or name for comparison: no accents, lower case, letters and digits only. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

/**
 * Header synonyms per field, already folded. Documented here on purpose: this table is the
 * specification of what the importer recognises (FR, DE, IT, EN, ES).
 */
export const HEADER_SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  number: [
    'number',
    'invoicenumber',
    'invoiceno',
    'invoice',
    'invoiceid',
    'reference',
    'numero',
    'numerodefacture',
    'nfacture',
    'ndefacture',
    'nofacture',
    'facture',
    'nodefacture',
    'facturen',
    'rechnungsnummer',
    'rechnungnr',
    'rechnung',
    'nummer',
    'belegnummer',
    'numerofattura',
    'fattura',
    'nfattura',
    'numerodefactura',
    'factura',
    'nfactura',
    'facturano',
    'documentnumber',
    'numerodocument',
  ],
  orgName: [
    'organization',
    'organisation',
    'organizationname',
    'client',
    'customer',
    'clientname',
    'customername',
    'account',
    'accountname',
    'company',
    'nomduclient',
    'societe',
    'entreprise',
    'compte',
    'kunde',
    'kundenname',
    'firma',
    'organisationname',
    'konto',
    'cliente',
    'nomecliente',
    'organizzazione',
    'azienda',
    'ragionesociale',
    'nombredelcliente',
    'organizacion',
    'empresa',
    'cuenta',
  ],
  clientNumber: [
    'clientnumber',
    'customernumber',
    'customerid',
    'clientid',
    'accountid',
    'accountnumber',
    'organizationid',
    'organisationid',
    'numeroclient',
    'nclient',
    'numerodeclient',
    'idclient',
    'numerodecompte',
    'kundennummer',
    'kundennr',
    'kontonummer',
    'numerocliente',
    'ncliente',
    'idcliente',
    'numerodecliente',
  ],
  issueDate: [
    'date',
    'issuedate',
    'invoicedate',
    'issuedon',
    'issued',
    'created',
    'createdat',
    'datedefacture',
    'datedefacturation',
    'dateemission',
    'datefacture',
    'datum',
    'rechnungsdatum',
    'ausstellungsdatum',
    'data',
    'datafattura',
    'datadiemissione',
    'fecha',
    'fechadefactura',
    'fechadeemision',
  ],
  dueDate: [
    'duedate',
    'due',
    'paymentdue',
    'dueon',
    'echeance',
    'dateecheance',
    'datedecheance',
    'payablele',
    'falligkeit',
    'faelligkeit',
    'falligam',
    'faelligam',
    'zahlbarbis',
    'falligkeitsdatum',
    'faelligkeitsdatum',
    'scadenza',
    'datadiscadenza',
    'datascadenza',
    'vencimiento',
    'fechadevencimiento',
  ],
  amountExclVat: [
    'amountexclvat',
    'amountexcludingvat',
    'netamount',
    'net',
    'subtotal',
    'amountexcltax',
    'totalexclvat',
    'exclvat',
    'montantht',
    'ht',
    'totalht',
    'montanthorstaxes',
    'montanthtva',
    'horstaxes',
    'montantnet',
    'nettobetrag',
    'netto',
    'betragnetto',
    'betragexklmwst',
    'exklmwst',
    'totalexklmwst',
    'importonetto',
    'imponibile',
    'nettoiva',
    'importoesclusoiva',
    'esclusoiva',
    'importeneto',
    'neto',
    'baseimponible',
    'importesiniva',
    'siniva',
  ],
  vat: [
    'vat',
    'tax',
    'vatamount',
    'taxamount',
    'tva',
    'montanttva',
    'taxe',
    'mwst',
    'mehrwertsteuer',
    'ust',
    'umsatzsteuer',
    'betragmwst',
    'iva',
    'importoiva',
    'imposta',
    'importeiva',
    'impuesto',
  ],
  amountInclVat: [
    'amountinclvat',
    'amountincludingvat',
    'amountincltax',
    'total',
    'totalinclvat',
    'grossamount',
    'gross',
    'amount',
    'amountdue',
    'inclvat',
    'montantttc',
    'ttc',
    'totalttc',
    'montant',
    'montanttotal',
    'bruttobetrag',
    'brutto',
    'betrag',
    'gesamtbetrag',
    'betraginklmwst',
    'inklmwst',
    'totalinklmwst',
    'gesamt',
    'importolordo',
    'lordo',
    'importo',
    'totale',
    'importoivainclusa',
    'ivainclusa',
    'importebruto',
    'bruto',
    'importe',
    'importetotal',
    'conivaincluido',
    'coniva',
    'importeconiva',
    'totalconiva',
  ],
  vatRate: [
    'vatrate',
    'taxrate',
    'rate',
    'tauxtva',
    'tauxdetva',
    'taux',
    'mwstsatz',
    'steuersatz',
    'ustsatz',
    'satz',
    'aliquotaiva',
    'aliquota',
    'tipoiva',
    'tipodeiva',
    'tasaiva',
    'porcentajeiva',
  ],
  currency: ['currency', 'devise', 'monnaie', 'wahrung', 'waehrung', 'valuta', 'divisa', 'moneda'],
  status: [
    'status',
    'state',
    'paymentstatus',
    'statut',
    'etat',
    'zahlungsstatus',
    'stato',
    'estado',
    'statutdepaiement',
    'statodelpagamento',
    'estadodelpago',
  ],
  kind: [
    'type',
    'documenttype',
    'doctype',
    'typededocument',
    'typedocument',
    'dokumenttyp',
    'belegart',
    'typ',
    'tipo',
    'tipodocumento',
    'tipodidocumento',
    'tipodedocumento',
  ],
  product: [
    'product',
    'productname',
    'produit',
    'nomduproduit',
    'produkt',
    'produktname',
    'prodotto',
    'producto',
    'service',
    'prestation',
    'leistung',
    'dienst',
    'servizio',
    'servicio',
    'article',
    'artikel',
    'articolo',
    'articulo',
    'item',
    'position',
  ],
  productId: [
    'productid',
    'idproduit',
    'idduproduit',
    'produktid',
    'produktnummer',
    'idprodotto',
    'idproducto',
    'serviceid',
  ],
  description: [
    'description',
    'label',
    'designation',
    'libelle',
    'beschreibung',
    'bezeichnung',
    'descrizione',
    'descripcion',
    'concepto',
    'details',
  ],
}

const STATUS_SYNONYMS: Readonly<Record<InvoiceStatus, readonly string[]>> = {
  paid: [
    'paid',
    'settled',
    'payee',
    'paye',
    'reglee',
    'regle',
    'acquittee',
    'bezahlt',
    'beglichen',
    'pagato',
    'pagata',
    'saldato',
    'pagado',
    'pagada',
  ],
  unpaid: [
    'unpaid',
    'open',
    'due',
    'pending',
    'overdue',
    'outstanding',
    'impaye',
    'impayee',
    'nonpaye',
    'nonpayee',
    'ouvert',
    'ouverte',
    'enattente',
    'enretard',
    'apayer',
    'offen',
    'unbezahlt',
    'ausstehend',
    'uberfallig',
    'ueberfaellig',
    'faellig',
    'fallig',
    'nonpagato',
    'nonpagata',
    'dapagare',
    'aperto',
    'aperta',
    'scaduto',
    'scaduta',
    'insoluto',
    'impagado',
    'impagada',
    'pendiente',
    'vencido',
    'vencida',
    'abierto',
    'abierta',
  ],
  cancelled: [
    'cancelled',
    'canceled',
    'void',
    'voided',
    'annule',
    'annulee',
    'storniert',
    'annulliert',
    'annullato',
    'annullata',
    'stornato',
    'stornata',
    'cancelado',
    'cancelada',
    'anulado',
    'anulada',
  ],
  refunded: [
    'refunded',
    'reimbursed',
    'repaid',
    'rembourse',
    'remboursee',
    'erstattet',
    'ruckerstattet',
    'rueckerstattet',
    'zuruckerstattet',
    'zurueckerstattet',
    'rimborsato',
    'rimborsata',
    'reembolsado',
    'reembolsada',
    'devuelto',
    'devuelta',
  ],
  credit_note: [
    'creditnote',
    'credit',
    'credited',
    'avoir',
    'notedecredit',
    'gutschrift',
    'gutgeschrieben',
    'notadicredito',
    'notadicreditoemessa',
    'accredito',
    'notadecredito',
    'notacredito',
    'abono',
    'abonado',
  ],
}

const INVOICE_KIND_WORDS = ['invoice', 'bill', 'facture', 'rechnung', 'fattura', 'factura']

export function parseStatus(raw: string): InvoiceStatus | null {
  const f = fold(raw)
  for (const [status, words] of Object.entries(STATUS_SYNONYMS) as [InvoiceStatus, readonly string[]][])
    if (words.includes(f)) return status
  return null
}

/** The document type column: an invoice or a credit note (in five languages); null when unknown. */
export function parseKind(raw: string): 'invoice' | 'credit_note' | null {
  const f = fold(raw)
  if (INVOICE_KIND_WORDS.includes(f)) return 'invoice'
  if (STATUS_SYNONYMS.credit_note.includes(f)) return 'credit_note'
  return null
}

/** Decodes a whole (small) buffer; used for the first piece of a file and by tests. */
export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const encoding = detectEncoding(bytes)
  const bom = BOM_LENGTH[encoding]
  return { text: new TextDecoder(DECODER[encoding]).decode(bytes.subarray(bom)), encoding }
}

const BOM_LENGTH: Record<Encoding, number> = {
  'utf-8': 0,
  'utf-8-bom': 3,
  'utf-16le': 2,
  'utf-16be': 2,
  'windows-1252': 0,
}
const DECODER: Record<Encoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
}

function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252'
}

/** Zip (XLSX, ODS, DOCX), OLE (XLS, DOC) and PDF signatures. */
function isSpreadsheetOrDocument(bytes: Uint8Array): boolean {
  const starts = (sig: readonly number[]): boolean => sig.every((b, i) => bytes[i] === b)
  return (
    starts([0x50, 0x4b, 0x03, 0x04]) ||
    starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) ||
    starts([0x25, 0x50, 0x44, 0x46, 0x2d])
  )
}

/**
 * Binary data: a NUL anywhere (outside UTF-16), or more than 2 % of control characters other than
 * tab, CR, LF and form feed in the first 64 KB.
 */
function looksBinary(bytes: Uint8Array, encoding: Encoding): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false
  if (bytes.indexOf(0) !== -1) return true
  const head = bytes.subarray(0, 65_536)
  let controls = 0
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++
  return controls > head.length * 0.02
}

/** Counts a delimiter per line, outside double quotes, over the first lines. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20)
  let best: Delimiter = ','
  let bestScore = -1
  for (const d of [';', '\t', ','] as const) {
    const counts = lines.map((line) => {
      let n = 0
      let quoted = false
      for (const ch of line) {
        if (ch === '"') quoted = !quoted
        else if (ch === d && !quoted) n++
      }
      return n
    })
    const first = counts[0] ?? 0
    if (first === 0) continue
    const consistent = counts.filter((c) => c === first).length
    const score = consistent * 1000 + first
    if (score > bestScore) {
      bestScore = score
      best = d
    }
  }
  return best
}

/**
 * Parses an amount into cents. Accepted: `1234.5`, `1'234.50` and `1’234.50` (Swiss), `1 234,50`
 * (spaces, no-break spaces), `1.234,50` and `1,234.50`, a leading `-` or surrounding parentheses
 * for credits, and a currency code or sign before or after (`CHF`, `EUR`, `€`, `Fr.`).
 * When both `.` and `,` appear, the last one is the decimal separator. When only one appears, it
 * is a thousands separator if every group after it has exactly three digits (`1.234`, `1,234,567`),
 * otherwise the decimal separator (`12,5`, `1234.50`). More than two decimals are rounded.
 */
export function parseAmountCents(raw: string): number | null {
  let s = raw
    .trim()
    .replace(/^(chf|eur|sfr\.?|fr\.|€)\s*/i, '')
    .replace(/\s*(chf|eur|sfr\.?|fr\.|€)$/i, '')
    .trim()
  let negative = false
  if (/^\(.*\)$/.test(s)) {
    negative = true
    s = s.slice(1, -1).trim()
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative
    s = s.slice(1).trim()
  } else if (s.startsWith('+')) s = s.slice(1).trim()
  s = s.replace(/[\s\u00a0\u202f'’]/g, '')
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s) || s.length > 20) return null
  const lastDot = s.lastIndexOf('.')
  const lastComma = s.lastIndexOf(',')
  let intPart: string
  let fracPart = ''
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ','
    const thou = dec === '.' ? ',' : '.'
    const idx = s.lastIndexOf(dec)
    intPart = s.slice(0, idx)
    fracPart = s.slice(idx + 1)
    if (fracPart.includes(thou) || fracPart.includes(dec)) return null
    if (!/^\d{1,3}([.,]\d{3})*$/.test(intPart) || intPart.includes(dec)) return null
    intPart = intPart.split(thou).join('')
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ','
    const parts = s.split(sep)
    const groupsOfThree =
      parts.length >= 2 && /^\d{1,3}$/.test(parts[0] ?? '') && parts.slice(1).every((p) => /^\d{3}$/.test(p))
    if (groupsOfThree) intPart = parts.join('')
    else if (parts.length === 2) {
      intPart = parts[0] ?? ''
      fracPart = parts[1] ?? ''
    } else return null
  } else intPart = s
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart) || (intPart === '' && fracPart === '')) return null
  const cents = Number(intPart || '0') * 100 + Math.round(Number(`0.${fracPart || '0'}`) * 100)
  if (!Number.isSafeInteger(cents)) return null
  return negative ? -cents : cents
}

/**
 * A VAT rate in basis points: `8.1`, `8,1 %`, `8.1%` are 8.1 %; a fraction below 1 without `%`
 * (`0.081`) is read as a fraction. null when unreadable or above 100 %.
 */
export function parseVatRateBp(raw: string): number | null {
  const s = raw.trim().replace(/\s/g, '')
  const percent = s.endsWith('%')
  const body = percent ? s.slice(0, -1) : s
  if (!/^\d{1,3}([.,]\d{1,4})?$/.test(body)) return null
  const value = Number(body.replace(',', '.'))
  const pct = !percent && value > 0 && value < 1 ? value * 100 : value
  if (pct > 100) return null
  return Math.round(pct * 100)
}

/** Parses `dd.mm.yyyy`, `dd/mm/yyyy`, `dd-mm-yyyy` or `yyyy-mm-dd` (a time after a space is ignored) to ISO. */
export function parseDate(raw: string): string | null {
  const s = raw.trim().split(/[ T]/)[0] ?? ''
  let y: number, m: number, d: number
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  else {
    match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s)
    if (!match) return null
    ;[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
  }
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function parseCurrency(raw: string): Currency | null {
  const f = raw.trim().toUpperCase()
  if (f === 'CHF' || f === 'FR.' || f === 'SFR' || f === 'SFR.') return 'CHF'
  if (f === 'EUR' || f === '€') return 'EUR'
  return null
}

function currencyIn(raw: string): Currency | null {
  if (/(^|[^a-z])(chf|s?fr\.)/i.test(raw)) return 'CHF'
  if (/eur|€/i.test(raw)) return 'EUR'
  return null
}

export function detectMapping(headers: readonly string[]): Record<ImportField, number | null> {
  const mapping = Object.fromEntries(Object.keys(HEADER_SYNONYMS).map((k) => [k, null])) as Record<
    ImportField,
    number | null
  >
  const folded = headers.map(fold)
  const taken = new Set<number>()
  // A header with a percent sign naming VAT ("TVA %", "MwSt %") is the rate, not the amount.
  const percentVat = headers.findIndex(
    (h, i) =>
      h.includes('%') &&
      (HEADER_SYNONYMS.vat.includes(folded[i] ?? '') || HEADER_SYNONYMS.vatRate.includes(folded[i] ?? '')),
  )
  if (percentVat >= 0) {
    mapping.vatRate = percentVat
    taken.add(percentVat)
  }
  // Most specific fields first, so a generic header like "Total" only lands on a free column.
  const order: ImportField[] = [
    'clientNumber',
    'productId',
    'number',
    'dueDate',
    'issueDate',
    'vatRate',
    'amountExclVat',
    'vat',
    'amountInclVat',
    'currency',
    'status',
    'kind',
    'orgName',
    'product',
    'description',
  ]
  for (const field of order) {
    if (mapping[field] !== null) continue
    const words = HEADER_SYNONYMS[field]
    const index = folded.findIndex((h, i) => !taken.has(i) && words.includes(h))
    if (index >= 0) {
      mapping[field] = index
      taken.add(index)
    }
  }
  return mapping
}

/** A cached organization the rows are matched against. */
export interface OrgRef {
  id: number
  name: string
}

/** A cached product, for splitting partner invoices by line. */
export interface ProductMatchRef {
  id: number
  orgId: number
  serviceName: string
  names: readonly (string | null)[]
}

export interface ParsedLine {
  line: number
  text: string
  productId: number | null
  serviceName: string | null
  exclCents: number | null
  inclCents: number
}

export interface ParsedInvoice {
  line: number
  orgId: number
  number: string
  issueDate: string
  dueDate: string | null
  exclCents: number | null
  vatCents: number | null
  inclCents: number
  vatBasis: VatBasis
  currency: Currency
  status: InvoiceStatus
  description: string | null
  split: boolean
  lines: ParsedLine[]
}

/** A saved column mapping for a file layout. */
export interface SavedLayout {
  mapping: ImportMapping
  vatRateBp: number | null
}

export interface Analysis {
  fileHash: string
  encoding: Encoding
  delimiter: Delimiter
  headers: string[]
  layoutKey: string
  mapping: Record<ImportField, number | null>
  mappingSource: 'detected' | 'saved'
  /** The first rows, shortened. */
  sample: string[][]
  rowCount: number
  validRows: number
  invoices: ParsedInvoice[]
  errorCount: number
  /** The first errors (at most {@link MAX_ERRORS}). */
  errors: ImportRowError[]
  unmatchedOrgs: string[]
  orgColumn: boolean
  fileOrgId: number | null
  split: boolean
  splitInvoices: number
  unassignedLines: UnassignedLine[]
  vatUnknownCount: number
  totals: CurrencyAmount[]
}

export interface AnalyseInput {
  bytes: Uint8Array
  orgs: readonly OrgRef[]
  products?: readonly ProductMatchRef[]
  options?: ImportOptions
  /** The mapping saved for a layout, if any. */
  savedLayout?: (layoutKey: string) => SavedLayout | undefined
}

export const MAX_ERRORS = 200
const SAMPLE_ROWS = 10
const DISPLAY_CHARS = 120
/** Bytes parsed between two yields: 8 KB is ~1,600 records of the tiniest rows (~20 ms of work). */
const CHUNK_BYTES = 8_192
/** The start of the file read to detect the delimiter. */
const HEAD_BYTES = 32_768
/** The longest stretch of work (ms) between two yields to the event loop while rows are resolved and grouped. */
const BREATHE_MS = 15

/** Shortens a value for display (previews, error lists). */
export function shorten(value: string, max = DISPLAY_CHARS): string {
  // eslint-disable-next-line no-control-regex -- control characters are not shown
  const clean = value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
  if (clean.length <= max) return clean
  let end = max - 1
  // Never cut a surrogate pair.
  if (/[\ud800-\udbff]/.test(clean.charAt(end - 1))) end--
  return `${clean.slice(0, end)}…`
}

/** CRLF pairs inside quoted cells: csv-parse counts each as two lines, we count one. */
function crlfPairs(record: readonly string[]): number {
  let n = 0
  for (const cell of record) for (let i = cell.indexOf('\r\n'); i !== -1; i = cell.indexOf('\r\n', i + 2)) n++
  return n
}

/** Lines a record spans beyond its first (line breaks inside quoted cells). */
function innerLineBreaks(record: readonly string[]): number {
  let n = 0
  for (const cell of record) {
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i)
      if (c === 10) n++
      else if (c === 13 && cell.charCodeAt(i + 1) !== 10) n++
    }
  }
  return n
}

/** What csv-parse reports, as a file failure with a line number. */
function parserFailure(error: unknown, lastRecordEnd: number, lineShift: number): ImportFileFailure {
  const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined
  const lines = typeof error === 'object' && error !== null ? Reflect.get(error, 'lines') : undefined
  const line = typeof lines === 'number' ? Math.max(1, lines - lineShift) : null
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileFailure('unclosed_quote', lastRecordEnd + 1)
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ImportFileFailure('invalid_quote', line)
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileFailure('line_too_long', line, IMPORT_LIMITS.lineChars)
    default:
      return new ImportFileFailure('malformed_csv', line)
  }
}

/**
 * Enforces the line-length and column caps on the raw text, before csv-parse builds a record: a line
 * of millions of empty cells (`;;;;…`) would otherwise become a huge array before any check could run.
 * Quotes are followed so that delimiters and line breaks inside quoted cells do not count.
 */
class CapScanner {
  private quoted = false
  private lineChars = 0
  private fields = 1
  private line = 1
  private lastWasCr = false

  constructor(private readonly delimiter: Delimiter) {}

  /** Throws {@link ImportFileFailure} as soon as a cap is passed. */
  scan(text: string): void {
    const delimiter = this.delimiter.charCodeAt(0)
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10 || c === 13) {
        if (!(c === 10 && this.lastWasCr)) this.line++
        this.lastWasCr = c === 13
        this.lineChars = 0
        if (!this.quoted) this.fields = 1
        continue
      }
      this.lastWasCr = false
      if (++this.lineChars > IMPORT_LIMITS.lineChars)
        throw new ImportFileFailure('line_too_long', this.line, IMPORT_LIMITS.lineChars)
      if (c === 34) this.quoted = !this.quoted
      else if (c === delimiter && !this.quoted && ++this.fields > IMPORT_LIMITS.columns)
        throw new ImportFileFailure('too_many_columns', this.line, IMPORT_LIMITS.columns)
    }
  }
}

/** One data row, read but not yet attached to an organization. */
interface Row {
  line: number
  number: string
  orgValue: string
  /** The organization named by the org columns: id, 'unknown' (named, not found) or null (not named). */
  orgFromColumns: number | 'unknown' | null
  text: string
  productOrg: number | null
  productId: number | null
  serviceName: string | null
  issueDate: string | null
  dueDate: string | null
  exclCents: number | null
  vatCents: number | null
  inclCents: number | null
  vatBasis: VatBasis
  currency: Currency | null
  status: InvoiceStatus | null
  description: string | null
  /** The row has errors on other fields than the organization. */
  bad: boolean
}

/** Product names and ids → organization, for splitting partner invoices by line. */
class ProductIndex {
  private readonly byId = new Map<number, ProductMatchRef>()
  /** Folded name → product, or null when two organizations share the name. */
  private readonly byName = new Map<string, ProductMatchRef | null>()

  constructor(products: readonly ProductMatchRef[]) {
    for (const p of products) {
      this.byId.set(p.id, p)
      for (const name of p.names) {
        if (!name) continue
        const key = fold(name)
        if (key.length < 3) continue
        const existing = this.byName.get(key)
        if (existing === undefined) this.byName.set(key, p)
        else if (existing !== null && existing.orgId !== p.orgId) this.byName.set(key, null)
      }
    }
  }

  get size(): number {
    return this.byId.size
  }

  /** The product a line names: by id, by its whole text, by a domain or a part of the text. */
  match(text: string, idRaw: string): ProductMatchRef | null {
    const id = /^\d{1,12}$/.test(idRaw.trim()) ? Number(idRaw.trim()) : null
    if (id !== null) return this.byId.get(id) ?? null
    if (/^\d{1,12}$/.test(text.trim())) return this.byId.get(Number(text.trim())) ?? null
    const whole = this.byName.get(fold(text))
    if (whole) return whole
    const candidates = new Set<string>()
    for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}_-]*(?:\.[\p{L}\p{N}_-]+)+/gu)) candidates.add(m[0])
    for (const part of text.split(/\s[-–—:|]\s|[()[\],;]/)) candidates.add(part)
    let found: ProductMatchRef | null = null
    for (const c of candidates) {
      const p = this.byName.get(fold(c))
      if (!p) continue
      if (found && found.orgId !== p.orgId) return null
      found = p
    }
    return found
  }
}

const EXCLUDED_FROM_TOTALS: ReadonlySet<InvoiceStatus> = new Set(['cancelled'])

/**
 * Reads and validates a whole file, streamed: nothing here touches the database. Throws
 * {@link ImportFileFailure} for a file that cannot be an invoice list at all.
 */
export async function analyse(input: AnalyseInput): Promise<Analysis> {
  const { bytes, orgs } = input
  const options = input.options ?? {}
  if (bytes.length === 0) throw new ImportFileFailure('empty_file')
  if (bytes.length > IMPORT_LIMITS.fileBytes)
    throw new ImportFileFailure('file_too_large', null, IMPORT_LIMITS.fileBytes)
  if (isSpreadsheetOrDocument(bytes)) throw new ImportFileFailure('spreadsheet_file')
  const encoding = detectEncoding(bytes)
  const body = bytes.subarray(BOM_LENGTH[encoding])
  if (body.length === 0) throw new ImportFileFailure('bom_only')
  if (looksBinary(bytes, encoding)) throw new ImportFileFailure('binary_file')

  // Hashed piece by piece with the parse below (a 19 MB file hashed at once blocks for tens of ms).
  const hash = createHash('sha256').update(bytes.subarray(0, BOM_LENGTH[encoding]))
  const head = new TextDecoder(DECODER[encoding]).decode(body.subarray(0, HEAD_BYTES))
  if (head.includes('\u0000')) throw new ImportFileFailure('binary_file')
  const delimiter = detectDelimiter(head)

  const byName = new Map<string, number>()
  const byId = new Set<number>()
  for (const o of orgs) {
    byName.set(fold(o.name), o.id)
    byId.add(o.id)
  }
  const orgOverrides = new Map(Object.entries(options.orgOverrides ?? {}).map(([k, v]) => [fold(k), v]))
  const products = new ProductIndex(input.products ?? [])
  const fileOrgId = options.fileOrgId !== undefined && byId.has(options.fileOrgId) ? options.fileOrgId : null
  const optionRateBp = options.vatRatePercent !== undefined ? Math.round(options.vatRatePercent * 100) : null

  let headers: string[] | null = null
  let layoutKey = ''
  let mapping = detectMapping([])
  let mappingSource: 'detected' | 'saved' = 'detected'
  let vatRateBp = optionRateBp
  const sample: string[][] = []
  const rows: Row[] = []
  const errors: ImportRowError[] = []
  let errorCount = 0
  const unmatched = new Set<string>()
  let lastRecordEnd = 0
  let crlfSoFar = 0
  let failure: ImportFileFailure | null = null

  const badLines = new Set<number>()
  const pushError = (e: ImportRowError): void => {
    errorCount++
    badLines.add(e.line)
    if (errors.length < MAX_ERRORS) errors.push({ ...e, value: e.value === null ? null : shorten(e.value, 100) })
  }

  const onHeader = (record: string[]): void => {
    headers = record.map((h) => h.replace(/^\ufeff/, '').trim())
    layoutKey = createHash('sha256')
      .update(`${delimiter}\u0001${headers.map(fold).join('\u0001')}`)
      .digest('hex')
    const saved = input.savedLayout?.(layoutKey)
    mapping = detectMapping(headers)
    if (saved) {
      mappingSource = 'saved'
      for (const [field, index] of Object.entries(saved.mapping) as [ImportField, number | null | undefined][])
        if (index !== undefined) mapping[field] = index
      if (optionRateBp === null) vatRateBp = saved.vatRateBp
    }
    for (const [field, index] of Object.entries(options.mapping ?? {}) as [ImportField, number | null | undefined][])
      if (index !== undefined) mapping[field] = index
    for (const field of Object.keys(mapping) as ImportField[]) {
      const index = mapping[field]
      if (index !== null && index >= headers.length) mapping[field] = null
    }
  }

  const onRow = (record: string[], line: number): void => {
    if (rows.length >= IMPORT_LIMITS.rows) throw new ImportFileFailure('too_many_rows', line, IMPORT_LIMITS.rows)
    if (sample.length < SAMPLE_ROWS) sample.push(record.slice(0, IMPORT_LIMITS.columns).map((c) => shorten(c)))
    const get = (field: ImportField): string => {
      const index = mapping[field]
      return index === null ? '' : (record[index] ?? '').trim()
    }
    let bad = false
    const err = (field: ImportField | null, code: ImportRowError['code'], value: string | null): void => {
      bad = true
      pushError({ line, field, code, value })
    }
    const number = get('number')
    if (!number) err('number', 'missing', null)

    const clientNo = get('clientNumber')
    const orgName = get('orgName')
    const orgValue = orgName || clientNo
    let orgFromColumns: number | 'unknown' | null = null
    if (orgValue) {
      const override = orgOverrides.get(fold(orgValue))
      if (override !== undefined && byId.has(override)) orgFromColumns = override
      else if (clientNo && /^\d+$/.test(clientNo) && byId.has(Number(clientNo))) orgFromColumns = Number(clientNo)
      else if (orgName && byName.has(fold(orgName))) orgFromColumns = byName.get(fold(orgName)) ?? null
      else orgFromColumns = 'unknown'
    }

    const issueRaw = get('issueDate')
    const issueDate = issueRaw ? parseDate(issueRaw) : null
    if (!issueRaw) err('issueDate', 'missing', null)
    else if (!issueDate) err('issueDate', 'bad_date', issueRaw)
    const dueRaw = get('dueDate')
    const dueDate = dueRaw ? parseDate(dueRaw) : null
    if (dueRaw && !dueDate) err('dueDate', 'bad_date', dueRaw)

    let badAmount = false
    const amount = (field: 'amountExclVat' | 'vat' | 'amountInclVat'): number | null => {
      const raw = get(field)
      if (!raw) return null
      const cents = parseAmountCents(raw)
      if (cents === null) {
        badAmount = true
        err(field, 'bad_number', raw)
      }
      return cents
    }
    let excl = amount('amountExclVat')
    let vat = amount('vat')
    let incl = amount('amountInclVat')
    const rateRaw = get('vatRate')
    let rate = vatRateBp
    if (rateRaw) {
      const parsed = parseVatRateBp(rateRaw)
      if (parsed === null) err('vatRate', 'bad_vat_rate', rateRaw)
      else rate = parsed
    }
    let vatBasis: VatBasis = 'file'
    if (!badAmount) {
      if (incl !== null && excl !== null && vat !== null) {
        if (Math.abs(excl + vat - incl) > 1) err('amountInclVat', 'amounts_mismatch', get('amountInclVat'))
      } else if (incl === null && excl !== null && vat !== null) incl = excl + vat
      else if (excl === null && incl !== null && vat !== null) excl = incl - vat
      else if (vat === null && incl !== null && excl !== null) vat = incl - excl
      else if (incl !== null) {
        // Only the amount including VAT: the rest from a known rate, else left unknown.
        if (rate !== null) {
          excl = Math.round((incl * 10_000) / (10_000 + rate))
          vat = incl - excl
          vatBasis = 'rate'
        } else vatBasis = 'unknown'
      } else if (excl !== null && rate !== null) {
        vat = Math.round((excl * rate) / 10_000)
        incl = excl + vat
        vatBasis = 'rate'
      } else err('amountInclVat', 'missing', null)
    }

    const currencyRaw = get('currency')
    let currency: Currency | null = currencyRaw ? parseCurrency(currencyRaw) : null
    if (!currencyRaw)
      currency =
        currencyIn(get('amountInclVat')) ?? currencyIn(get('amountExclVat')) ?? currencyIn((headers ?? []).join(' '))
    if (currency === null) err('currency', currencyRaw ? 'bad_currency' : 'missing', currencyRaw || null)

    const statusRaw = get('status')
    let status: InvoiceStatus | null = statusRaw ? parseStatus(statusRaw) : 'unpaid'
    if (status === null) err('status', 'bad_status', statusRaw)
    const kindRaw = get('kind')
    if (kindRaw) {
      const kind = parseKind(kindRaw)
      if (kind === null) err('kind', 'bad_kind', kindRaw)
      else if (kind === 'credit_note' && status !== null && status !== 'cancelled') status = 'credit_note'
    }
    // A credit note takes money off: its amounts are negative whatever sign the file wrote.
    if (status === 'credit_note' && incl !== null && incl > 0) {
      incl = -incl
      if (excl !== null) excl = -excl
      if (vat !== null) vat = -vat
    }

    const text = get('product') || get('description')
    const matched = products.size > 0 && (text || get('productId')) ? products.match(text, get('productId')) : null
    rows.push({
      line,
      number,
      orgValue,
      orgFromColumns,
      text,
      productOrg: matched?.orgId ?? null,
      productId: matched?.id ?? null,
      serviceName: matched?.serviceName ?? null,
      issueDate,
      dueDate,
      exclCents: excl,
      vatCents: vat,
      inclCents: incl,
      vatBasis,
      currency,
      status,
      description: get('description') || null,
      bad,
    })
  }

  const parser = createParser({
    delimiter,
    relax_column_count: true,
    relax_quotes: false,
    // Mixed line ends (CRLF, LF, CR) are all record ends.
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    trim: true,
    max_record_size: IMPORT_LIMITS.lineChars,
    on_record: (record: string[], context: { lines: number }) => {
      if (failure) return null
      crlfSoFar += crlfPairs(record)
      const end = context.lines - crlfSoFar
      const line = end - innerLineBreaks(record)
      try {
        if (record.length > IMPORT_LIMITS.columns)
          throw new ImportFileFailure('too_many_columns', line, IMPORT_LIMITS.columns)
        if (headers === null) onHeader(record)
        else onRow(record, line)
      } catch (error) {
        failure = error instanceof ImportFileFailure ? error : new ImportFileFailure('malformed_csv', line)
      }
      lastRecordEnd = end
      return null
    },
  })
  parser.on('error', (error) => {
    failure ??= parserFailure(error, lastRecordEnd, crlfSoFar)
  })
  parser.resume()
  const ended = new Promise<void>((resolve) => {
    parser.once('end', resolve)
    parser.once('error', () => resolve())
  })
  const decoder = new TextDecoder(DECODER[encoding])
  const caps = new CapScanner(delimiter)
  for (let offset = 0; offset < body.length && !failure; offset += CHUNK_BYTES) {
    const piece = body.subarray(offset, offset + CHUNK_BYTES)
    hash.update(piece)
    const chunk = decoder.decode(piece, { stream: true })
    if (chunk.includes('\u0000')) failure = new ImportFileFailure('binary_file')
    else {
      try {
        caps.scan(chunk)
        parser.write(chunk)
      } catch (error) {
        failure = error instanceof ImportFileFailure ? error : new ImportFileFailure('malformed_csv')
      }
    }
    // Let the event loop breathe between pieces: a large file must not block the process.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  if (!failure) {
    const rest = decoder.decode()
    if (rest) parser.write(rest)
    parser.end()
    await ended
  } else parser.destroy()
  // (Read through functions: both are assigned in the parser's callbacks.)
  const failed = ((): ImportFileFailure | null => failure)()
  if (failed) throw failed
  const fileHash = hash.digest('hex')
  const headerList = ((): string[] | null => headers)()
  if (headerList === null) throw new ImportFileFailure('blank_file')
  if (rows.length === 0) throw new ImportFileFailure('header_only')

  // ---- Organizations: columns, the file's organization, or the products of a partner invoice.
  const orgColumn = rows.some((r) => r.orgValue !== '')
  const lineText = mapping.product !== null || mapping.description !== null || mapping.productId !== null
  const productOrgs = new Set(rows.flatMap((r) => (r.productOrg !== null ? [r.productOrg] : [])))
  const split =
    options.split ??
    (!orgColumn &&
      lineText &&
      (productOrgs.size >= 2 || (productOrgs.size === 1 && fileOrgId !== null && !productOrgs.has(fileOrgId))))
  const lineOrgs = new Map(
    Object.entries(options.lineOrgs ?? {}).flatMap(([k, v]) => (byId.has(v) ? [[Number(k), v] as const] : [])),
  )
  const unassignedLines: UnassignedLine[] = []
  const resolved: { row: Row; orgId: number }[] = []
  // Yields to the event loop after about BREATHE_MS of work (checked every 1,024 rows): a large file
  // must not hold the process that answers the window.
  let sliceStart = performance.now()
  const breathe = async (i: number): Promise<void> => {
    if ((i & 1023) !== 1023 || performance.now() - sliceStart < BREATHE_MS) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    sliceStart = performance.now()
  }
  for (let i = 0; i < rows.length; i++) {
    await breathe(i)
    const row = rows[i] as Row
    let orgId: number | null = lineOrgs.get(row.line) ?? null
    let orgError = false
    if (orgId === null) {
      if (row.orgFromColumns === 'unknown') {
        pushError({
          line: row.line,
          field: mapping.orgName !== null ? 'orgName' : 'clientNumber',
          code: 'unknown_org',
          value: row.orgValue,
        })
        if (unmatched.size < 200) unmatched.add(shorten(row.orgValue, 100))
        orgError = true
      } else if (row.orgFromColumns !== null) orgId = row.orgFromColumns
      else if (split) {
        orgId = row.productOrg
        if (orgId === null) {
          pushError({ line: row.line, field: 'product', code: 'unassigned_line', value: row.text || null })
          if (unassignedLines.length < MAX_ERRORS)
            unassignedLines.push({
              line: row.line,
              number: shorten(row.number, 100),
              text: shorten(row.text),
              currency: row.currency,
              inclCents: row.inclCents,
            })
          orgError = true
        }
      } else if (fileOrgId !== null) orgId = fileOrgId
      else {
        pushError({
          line: row.line,
          field: mapping.orgName !== null ? 'orgName' : 'clientNumber',
          code: 'missing',
          value: null,
        })
        orgError = true
      }
    }
    if (orgId !== null && !orgError) resolved.push({ row, orgId })
  }

  // ---- Invoices: lines of one invoice together when the file has lines, else one row each.
  const grouped = split || mapping.product !== null || mapping.productId !== null
  const invoices = new Map<string, ParsedInvoice>()
  const invalid = new Set<string>()
  for (let i = 0; i < resolved.length; i++) {
    await breathe(i)
    const { row, orgId } = resolved[i] as { row: Row; orgId: number }
    const key = `${orgId}\u0000${row.number}`
    if (!row.number) continue
    const existing = invoices.get(key)
    if (existing && !grouped) {
      pushError({ line: row.line, field: 'number', code: 'duplicate_in_file', value: row.number })
      invalid.add(key)
      continue
    }
    if (row.bad) {
      invalid.add(key)
      continue
    }
    const line = (): ParsedLine => ({
      line: row.line,
      text: row.text || row.description || row.number,
      productId: row.productId,
      serviceName: row.serviceName,
      exclCents: row.exclCents,
      inclCents: row.inclCents ?? 0,
    })
    if (!existing) {
      invoices.set(key, {
        line: row.line,
        orgId,
        number: row.number,
        issueDate: row.issueDate ?? '',
        dueDate: row.dueDate,
        exclCents: row.exclCents,
        vatCents: row.vatCents,
        inclCents: row.inclCents ?? 0,
        vatBasis: row.vatBasis,
        currency: row.currency ?? 'CHF',
        status: row.status ?? 'unpaid',
        description: row.description,
        split: false,
        lines: grouped ? [line()] : [],
      })
      continue
    }
    if (existing.issueDate !== row.issueDate || existing.currency !== row.currency || existing.status !== row.status) {
      pushError({ line: row.line, field: 'number', code: 'inconsistent_lines', value: row.number })
      invalid.add(key)
      continue
    }
    existing.inclCents += row.inclCents ?? 0
    if (existing.exclCents === null || row.exclCents === null) {
      existing.exclCents = null
      existing.vatCents = null
      existing.vatBasis = 'unknown'
    } else {
      existing.exclCents += row.exclCents
      existing.vatCents = (existing.vatCents ?? 0) + (row.vatCents ?? 0)
      if (row.vatBasis === 'rate') existing.vatBasis = 'rate'
    }
    existing.dueDate ??= row.dueDate
    existing.lines.push(line())
  }
  for (const key of invalid) invoices.delete(key)

  // A partner invoice whose lines went to several clients.
  const orgsPerNumber = new Map<string, Set<number>>()
  let n = 0
  for (const inv of invoices.values()) {
    await breathe(n++)
    const set = orgsPerNumber.get(inv.number) ?? new Set<number>()
    set.add(inv.orgId)
    orgsPerNumber.set(inv.number, set)
  }
  let splitInvoices = 0
  if (split) {
    for (const set of orgsPerNumber.values()) if (set.size > 1) splitInvoices++
    for (const inv of invoices.values()) inv.split = (orgsPerNumber.get(inv.number)?.size ?? 0) > 1
  }

  const valid = [...invoices.values()]
  const totals = new Map<Currency, { cents: number; count: number }>()
  let vatUnknownCount = 0
  for (let i = 0; i < valid.length; i++) {
    await breathe(i)
    const inv = valid[i] as ParsedInvoice
    if (inv.vatBasis === 'unknown') vatUnknownCount++
    const t = totals.get(inv.currency) ?? { cents: 0, count: 0 }
    t.count++
    if (!EXCLUDED_FROM_TOTALS.has(inv.status)) t.cents += inv.inclCents
    totals.set(inv.currency, t)
  }
  const badRowCount = rows.filter((r) => badLines.has(r.line)).length
  return {
    fileHash,
    encoding,
    delimiter,
    headers: headerList,
    layoutKey,
    mapping,
    mappingSource,
    sample,
    rowCount: rows.length,
    validRows: rows.length - badRowCount,
    invoices: valid,
    errorCount,
    errors: errors.sort((a, b) => a.line - b.line),
    unmatchedOrgs: [...unmatched],
    orgColumn,
    fileOrgId,
    split,
    splitInvoices,
    unassignedLines,
    vatUnknownCount,
    totals: [...totals.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, t]) => ({ currency, cents: t.cents, count: t.count })),
  }
}
