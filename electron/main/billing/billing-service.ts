import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import { z } from 'zod'
import {
  INVOICE_ROUTES,
  type BillingOverview,
  type ClientCurrency,
  type Currency,
  type ExportFormat,
  type ExportRequest,
  type ExportResult,
  type FetchInvoicesResult,
  type Forecast,
  type ForecastExportRequest,
  type ImportFileError,
  type ImportOptions,
  type ImportPreview,
  type ImportResult,
  type InvoiceRoute,
  type InvoiceRouteStatus,
  type InvoiceRow,
  type Margins,
  type PartnerGauge,
  type PartnerProfile,
  type PriceEntry,
} from '../../../shared/domain/billing'
import type { ApiClient } from '../api'
import { isApiError } from '../api/errors'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import { AppError } from '../lib/app-error'
import type { ExportTarget, FileDelivery } from '../files/delivery'
import type { EventBus } from '../ipc/dispatch'
import type { Db } from '../store/db'
import { analyse, fold, ImportFileFailure, parseStatus, shorten, type Analysis } from './csv-import'
import { IMPORT_LIMITS } from '../../../shared/domain/billing'
import {
  clientCurrencies,
  forecast,
  gauge,
  isoDay,
  margins,
  monthsOf,
  resolveCurrency,
  yearlyPrice,
  type CurrencyOf,
} from './forecast'
import { LedgerRepo, type InvoiceFilter, type LedgerInvoice } from './ledger-repo'
import { writeCsv, writeForecastCsv, writeForecastXlsx, writePdf, writeXlsx } from './export-writers'
import { change, emitChanges } from '../lib/cache-events'

export interface BillingServiceOptions {
  db: Db
  clock: Clock
  events: EventBus
  logger: Logger
  dataDir: string
  clientFor: (accountId: string) => ApiClient | undefined
  /** Where exports go (save dialog in the app, a download in the browser shell). */
  files: FileDelivery
}

/** The preview answer never exceeds this many bytes of JSON, whatever the file holds. */
export const MAX_PREVIEW_BYTES = 1024 * 1024
const MAX_PREVIEWS = 8

/**
 * An invoice as the API routes answer it, read leniently: the live route's shape (`id, type, status,
 * amount_incl_tax, currency, created_at, pdf`) and the older sandbox assumption (`number, issued_at,
 * amount_excl_vat, vat, amount_incl_vat, lines`).
 */
