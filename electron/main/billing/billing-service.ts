import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type {
  BillingOverview,
  ExportFormat,
  ExportRequest,
  ExportResult,
  FetchInvoicesResult,
  Forecast,
  ImportMapping,
  ImportPreview,
  ImportResult,
  InvoiceRow,
  PartnerProfile,
  PriceEntry,
} from '../../../shared/domain/billing'
import type { ApiClient } from '../api'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import { AppError } from '../lib/app-error'
import type { FileDelivery } from '../files/delivery'
import type { EventBus } from '../ipc/dispatch'
import type { Db } from '../store/db'
import { analyse, type Analysis } from './csv-import'
import { forecast, gauge, isoDay } from './forecast'
import { LedgerRepo, type InvoiceFilter, type LedgerInvoice } from './ledger-repo'
import { writeCsv, writePdf, writeXlsx } from './export-writers'
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

const MAX_PREVIEWS = 8

/** How the API's invoices look in the sandbox's documented assumption (fields read leniently). */
const ApiInvoice = z.looseObject({
  number: z.union([z.string(), z.number()]).nullish(),
  id: z.union([z.string(), z.number()]),
  issued_at: z.number().int().nullish(),
  created_at: z.number().int().nullish(),
  due_at: z.number().int().nullish(),
  currency: z.string().nullish(),
  amount_excl_vat: z.number().nullish(),
  vat: z.number().nullish(),
  amount_incl_vat: z.number().nullish(),
  total: z.number().nullish(),
  status: z.string().nullish(),
  lines: z
    .array(
      z.looseObject({
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

function fromApi(orgId: number, raw: unknown): LedgerInvoice | null {
  const parsed = ApiInvoice.safeParse(raw)
  if (!parsed.success) return null
  const i = parsed.data
  const currency = i.currency === 'CHF' || i.currency === 'EUR' ? i.currency : null
  const issued = i.issued_at ?? i.created_at
  const incl = i.amount_incl_vat ?? i.total
  if (!currency || issued == null || incl == null) return null
  const excl = i.amount_excl_vat ?? incl - (i.vat ?? 0)
  const status = i.status === 'paid' || i.status === 'cancelled' ? i.status : 'unpaid'
  return {
    orgId,
    number: String(i.number ?? i.id),
    issueDate: isoDay(issued),
    dueDate: i.due_at != null ? isoDay(i.due_at) : null,
    exclCents: cents(excl),
    vatCents: cents(incl) - cents(excl),
    inclCents: cents(incl),
    currency,
    status,
    description: null,
    lines: (i.lines ?? []).map((l) => ({
      serviceName: l.service_name ?? null,
      description: l.description ?? l.service_name ?? '',
      quantity: l.quantity ?? 1,
      unitCents: cents(l.unit_price ?? 0),
      exclCents: cents(l.amount_excl_vat ?? 0),
      periodFrom: l.period_from != null ? isoDay(l.period_from) : null,
      periodTo: l.period_to != null ? isoDay(l.period_to) : null,
    })),
  }
}

interface StoredPreview {
  accountId: string
  fileName: string
  bytes: Uint8Array
}

/** Billing: ledger, CSV import, API invoices, price list, forecast, overview and exports. */
export class BillingService {
  readonly repo: LedgerRepo
  private readonly previews = new Map<string, StoredPreview>()

  constructor(private readonly o: BillingServiceOptions) {
    this.repo = new LedgerRepo(o.db)
  }

  private changed(accountId: string): void {
    emitChanges(this.o.events, [change('billing', accountId)])
  }

  private analyse(
    accountId: string,
    bytes: Uint8Array,
    mapping?: ImportMapping,
    orgOverrides?: Record<string, number>,
  ): Analysis {
    return analyse(bytes, this.repo.orgs(accountId), { mapping, orgOverrides })
  }

  preview(
    accountId: string,
    fileName: string,
    bytes: Uint8Array,
    mapping?: ImportMapping,
    orgOverrides?: Record<string, number>,
  ): ImportPreview {
    const a = this.analyse(accountId, bytes, mapping, orgOverrides)
    const previewId = randomUUID()
    this.previews.set(previewId, { accountId, fileName, bytes })
    while (this.previews.size > MAX_PREVIEWS) {
      const oldest = this.previews.keys().next().value
      if (oldest === undefined) break
      this.previews.delete(oldest)
    }
    return {
      previewId,
      fileName,
      fileHash: a.fileHash,
      encoding: a.encoding,
      delimiter: a.delimiter,
      headers: a.headers,
      mapping: a.mapping,
      sample: a.records.slice(0, 20),
      rowCount: a.records.length,
      validCount: a.invoices.length,
      errors: a.errors.slice(0, 500),
      unmatchedOrgs: a.unmatchedOrgs,
      alreadyImported: this.repo.batchByHash(accountId, a.fileHash) !== undefined,
    }
  }

  commit(input: {
    accountId: string
    previewId?: string | undefined
    /** The chosen file again (read by the caller from the file inbox), when there is no preview. */
    file?: { fileName: string; bytes: Uint8Array } | undefined
    mapping?: ImportMapping | undefined
    orgOverrides?: Record<string, number> | undefined
  }): ImportResult {
    let fileName: string
    let bytes: Uint8Array
    if (input.previewId) {
      const stored = this.previews.get(input.previewId)
      if (!stored || stored.accountId !== input.accountId) throw new AppError('NOT_FOUND', 'billing.previewExpired')
      fileName = stored.fileName
      bytes = stored.bytes
    } else if (input.file) {
      fileName = input.file.fileName
      bytes = input.file.bytes
    } else throw new AppError('INVALID_INPUT', 'app.invalidInput')

    const a = this.analyse(input.accountId, bytes, input.mapping, input.orgOverrides)
    if (a.errors.length > 0)
      return { status: 'rejected', imported: 0, skipped: 0, batchId: null, errors: a.errors.slice(0, 500) }
    if (this.repo.batchByHash(input.accountId, a.fileHash) !== undefined)
      return { status: 'duplicate_file', imported: 0, skipped: a.invoices.length, batchId: null, errors: [] }
    const r = this.repo.insertBatch(
      input.accountId,
      { source: 'csv', fileName, fileHash: a.fileHash, rowCount: a.records.length, at: this.o.clock.now() },
      a.invoices,
    )
    if (input.previewId) this.previews.delete(input.previewId)
    this.changed(input.accountId)
    return { status: 'imported', imported: r.inserted, skipped: r.skipped, batchId: r.batchId, errors: [] }
  }

  /**
   * Reads invoices from the optional API route for every organization of the account. The first
   * 404 `method_not_found` means the account has no such route: it stops at once (no org is retried).
   */
  async fetchInvoices(accountId: string): Promise<FetchInvoicesResult> {
    const client = this.o.clientFor(accountId)
    if (!client) throw new AppError('NOT_FOUND', 'accounts.notFound')
    const orgs = this.repo.orgs(accountId)
    const invoices: LedgerInvoice[] = []
    const failedOrgs: { orgId: number; message: string }[] = []
    let checked = 0
    for (const org of orgs) {
      let list: unknown[] | null
      try {
        list = await client.listInvoices(org.id)
      } catch (error) {
        failedOrgs.push({ orgId: org.id, message: error instanceof Error ? error.message : String(error) })
        checked++
        continue
      }
      checked++
      if (list === null) return { available: false, orgsChecked: checked, imported: 0, updated: 0, failedOrgs }
      for (const raw of list) {
        const inv = fromApi(org.id, raw)
        if (inv) invoices.push(inv)
      }
    }
    const r = this.repo.insertBatch(
      accountId,
      { source: 'api', fileName: null, fileHash: null, rowCount: invoices.length, at: this.o.clock.now() },
      invoices,
      true,
    )
    if (r.inserted + r.updated > 0) this.changed(accountId)
    return { available: true, orgsChecked: checked, imported: r.inserted, updated: r.updated, failedOrgs }
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

  forecast(accountId: string, from: string, to: string, orgIds?: readonly number[]): Forecast {
    const fromSec = Date.parse(`${from}T00:00:00Z`) / 1000
    const toSec = Date.parse(`${to}T23:59:59Z`) / 1000
    return forecast(
      this.repo.products(accountId, { fromSec, toSec, orgIds }),
      this.repo.prices(accountId),
      this.repo.clientCurrencies(accountId),
    )
  }

  overview(accountId: string, from?: string, to?: string): BillingOverview {
    const f: InvoiceFilter = { accountId, from, to }
    const g = gauge(this.repo.products(accountId), this.repo.prices(accountId), this.repo.clientCurrencies(accountId))
    return {
      invoiceCount: this.repo.count(f),
      perCurrency: this.repo.totalsPerCurrency(f),
      perClient: this.repo.totalsPerClient(f).map(({ vatCents: _vat, ...rest }) => rest),
      perMonth: this.repo.totalsPerMonth(f),
      gauge: g.entries,
      gaugeMissingPrices: g.missingPrices,
    }
  }

  profile(accountId: string): PartnerProfile {
    return this.repo.profile(accountId)
  }

  setProfile(accountId: string, profile: PartnerProfile): PartnerProfile {
    if (profile.logoBase64 && Buffer.from(profile.logoBase64, 'base64').length > 1024 * 1024)
      throw new AppError('INVALID_INPUT', 'billing.logoTooLarge')
    this.repo.setProfile(accountId, profile)
    return this.repo.profile(accountId)
  }

  /**
   * Writes the export row by row, reporting progress, straight to where it goes: the path the save
   * dialog returned (the app, asked before the work starts), or a temporary file the browser shell
   * then offers as a download. The bytes never travel through IPC.
   */
  async export(req: ExportRequest): Promise<ExportResult> {
    const exportId = randomUUID()
    const ext: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', pdf: 'pdf' }
    const mime: Record<ExportFormat, string> = {
      csv: 'text/csv',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pdf: 'application/pdf',
    }
    const fileName = `billing-${req.from}-${req.to}.${ext[req.format]}`
    const target = await this.o.files.target(fileName, mime[req.format])
    if (!target) throw new AppError('CANCELLED', 'billing.exportNotSaved')
    const temp = target.path
    const f: InvoiceFilter = { accountId: req.accountId, from: req.from, to: req.to, orgIds: req.orgIds }
    const total = this.repo.count(f)
    const progress = (done: number): void =>
      this.o.events.emit('billing:export-progress', { exportId, format: req.format, done, total })
    progress(0)
    try {
      let rows: number
      if (req.format === 'csv')
        rows = await writeCsv(
          temp,
          this.repo.iterate(f),
          req.csv ?? { delimiter: ',', decimal: '.', bom: false },
          req.locale,
          progress,
        )
      else if (req.format === 'xlsx')
        rows = await writeXlsx(temp, this.repo.iterate(f), this.repo.totalsPerClient(f), req.locale, progress)
      else {
        const profile = this.repo.profile(req.accountId)
        rows = await writePdf(
          temp,
          this.repo.iterate(f),
          {
            locale: req.locale,
            partnerName: profile.name,
            logo: profile.logoBase64 ? Buffer.from(profile.logoBase64, 'base64') : null,
            from: req.from,
            to: req.to,
            today: isoDay(Math.floor(this.o.clock.now() / 1000)),
          },
          progress,
        )
      }
      const file = await this.o.files.finish(target)
      return {
        exportId,
        fileName,
        mimeType: file.mimeType,
        bytes: file.byteLength,
        rows,
        savedPath: file.savedPath,
        downloadUrl: file.downloadUrl,
      }
    } catch (error) {
      await this.o.files.discard(target)
      throw error
    }
  }
}
