import { z } from 'zod'
import { Language } from './settings'

/**
 * Billing entities that cross IPC. Amounts are integer cents; dates of invoices are ISO calendar
 * dates (`yyyy-mm-dd`, no time zone). CHF and EUR are never added together: every total carries
 * its currency.
 */
export const Currency = z.enum(['CHF', 'EUR'])
export type Currency = z.infer<typeof Currency>
export const CURRENCIES: readonly Currency[] = ['CHF', 'EUR']

/**
 * `credit_note`: a credit note (negative amounts). `refunded`: an invoice paid then refunded (its
 * credit note, if any, is what takes the amount off). Totals count every document with its sign
 * except `cancelled` invoices (voided, never due).
 */
export const InvoiceStatus = z.enum(['paid', 'unpaid', 'cancelled', 'refunded', 'credit_note'])
export type InvoiceStatus = z.infer<typeof InvoiceStatus>
export const INVOICE_STATUSES = InvoiceStatus.options

export const InvoiceSource = z.enum(['csv', 'api'])
export type InvoiceSource = z.infer<typeof InvoiceSource>

/** Where the amount excluding VAT and the VAT came from: the file, a VAT rate, or not known. */
export const VatBasis = z.enum(['file', 'rate', 'unknown'])
export type VatBasis = z.infer<typeof VatBasis>

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** Partner-program threshold per currency, in cents per year (product.md). */
export const PARTNER_THRESHOLD_CENTS: Readonly<Record<Currency, number>> = { CHF: 200_000, EUR: 180_000 }

/** Languages of client-facing documents (PDF statements, export headers). */
export const DocumentLanguage = Language
export type DocumentLanguage = z.infer<typeof DocumentLanguage>

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
  'vatRate',
  'currency',
  'status',
  'kind',
  'product',
  'productId',
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
    'bad_kind',
    'bad_vat_rate',
    'amounts_mismatch',
    'unknown_org',
    'duplicate_in_file',
    /** Lines of one invoice disagree on its date, currency or status. */
    'inconsistent_lines',
    /** A line of a partner invoice whose product matched no client: to assign by hand. */
    'unassigned_line',
  ]),
  /** The value as read, shortened for display. */
  value: z.string().nullable(),
})
export type ImportRowError = z.infer<typeof ImportRowError>

/** Why a whole file was refused (nothing imported, no batch recorded). */
export const IMPORT_FILE_ERROR_CODES = [
  'empty_file',
  'bom_only',
  'blank_file',
  'header_only',
  'binary_file',
  'spreadsheet_file',
  'file_too_large',
  'too_many_columns',
  'line_too_long',
  'too_many_rows',
  'unclosed_quote',
  'invalid_quote',
  'malformed_csv',
] as const
export const ImportFileErrorCode = z.enum(IMPORT_FILE_ERROR_CODES)
export type ImportFileErrorCode = z.infer<typeof ImportFileErrorCode>

/** `details` of an `INVALID_INPUT` error for a refused file. */
export const ImportFileError = z.object({
  kind: z.literal('import_file'),
  code: ImportFileErrorCode,
  /** 1-based line where the problem is, when there is one. */
  line: z.number().int().nullable(),
  /** The limit that was exceeded (bytes, columns, characters or rows), when one was. */
  limit: z.number().int().nullable(),
})
export type ImportFileError = z.infer<typeof ImportFileError>

/** Hard limits of the importer. */
export const IMPORT_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  columns: 100,
  /** Characters in one record (a line, or several when a quoted cell spans lines). */
  lineChars: 65_536,
  rows: 300_000,
} as const

const OrgId = z.number().int().nonnegative()