const Unix = z.union([z.number().int(), z.string().regex(/^\d{4}-\d{2}-\d{2}/)]).nullish()
const ApiInvoice = z.looseObject({
  id: z.union([z.string(), z.number()]),
  number: z.union([z.string(), z.number()]).nullish(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  issued_at: Unix,
  created_at: Unix,
  due_at: Unix,
  currency: z.string().nullish(),
  amount_excl_vat: z.number().nullish(),
  vat: z.number().nullish(),
  amount_incl_vat: z.number().nullish(),
  amount_incl_tax: z.number().nullish(),
  total: z.number().nullish(),
  pdf: z.string().nullish(),
  lines: z
    .array(
      z.looseObject({
        product_id: z.number().int().nullish(),
        service_name: z.string().nullish(),
        description: z.string().nullish(),
        quantity: z.number().nullish(),
        unit_price: z.number().nullish(),
        amount_excl_vat: z.number().nullish(),
        period_from: z.number().int().nullish(),
        period_to: z.number().int().nullish(),
      }),
    )
    .nullish(),
})

const cents = (v: number): number => Math.round(v * 100)
const dayOf = (v: number | string): string => (typeof v === 'number' ? isoDay(v) : v.slice(0, 10))

/** One API invoice into the ledger's shape, or null when it cannot be read (kept out, counted). */
export function fromApi(orgId: number, raw: unknown): LedgerInvoice | null {
  const parsed = ApiInvoice.safeParse(raw)
  if (!parsed.success) return null
  const i = parsed.data
  const currency = i.currency === 'CHF' || i.currency === 'EUR' ? i.currency : null
  const issued = i.issued_at ?? i.created_at
  const incl = i.amount_incl_vat ?? i.amount_incl_tax ?? i.total
  if (!currency || issued == null || incl == null) return null
  const creditNote = i.type != null && /credit|avoir|gutschrift|refund/i.test(i.type)
  const status = creditNote ? 'credit_note' : i.status ? parseStatus(i.status) : 'unpaid'
  if (status === null) return null
  const sign = status === 'credit_note' && incl > 0 ? -1 : 1
  const excl = i.amount_excl_vat ?? (i.vat != null ? incl - i.vat : null)
  return {
    orgId,
    number: String(i.number ?? i.id),
    issueDate: dayOf(issued),
    dueDate: i.due_at != null ? dayOf(i.due_at) : null,
    exclCents: excl === null ? null : sign * cents(excl),
    vatCents: excl === null ? null : sign * (cents(incl) - cents(excl)),
    inclCents: sign * cents(incl),
    vatBasis: excl === null ? 'unknown' : 'file',
    currency,
    status,
    description: null,
    pdfUrl: i.pdf ?? null,
    lines: (i.lines ?? []).map((l) => ({
      serviceName: l.service_name ?? null,
      description: l.description ?? l.service_name ?? '',
      quantity: l.quantity ?? 1,
      unitCents: cents(l.unit_price ?? 0),
      exclCents: cents(l.amount_excl_vat ?? 0),
      periodFrom: l.period_from != null ? isoDay(l.period_from) : null,
      periodTo: l.period_to != null ? isoDay(l.period_to) : null,
      productId: l.product_id ?? null,
    })),
  }
}

interface StoredPreview {
  accountId: string
  fileName: string
  bytes: Uint8Array
}

/** A refused file as a typed error: code, line and limit in `details`. */
function fileError(e: ImportFileFailure): AppError {
  const details: ImportFileError = { kind: 'import_file', code: e.code, line: e.line, limit: e.limit }
  const params: Record<string, number> = {}
  if (e.line !== null) params.line = e.line
  if (e.limit !== null) {
    params.limit = e.limit
    params.mb = Math.round(e.limit / (1024 * 1024))
  }
  return new AppError('INVALID_INPUT', `billing.importFile.${e.code}`, { params, details })
}

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8')

/** Shrinks a preview until its JSON is at most {@link MAX_PREVIEW_BYTES}. */
export function boundPreview(p: ImportPreview): ImportPreview {
  let out: ImportPreview = {
    ...p,
    fileName: shorten(p.fileName, 255),
    headers: p.headers.slice(0, 100).map((h) => shorten(h)),
    sample: p.sample.slice(0, 10).map((r) => r.slice(0, 100).map((c) => shorten(c))),
    errors: p.errors.slice(0, 200).map((e) => ({ ...e, value: e.value === null ? null : shorten(e.value, 100) })),
    unmatchedOrgs: p.unmatchedOrgs.slice(0, 100).map((o) => shorten(o, 100)),
    unassignedLines: p.unassignedLines
      .slice(0, 200)
      .map((l) => ({ ...l, number: shorten(l.number, 100), text: shorten(l.text) })),
  }
  for (let guard = 0; jsonBytes(out) > MAX_PREVIEW_BYTES && guard < 20; guard++) {
    out = {
      ...out,
      sample: out.sample.slice(0, Math.floor(out.sample.length / 2)).map((r) => r.map((c) => shorten(c, 40))),
      errors: out.errors.slice(0, Math.floor(out.errors.length / 2)),
      unmatchedOrgs: out.unmatchedOrgs.slice(0, Math.floor(out.unmatchedOrgs.length / 2)),
      unassignedLines: out.unassignedLines.slice(0, Math.floor(out.unassignedLines.length / 2)),
      headers: out.headers.map((h) => shorten(h, 40)),
    }
  }
  return out
}

/** The next 12 months from a day: `2026-12-01` → `2026-12-01`..`2027-11-30`. */
export function nextTwelveMonths(today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number)
  const end = new Date(Date.UTC((y ?? 1970) + 1, (m ?? 1) - 1, d ?? 1))
  end.setUTCDate(end.getUTCDate() - 1)
  return { from: today, to: end.toISOString().slice(0, 10) }
}

/** Billing: ledger, CSV import, API invoices, price list, forecast, gauge, margins and exports. */
export class BillingService {
  readonly repo: LedgerRepo
  private readonly previews = new Map<string, StoredPreview>()

  constructor(private readonly o: BillingServiceOptions) {
    this.repo = new LedgerRepo(o.db)
  }

  private changed(accountId: string): void {
    emitChanges(this.o.events, [change('billing', accountId)])
  }

  private today(): string {
    return isoDay(Math.floor(this.o.clock.now() / 1000))
  }

