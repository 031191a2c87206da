/**
 * Streaming export writers. Each takes rows one at a time (ordered by client) and writes them to
 * a file as it goes, so memory stays flat whatever the number of rows.
 */
import { neutralizeCell, xlsxText } from '../export/neutralize'
import { sheetName } from '../export/sheet-name'
import { serviceLabel } from '../../../shared/domain/service-catalogue'
import { createWriteStream, type WriteStream } from 'node:fs'
import { EventEmitter, once } from 'node:events'
import ExcelJS from 'exceljs'
import PDFDocument from 'pdfkit'
import type { CsvOptions, Currency, Forecast, InvoiceRow, InvoiceStatus } from '../../../shared/domain/billing'
import {
  EXPORT_STRINGS,
  XLSX_DATE_FORMAT,
  formatDate,
  formatMonth,
  formatMoney,
  type ExportLocale,
} from './export-i18n'
import { interpolate } from '../../../shared/i18n/translate'

export type Progress = (done: number) => void

/** RFC 4180 quoting: a cell holding the delimiter, a quote, CR or LF is quoted, quotes doubled. */
export function quoteCsv(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

export function csvNumber(cents: number, decimal: '.' | ','): string {
  const s = (cents / 100).toFixed(2)
  return decimal === ',' ? s.replace('.', ',') : s
}

type Cell = { text: string } | { cents: number | null }

/** A text cell, neutralised ({@link neutralizeCell}) then quoted (the hot path of CSV exports). */
export function csvText(value: string, delimiter: string): string {
  if (value === '') return value
  const v = neutralizeCell(value)
  return v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r')
    ? `"${v.replace(/"/g, '""')}"`
    : v
}

export function csvLine(cells: readonly Cell[], options: CsvOptions): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]
    if (!cell) continue
    if (i > 0) line += options.delimiter
    line +=
      'text' in cell
        ? csvText(cell.text, options.delimiter)
        : cell.cents === null
          ? ''
          : quoteCsv(csvNumber(cell.cents, options.decimal), options.delimiter)
  }
  return line + '\r\n'
}

async function write(out: WriteStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain')
}

async function finish(out: WriteStream): Promise<void> {
  out.end()
  await once(out, 'finish')
}

export async function writeCsv(
  file: string,
  rows: Iterable<InvoiceRow>,
  options: CsvOptions,
  locale: ExportLocale,
  progress: Progress,
): Promise<number> {
  const t = EXPORT_STRINGS[locale]
  const out = createWriteStream(file)
  try {
    let buffer = options.bom ? '\ufeff' : ''
    buffer += csvLine(
      [
        t.client,
        t.clientNumber,
        t.number,
        t.issueDate,
        t.dueDate,
        t.status,
        t.currency,
        t.excl,
        t.vat,
        t.incl,
        t.source,
        t.description,
      ].map((text) => ({ text })),
      options,
    )
    let n = 0
    for (const r of rows) {
      const d = options.delimiter
      const num = (cents: number | null): string =>
        cents === null ? '' : quoteCsv(csvNumber(cents, options.decimal), d)
      buffer +=
        csvText(r.orgName, d) +
        d +
        String(r.orgId) +
        d +
        csvText(r.number, d) +
        d +
        r.issueDate +
        d +
        (r.dueDate ?? '') +
        d +
        csvText(t.statuses[r.status], d) +
        d +
        r.currency +
        d +
        num(r.amountExclVatCents) +
        d +
        num(r.vatCents) +
        d +
        num(r.amountInclVatCents) +
        d +
        csvText(t.sources[r.source], d) +
        d +
        csvText(r.description ?? '', d) +
        '\r\n'
      n++
      if (buffer.length > 65_536) {
        await write(out, buffer)
        buffer = ''
      }
      if (n % 5_000 === 0) progress(n)
    }
    await write(out, buffer)
    await finish(out)
    progress(n)
    return n
  } catch (error) {
    out.destroy()
    throw error
  }
}

const dateOf = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1))
}
const moneyFormat = (currency: Currency): string => `#,##0.00 "${currency}";-#,##0.00 "${currency}"`

