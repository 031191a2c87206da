import { z } from 'zod'
import { Language } from './settings'

/**
 * Billing entities that cross IPC. Amounts are integer cents; dates of invoices are ISO calendar
 * dates (`yyyy-mm-dd`, no time zone). CHF and EUR are never added together: every total carries
 * its currency.
 */
export const Currency = z.enum(['CHF', 'EUR'])
export type Currency = z.infer<typeof Currency>

export const InvoiceStatus = z.enum(['paid', 'unpaid', 'cancelled'])
export type InvoiceStatus = z.infer<typeof InvoiceStatus>

export const InvoiceSource = z.enum(['csv', 'api'])
export type InvoiceSource = z.infer<typeof InvoiceSource>

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** Partner-program threshold per currency, in cents per year (product.md). */
export const PARTNER_THRESHOLD_CENTS: Readonly<Record<Currency, number>> = { CHF: 200_000, EUR: 180_000 }

/** Columns the CSV importer recognises. */
export const IMPORT_FIELDS = [
  'number',
  'orgName',
  'clientNumber',
  'issueDate',
  'dueDate',
  'amountExclVat',
  'vat',
  'amountInclVat',
  'currency',
  'status',
  'description',
] as const
export const ImportField = z.enum(IMPORT_FIELDS)
export type ImportField = z.infer<typeof ImportField>

/** Column index per field (null: not present). */
export const ImportMapping = z.partialRecord(ImportField, z.number().int().min(0).max(500).nullable())
export type ImportMapping = Partial<Record<ImportField, number | null>>

export const ImportRowError = z.object({
  /** 1-based line in the file (the header is line 1). */
  line: z.number().int(),
  field: ImportField.nullable(),
  code: z.enum([
    'missing',
    'bad_number',
    'bad_date',
    'bad_currency',
    'bad_status',
    'amounts_mismatch',
    'unknown_org',
    'duplicate_in_file',
  ]),
  value: z.string().nullable(),
})
export type ImportRowError = z.infer<typeof ImportRowError>

export const ImportPreview = z.object({
  previewId: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']),
  delimiter: z.enum([',', ';', '\t']),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int().nullable()),
  /** The first rows as read (strings), for the preview table. */
  sample: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  validCount: z.number().int(),
  errors: z.array(ImportRowError),
  /** Organization values that matched no cached organization (to map by hand). */
  unmatchedOrgs: z.array(z.string()),
  /** The same file (by hash) was already imported for this account. */
  alreadyImported: z.boolean(),
})
export type ImportPreview = z.infer<typeof ImportPreview>

export const ImportResult = z.object({
  status: z.enum(['imported', 'rejected', 'duplicate_file']),
  imported: z.number().int(),
  /** Invoices already in the ledger (same number and organization), left as they were. */
  skipped: z.number().int(),
  batchId: z.number().int().nullable(),
  errors: z.array(ImportRowError),
})
export type ImportResult = z.infer<typeof ImportResult>

export const FetchInvoicesResult = z.object({
  /** False when the account has no invoice route (404 method_not_found): nothing was retried. */
  available: z.boolean(),
  orgsChecked: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  failedOrgs: z.array(z.object({ orgId: z.number().int(), message: z.string() })),
})
export type FetchInvoicesResult = z.infer<typeof FetchInvoicesResult>

export const InvoiceRow = z.object({
  accountId: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  number: z.string(),
  issueDate: IsoDate,
  dueDate: IsoDate.nullable(),
  amountExclVatCents: z.number().int(),
  vatCents: z.number().int(),
  amountInclVatCents: z.number().int(),
  currency: Currency,
  status: InvoiceStatus,
  source: InvoiceSource,
  description: z.string().nullable(),
})
export type InvoiceRow = z.infer<typeof InvoiceRow>

export const BillingPeriod = z.enum(['monthly', 'yearly'])
export type BillingPeriod = z.infer<typeof BillingPeriod>