  private async analyse(accountId: string, bytes: Uint8Array, options: ImportOptions): Promise<Analysis> {
    try {
      return await analyse({
        bytes,
        orgs: this.repo.orgs(accountId),
        products: this.repo.productMatchRefs(accountId),
        options,
        savedLayout: (key) => this.repo.layout(accountId, key),
      })
    } catch (error) {
      if (error instanceof ImportFileFailure) throw fileError(error)
      throw error
    }
  }

  /** Refuses a chosen file above the import's size cap before it is read at all. */
  checkImportSize(byteLength: number): void {
    if (byteLength > IMPORT_LIMITS.fileBytes)
      throw fileError(new ImportFileFailure('file_too_large', null, IMPORT_LIMITS.fileBytes))
  }

  private stored(accountId: string, previewId: string): StoredPreview {
    const stored = this.previews.get(previewId)
    if (!stored || stored.accountId !== accountId) throw new AppError('NOT_FOUND', 'billing.previewExpired')
    return stored
  }

  /**
   * Reads a file (new, or a stored preview read again with other options) and answers what an import
   * would do. Writes nothing. A file that cannot be an invoice list is an `INVALID_INPUT` error whose
   * details say why ({@link ImportFileError}).
   */
  async preview(input: {
    accountId: string
    fileName?: string | undefined
    bytes?: Uint8Array | undefined
    previewId?: string | undefined
    options?: ImportOptions | undefined
  }): Promise<ImportPreview> {
    let fileName: string
    let bytes: Uint8Array
    let previewId: string
    if (input.bytes !== undefined && input.fileName) {
      fileName = input.fileName
      bytes = input.bytes
      previewId = randomUUID()
    } else if (input.previewId) {
      ;({ fileName, bytes } = this.stored(input.accountId, input.previewId))
      previewId = input.previewId
    } else throw new AppError('INVALID_INPUT', 'app.invalidInput')
    const a = await this.analyse(input.accountId, bytes, input.options ?? {})
    this.previews.delete(previewId)
    this.previews.set(previewId, { accountId: input.accountId, fileName, bytes })
    while (this.previews.size > MAX_PREVIEWS) {
      const oldest = this.previews.keys().next().value
      if (oldest === undefined) break
      this.previews.delete(oldest)
    }
    return boundPreview({
      previewId,
      fileName,
      fileHash: a.fileHash,
      encoding: a.encoding,
      delimiter: a.delimiter,
      headers: a.headers,
      mapping: a.mapping,
      mappingSource: a.mappingSource,
      sample: a.sample,
      rowCount: a.rowCount,
      invoiceCount: a.invoices.length,
      validCount: a.validRows,
      errorCount: a.errorCount,
      errors: a.errors,
      unmatchedOrgs: a.unmatchedOrgs,
      orgColumn: a.orgColumn,
      fileOrgId: a.fileOrgId,
      split: a.split,
      splitInvoices: a.splitInvoices,
      unassignedLines: a.unassignedLines,
      vatUnknownCount: a.vatUnknownCount,
      totals: a.totals,
      alreadyImported: this.repo.batchByHash(input.accountId, a.fileHash) !== undefined,
    })
  }

  /**
   * Imports a file all or nothing: any row error and nothing is written (no batch either). The same
   * file again, or invoices already in the ledger, add nothing. The mapping used is saved for files
   * of the same layout.
   */
  async commit(input: {
    accountId: string
    previewId?: string | undefined
    fileName?: string | undefined
    bytes?: Uint8Array | undefined
    options?: ImportOptions | undefined
  }): Promise<ImportResult> {
    let fileName: string
    let bytes: Uint8Array
    if (input.previewId) ({ fileName, bytes } = this.stored(input.accountId, input.previewId))
    else if (input.bytes !== undefined && input.fileName) {
      fileName = input.fileName
      bytes = input.bytes
    } else throw new AppError('INVALID_INPUT', 'app.invalidInput')

    const options = input.options ?? {}
    const a = await this.analyse(input.accountId, bytes, options)
    const base = { errorCount: a.errorCount, totals: a.totals }
    if (a.errorCount > 0)
      return { status: 'rejected', imported: 0, skipped: 0, batchId: null, ...base, errors: a.errors }
    if (this.repo.batchByHash(input.accountId, a.fileHash) !== undefined)
      return { status: 'duplicate_file', imported: 0, skipped: a.invoices.length, batchId: null, ...base, errors: [] }
    const at = this.o.clock.now()
    const r = this.repo.insertBatch(
      input.accountId,
      { source: 'csv', fileName, fileHash: a.fileHash, rowCount: a.rowCount, at },
      a.invoices.map((inv) => ({
        ...inv,
        lines: inv.lines.map((l) => ({
          serviceName: l.serviceName,
          description: l.text,
          quantity: 1,
          unitCents: l.exclCents ?? l.inclCents,
          exclCents: l.exclCents,
          inclCents: l.inclCents,
          periodFrom: null,
          periodTo: null,
          productId: l.productId,
        })),
      })),
    )
    const vatRateBp = options.vatRatePercent !== undefined ? Math.round(options.vatRatePercent * 100) : null
    this.repo.saveLayout(input.accountId, a.layoutKey, a.headers, a.mapping, vatRateBp, at)
    if (input.previewId) this.previews.delete(input.previewId)
    this.changed(input.accountId)
    return {
      status: 'imported',
      imported: r.inserted,
      skipped: r.skipped,
      batchId: r.batchId,
      ...base,
      errors: [],
    }
  }

