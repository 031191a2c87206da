/**
 * Reading invoice lists exported from the Infomaniak Manager (pure functions, no database).
 *
 * - Encoding: UTF-8 with BOM, UTF-8 (strict decode), otherwise Windows-1252.
 * - Delimiter: `,`, `;` or tab, whichever splits the first lines (outside quotes) most consistently.
 * - Headers: matched after folding (accents removed, lower case, only letters and digits kept)
 *   against {@link HEADER_SYNONYMS} (French, German, Italian, English, Spanish).
 * - Numbers: see {@link parseAmountCents}. Dates: see {@link parseDate}.
 */
import { createHash } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import type {
  Currency,
  ImportField,
  ImportMapping,
  ImportRowError,
  InvoiceStatus,
} from '../../../shared/domain/billing'

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252'
export type Delimiter = ',' | ';' | '\t'

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
  ],
  currency: ['currency', 'devise', 'monnaie', 'wahrung', 'waehrung', 'valuta', 'divisa', 'moneda'],
  status: ['status', 'state', 'paymentstatus', 'statut', 'etat', 'zahlungsstatus', 'stato', 'estado'],
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
    'annule',
    'annulee',
    'storniert',
    'annulliert',
    'annullato',
    'annullata',
    'stornato',
    'cancelado',
    'cancelada',
    'anulado',
    'anulada',
  ],
}

export function parseStatus(raw: string): InvoiceStatus | null {
  const f = fold(raw)
  for (const [status, words] of Object.entries(STATUS_SYNONYMS) as [InvoiceStatus, readonly string[]][])
    if (words.includes(f)) return status
  return null
}

