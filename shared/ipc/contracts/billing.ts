import { z } from 'zod'
import {
  BillingOverview,
  ClientCurrency,
  Currency,
  ExportProgress,
  ExportRequest,
  ExportResult,
  FetchInvoicesResult,
  Forecast,
  ForecastExportRequest,
  ImportOptions,
  ImportPreview,
  ImportResult,
  InvoiceRouteStatus,
  InvoiceRow,
  IsoDate,
  Margins,
  PartnerGauge,
  PartnerProfile,
  PriceEntry,
} from '../../domain/billing'
import { FileId } from '../../domain/files'

const AccountId = z.string().min(1).max(100)
const PreviewId = z.string().max(100)

/** Billing channels (ledger, CSV import, API invoices, price list, forecast, gauge, margins, exports). */
export const billingContract = {
  /**
   * Reads a Manager CSV export (the file the user chose — `files:choose-import` in the app, an upload in
   * the browser shell — read by the core from disk; or a previous preview read again with other options)
   * and answers the detected mapping, a sample, totals and row-level errors (at most 1 MB). Writes
   * nothing. A file that cannot be an invoice list fails with INVALID_INPUT and `details` =
   * `ImportFileError`.
   */
  'billing:import-preview': {
    input: z
      .object({
        accountId: AccountId,
        fileId: FileId.optional(),
        previewId: PreviewId.optional(),
        options: ImportOptions.optional(),
      })
      .strict(),
    output: ImportPreview,
  },
  /**
   * Imports a previewed file (or the file again), all or nothing: any invalid row and nothing is
   * written. The same file or the same invoices add nothing. The mapping is saved for the layout.
   */
  'billing:import-commit': {
    input: z
      .object({
        accountId: AccountId,
        previewId: PreviewId.optional(),
        fileId: FileId.optional(),
        options: ImportOptions.optional(),
      })
      .strict(),
    output: ImportResult,
  },
  /** Which invoice route the account has (detected by the last fetch), if any. */
  'billing:invoice-route': { input: z.object({ accountId: AccountId }).strict(), output: InvoiceRouteStatus },
  /** Reads invoices from the API where the account has an invoice route (detected, remembered). */
  'billing:fetch-invoices': {
    input: z.object({ accountId: AccountId }).strict(),
    output: FetchInvoicesResult,
  },
  /** Ledger invoices of an account, optionally for a period (issue date) and some organizations. */
  'billing:invoices': {
    input: z
      .object({
        accountId: AccountId,
        from: IsoDate.optional(),
        to: IsoDate.optional(),
        orgIds: z.array(z.number().int().nonnegative()).max(10_000).optional(),
      })
      .strict(),
    output: z.array(InvoiceRow),
  },
  /** The partner's price list of an account (resale and purchase prices). */
  'billing:prices-get': { input: z.object({ accountId: AccountId }).strict(), output: z.array(PriceEntry) },
  /** Replaces the price list of an account. */
  'billing:prices-set': {
    input: z.object({ accountId: AccountId, entries: z.array(PriceEntry).max(5_000) }).strict(),
    output: z.array(PriceEntry),
  },
  /** Services seen in the cached products of an account (to fill the price list). */
  'billing:services': { input: z.object({ accountId: AccountId }).strict(), output: z.array(z.string()) },
  /** Each client's currency: the user's setting, else its latest invoice, else CHF. */
  'billing:currencies': { input: z.object({ accountId: AccountId }).strict(), output: z.array(ClientCurrency) },
  /** Sets (or clears with null) the currency a client is invoiced in. */
  'billing:currency-set': {
    input: z
      .object({ accountId: AccountId, orgId: z.number().int().nonnegative(), currency: Currency.nullable() })
      .strict(),
    output: z.array(ClientCurrency),
  },
  /** Renewals due in a period (default: the next 12 months), per client in its own currency, with margins. */
  'billing:forecast': {
    input: z
      .object({
        accountId: AccountId,
        from: IsoDate.optional(),
        to: IsoDate.optional(),
        orgIds: z.array(z.number().int()).max(10_000).optional(),
      })
      .strict(),
    output: Forecast,
  },
  /** The forecast as CSV or XLSX. */
  'billing:forecast-export': { input: ForecastExportRequest, output: ExportResult },
  /** Totals per client, month (every month, zeros included) and currency for a period. */
  'billing:overview': {
    input: z.object({ accountId: AccountId, from: IsoDate.optional(), to: IsoDate.optional() }).strict(),
    output: BillingOverview,
  },
  /** The partner-program gauge: what counts (client organizations, active paid products) and what not. */
  'billing:gauge': { input: z.object({ accountId: AccountId }).strict(), output: PartnerGauge },
  /** Yearly revenue, cost and margin per client and currency. */
  'billing:margins': { input: z.object({ accountId: AccountId }).strict(), output: Margins },
  /** The partner's name, address, VAT number and logo shown on PDF statements. */
  'billing:profile-get': { input: z.object({ accountId: AccountId }).strict(), output: PartnerProfile },
  'billing:profile-set': {
    input: z.object({ accountId: AccountId, profile: PartnerProfile }).strict(),
    output: PartnerProfile,
  },
  /** Generates a CSV, XLSX or PDF export in main (streamed to disk, progress events). */
  'billing:export': { input: ExportRequest, output: ExportResult },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export const billingEvents = {
  /** Progress of a running export. */
  'billing:export-progress': ExportProgress,
} satisfies Record<string, z.ZodType>