/**
 * exceljs feeds its zip stream without waiting for it to drain, and buffers a sheet until the zip
 * reaches it. To keep memory flat the writer waits, after committing a sheet, for the zip to have
 * processed it (archiver's `entry` event), and yields to the event loop every few hundred rows.
 */
function zipEntries(wb: object): { processed(suffix: string): Promise<void> } {
  const zip: unknown = Reflect.get(wb, 'zip')
  const done: string[] = []
  const waiting: { suffix: string; resolve: () => void }[] = []
  let failed = false
  if (zip instanceof EventEmitter) {
    // A zip error must not leave the writer waiting forever; `commit()` then reports it.
    zip.once('error', () => {
      failed = true
      for (const w of waiting.splice(0)) w.resolve()
    })
    zip.on('entry', (entry: unknown) => {
      const name = typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'name') : undefined
      if (typeof name !== 'string') return
      done.push(name)
      for (const w of waiting.filter((x) => name.endsWith(x.suffix))) {
        waiting.splice(waiting.indexOf(w), 1)
        w.resolve()
      }
    })
  }
  return {
    processed: (suffix) =>
      failed || !(zip instanceof EventEmitter) || done.some((n) => n.endsWith(suffix))
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiting.push({ suffix, resolve })),
  }
}

async function yieldToZip(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve))
}

export interface ClientTotal {
  orgId: number
  orgName: string
  currency: Currency
  count: number
  exclCents: number
  vatCents: number
  inclCents: number
}

export async function writeXlsx(
  file: string,
  rows: Iterable<InvoiceRow>,
  summary: readonly ClientTotal[],
  locale: ExportLocale,
  progress: Progress,
): Promise<number> {
  const t = EXPORT_STRINGS[locale]
  const dateFormat = XLSX_DATE_FORMAT[locale]
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  })
  wb.creator = 'Switchboard'
  const used = new Set<string>()
  const frozen: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', ySplit: 1 }]

  const sum = wb.addWorksheet(sheetName(t.summary, used), { views: frozen })
  sum.columns = [
    { header: xlsxText(t.client), key: 'client', width: 32 },
    { header: xlsxText(t.clientNumber), key: 'no', width: 14 },
    { header: xlsxText(t.currency), key: 'currency', width: 10 },
    { header: xlsxText(t.invoices), key: 'count', width: 10 },
    { header: xlsxText(t.excl), key: 'excl', width: 18 },
    { header: xlsxText(t.vat), key: 'vat', width: 14 },
    { header: xlsxText(t.incl), key: 'incl', width: 18 },
  ]
  sum.autoFilter = 'A1:G1'
  sum.getRow(1).font = { bold: true }
  for (const s of summary) {
    const row = sum.addRow([
      xlsxText(s.orgName),
      s.orgId,
      s.currency,
      s.count,
      s.exclCents / 100,
      s.vatCents / 100,
      s.inclCents / 100,
    ])
    for (const c of [5, 6, 7]) row.getCell(c).numFmt = moneyFormat(s.currency)
    row.commit()
  }
  sum.commit()
  const zip = zipEntries(wb)

  let sheet: ExcelJS.Worksheet | null = null
  let currentOrg: number | null = null
  let n = 0
  for (const r of rows) {
    if (r.orgId !== currentOrg) {
      if (sheet) {
        sheet.commit()
        await zip.processed(`xl/worksheets/sheet${sheet.id}.xml`)
      }
      currentOrg = r.orgId
      sheet = wb.addWorksheet(sheetName(r.orgName, used), { views: frozen })
      sheet.columns = [
        { header: xlsxText(t.number), key: 'number', width: 16 },
        { header: xlsxText(t.issueDate), key: 'issue', width: 14 },
        { header: xlsxText(t.dueDate), key: 'due', width: 14 },
        { header: xlsxText(t.status), key: 'status', width: 12 },
        { header: xlsxText(t.currency), key: 'currency', width: 10 },
        { header: xlsxText(t.excl), key: 'excl', width: 18 },
        { header: xlsxText(t.vat), key: 'vat', width: 14 },
        { header: xlsxText(t.incl), key: 'incl', width: 18 },
        { header: xlsxText(t.description), key: 'description', width: 40 },
      ]
      sheet.autoFilter = 'A1:I1'
      sheet.getRow(1).font = { bold: true }
    }
    if (!sheet) continue
    const row = sheet.addRow([
      xlsxText(r.number),
      dateOf(r.issueDate),
      r.dueDate ? dateOf(r.dueDate) : null,
      xlsxText(t.statuses[r.status]),
      r.currency,
      r.amountExclVatCents === null ? null : r.amountExclVatCents / 100,
      r.vatCents === null ? null : r.vatCents / 100,
      r.amountInclVatCents / 100,
      xlsxText(r.description ?? ''),
    ])
    row.getCell(2).numFmt = dateFormat
    row.getCell(3).numFmt = dateFormat
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = moneyFormat(r.currency)
    row.commit()
    n++
    if (n % 5_000 === 0) progress(n)
    if (n % 500 === 0) await yieldToZip()
  }
  sheet?.commit()
  await wb.commit()
  progress(n)
  return n
}