export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' }
  }
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
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null
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
  // Most specific fields first, so a generic header like "Total" only lands on a free column.
  const order: ImportField[] = [
    'clientNumber',
    'number',
    'dueDate',
    'issueDate',
    'amountExclVat',
    'vat',
    'amountInclVat',
    'currency',
    'status',
    'orgName',
    'description',
  ]
  for (const field of order) {
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

export interface ParsedInvoice {
  line: number
  orgId: number
  number: string
  issueDate: string
  dueDate: string | null
  exclCents: number
  vatCents: number
  inclCents: number
  currency: Currency
  status: InvoiceStatus
  description: string | null
}

export interface Analysis {
  fileHash: string
  encoding: Encoding
  delimiter: Delimiter
  headers: string[]
  mapping: Record<ImportField, number | null>
  records: string[][]
  invoices: ParsedInvoice[]
  errors: ImportRowError[]
  unmatchedOrgs: string[]
}

const Records = z.array(z.array(z.string()))

/** Reads and validates a whole file. Nothing here touches the database. */
export function analyse(
  bytes: Uint8Array,
  orgs: readonly OrgRef[],
  overrides: { mapping?: ImportMapping | undefined; orgOverrides?: Readonly<Record<string, number>> | undefined } = {},
): Analysis {
  const fileHash = createHash('sha256').update(bytes).digest('hex')
  const { text, encoding } = decode(bytes)
  const delimiter = detectDelimiter(text)
  const rows = Records.parse(
    parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      relax_quotes: true,
      bom: true,
    }),
  )
  const headers = rows[0] ?? []
  const records = rows.slice(1)
  const mapping = detectMapping(headers)
  for (const [field, index] of Object.entries(overrides.mapping ?? {}) as [ImportField, number | null | undefined][])
    if (index !== undefined) mapping[field] = index !== null && index < headers.length ? index : null

  const byName = new Map<string, number>()
  const byId = new Map<number, number>()
  for (const o of orgs) {
    byName.set(fold(o.name), o.id)
    byId.set(o.id, o.id)
  }
  const orgOverrides = new Map(Object.entries(overrides.orgOverrides ?? {}).map(([k, v]) => [fold(k), v]))
  const known = new Set(orgs.map((o) => o.id))

  const errors: ImportRowError[] = []
  const invoices: ParsedInvoice[] = []
  const unmatched = new Set<string>()
  const seen = new Set<string>()
  const get = (row: string[], field: ImportField): string => {
    const index = mapping[field]
    return index === null ? '' : (row[index] ?? '').trim()
  }

  records.forEach((row, i) => {
    const line = i + 2
    const before = errors.length
    const err = (field: ImportField | null, code: ImportRowError['code'], value: string | null): void => {
      errors.push({ line, field, code, value })
    }
    const number = get(row, 'number')
    if (!number) err('number', 'missing', null)

    const clientNo = get(row, 'clientNumber')
    const orgName = get(row, 'orgName')
    let orgId: number | null = null
    const override = orgOverrides.get(fold(orgName || clientNo))
    if (override !== undefined && known.has(override)) orgId = override
    else if (clientNo && /^\d+$/.test(clientNo)) orgId = byId.get(Number(clientNo)) ?? null
    if (orgId === null && orgName) orgId = byName.get(fold(orgName)) ?? null
    if (orgId === null) {
      if (!orgName && !clientNo) err(mapping.orgName !== null ? 'orgName' : 'clientNumber', 'missing', null)
      else {
        err(orgName ? 'orgName' : 'clientNumber', 'unknown_org', orgName || clientNo)
        unmatched.add(orgName || clientNo)
      }
    }

    const issueRaw = get(row, 'issueDate')
    const issueDate = issueRaw ? parseDate(issueRaw) : null
    if (!issueRaw) err('issueDate', 'missing', null)
    else if (!issueDate) err('issueDate', 'bad_date', issueRaw)
    const dueRaw = get(row, 'dueDate')
    const dueDate = dueRaw ? parseDate(dueRaw) : null
    if (dueRaw && !dueDate) err('dueDate', 'bad_date', dueRaw)

    let badAmount = false
    const amount = (field: 'amountExclVat' | 'vat' | 'amountInclVat'): number | null => {
      const raw = get(row, field)
      if (!raw) return null
      const cents = parseAmountCents(raw)
      if (cents === null) {
        badAmount = true
        err(field, 'bad_number', raw)
        return null
      }
      return cents
    }
    let excl = amount('amountExclVat')
    let vat = amount('vat')
    let incl = amount('amountInclVat')
    const present = [excl, vat, incl].filter((v) => v !== null).length
    if (!badAmount) {
      if (present < 2) err(incl === null ? 'amountInclVat' : 'amountExclVat', 'missing', null)
      else if (incl === null && excl !== null && vat !== null) incl = excl + vat
      else if (excl === null && incl !== null && vat !== null) excl = incl - vat
      else if (vat === null && incl !== null && excl !== null) vat = incl - excl
      else if (excl !== null && vat !== null && incl !== null && Math.abs(excl + vat - incl) > 1)
        err('amountInclVat', 'amounts_mismatch', get(row, 'amountInclVat'))
    }

    const currencyRaw = get(row, 'currency')
    let currency: Currency | null = currencyRaw ? parseCurrency(currencyRaw) : null
    if (!currencyRaw)
      currency =
        currencyIn(get(row, 'amountInclVat')) ?? currencyIn(get(row, 'amountExclVat')) ?? currencyIn(headers.join(' '))
    if (currency === null) err('currency', currencyRaw ? 'bad_currency' : 'missing', currencyRaw || null)

    const statusRaw = get(row, 'status')
    const status: InvoiceStatus | null = statusRaw ? parseStatus(statusRaw) : 'unpaid'
    if (status === null) err('status', 'bad_status', statusRaw)

    if (number && orgId !== null) {
      const key = `${orgId}\u0000${number}`
      if (seen.has(key)) err('number', 'duplicate_in_file', number)
      seen.add(key)
    }
    if (errors.length > before) return
    invoices.push({
      line,
      orgId: orgId as number,
      number,
      issueDate: issueDate as string,
      dueDate,
      exclCents: excl as number,
      vatCents: vat as number,
      inclCents: incl as number,
      currency: currency as Currency,
      status: status as InvoiceStatus,
      description: get(row, 'description') || null,
    })
  })
  return { fileHash, encoding, delimiter, headers, mapping, records, invoices, errors, unmatchedOrgs: [...unmatched] }
}
