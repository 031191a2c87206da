import type { Currency, DocumentLanguage, InvoiceStatus } from '../../../shared/domain/billing'

export type ExportLocale = DocumentLanguage

interface ExportStrings {
  client: string
  clientNumber: string
  number: string
  issueDate: string
  dueDate: string
  status: string
  currency: string
  excl: string
  vat: string
  incl: string
  source: string
  description: string
  invoices: string
  summary: string
  total: string
  statement: string
  period: string
  generated: string
  page: string
  of: string
  totalsPerCurrency: string
  unpaid: string
  noInvoices: string
  vatNumber: string
  /** Shown where the amount excluding VAT is not known. */
  vatUnknown: string
  forecast: string
  renewal: string
  product: string
  service: string
  revenue: string
  cost: string
  margin: string
  month: string
  perClient: string
  perMonth: string
  statuses: Record<InvoiceStatus, string>
}

/** Strings of client-facing exports (CSV/XLSX headers, PDF statements), in the five document languages. */
export const EXPORT_STRINGS: Record<ExportLocale, ExportStrings> = {
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
    vatNumber: 'VAT number',
    vatUnknown: 'n/a',
    forecast: 'Renewal forecast',
    renewal: 'Renewal date',
    product: 'Product',
    service: 'Service',
    revenue: 'Revenue',
    cost: 'Cost',
    margin: 'Margin',
    month: 'Month',
    perClient: 'Per client',
    perMonth: 'Per month',
    statuses: {
      paid: 'Paid',
      unpaid: 'Unpaid',
      cancelled: 'Cancelled',
      refunded: 'Refunded',
      credit_note: 'Credit note',
    },
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
    vatNumber: 'Numéro de TVA',
    vatUnknown: 'n.d.',
    forecast: 'Prévision des renouvellements',
    renewal: 'Renouvellement',
    product: 'Produit',
    service: 'Service',
    revenue: 'Chiffre d’affaires',
    cost: 'Coût',
    margin: 'Marge',
    month: 'Mois',
    perClient: 'Par client',
    perMonth: 'Par mois',
    statuses: {
      paid: 'Payée',
      unpaid: 'Impayée',
      cancelled: 'Annulée',
      refunded: 'Remboursée',
      credit_note: 'Note de crédit',
    },
  },
  de: {
    client: 'Kunde',
    clientNumber: 'Kundennummer',
    number: 'Rechnung',
    issueDate: 'Rechnungsdatum',
    dueDate: 'Fälligkeit',
    status: 'Status',
    currency: 'Währung',
    excl: 'Betrag exkl. MWST',
    vat: 'MWST',
    incl: 'Betrag inkl. MWST',
    source: 'Quelle',
    description: 'Beschreibung',
    invoices: 'Rechnungen',
    summary: 'Übersicht',
    total: 'Total',
    statement: 'Kontoauszug',
    period: 'Zeitraum',
    generated: 'Erstellt am',
    page: 'Seite',
    of: 'von',
    totalsPerCurrency: 'Summen pro Währung',
    unpaid: 'Offener Betrag',
    noInvoices: 'Keine Rechnungen in diesem Zeitraum.',
    vatNumber: 'MWST-Nummer',
    vatUnknown: 'k. A.',
    forecast: 'Verlängerungsprognose',
    renewal: 'Verlängerung',
    product: 'Produkt',
    service: 'Dienst',
    revenue: 'Umsatz',
    cost: 'Kosten',
    margin: 'Marge',
    month: 'Monat',
    perClient: 'Pro Kunde',
    perMonth: 'Pro Monat',
    statuses: {
      paid: 'Bezahlt',
      unpaid: 'Offen',
      cancelled: 'Storniert',
      refunded: 'Rückerstattet',
      credit_note: 'Gutschrift',
    },
  },
  it: {
    client: 'Cliente',
    clientNumber: 'Numero cliente',
    number: 'Fattura',
    issueDate: 'Data fattura',
    dueDate: 'Scadenza',
    status: 'Stato',
    currency: 'Valuta',
    excl: 'Importo IVA esclusa',
    vat: 'IVA',
    incl: 'Importo IVA inclusa',
    source: 'Origine',
    description: 'Descrizione',
    invoices: 'Fatture',
    summary: 'Riepilogo',
    total: 'Totale',
    statement: 'Estratto conto',
    period: 'Periodo',
    generated: 'Generato il',
    page: 'Pagina',
    of: 'di',
    totalsPerCurrency: 'Totali per valuta',
    unpaid: 'Saldo aperto',
    noInvoices: 'Nessuna fattura in questo periodo.',
    vatNumber: 'Numero IVA',
    vatUnknown: 'n.d.',
    forecast: 'Previsione dei rinnovi',
    renewal: 'Rinnovo',
    product: 'Prodotto',
    service: 'Servizio',
    revenue: 'Ricavi',
    cost: 'Costo',
    margin: 'Margine',
    month: 'Mese',
    perClient: 'Per cliente',
    perMonth: 'Per mese',
    statuses: {
      paid: 'Pagata',
      unpaid: 'Non pagata',
      cancelled: 'Annullata',
      refunded: 'Rimborsata',
      credit_note: 'Nota di credito',
    },
  },
  es: {
    client: 'Cliente',
    clientNumber: 'Número de cliente',
    number: 'Factura',
    issueDate: 'Fecha de factura',
    dueDate: 'Vencimiento',
    status: 'Estado',
    currency: 'Moneda',
    excl: 'Importe sin IVA',
    vat: 'IVA',
    incl: 'Importe con IVA',
    source: 'Origen',
    description: 'Descripción',
    invoices: 'Facturas',
    summary: 'Resumen',
    total: 'Total',
    statement: 'Estado de cuenta',
    period: 'Periodo',
    generated: 'Generado el',
    page: 'Página',
    of: 'de',
    totalsPerCurrency: 'Totales por moneda',
    unpaid: 'Saldo pendiente',
    noInvoices: 'No hay facturas en este periodo.',
    vatNumber: 'Número de IVA',
    vatUnknown: 'n/d',
    forecast: 'Previsión de renovaciones',
    renewal: 'Renovación',
    product: 'Producto',
    service: 'Servicio',
    revenue: 'Ingresos',
    cost: 'Coste',
    margin: 'Margen',
    month: 'Mes',
    perClient: 'Por cliente',
    perMonth: 'Por mes',
    statuses: {
      paid: 'Pagada',
      unpaid: 'Pendiente',
      cancelled: 'Anulada',
      refunded: 'Reembolsada',
      credit_note: 'Nota de crédito',
    },
  },
}