  invoiceRoute(accountId: string): InvoiceRouteStatus {
    return this.repo.invoiceRoute(accountId)
  }

  /**
   * Reads invoices from the API for every organization of the account. The route is detected once per
   * account (the one seen live first, then the older guesses) and remembered; when every route answers
   * 404 `method_not_found`, the account has none and nothing is retried until asked again.
   */
  async fetchInvoices(accountId: string): Promise<FetchInvoicesResult> {
    const client = this.o.clientFor(accountId)
    if (!client) throw new AppError('NOT_FOUND', 'accounts.notFound')
    const orgs = this.repo.orgs(accountId)
    const invoices: LedgerInvoice[] = []
    const failedOrgs: { orgId: number; message: string }[] = []
    let route: InvoiceRoute | null = this.repo.invoiceRoute(accountId).route
    let checked = 0
    let skippedItems = 0
    /** The first route that exists for this organization (any answer but 404 `method_not_found`). */
    const detect = async (
      orgId: number,
    ): Promise<{ route: InvoiceRoute | null; list: unknown[] | null; error: unknown }> => {
      for (const candidate of INVOICE_ROUTES) {
        try {
          const list = await client.listInvoices(orgId, { route: candidate })
          if (list !== null) return { route: candidate, list, error: null }
        } catch (error) {
          if (isApiError(error, 'token_rejected', 'cancelled')) throw error
          return { route: candidate, list: null, error }
        }
      }
      return { route: null, list: null, error: null }
    }
    const unavailable = (): FetchInvoicesResult => {
      this.repo.setInvoiceRoute(accountId, null, this.o.clock.now())
      return {
        available: false,
        route: null,
        orgsChecked: checked,
        imported: 0,
        updated: 0,
        skippedItems: 0,
        failedOrgs,
      }
    }
    for (const org of orgs) {
      checked++
      try {
        let list: unknown[] | null
        if (route === null) {
          const found = await detect(org.id)
          if (found.route === null) return unavailable()
          route = found.route
          this.repo.setInvoiceRoute(accountId, route, this.o.clock.now())
          if (found.error !== null) throw found.error
          list = found.list
        } else list = await client.listInvoices(org.id, { route })
        // The remembered route is gone: forget it (detected again next time).
        if (list === null) return unavailable()
        for (const raw of list) {
          const inv = fromApi(org.id, raw)
          if (inv) invoices.push(inv)
          else skippedItems++
        }
      } catch (error) {
        if (isApiError(error, 'token_rejected', 'cancelled')) throw error
        failedOrgs.push({ orgId: org.id, message: error instanceof Error ? error.message : String(error) })
      }
    }
    if (skippedItems > 0) this.o.logger.warn('invoices skipped', { accountId, skippedItems, route })
    const r = this.repo.insertBatch(
      accountId,
      { source: 'api', fileName: null, fileHash: null, rowCount: invoices.length, at: this.o.clock.now() },
      invoices,
      true,
    )
    if (r.inserted + r.updated > 0) this.changed(accountId)
    return {
      available: true,
      route,
      orgsChecked: checked,
      imported: r.inserted,
      updated: r.updated,
      skippedItems,
      failedOrgs,
    }
  }

  invoices(f: InvoiceFilter): InvoiceRow[] {
    return this.repo.invoices(f)
  }

  prices(accountId: string): PriceEntry[] {
    return this.repo.prices(accountId)
  }