/** Statuses no total counts (voided invoices); credit notes count with their negative amounts. */
export const NOT_COUNTED: ReadonlySet<InvoiceStatus> = new Set(['cancelled'])

export interface PdfOptions {
  locale: ExportLocale
  partnerName: string
  partnerAddress?: string
  partnerVatNumber?: string
  logo: Buffer | null
  from: string
  to: string
  today: string
}

/** One statement per client (each on its own pages), in the chosen language. */
export async function writePdf(
  file: string,
  rows: Iterable<InvoiceRow>,
  options: PdfOptions,
  progress: Progress,
): Promise<number> {
  const t = EXPORT_STRINGS[options.locale]
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    bufferPages: false,
    info: { Title: t.statement, Creator: 'Switchboard' },
  })
  const out = createWriteStream(file)
  doc.pipe(out)
  const left = 48
  const bottom = doc.page.height - 60
  const cols = [
    { x: left, w: 80, key: 'number' },
    { x: left + 84, w: 70, key: 'issue' },
    { x: left + 158, w: 70, key: 'due' },
    { x: left + 232, w: 60, key: 'status' },
    { x: left + 296, w: 70, key: 'excl', right: true },
    { x: left + 370, w: 60, key: 'vat', right: true },
    { x: left + 434, w: 80, key: 'incl', right: true },
  ] as const
  let first = true
  let currentOrg: number | null = null
  let totals = new Map<Currency, { incl: number; unpaid: number }>()
  let n = 0

  const header = (orgName: string, orgId: number): void => {
    if (!first) doc.addPage()
    first = false
    let y = 48
    if (options.logo) {
      try {
        doc.image(options.logo, left, y, { fit: [120, 48] })
      } catch {
        // An unreadable logo must not stop the statement.
      }
    }
    // The partner's letterhead: name, address and VAT number (never the app's name).
    let right = y
    if (options.partnerName) {
      doc
        .font('Helvetica-Bold')
        .fontSize(14)
        .text(options.partnerName, left + 264, right, { width: 250, align: 'right' })
      right = doc.y
    }
    const letterhead = [
      ...(options.partnerAddress ?? '')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(0, 5),
      ...(options.partnerVatNumber ? [`${t.vatNumber}: ${options.partnerVatNumber}`] : []),
    ]
    doc.font('Helvetica').fontSize(9)
    for (const l of letterhead) {
      doc.text(l, left + 264, right, { width: 250, align: 'right', lineBreak: false })
      right += 12
    }
    y = Math.max(y + 64, right + 12)
    doc.font('Helvetica-Bold').fontSize(18).text(t.statement, left, y)
    y += 28
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(
        interpolate(t.clientLine, { client: t.client, name: orgName, clientNumber: t.clientNumber, id: orgId }),
        left,
        y,
      )
    y += 16
    doc.text(
      interpolate(t.periodLine, {
        period: t.period,
        from: formatDate(options.from, options.locale),
        to: formatDate(options.to, options.locale),
      }),
      left,
      y,
    )
    y += 16
    doc
      .fillColor('#666666')
      .text(`${t.generated} ${formatDate(options.today, options.locale)}`, left, y)
      .fillColor('black')
    doc.y = y + 28
    tableHeader()
  }
  const tableHeader = (): void => {
    const y = doc.y
    doc.font('Helvetica-Bold').fontSize(9)
    const labels = [t.number, t.issueDate, t.dueDate, t.status, t.excl, t.vat, t.incl]
    cols.forEach((c, i) => doc.text(labels[i] ?? '', c.x, y, { width: c.w, align: 'right' in c ? 'right' : 'left' }))
    doc
      .moveTo(left, y + 24)
      .lineTo(left + 514, y + 24)
      .strokeColor('#999999')
      .stroke()
    doc.y = y + 28
    doc.font('Helvetica').fontSize(9)
  }
  const footer = (): void => {
    if (currentOrg === null) return
    if (doc.y > bottom - 60) {
      doc.addPage()
      doc.y = 48
    }
    let y = doc.y + 10
    doc.font('Helvetica-Bold').fontSize(10).text(t.totalsPerCurrency, left, y)
    y += 16
    doc.font('Helvetica').fontSize(10)
    for (const [currency, v] of [...totals.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      doc.text(`${t.total} ${currency}: ${formatMoney(v.incl, currency, options.locale)}`, left, y)
      doc.text(`${t.unpaid}: ${formatMoney(v.unpaid, currency, options.locale)}`, left + 260, y)
      y += 14
    }
    doc.y = y
  }

  for (const r of rows) {
    if (r.orgId !== currentOrg) {
      footer()
      currentOrg = r.orgId
      totals = new Map()
      header(r.orgName, r.orgId)
    }
    if (doc.y > bottom) {
      doc.addPage()
      doc.y = 48
      tableHeader()
    }
    const y = doc.y
    const values = [
      r.number,
      formatDate(r.issueDate, options.locale),
      r.dueDate ? formatDate(r.dueDate, options.locale) : '',
      t.statuses[r.status],
      r.amountExclVatCents === null ? t.vatUnknown : formatMoney(r.amountExclVatCents, r.currency, options.locale),
      r.vatCents === null ? t.vatUnknown : formatMoney(r.vatCents, r.currency, options.locale),
      formatMoney(r.amountInclVatCents, r.currency, options.locale),
    ]
    cols.forEach((c, i) =>
      doc.text(values[i] ?? '', c.x, y, { width: c.w, align: 'right' in c ? 'right' : 'left', lineBreak: false }),
    )
    doc.y = y + 14
    if (!NOT_COUNTED.has(r.status)) {
      const tot = totals.get(r.currency) ?? { incl: 0, unpaid: 0 }
      tot.incl += r.amountInclVatCents
      if (r.status === 'unpaid') tot.unpaid += r.amountInclVatCents
      totals.set(r.currency, tot)
    }
    n++
    if (n % 500 === 0) progress(n)
  }
  footer()
  if (currentOrg === null) {
    doc.font('Helvetica-Bold').fontSize(18).text(t.statement, left, 60)
    doc.font('Helvetica').fontSize(11).text(t.noInvoices, left, 100)
  }
  doc.end()
  await once(out, 'finish')
  progress(n)
  return n
}