/** The choices that shape how a file is read; the same for preview and commit. */
export const ImportOptions = z
  .object({
    /** Column index per field, over what was detected or saved for this layout. */
    mapping: ImportMapping.optional(),
    /** Organization value as written in the file → cached organization id. */
    orgOverrides: z.record(z.string().max(300), OrgId).optional(),
    /** "This file belongs to organisation X": per-organisation exports have no organisation column. */
    fileOrgId: OrgId.optional(),
    /** VAT rate in percent for amounts given only including (or only excluding) VAT, e.g. 8.1. */
    vatRatePercent: z.number().min(0).max(100).optional(),
    /** Split a partner invoice per client by its lines' products; absent: detected. */
    split: z.boolean().optional(),
    /** Line number (as text) → organization, for lines the product matching left unassigned. */
    lineOrgs: z.record(z.string().regex(/^\d{1,7}$/), OrgId).optional(),
  })
  .strict()
export type ImportOptions = z.infer<typeof ImportOptions>

export const CurrencyAmount = z.object({ currency: Currency, cents: z.number().int(), count: z.number().int() })
export type CurrencyAmount = z.infer<typeof CurrencyAmount>

export const UnassignedLine = z.object({
  line: z.number().int(),
  number: z.string(),
  text: z.string(),
  currency: Currency.nullable(),
  inclCents: z.number().int().nullable(),
})
export type UnassignedLine = z.infer<typeof UnassignedLine>

export const ImportPreview = z.object({
  previewId: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']),
  delimiter: z.enum([',', ';', '\t']),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int().nullable()),
  /** Where the mapping came from: detected from the headers, or saved for this file layout. */
  mappingSource: z.enum(['detected', 'saved']),
  /** The first rows as read (strings, shortened), for the preview table. */
  sample: z.array(z.array(z.string())),
  /** Data rows (lines) in the file. */
  rowCount: z.number().int(),
  /** Invoices the rows make (lines of one invoice together; a split invoice counts once per client). */
  invoiceCount: z.number().int(),
  /** Rows without an error. */
  validCount: z.number().int(),
  /** Every row error (the list below is shortened). */
  errorCount: z.number().int(),
  errors: z.array(ImportRowError),
  /** Organization values that matched no cached organization (to map by hand). */
  unmatchedOrgs: z.array(z.string()),
  /** The file names an organization per row; otherwise it needs `fileOrgId` (or a split). */
  orgColumn: z.boolean(),
  fileOrgId: z.number().int().nullable(),
  /** Lines of partner invoices are split per client by product. */
  split: z.boolean(),
  /** Partner invoices split across several clients. */
  splitInvoices: z.number().int(),
  unassignedLines: z.array(UnassignedLine),
  /** Invoices whose amount excluding VAT is not known (only incl. VAT, no rate). */
  vatUnknownCount: z.number().int(),
  /** Totals including VAT per currency of the valid invoices (credit notes negative, cancelled left out). */
  totals: z.array(CurrencyAmount),
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
  errorCount: z.number().int(),
  errors: z.array(ImportRowError),
  totals: z.array(CurrencyAmount),
})
export type ImportResult = z.infer<typeof ImportResult>

/** Invoice routes probed in this order (infomaniak-api.md §15: the first was seen live). */
export const INVOICE_ROUTES = [
  '/2/invoicing/account/{id}/invoices',
  '/1/accounts/{id}/invoices',
  '/1/account/{id}/invoice',
] as const
export const InvoiceRoute = z.enum(INVOICE_ROUTES)
export type InvoiceRoute = z.infer<typeof InvoiceRoute>

export const InvoiceRouteStatus = z.object({
  /** null: never checked; otherwise when it was. */
  checkedAt: z.number().int().nullable(),
  /** The route that answered, or null (none does, or never checked). */
  route: InvoiceRoute.nullable(),
})
export type InvoiceRouteStatus = z.infer<typeof InvoiceRouteStatus>