/** Swiss conventions for FR/DE/IT, Spain for ES, British English for EN. */
const INTL_LOCALE: Record<ExportLocale, string> = {
  en: 'en-GB',
  fr: 'fr-CH',
  de: 'de-CH',
  it: 'it-CH',
  es: 'es-ES',
}

/** Number format of dates in XLSX files per language. */
export const XLSX_DATE_FORMAT: Record<ExportLocale, string> = {
  en: 'yyyy-mm-dd',
  fr: 'dd.mm.yyyy',
  de: 'dd.mm.yyyy',
  it: 'dd.mm.yyyy',
  es: 'dd/mm/yyyy',
}

/** PDF standard fonts have no narrow no-break space: use plain spaces. */
const plainSpaces = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ')

export function formatMoney(cents: number, currency: Currency, locale: ExportLocale): string {
  return plainSpaces(
    new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency, currencyDisplay: 'code' }).format(
      cents / 100,
    ),
  )
}

/** `2026-03-05` → `5 Mar 2026` (en), `05.03.2026` (fr-CH, de-CH, it-CH), `5/3/2026` (es). */
export function formatDate(iso: string, locale: ExportLocale): string {
  const [y, m, d] = iso.split('-').map(Number)
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1))
  return plainSpaces(
    new Intl.DateTimeFormat(
      INTL_LOCALE[locale],
      locale === 'en' ? { dateStyle: 'medium', timeZone: 'UTC' } : { timeZone: 'UTC' },
    ).format(date),
  )
}

/** `2026-03` → `March 2026` in the document language. */
export function formatMonth(month: string, locale: ExportLocale): string {
  const [y, m] = month.split('-').map(Number)
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)),
  )
}
