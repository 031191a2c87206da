import type { Db } from '../store/db'
import type {
  BillingPeriod,
  Currency,
  InvoiceRow,
  InvoiceSource,
  InvoiceStatus,
  PartnerProfile,
  PriceEntry,
} from '../../../shared/domain/billing'

export interface LedgerInvoice {
  orgId: number
  number: string
  issueDate: string
  dueDate: string | null
  exclCents: number
  vatCents: number
  inclCents: number
  currency: Currency
  status: InvoiceStatus
  description: string | null
  lines?: readonly LedgerLine[]
}

export interface LedgerLine {
  serviceName: string | null
  description: string
  quantity: number
  unitCents: number
  exclCents: number
  periodFrom: string | null
  periodTo: string | null
}

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
  excl_cents: number
  vat_cents: number
  incl_cents: number
  currency: Currency
  status: InvoiceStatus
  source: InvoiceSource
  description: string | null
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
    currency: r.currency,
    status: r.status,
    source: r.source,
    description: r.description,
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
  i.vat_cents, i.incl_cents, i.currency, i.status, i.source, i.description
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
           currency, status, source, description, batch_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      const update = this.db.prepare(
        `UPDATE billing_invoices SET status = ?, due_date = ?, excl_cents = ?, vat_cents = ?, incl_cents = ?
         WHERE account_id = ? AND org_id = ? AND number = ? AND source = 'api'
           AND (status, due_date, excl_cents, vat_cents, incl_cents) IS NOT (?, ?, ?, ?, ?)`,
      )
      const line = this.db.prepare(
        `INSERT OR REPLACE INTO billing_invoice_lines (account_id, org_id, number, line_no, service_name, description, quantity,
           unit_cents, excl_cents, period_from, period_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
            ),
          )
        } else if (refresh) {
          const u = update.run(
            inv.status,
            inv.dueDate,
            inv.exclCents,
            inv.vatCents,
            inv.inclCents,
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
         i.currency, i.status, i.source, i.description
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
          number,
          number,
          number,
          Currency,
          InvoiceStatus,
          InvoiceSource,
          string | null,
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
          currency: r[8],
          status: r[9],
          source: r[10],
          description: r[11],
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
           SUM(i.excl_cents) AS exclCents, SUM(i.vat_cents) AS vatCents, SUM(i.incl_cents) AS inclCents
         FROM billing_invoices i LEFT JOIN orgs o ON o.account_id = i.account_id AND o.id = i.org_id
         WHERE ${w.sql} AND i.status != 'cancelled'
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
         FROM billing_invoices i WHERE ${w.sql} AND i.status != 'cancelled'
         GROUP BY month, i.currency ORDER BY month, i.currency`,
      )
      .all(...w.params) as { month: string; currency: Currency; inclCents: number }[]
  }

  totalsPerCurrency(
    f: InvoiceFilter,
  ): { currency: Currency; exclCents: number; inclCents: number; unpaidCents: number }[] {
    const w = where(f)
    return this.db
      .prepare(
        `SELECT i.currency AS currency, SUM(i.excl_cents) AS exclCents, SUM(i.incl_cents) AS inclCents,
           SUM(CASE WHEN i.status = 'unpaid' THEN i.incl_cents ELSE 0 END) AS unpaidCents
         FROM billing_invoices i WHERE ${w.sql} AND i.status != 'cancelled'
         GROUP BY i.currency ORDER BY i.currency`,
      )
      .all(...w.params) as { currency: Currency; exclCents: number; inclCents: number; unpaidCents: number }[]
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

  prices(accountId: string): PriceEntry[] {
    return (
      this.db
        .prepare(
          'SELECT service_name, period, currency, price_cents FROM billing_prices WHERE account_id = ? ORDER BY service_name, period, currency',
        )
        .all(accountId) as { service_name: string; period: BillingPeriod; currency: Currency; price_cents: number }[]
    ).map((r) => ({ serviceName: r.service_name, period: r.period, currency: r.currency, priceCents: r.price_cents }))
  }

  setPrices(accountId: string, entries: readonly PriceEntry[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM billing_prices WHERE account_id = ?').run(accountId)
      const insert = this.db.prepare(
        'INSERT OR REPLACE INTO billing_prices (account_id, service_name, period, currency, price_cents) VALUES (?, ?, ?, ?, ?)',
      )
      for (const e of entries) insert.run(accountId, e.serviceName, e.period, e.currency, e.priceCents)
    })()
  }

  services(accountId: string): string[] {
    return (
      this.db
        .prepare('SELECT DISTINCT service_name FROM products WHERE account_id = ? ORDER BY service_name')
        .all(accountId) as { service_name: string }[]
    ).map((r) => r.service_name)
  }

  /** Non-trial, non-free products, optionally only those expiring within [fromSec, toSec]. */
  products(
    accountId: string,
    range?: { fromSec: number; toSec: number; orgIds?: readonly number[] | undefined },
  ): { id: number; orgId: number; orgName: string; serviceName: string; name: string; expiredAt: number | null }[] {
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
    return this.db
      .prepare(
        `SELECT p.id, p.org_id AS orgId, COALESCE(o.name, '#' || p.org_id) AS orgName, p.service_name AS serviceName,
           COALESCE(p.fqdn, p.internal_name, p.customer_name) AS name, p.expired_at AS expiredAt
         FROM products p LEFT JOIN orgs o ON o.account_id = p.account_id AND o.id = p.org_id
         WHERE p.account_id = ? AND p.is_trial = 0 AND p.is_free = 0${extra}
         ORDER BY p.expired_at, orgName, p.id`,
      )
      .all(...params) as {
      id: number
      orgId: number
      orgName: string
      serviceName: string
      name: string
      expiredAt: number | null
    }[]
  }

  profile(accountId: string): PartnerProfile {
    const row = this.db
      .prepare('SELECT name, logo, logo_mime FROM billing_profile WHERE account_id = ?')
      .get(accountId) as { name: string; logo: Buffer | null; logo_mime: 'image/png' | 'image/jpeg' | null } | undefined
    return {
      name: row?.name ?? '',
      logoBase64: row?.logo ? row.logo.toString('base64') : null,
      logoMime: row?.logo ? row.logo_mime : null,
    }
  }

  setProfile(accountId: string, p: PartnerProfile): void {
    const logo = p.logoBase64 && p.logoMime ? Buffer.from(p.logoBase64, 'base64') : null
    this.db
      .prepare(
        `INSERT INTO billing_profile (account_id, name, logo, logo_mime) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, logo = excluded.logo, logo_mime = excluded.logo_mime`,
      )
      .run(accountId, p.name, logo, logo ? p.logoMime : null)
  }
}