/** The forecast as one CSV table: one row per renewal, in the document language. */
export async function writeForecastCsv(
  file: string,
  f: Forecast,
  options: CsvOptions,
  locale: ExportLocale,
): Promise<number> {
  const t = EXPORT_STRINGS[locale]
  const out = createWriteStream(file)
  try {
    let buffer = options.bom ? '\ufeff' : ''
    buffer += csvLine(
      [t.renewal, t.client, t.clientNumber, t.product, t.service, t.currency, t.revenue, t.cost, t.margin].map(
        (text) => ({ text }),
      ),
      options,
    )
    for (const r of f.rows) {
      buffer += csvLine(
        [
          { text: r.renewalDate },
          { text: r.orgName },
          { text: String(r.orgId) },
          { text: r.productName },
          { text: serviceLabel(r.serviceName, locale) },
          { text: r.currency },
          { cents: r.amountCents },
          { cents: r.costCents },
          { cents: r.amountCents !== null && r.costCents !== null ? r.amountCents - r.costCents : null },
        ],
        options,
      )
      if (buffer.length > 65_536) {
        await write(out, buffer)
        buffer = ''
      }
    }
    await write(out, buffer)
    await finish(out)
    return f.rows.length
  } catch (error) {
    out.destroy()
    throw error
  }
}

