import type { Db } from '../store/db'
import type {
  BillingPeriod,
  Currency,
  ImportMapping,
  InvoiceRoute,
  InvoiceRouteStatus,
  InvoiceRow,
  InvoiceSource,
  InvoiceStatus,
  PartnerProfile,
  PriceEntry,
  VatBasis,
} from '../../../shared/domain/billing'
import type { ProductMatchRef, SavedLayout } from './csv-import'

export interface LedgerInvoice {
  orgId: number
  number: string
  issueDate: string
  dueDate: string | null
  /** null (with `vatCents`) when only the amount including VAT is known. */
  exclCents: number | null
  vatCents: number | null
  inclCents: number
  vatBasis?: VatBasis
  currency: Currency
  status: InvoiceStatus
  description: string | null
  split?: boolean
  pdfUrl?: string | null
  lines?: readonly LedgerLine[]
}

export interface LedgerLine {
  serviceName: string | null
  description: string
  quantity: number
  unitCents: number
  exclCents: number | null
  inclCents?: number | null
  periodFrom: string | null
  periodTo: string | null
  productId?: number | null
}

/** Statuses left out of every total (voided invoices); credit notes count, negative. */
export const NOT_COUNTED = `('cancelled')`

export interface InvoiceFilter {
  accountId: string
  from?: string | undefined
  to?: string | undefined
  orgIds?: readonly number[] | undefined
}

interface InvoiceDbRow {
  account_id: string
  org_id: number
  org_name: string | null
  number: string
  issue_date: string
  due_date: string | null
  excl_cents: number | null
  vat_cents: number | null
  incl_cents: number
  vat_basis: VatBasis
  currency: Currency
  status: InvoiceStatus
  source: InvoiceSource
  description: string | null
  split: number
}

export function toInvoiceRow(r: InvoiceDbRow): InvoiceRow {
  return {
    accountId: r.account_id,
    orgId: r.org_id,
    orgName: r.org_name ?? `#${r.org_id}`,
    number: r.number,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    amountExclVatCents: r.excl_cents,
    vatCents: r.vat_cents,
    amountInclVatCents: r.incl_cents,
    vatBasis: r.vat_basis,
    currency: r.currency,
    status: r.status,
    source: r.source,
    description: r.description,
    split: r.split === 1,
  }
}

/** Builds `WHERE` for a filter on `i` (billing_invoices). */
function where(f: InvoiceFilter): { sql: string; params: (string | number)[] } {
  const parts = ['i.account_id = ?']
  const params: (string | number)[] = [f.accountId]
  if (f.from) {
    parts.push('i.issue_date >= ?')
    params.push(f.from)
  }
  if (f.to) {
    parts.push('i.issue_date <= ?')
    params.push(f.to)
  }
  if (f.orgIds && f.orgIds.length > 0) {
    parts.push(`i.org_id IN (SELECT value FROM json_each(?))`)
    params.push(JSON.stringify(f.orgIds))
  }
  return { sql: parts.join(' AND '), params }
}

const SELECT_INVOICE = `SELECT i.account_id, i.org_id, o.name AS org_name, i.number, i.issue_date, i.due_date, i.excl_cents,
  i.vat_cents, i.incl_cents, i.vat_basis, i.currency, i.status, i.source, i.description, i.split
  FROM billing_invoices i LEFT JOIN orgs o ON o.account_id = i.account_id AND o.id = i.org_id`

/** SQL for the billing ledger, price list and partner profile. */
export class LedgerRepo {
  constructor(private readonly db: Db) {}

  orgs(accountId: string): { id: number; name: string }[] {
    return this.db.prepare('SELECT id, name FROM orgs WHERE account_id = ? ORDER BY name').all(accountId) as {
      id: number
      name: string
    }[]
  }

  batchByHash(accountId: string, hash: string): number | undefined {
    const row = this.db
      .prepare('SELECT id FROM billing_batches WHERE account_id = ? AND file_hash = ?')
      .get(accountId, hash) as { id: number } | undefined
    return row?.id
  }

