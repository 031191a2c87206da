import type { Currency, InvoiceStatus } from '../../../shared/domain/billing'

export type ExportLocale = 'en' | 'fr'

/** Strings of client-facing exports (CSV/XLSX headers, PDF statements). */
export const EXPORT_STRINGS = {
  en: {
    client: 'Client',
    clientNumber: 'Client number',
    number: 'Invoice',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    status: 'Status',
    currency: 'Currency',
    excl: 'Amount excl. VAT',
    vat: 'VAT',
    incl: 'Amount incl. VAT',
    source: 'Source',
    description: 'Description',
    invoices: 'Invoices',
    summary: 'Summary',
    total: 'Total',
    statement: 'Statement of account',
    period: 'Period',
    generated: 'Generated on',
    page: 'Page',
    of: 'of',
    totalsPerCurrency: 'Totals per currency',
    unpaid: 'Outstanding',
    noInvoices: 'No invoices in this period.',
    statuses: { paid: 'Paid', unpaid: 'Unpaid', cancelled: 'Cancelled' } satisfies Record<InvoiceStatus, string>,
  },
  fr: {
    client: 'Client',
    clientNumber: 'Numéro de client',
    number: 'Facture',
    issueDate: 'Date de facture',
    dueDate: 'Échéance',
    status: 'Statut',
    currency: 'Devise',
    excl: 'Montant HT',
    vat: 'TVA',
    incl: 'Montant TTC',
    source: 'Source',
    description: 'Description',
    invoices: 'Factures',
    summary: 'Résumé',
    total: 'Total',
    statement: 'Relevé de compte',
    period: 'Période',
    generated: 'Établi le',
    page: 'Page',
    of: 'sur',
    totalsPerCurrency: 'Totaux par devise',
    unpaid: 'Solde ouvert',
    noInvoices: 'Aucune facture sur cette période.',
    statuses: { paid: 'Payée', unpaid: 'Impayée', cancelled: 'Annulée' } satisfies Record<InvoiceStatus, string>,
  },
} as const

const intlLocale = (locale: ExportLocale): string => (locale === 'fr' ? 'fr-CH' : 'en-GB')

/** PDF standard fonts have no narrow no-break space: use plain spaces. */
const plainSpaces = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ')

export function formatMoney(cents: number, currency: Currency, locale: ExportLocale): string {
  return plainSpaces(
    new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency, currencyDisplay: 'code' }).format(
      cents / 100,
    ),
  )
}

/** `2026-03-05` → `5 Mar 2026` (en) or `05.03.2026` (fr-CH). */
export function formatDate(iso: string, locale: ExportLocale): string {
  const [y, m, d] = iso.split('-').map(Number)
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1))
  return plainSpaces(
    new Intl.DateTimeFormat(
      intlLocale(locale),
      locale === 'fr' ? { timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' },
    ).format(date),
  )
}