export const FetchInvoicesResult = z.object({
  /** False when no invoice route answered for this account: nothing was imported. */
  available: z.boolean(),
  route: InvoiceRoute.nullable(),
  orgsChecked: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  /** Items the route answered that could not be read (kept out of the ledger). */
  skippedItems: z.number().int(),
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
  /** null when the file gave only the amount including VAT and no rate. */
  amountExclVatCents: z.number().int().nullable(),
  vatCents: z.number().int().nullable(),
  amountInclVatCents: z.number().int(),
  vatBasis: VatBasis,
  currency: Currency,
  status: InvoiceStatus,
  source: InvoiceSource,
  description: z.string().nullable(),
  /** This is one client's part of a partner invoice split by lines. */
  split: z.boolean(),
})
export type InvoiceRow = z.infer<typeof InvoiceRow>

export const BillingPeriod = z.enum(['monthly', 'yearly'])
export type BillingPeriod = z.infer<typeof BillingPeriod>

export const PriceEntry = z.object({
  serviceName: z.string().trim().min(1).max(120),
  period: BillingPeriod,
  currency: Currency,
  /** Resale price: what the client pays. */
  priceCents: z.number().int().min(0).max(100_000_000),
  /** Purchase price: what the partner pays Infomaniak (after the partner discount); null: not known. */
  purchaseCents: z.number().int().min(0).max(100_000_000).nullable().default(null),
})
export type PriceEntry = z.infer<typeof PriceEntry>
export type PriceEntryInput = z.input<typeof PriceEntry>

/** How a client's currency was chosen. */
export const CurrencySource = z.enum(['setting', 'invoices', 'default'])
export type CurrencySource = z.infer<typeof CurrencySource>

export const ClientCurrency = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  currency: Currency,
  source: CurrencySource,
  /** The explicit setting, if any. */
  setting: Currency.nullable(),
})
export type ClientCurrency = z.infer<typeof ClientCurrency>

export const ForecastRow = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  productId: z.number().int(),
  productName: z.string(),
  serviceName: z.string(),
  renewalDate: IsoDate,
  /** The client's currency (see `currencySource`). */
  currency: Currency,
  currencySource: CurrencySource,
  /** Yearly resale price in the client's currency (a monthly price counts 12 times); null: no price in it. */
  amountCents: z.number().int().nullable(),
  /** Yearly purchase price in the same currency; null: not known. */
  costCents: z.number().int().nullable(),
})
export type ForecastRow = z.infer<typeof ForecastRow>

export const CurrencyTotal = z.object({ currency: Currency, cents: z.number().int() })
export type CurrencyTotal = z.infer<typeof CurrencyTotal>

/** Revenue, cost and margin of one currency. Cost and margin only over what has a purchase price. */
export const MarginTotal = z.object({
  currency: Currency,
  revenueCents: z.number().int(),
  /** Revenue of the items that have a purchase price (the base of the margin). */
  costedRevenueCents: z.number().int(),
  costCents: z.number().int(),
  marginCents: z.number().int(),
  /** Items priced in this currency, and those among them without a purchase price. */
  items: z.number().int(),
  itemsWithoutCost: z.number().int(),
})
export type MarginTotal = z.infer<typeof MarginTotal>

/** "No price in EUR for web_hosting": what the price list lacks. */
export const MissingPrice = z.object({ serviceName: z.string(), currency: Currency, products: z.number().int() })
export type MissingPrice = z.infer<typeof MissingPrice>

export const Forecast = z.object({
  from: IsoDate,
  to: IsoDate,
  rows: z.array(ForecastRow),
  totals: z.array(MarginTotal),
  perClient: z.array(z.object({ orgId: z.number().int(), orgName: z.string(), totals: z.array(MarginTotal) })),
  /** Every month of the period, with zero where nothing renews. */
  perMonth: z.array(z.object({ month: z.string(), totals: z.array(CurrencyTotal) })),
  missingPrices: z.array(MissingPrice),
  missingCosts: z.array(MissingPrice),
})
export type Forecast = z.infer<typeof Forecast>