  setPrices(accountId: string, entries: readonly PriceEntry[]): PriceEntry[] {
    this.repo.setPrices(accountId, entries)
    this.changed(accountId)
    return this.repo.prices(accountId)
  }

  services(accountId: string): string[] {
    return this.repo.services(accountId)
  }

  private currencyOf(accountId: string): CurrencyOf {
    const settings = this.repo.currencySettings(accountId)
    const seen = this.repo.clientCurrencies(accountId)
    return (orgId) => resolveCurrency(orgId, settings, seen)
  }

  /**
   * Prices renewals of one account: the yearly resale price of a service in the client's currency, from the
   * price list (null cents when the list has none in that currency; never another currency's, never 0).
   */
  renewalPricer(accountId: string): (orgId: number, service: string) => { currency: Currency; cents: number | null } {
    const prices = this.repo.prices(accountId)
    const currencyOf = this.currencyOf(accountId)
    return (orgId, service) => {
      const { currency } = currencyOf(orgId)
      return { currency, cents: yearlyPrice(prices, service, currency)?.priceCents ?? null }
    }
  }

  currencies(accountId: string): ClientCurrency[] {
    return clientCurrencies(
      this.repo.orgs(accountId),
      this.repo.currencySettings(accountId),
      this.repo.clientCurrencies(accountId),
    )
  }

  setCurrency(accountId: string, orgId: number, currency: Currency | null): ClientCurrency[] {
    if (!this.repo.orgs(accountId).some((o) => o.id === orgId)) throw new AppError('NOT_FOUND', 'access.orgNotCached')
    this.repo.setCurrencySetting(accountId, orgId, currency)
    this.changed(accountId)
    return this.currencies(accountId)
  }

  /** Renewals in a period (default: the next 12 months from today), per client in its own currency. */
  forecast(accountId: string, from?: string, to?: string, orgIds?: readonly number[]): Forecast {
    const period = from && to ? { from, to } : nextTwelveMonths(this.today())
    const fromSec = Date.parse(`${period.from}T00:00:00Z`) / 1000
    const toSec = Date.parse(`${period.to}T23:59:59Z`) / 1000
    return forecast(
      this.repo.products(accountId, { fromSec, toSec, orgIds }),
      this.repo.prices(accountId),
      this.currencyOf(accountId),
      period,
    )
  }

  gauge(accountId: string): PartnerGauge {
    return gauge(
      this.repo.products(accountId),
      this.repo.prices(accountId),
      this.currencyOf(accountId),
      Math.floor(this.o.clock.now() / 1000),
    )
  }

  margins(accountId: string): Margins {
    return margins(
      this.repo.products(accountId),
      this.repo.prices(accountId),
      this.currencyOf(accountId),
      Math.floor(this.o.clock.now() / 1000),
    )
  }

  overview(accountId: string, from?: string, to?: string): BillingOverview {
    const f: InvoiceFilter = { accountId, from, to }
    const perMonth = this.repo.totalsPerMonth(f)
    const currencies = [...new Set(perMonth.map((m) => m.currency))].sort()
    const firstMonth = from ?? perMonth[0]?.month
    const lastMonth = to ?? perMonth.at(-1)?.month
    const byKey = new Map(perMonth.map((m) => [`${m.month}\u0000${m.currency}`, m.inclCents]))
    const months =
      firstMonth && lastMonth ? monthsOf(`${firstMonth.slice(0, 7)}-01`, `${lastMonth.slice(0, 7)}-01`) : []
    return {
      invoiceCount: this.repo.count(f),
      perCurrency: this.repo.totalsPerCurrency(f),
      perClient: this.repo.totalsPerClient(f).map(({ vatCents: _vat, ...rest }) => rest),
      perMonth: months.flatMap((month) =>
        currencies.map((currency) => ({ month, currency, inclCents: byKey.get(`${month}\u0000${currency}`) ?? 0 })),
      ),
    }
  }

  profile(accountId: string): PartnerProfile {
    return this.repo.profile(accountId)
  }

  setProfile(accountId: string, profile: PartnerProfile): PartnerProfile {
    if (profile.logoBase64 && Buffer.from(profile.logoBase64, 'base64').length > 1024 * 1024)
      throw new AppError('INVALID_INPUT', 'billing.logoTooLarge')
    this.repo.setProfile(accountId, profile)
    this.changed(accountId)
    return this.repo.profile(accountId)
  }

