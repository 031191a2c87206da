import { z } from 'zod'
import {
  BillingOverview,
  ExportProgress,
  ExportRequest,
  ExportResult,
  FetchInvoicesResult,
  Forecast,
  ImportMapping,
  ImportPreview,
  ImportResult,
  InvoiceRow,
  IsoDate,
  PartnerProfile,
  PriceEntry,
} from '../../domain/billing'
import { FileId } from '../../domain/files'

const AccountId = z.string().min(1).max(100)

/** Billing channels (ledger, CSV import, API invoices, price list, forecast, exports). */
export const billingContract = {
  /**
   * Reads a Manager CSV export and answers the detected mapping, a sample and row-level errors. Writes
   * nothing. The file is the one the user chose (`files:choose-import` in the app, an upload in the
   * browser shell): the core reads it from disk, its bytes never travel through IPC.
   */
  'billing:import-preview': {
    input: z
      .object({
        accountId: AccountId,
        fileId: FileId,
        /** Corrections from a previous preview (column index per field; organization per file value). */
        mapping: ImportMapping.optional(),
        orgOverrides: z.record(z.string().max(300), z.number().int().nonnegative()).optional(),
      })
      .strict(),
    output: ImportPreview,
  },
  /**
   * Imports a previewed file (or the file again) with optional mapping overrides, all or nothing:
   * any invalid row and nothing is written. The same file or the same invoices add nothing.
   */
  'billing:import-commit': {
    input: z
      .object({
        accountId: AccountId,
        previewId: z.string().max(100).optional(),
        fileId: FileId.optional(),
        mapping: ImportMapping.optional(),
        /** Organization value as written in the file → cached organization id. */
        orgOverrides: z.record(z.string().max(300), z.number().int().nonnegative()).optional(),
      })
      .strict(),
    output: ImportResult,
  },
  /** Reads invoices from the API where the account has the (optional, undocumented) invoice route. */
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
  /** The partner's price list of an account. */
  'billing:prices-get': { input: z.object({ accountId: AccountId }).strict(), output: z.array(PriceEntry) },
  /** Replaces the price list of an account. */
  'billing:prices-set': {
    input: z.object({ accountId: AccountId, entries: z.array(PriceEntry).max(5_000) }).strict(),
    output: z.array(PriceEntry),
  },
  /** Services seen in the cached products of an account (to fill the price list). */
  'billing:services': { input: z.object({ accountId: AccountId }).strict(), output: z.array(z.string()) },
  /** Renewals due in a period (product expiry dates × price list), per client and currency. */
  'billing:forecast': {
    input: z
      .object({
        accountId: AccountId,
        from: IsoDate,
        to: IsoDate,
        orgIds: z.array(z.number().int()).max(10_000).optional(),
      })
      .strict(),
    output: Forecast,
  },
  /** Totals per client, month and currency for a period, and the partner-program gauge. */
  'billing:overview': {
    input: z.object({ accountId: AccountId, from: IsoDate.optional(), to: IsoDate.optional() }).strict(),
    output: BillingOverview,
  },
  /** The partner's name and logo shown on PDF statements. */
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