export const PriceEntry = z.object({
  serviceName: z.string().trim().min(1).max(120),
  period: BillingPeriod,
  currency: Currency,
  priceCents: z.number().int().min(0).max(100_000_000),
})
export type PriceEntry = z.infer<typeof PriceEntry>

export const ForecastRow = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  productId: z.number().int(),
  productName: z.string(),
  serviceName: z.string(),
  renewalDate: IsoDate,
  currency: Currency.nullable(),
  /** Yearly selling price (a monthly price counts 12 times); null when the price list has none. */
  amountCents: z.number().int().nullable(),
})
export type ForecastRow = z.infer<typeof ForecastRow>

export const CurrencyTotal = z.object({ currency: Currency, cents: z.number().int() })
export type CurrencyTotal = z.infer<typeof CurrencyTotal>

export const Forecast = z.object({
  rows: z.array(ForecastRow),
  totals: z.array(CurrencyTotal),
  perClient: z.array(z.object({ orgId: z.number().int(), orgName: z.string(), totals: z.array(CurrencyTotal) })),
  missingPrices: z.array(z.string()),
})
export type Forecast = z.infer<typeof Forecast>

export const GaugeEntry = z.object({
  currency: Currency,
  yearlyCents: z.number().int(),
  thresholdCents: z.number().int(),
  reached: z.boolean(),
})
export type GaugeEntry = z.infer<typeof GaugeEntry>

export const BillingOverview = z.object({
  invoiceCount: z.number().int(),
  perCurrency: z.array(
    z.object({
      currency: Currency,
      exclCents: z.number().int(),
      inclCents: z.number().int(),
      unpaidCents: z.number().int(),
    }),
  ),
  perClient: z.array(
    z.object({
      orgId: z.number().int(),
      orgName: z.string(),
      currency: Currency,
      count: z.number().int(),
      exclCents: z.number().int(),
      inclCents: z.number().int(),
    }),
  ),
  perMonth: z.array(z.object({ month: z.string(), currency: Currency, inclCents: z.number().int() })),
  gauge: z.array(GaugeEntry),
  gaugeMissingPrices: z.array(z.string()),
})
export type BillingOverview = z.infer<typeof BillingOverview>

export const PartnerProfile = z.object({
  name: z.string().trim().max(200),
  /** PNG or JPEG, base64, at most 1 MB once decoded. */
  logoBase64: z.string().max(1_400_000).nullable(),
  logoMime: z.enum(['image/png', 'image/jpeg']).nullable(),
})
export type PartnerProfile = z.infer<typeof PartnerProfile>

export const ExportFormat = z.enum(['csv', 'xlsx', 'pdf'])
export type ExportFormat = z.infer<typeof ExportFormat>

export const CsvOptions = z.object({
  delimiter: z.enum([',', ';', '\t']),
  decimal: z.enum(['.', ',']),
  bom: z.boolean(),
})
export type CsvOptions = z.infer<typeof CsvOptions>

export const ExportRequest = z
  .object({
    accountId: z.string().min(1).max(100),
    format: ExportFormat,
    from: IsoDate,
    to: IsoDate,
    /** Empty or absent: every client. */
    orgIds: z.array(z.number().int().nonnegative()).max(10_000).optional(),
    /** The language of the document (a client in Ticino gets Italian statements). */
    locale: Language,
    csv: CsvOptions.optional(),
  })
  .strict()
export type ExportRequest = z.infer<typeof ExportRequest>

export const ExportResult = z.object({
  exportId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  bytes: z.number().int(),
  rows: z.number().int(),
  /** Where the core wrote the file (the app: the path the save dialog returned). */
  savedPath: z.string().nullable(),
  /** The browser shell: a one-time URL that streams the file as a download. */
  downloadUrl: z.string().nullable(),
})
export type ExportResult = z.infer<typeof ExportResult>

export const ExportProgress = z.object({
  exportId: z.string(),
  format: ExportFormat,
  done: z.number().int(),
  total: z.number().int(),
})
export type ExportProgress = z.infer<typeof ExportProgress>