  /**
   * Where an export is written: `out` (the CLI's `--out`), else where the host says — the path the save
   * dialog returned (the app, asked before the work starts) or a temporary file the browser shell then
   * offers as a download. The bytes never travel through IPC.
   */
  private async targetFor(fileName: string, mimeType: string, out: string | undefined): Promise<ExportTarget> {
    if (out !== undefined) return { path: out, fileName, mimeType, chosen: true }
    const target = await this.o.files.target(fileName, mimeType)
    if (!target) throw new AppError('CANCELLED', 'billing.exportNotSaved')
    return target
  }

  /** Writes with `write`, then hands the file over; removes what was written when anything fails. */
  private async produce(
    target: ExportTarget,
    out: string | undefined,
    base: { exportId: string; rows: () => number },
    write: (path: string) => Promise<void>,
  ): Promise<ExportResult> {
    try {
      await write(target.path)
      const delivered =
        out !== undefined
          ? {
              mimeType: target.mimeType,
              byteLength: statSync(out).size,
              savedPath: out,
              downloadUrl: null,
            }
          : await this.o.files.finish(target)
      return {
        exportId: base.exportId,
        fileName: target.fileName,
        mimeType: delivered.mimeType,
        bytes: delivered.byteLength,
        rows: base.rows(),
        savedPath: delivered.savedPath,
        downloadUrl: delivered.downloadUrl,
      }
    } catch (error) {
      await this.o.files.discard(target)
      throw error
    }
  }

  /**
   * Writes the ledger of a period row by row, reporting progress, in the document language, straight to
   * where it goes (see {@link targetFor}).
   */
  async export(req: ExportRequest, out?: string): Promise<ExportResult> {
    const mime: Record<ExportFormat, string> = {
      csv: 'text/csv',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pdf: 'application/pdf',
    }
    const exportId = randomUUID()
    const target = await this.targetFor(`billing-${req.from}-${req.to}.${req.format}`, mime[req.format], out)
    const f: InvoiceFilter = { accountId: req.accountId, from: req.from, to: req.to, orgIds: req.orgIds }
    const total = this.repo.count(f)
    const progress = (done: number): void =>
      this.o.events.emit('billing:export-progress', { exportId, format: req.format, done, total })
    progress(0)
    let rows = 0
    return this.produce(target, out, { exportId, rows: () => rows }, async (file) => {
      if (req.format === 'csv')
        rows = await writeCsv(
          file,
          this.repo.iterate(f),
          req.csv ?? { delimiter: ',', decimal: '.', bom: false },
          req.locale,
          progress,
        )
      else if (req.format === 'xlsx')
        rows = await writeXlsx(file, this.repo.iterate(f), this.repo.totalsPerClient(f), req.locale, progress)
      else {
        const profile = this.repo.profile(req.accountId)
        rows = await writePdf(
          file,
          this.repo.iterate(f),
          {
            locale: req.locale,
            partnerName: profile.name,
            partnerAddress: profile.address,
            partnerVatNumber: profile.vatNumber,
            logo: profile.logoBase64 ? Buffer.from(profile.logoBase64, 'base64') : null,
            from: req.from,
            to: req.to,
            today: this.today(),
          },
          progress,
        )
      }
    })
  }

  /** The forecast of a period as CSV or XLSX (rows, per client and per month). */
  async exportForecast(req: ForecastExportRequest, out?: string): Promise<ExportResult> {
    const f = this.forecast(req.accountId, req.from, req.to, req.orgIds)
    const mimeType =
      req.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    const target = await this.targetFor(`forecast-${f.from}-${f.to}.${req.format}`, mimeType, out)
    return this.produce(target, out, { exportId: randomUUID(), rows: () => f.rows.length }, async (file) => {
      if (req.format === 'csv')
        await writeForecastCsv(file, f, req.csv ?? { delimiter: ',', decimal: '.', bom: false }, req.locale)
      else await writeForecastXlsx(file, f, req.locale)
    })
  }
}

/** Folded organization names, for the CLI's `--org NAME`. */
export function findOrg(orgs: readonly { id: number; name: string }[], value: string): { id: number; name: string }[] {
  if (/^\d+$/.test(value)) return orgs.filter((o) => o.id === Number(value))
  const exact = orgs.filter((o) => o.name === value)
  if (exact.length > 0) return exact
  return orgs.filter((o) => fold(o.name) === fold(value))
}