  exists(accountId: string, orgId: number, number: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM billing_invoices WHERE account_id = ? AND org_id = ? AND number = ?')
        .get(accountId, orgId, number) !== undefined
    )
  }

  /**
   * Writes invoices in one transaction. Existing invoices (same organization and number) are
   * skipped, or for the API (`refresh`) have their status and amounts refreshed.
   */
  insertBatch(
    accountId: string,
    batch: { source: InvoiceSource; fileName: string | null; fileHash: string | null; rowCount: number; at: number },
    invoices: readonly LedgerInvoice[],
    refresh = false,
  ): { batchId: number; inserted: number; updated: number; skipped: number } {
    return this.db.transaction(() => {
      const batchId = Number(
        this.db
          .prepare(
            `INSERT INTO billing_batches (account_id, source, file_name, file_hash, row_count, imported, at)
             VALUES (?, ?, ?, ?, ?, 0, ?)`,
          )
          .run(accountId, batch.source, batch.fileName, batch.fileHash, batch.rowCount, batch.at).lastInsertRowid,
      )
      const insert = this.db.prepare(
        `INSERT INTO billing_invoices (account_id, org_id, number, issue_date, due_date, excl_cents, vat_cents, incl_cents,
           currency, status, source, description, batch_id, vat_basis, split, pdf_url)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      const update = this.db.prepare(
        `UPDATE billing_invoices SET status = ?, due_date = ?, excl_cents = ?, vat_cents = ?, incl_cents = ?, vat_basis = ?
         WHERE account_id = ? AND org_id = ? AND number = ? AND source = 'api'
           AND (status, due_date, excl_cents, vat_cents, incl_cents) IS NOT (?, ?, ?, ?, ?)`,
      )
      const line = this.db.prepare(
        `INSERT OR REPLACE INTO billing_invoice_lines (account_id, org_id, number, line_no, service_name, description, quantity,
           unit_cents, excl_cents, period_from, period_to, product_id, incl_cents)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      let inserted = 0
      let updated = 0
      let skipped = 0
      for (const inv of invoices) {
        const r = insert.run(
          accountId,
          inv.orgId,
          inv.number,
          inv.issueDate,
          inv.dueDate,
          inv.exclCents,
          inv.vatCents,
          inv.inclCents,
          inv.currency,
          inv.status,
          batch.source,
          inv.description,
          batchId,
          vatBasisOf(inv),
          inv.split ? 1 : 0,
          inv.pdfUrl ?? null,
        )
        if (r.changes === 1) {
          inserted++
          inv.lines?.forEach((l, n) =>
            line.run(
              accountId,
              inv.orgId,
              inv.number,
              n + 1,
              l.serviceName,
              l.description,
              l.quantity,
              l.unitCents,
              l.exclCents,
              l.periodFrom,
              l.periodTo,
              l.productId ?? null,
              l.inclCents ?? null,
            ),
          )
        } else if (refresh) {
          const u = update.run(
            inv.status,
            inv.dueDate,
            inv.exclCents,
            inv.vatCents,
            inv.inclCents,
            vatBasisOf(inv),
            accountId,
            inv.orgId,
            inv.number,
            inv.status,
            inv.dueDate,
            inv.exclCents,
            inv.vatCents,
            inv.inclCents,
          )
          if (u.changes === 1) updated++
          else skipped++
        } else skipped++
      }
      this.db.prepare('UPDATE billing_batches SET imported = ? WHERE id = ?').run(inserted, batchId)
      return { batchId, inserted, updated, skipped }
    })()
  }

  invoices(f: InvoiceFilter): InvoiceRow[] {
    const w = where(f)
    return (
      this.db
        .prepare(`${SELECT_INVOICE} WHERE ${w.sql} ORDER BY i.issue_date DESC, i.number`)
        .all(...w.params) as InvoiceDbRow[]
    ).map(toInvoiceRow)
  }

  /**
   * Streams invoices ordered by client (name) then date, one client at a time through the
   * (account, org, date) index, so exports never sort or hold the whole ledger.
   */
  *iterate(f: InvoiceFilter): Generator<InvoiceRow> {
    const w = where(f)
    const clients = this.db
      .prepare(
        `SELECT DISTINCT i.org_id AS id, o.name AS name FROM billing_invoices i
         LEFT JOIN orgs o ON o.account_id = i.account_id AND o.id = i.org_id
         WHERE ${w.sql} ORDER BY COALESCE(o.name, ''), i.org_id`,
      )
      .all(...w.params) as { id: number; name: string | null }[]
    const stmt = this.db.prepare(
      `SELECT i.account_id, i.org_id, i.number, i.issue_date, i.due_date, i.excl_cents, i.vat_cents, i.incl_cents,
         i.currency, i.status, i.source, i.description, i.vat_basis, i.split
       FROM billing_invoices i INDEXED BY billing_invoices_by_org_date
       WHERE i.account_id = ? AND i.org_id = ? AND i.issue_date >= ? AND i.issue_date <= ?
       ORDER BY i.issue_date, i.number`,
    )
    stmt.raw(true)
    for (const client of clients) {
      const orgName = client.name ?? `#${client.id}`
      // One client's rows at a time with .all(), never an open cursor across a yield: the consumer
      // awaits stream writes between rows, and the sync engine may use the connection meanwhile
      // (better-sqlite3 refuses any statement while an iterator is open).
      for (const raw of stmt.all(f.accountId, client.id, f.from ?? '0000-00-00', f.to ?? '9999-99-99')) {
        const r = raw as [
          string,
          number,
          string,
          string,
          string | null,
          number | null,
          number | null,
          number,
          Currency,
          InvoiceStatus,
          InvoiceSource,
          string | null,
          VatBasis,
          number,
        ]
        yield {
          accountId: r[0],
          orgId: r[1],
          orgName,
          number: r[2],
          issueDate: r[3],
          dueDate: r[4],
          amountExclVatCents: r[5],
          vatCents: r[6],
          amountInclVatCents: r[7],
          vatBasis: r[12],
          currency: r[8],
          status: r[9],
          source: r[10],
          description: r[11],
          split: r[13] === 1,
        }
      }
    }
  }

  count(f: InvoiceFilter): number {
    const w = where(f)
    return (
      this.db.prepare(`SELECT COUNT(*) AS n FROM billing_invoices i WHERE ${w.sql}`).get(...w.params) as { n: number }
    ).n
  }

  /** Totals per client and currency (never across currencies). */
  totalsPerClient(f: InvoiceFilter): {
    orgId: number
    orgName: string
    currency: Currency
    count: number
    exclCents: number
    vatCents: number
    inclCents: number
  }[] {
    const w = where(f)
    return this.db
      .prepare(
        `SELECT i.org_id AS orgId, COALESCE(o.name, '#' || i.org_id) AS orgName, i.currency AS currency, COUNT(*) AS count,
           COALESCE(SUM(i.excl_cents), 0) AS exclCents, COALESCE(SUM(i.vat_cents), 0) AS vatCents, SUM(i.incl_cents) AS inclCents
         FROM billing_invoices i LEFT JOIN orgs o ON o.account_id = i.account_id AND o.id = i.org_id
         WHERE ${w.sql} AND i.status NOT IN ${NOT_COUNTED}
         GROUP BY i.org_id, i.currency ORDER BY orgName, i.currency`,
      )
      .all(...w.params) as {
      orgId: number
      orgName: string
      currency: Currency
      count: number
      exclCents: number
      vatCents: number
      inclCents: number
    }[]
  }

  totalsPerMonth(f: InvoiceFilter): { month: string; currency: Currency; inclCents: number }[] {
    const w = where(f)
    return this.db
      .prepare(
        `SELECT substr(i.issue_date, 1, 7) AS month, i.currency AS currency, SUM(i.incl_cents) AS inclCents
         FROM billing_invoices i WHERE ${w.sql} AND i.status NOT IN ${NOT_COUNTED}
         GROUP BY month, i.currency ORDER BY month, i.currency`,
      )
      .all(...w.params) as { month: string; currency: Currency; inclCents: number }[]
  }

  totalsPerCurrency(
    f: InvoiceFilter,
  ): { currency: Currency; exclCents: number; inclCents: number; unpaidCents: number; vatUnknownCount: number }[] {
    const w = where(f)
    return this.db
      .prepare(
        `SELECT i.currency AS currency, COALESCE(SUM(i.excl_cents), 0) AS exclCents, SUM(i.incl_cents) AS inclCents,
           SUM(CASE WHEN i.status = 'unpaid' THEN i.incl_cents ELSE 0 END) AS unpaidCents,
           SUM(CASE WHEN i.excl_cents IS NULL THEN 1 ELSE 0 END) AS vatUnknownCount
         FROM billing_invoices i WHERE ${w.sql} AND i.status NOT IN ${NOT_COUNTED}
         GROUP BY i.currency ORDER BY i.currency`,
      )
      .all(...w.params) as {
      currency: Currency
      exclCents: number
      inclCents: number
      unpaidCents: number
      vatUnknownCount: number
    }[]
  }

  /** The currency of each client's latest invoice (what the client is billed in). */
  clientCurrencies(accountId: string): Map<number, Currency> {
    const rows = this.db
      .prepare(
        `SELECT org_id, currency FROM billing_invoices i WHERE account_id = ?
           AND issue_date = (SELECT MAX(issue_date) FROM billing_invoices j WHERE j.account_id = i.account_id AND j.org_id = i.org_id)`,
      )
      .all(accountId) as { org_id: number; currency: Currency }[]
    return new Map(rows.map((r) => [r.org_id, r.currency]))
  }

  /** Currencies the user set per client. */
  currencySettings(accountId: string): Map<number, Currency> {
    const rows = this.db
      .prepare('SELECT org_id, currency FROM billing_client_settings WHERE account_id = ? AND currency IS NOT NULL')
      .all(accountId) as { org_id: number; currency: Currency }[]
    return new Map(rows.map((r) => [r.org_id, r.currency]))
  }

  setCurrencySetting(accountId: string, orgId: number, currency: Currency | null): void {
    this.db
      .prepare(
        `INSERT INTO billing_client_settings (account_id, org_id, currency) VALUES (?, ?, ?)
         ON CONFLICT (account_id, org_id) DO UPDATE SET currency = excluded.currency`,
      )
      .run(accountId, orgId, currency)
  }

  prices(accountId: string): PriceEntry[] {
    return (
      this.db
        .prepare(
          `SELECT service_name, period, currency, price_cents, purchase_cents FROM billing_prices WHERE account_id = ?
           ORDER BY service_name, period, currency`,
        )
        .all(accountId) as {
        service_name: string
        period: BillingPeriod
        currency: Currency
        price_cents: number
        purchase_cents: number | null
      }[]
    ).map((r) => ({
      serviceName: r.service_name,
      period: r.period,
      currency: r.currency,
      priceCents: r.price_cents,
      purchaseCents: r.purchase_cents,
    }))
  }

  setPrices(accountId: string, entries: readonly PriceEntry[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM billing_prices WHERE account_id = ?').run(accountId)
      const insert = this.db.prepare(
        `INSERT OR REPLACE INTO billing_prices (account_id, service_name, period, currency, price_cents, purchase_cents)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      for (const e of entries)
        insert.run(accountId, e.serviceName, e.period, e.currency, e.priceCents, e.purchaseCents ?? null)
    })()
  }

  services(accountId: string): string[] {
    return (
      this.db
        .prepare('SELECT DISTINCT service_name FROM products WHERE account_id = ? ORDER BY service_name')
        .all(accountId) as { service_name: string }[]
    ).map((r) => r.service_name)
  }

  /**
   * Cached products with what the forecast, gauge and margins need: flags, expiry and the
   * organization's relation to the user (role and partnership flags).
   */
  products(
    accountId: string,
    range?: { fromSec: number; toSec: number; orgIds?: readonly number[] | undefined },
  ): BillingProduct[] {
    const params: (string | number)[] = [accountId]
    let extra = ''
    if (range) {
      extra = ' AND p.expired_at BETWEEN ? AND ?'
      params.push(range.fromSec, range.toSec)
      if (range.orgIds && range.orgIds.length > 0) {
        extra += ' AND p.org_id IN (SELECT value FROM json_each(?))'
        params.push(JSON.stringify(range.orgIds))
      }
    }
    return (
      this.db
        .prepare(
          `SELECT p.id, p.org_id AS orgId, COALESCE(o.name, '#' || p.org_id) AS orgName, p.service_name AS serviceName,
             COALESCE(p.fqdn, p.internal_name, p.customer_name) AS name, p.expired_at AS expiredAt,
             p.is_trial AS isTrial, p.is_free AS isFree, COALESCE(o.role, 'unknown') AS role,
             o.data ->> 'in_partnership_full_access' AS fullAccess, o.data ->> 'in_partnership_limited' AS limitedAccess
           FROM products p LEFT JOIN orgs o ON o.account_id = p.account_id AND o.id = p.org_id
           WHERE p.account_id = ?${extra}
           ORDER BY p.expired_at, orgName, p.id`,
        )
        .all(...params) as (Omit<BillingProduct, 'isTrial' | 'isFree' | 'partnership'> & {
        isTrial: number
        isFree: number
        fullAccess: number | null
        limitedAccess: number | null
      })[]
    ).map(({ fullAccess, limitedAccess, ...p }) => ({
      ...p,
      isTrial: p.isTrial === 1,
      isFree: p.isFree === 1,
      partnership: fullAccess === 1 || limitedAccess === 1,
    }))
  }

  /** Names and ids of the cached products, for matching the lines of partner invoices. */
  productMatchRefs(accountId: string): ProductMatchRef[] {
    return (
      this.db
        .prepare(
          `SELECT id, org_id AS orgId, service_name AS serviceName, customer_name AS a, internal_name AS b, fqdn AS c
           FROM products WHERE account_id = ?`,
        )
        .all(accountId) as {
        id: number
        orgId: number
        serviceName: string
        a: string
        b: string | null
        c: string | null
      }[]
    ).map((r) => ({ id: r.id, orgId: r.orgId, serviceName: r.serviceName, names: [r.a, r.b, r.c] }))
  }

  layout(accountId: string, layoutKey: string): SavedLayout | undefined {
    const row = this.db
      .prepare('SELECT mapping, vat_rate_bp FROM billing_import_layouts WHERE account_id = ? AND layout_key = ?')
      .get(accountId, layoutKey) as { mapping: string; vat_rate_bp: number | null } | undefined
    if (!row) return undefined
    return { mapping: JSON.parse(row.mapping) as ImportMapping, vatRateBp: row.vat_rate_bp }
  }

  saveLayout(
    accountId: string,
    layoutKey: string,
    headers: readonly string[],
    mapping: ImportMapping,
    vatRateBp: number | null,
    at: number,
  ): void {
    this.db
      .prepare(
        `INSERT INTO billing_import_layouts (account_id, layout_key, headers, mapping, vat_rate_bp, used_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id, layout_key) DO UPDATE SET headers = excluded.headers, mapping = excluded.mapping,
           vat_rate_bp = excluded.vat_rate_bp, used_at = excluded.used_at`,
      )
      .run(accountId, layoutKey, JSON.stringify(headers.slice(0, 100)), JSON.stringify(mapping), vatRateBp, at)
  }

  invoiceRoute(accountId: string): InvoiceRouteStatus {
    const row = this.db
      .prepare('SELECT route, checked_at FROM billing_invoice_routes WHERE account_id = ?')
      .get(accountId) as { route: InvoiceRoute | null; checked_at: number } | undefined
    return { route: row?.route ?? null, checkedAt: row?.checked_at ?? null }
  }

  setInvoiceRoute(accountId: string, route: InvoiceRoute | null, at: number): void {
    this.db
      .prepare(
        `INSERT INTO billing_invoice_routes (account_id, route, checked_at) VALUES (?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET route = excluded.route, checked_at = excluded.checked_at`,
      )
      .run(accountId, route, at)
  }

  profile(accountId: string): PartnerProfile {
    const row = this.db
      .prepare('SELECT name, address, vat_number, logo, logo_mime FROM billing_profile WHERE account_id = ?')
      .get(accountId) as
      | {
          name: string
          address: string
          vat_number: string
          logo: Buffer | null
          logo_mime: 'image/png' | 'image/jpeg' | null
        }
      | undefined
    return {
      name: row?.name ?? '',
      address: row?.address ?? '',
      vatNumber: row?.vat_number ?? '',
      logoBase64: row?.logo ? row.logo.toString('base64') : null,
      logoMime: row?.logo ? row.logo_mime : null,
    }
  }

  setProfile(accountId: string, p: PartnerProfile): void {
    const logo = p.logoBase64 && p.logoMime ? Buffer.from(p.logoBase64, 'base64') : null
    this.db
      .prepare(
        `INSERT INTO billing_profile (account_id, name, address, vat_number, logo, logo_mime) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, address = excluded.address,
           vat_number = excluded.vat_number, logo = excluded.logo, logo_mime = excluded.logo_mime`,
      )
      .run(accountId, p.name, p.address, p.vatNumber, logo, logo ? p.logoMime : null)
  }
}

/** A cached product as billing sees it. */
export interface BillingProduct {
  id: number
  orgId: number
  orgName: string
  serviceName: string
  name: string
  expiredAt: number | null
  isTrial: boolean
  isFree: boolean
  /** The user's relation to the organization (`/1/accounts` type: owner, admin, client, partner_admin...). */
  role: string
  /** The organization is reached through (or flagged in) a partnership. */
  partnership: boolean
}

function vatBasisOf(inv: LedgerInvoice): VatBasis {
  return inv.vatBasis ?? (inv.exclCents === null ? 'unknown' : 'file')
}