export const GaugeEntry = z.object({
  currency: Currency,
  yearlyCents: z.number().int(),
  thresholdCents: z.number().int(),
  reached: z.boolean(),
})
export type GaugeEntry = z.infer<typeof GaugeEntry>

/** Why a product does not count toward the partner-program threshold. */
export const GaugeExclusion = z.enum([
  /** The partner's own organization, or one where the user is only a member (no partnership). */
  'not_client',
  'expired',
  'trial',
  'free',
  /** The price list has no resale price in the client's currency. */
  'no_price',
])
export type GaugeExclusion = z.infer<typeof GaugeExclusion>

export const GaugeItem = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  productId: z.number().int(),
  productName: z.string(),
  serviceName: z.string(),
  currency: Currency,
  yearlyCents: z.number().int().nullable(),
  /** null: counted. */
  excluded: GaugeExclusion.nullable(),
})
export type GaugeItem = z.infer<typeof GaugeItem>

export const PartnerGauge = z.object({
  entries: z.array(GaugeEntry),
  /** Client organizations under a partnership (the only ones counted). */
  clientOrgs: z.number().int(),
  countedProducts: z.number().int(),
  excluded: z.array(z.object({ reason: GaugeExclusion, products: z.number().int() })),
  missingPrices: z.array(MissingPrice),
  /** The products behind the figures (counted first), at most 5,000. */
  items: z.array(GaugeItem),
  itemsTruncated: z.boolean(),
})
export type PartnerGauge = z.infer<typeof PartnerGauge>

/** Yearly value of a client's active products: revenue, cost and margin per currency. */
export const ClientMargin = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  currency: Currency,
  currencySource: CurrencySource,
  totals: MarginTotal,
})
export type ClientMargin = z.infer<typeof ClientMargin>

export const Margins = z.object({
  perClient: z.array(ClientMargin),
  totals: z.array(MarginTotal),
  missingPrices: z.array(MissingPrice),
  missingCosts: z.array(MissingPrice),
})
export type Margins = z.infer<typeof Margins>

export const BillingOverview = z.object({
  invoiceCount: z.number().int(),
  perCurrency: z.array(
    z.object({
      currency: Currency,
      /** Over the invoices whose amount excluding VAT is known. */
      exclCents: z.number().int(),
      inclCents: z.number().int(),
      unpaidCents: z.number().int(),
      /** Invoices counted in `inclCents` but not in `exclCents` (VAT not known). */
      vatUnknownCount: z.number().int(),
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
  /** Every month of the period per currency present, with zero where there was no invoice. */
  perMonth: z.array(z.object({ month: z.string(), currency: Currency, inclCents: z.number().int() })),
})
export type BillingOverview = z.infer<typeof BillingOverview>

export const PartnerProfile = z.object({
  name: z.string().trim().max(200),
  /** Postal address, several lines. */
  address: z.string().max(500).default(''),
  vatNumber: z.string().trim().max(50).default(''),
  /** PNG or JPEG, base64, at most 1 MB once decoded. */
  logoBase64: z.string().max(1_400_000).nullable(),
  logoMime: z.enum(['image/png', 'image/jpeg']).nullable(),
})
export type PartnerProfile = z.infer<typeof PartnerProfile>
export type PartnerProfileInput = z.input<typeof PartnerProfile>

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
    locale: DocumentLanguage,
    csv: CsvOptions.optional(),
  })
  .strict()
export type ExportRequest = z.infer<typeof ExportRequest>

export const ForecastExportRequest = z
  .object({
    accountId: z.string().min(1).max(100),
    format: z.enum(['csv', 'xlsx']),
    from: IsoDate,
    to: IsoDate,
    orgIds: z.array(z.number().int().nonnegative()).max(10_000).optional(),
    locale: DocumentLanguage,
    csv: CsvOptions.optional(),
  })
  .strict()
export type ForecastExportRequest = z.infer<typeof ForecastExportRequest>

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