/** The forecast as a workbook: renewals, totals per client, totals per month (every month, zeros included). */
export async function writeForecastXlsx(file: string, f: Forecast, locale: ExportLocale): Promise<number> {
  const t = EXPORT_STRINGS[locale]
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false })
  wb.creator = 'Switchboard'
  const frozen: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', ySplit: 1 }]
  const used = new Set<string>()
  const bold = (ws: ExcelJS.Worksheet): void => {
    ws.getRow(1).font = { bold: true }
  }
  const money = (row: ExcelJS.Row, cells: readonly number[], currency: Currency): void => {
    for (const c of cells) row.getCell(c).numFmt = moneyFormat(currency)
  }

  const rows = wb.addWorksheet(sheetName(t.forecast, used), { views: frozen })
  rows.columns = [
    { header: xlsxText(t.renewal), width: 14 },
    { header: xlsxText(t.client), width: 32 },
    { header: xlsxText(t.product), width: 32 },
    { header: xlsxText(t.service), width: 18 },
    { header: xlsxText(t.currency), width: 10 },
    { header: xlsxText(t.revenue), width: 16 },
    { header: xlsxText(t.cost), width: 16 },
    { header: xlsxText(t.margin), width: 16 },
  ]
  bold(rows)
  for (const r of f.rows) {
    const row = rows.addRow([
      dateOf(r.renewalDate),
      xlsxText(r.orgName),
      xlsxText(r.productName),
      xlsxText(serviceLabel(r.serviceName, locale)),
      r.currency,
      r.amountCents === null ? null : r.amountCents / 100,
      r.costCents === null ? null : r.costCents / 100,
      r.amountCents !== null && r.costCents !== null ? (r.amountCents - r.costCents) / 100 : null,
    ])
    row.getCell(1).numFmt = XLSX_DATE_FORMAT[locale]
    money(row, [6, 7, 8], r.currency)
    row.commit()
  }
  rows.commit()

  const clients = wb.addWorksheet(sheetName(t.perClient, used), { views: frozen })
  clients.columns = [
    { header: xlsxText(t.client), width: 32 },
    { header: xlsxText(t.currency), width: 10 },
    { header: xlsxText(t.revenue), width: 16 },
    { header: xlsxText(t.cost), width: 16 },
    { header: xlsxText(t.margin), width: 16 },
  ]
  bold(clients)
  for (const c of f.perClient)
    for (const x of c.totals) {
      const row = clients.addRow([
        xlsxText(c.orgName),
        x.currency,
        x.revenueCents / 100,
        x.costCents / 100,
        x.marginCents / 100,
      ])
      money(row, [3, 4, 5], x.currency)
      row.commit()
    }
  clients.commit()

  const months = wb.addWorksheet(sheetName(t.perMonth, used), { views: frozen })
  const currencies = f.perMonth[0]?.totals.map((x) => x.currency) ?? []
  months.columns = [
    { header: xlsxText(t.month), width: 18 },
    ...currencies.map((c) => ({ header: `${xlsxText(t.revenue)} ${c}`, width: 18 })),
  ]
  bold(months)
  for (const m of f.perMonth) {
    const row = months.addRow([xlsxText(formatMonth(m.month, locale)), ...m.totals.map((x) => x.cents / 100)])
    m.totals.forEach((x, i) => (row.getCell(i + 2).numFmt = moneyFormat(x.currency)))
    row.commit()
  }
  months.commit()
  await wb.commit()
  return f.rows.length
}
