import { serviceName } from '../../../shared/i18n/terms'
import { inventoryDocuments } from '../../../shared/i18n/documents/inventory'
import type Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import type { FileContent } from '../files/delivery'
import type {
  InventoryColumn,
  InventoryFacets,
  InventoryFilter,
  InventoryPage,
  InventoryRow,
  InventoryStatus,
} from '../../../shared/domain/fleet'
import { SERVICE_CATALOGUE, catalogueLanguage, type CatalogueLanguage } from '../../../shared/domain/service-catalogue'
import { toCsv, type CsvCell } from '../export/csv'
import { xlsxText } from '../export/neutralize'
import { sheetName } from '../export/sheet-name'
import { writeStamp } from './write-stamp'

const DAY = 86_400

interface RawRow {
  account_id: string
  id: number
  org_id: number
  service_name: string
  service_id: number | null
  customer_name: string
  internal_name: string | null
  fqdn: string | null
  created_at: number | null
  expired_at: number | null
  is_trial: number
  is_locked: number
  has_maintenance: number
  has_operation_in_progress: number
  tags: string
  org_name: string
  account_label: string
}

const COLUMNS_SQL = `p.account_id, p.id, p.org_id, p.service_name, p.service_id, p.customer_name, p.internal_name, p.fqdn,
  p.created_at, p.expired_at, p.is_trial, p.is_locked, p.has_maintenance, p.has_operation_in_progress, p.tags,
  o.name AS org_name, a.label AS account_label`
const FROM_SQL = `FROM products p JOIN orgs o ON o.account_id = p.account_id AND o.id = p.org_id
  JOIN accounts a ON a.id = p.account_id`

/** FTS terms: every word as a prefix (the search index folds accents and case). */
function ftsTerms(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8)
  return words.length === 0 ? null : words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ')
}

/** `CASE service_name …` giving each code its display name, so "type" sorts as the user reads it. */
function typeLabelSql(language: CatalogueLanguage): string {
  const cases = SERVICE_CATALOGUE.flatMap((e) =>
    [e.name, ...(e.aliases ?? [])].map((code) => `WHEN '${code}' THEN '${e.labels[language].replace(/'/g, "''")}'`),
  )
  return `CASE p.service_name ${cases.join(' ')} ELSE p.service_name END`
}

const typeLabelCache = new Map<CatalogueLanguage, string>()
function typeLabelExpr(language: string): string {
  const lang = catalogueLanguage(language)
  let sql = typeLabelCache.get(lang)
  if (!sql) typeLabelCache.set(lang, (sql = typeLabelSql(lang)))
  return sql
}

/**
 * The WHERE clause and parameters of a filter. Built from the filters actually given, so each form uses
 * its index; the text goes through the full-text index (accent-folded prefixes) of products and clients.
 */
function whereOf(f: InventoryFilter, nowS: number): { sql: string; params: Record<string, string | number> } {
  const where: string[] = []
  const params: Record<string, string | number> = { now: nowS }
  if (f.accountId !== undefined) {
    where.push('p.account_id = @account')
    params.account = f.accountId
  }
  const terms = f.text ? ftsTerms(f.text) : null
  if (terms !== null) {
    where.push(`(p.account_id || ':' || p.id IN (
        SELECT d.account_id || ':' || d.ref FROM search_index JOIN search_docs d ON d.id = search_index.rowid
        WHERE search_index MATCH @productMatch)
      OR p.account_id || ':' || p.org_id IN (
        SELECT d.account_id || ':' || d.ref FROM search_index JOIN search_docs d ON d.id = search_index.rowid
        WHERE search_index MATCH @orgMatch))`)
    params.productMatch = `kind:product AND {title subtitle}:(${terms})`
    params.orgMatch = `kind:org AND {title}:(${terms})`
  }
  if (f.types && f.types.length > 0) {
    where.push('p.service_name IN (SELECT value FROM json_each(@types))')
    params.types = JSON.stringify(f.types)
  }
  if (f.clients && f.clients.length > 0) {
    where.push("p.account_id || ':' || p.org_id IN (SELECT value FROM json_each(@clients))")
    params.clients = JSON.stringify(f.clients.map((c) => `${c.accountId}:${c.orgId}`))
  }
  if (f.tags && f.tags.length > 0) {
    where.push(
      "p.tags != '[]' AND EXISTS (SELECT 1 FROM json_each(p.tags) t WHERE t.value ->> 'name' IN (SELECT value FROM json_each(@tags)))",
    )
    params.tags = JSON.stringify(f.tags)
  }
  const status: Record<InventoryStatus, string> = {
    expired: 'p.expired_at < @now',
    expiring: 'p.expired_at >= @now AND p.expired_at < @now + 30 * 86400',
    locked: 'p.is_locked = 1',
    maintenance: 'p.has_maintenance = 1',
    trial: 'p.is_trial = 1',
    operation: 'p.has_operation_in_progress = 1',
  }
  if (f.statuses && f.statuses.length > 0) where.push(`(${f.statuses.map((s) => `(${status[s]})`).join(' OR ')})`)
  switch (f.expiry ?? null) {
    case null:
      break
    case 'expired':
      where.push('p.expired_at < @now')
      break
    case 'none':
      where.push('p.expired_at IS NULL')
      break
    default:
      where.push('p.expired_at >= @now AND p.expired_at < @until')
      params.until = nowS + Number(f.expiry) * DAY
  }
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params }
}

function orderOf(f: InventoryFilter, language: string): string {
  const dir = f.direction === 'desc' ? 'DESC' : 'ASC'
  switch (f.sort ?? 'name') {
    case 'client':
      return `o.name COLLATE NOCASE ${dir}, p.customer_name COLLATE NOCASE, p.id`
    case 'type':
      return `${typeLabelExpr(language)} COLLATE NOCASE ${dir}, p.customer_name COLLATE NOCASE, p.id`
    case 'expiry':
      // Products without an expiry date go last in both directions.
      return `p.expired_at IS NULL, p.expired_at ${dir}, p.id`
    case 'created':
      return `p.created_at IS NULL, p.created_at ${dir}, p.id`
    case 'name':
      return `p.customer_name COLLATE NOCASE ${dir}, p.id`
  }
}

function toRow(r: RawRow): InventoryRow {
  return {
    accountId: r.account_id,
    id: r.id,
    orgId: r.org_id,
    serviceName: r.service_name,
    customerName: r.customer_name,
    internalName: r.internal_name,
    fqdn: r.fqdn,
    createdAt: r.created_at,
    expiredAt: r.expired_at,
    isTrial: r.is_trial === 1,
    isLocked: r.is_locked === 1,
    hasMaintenance: r.has_maintenance === 1,
    hasOperationInProgress: r.has_operation_in_progress === 1,
    tags:
      r.tags === '[]'
        ? []
        : (JSON.parse(r.tags) as { id: number; name: string }[]).map((t) => ({ id: t.id, name: t.name })),
    orgName: r.org_name,
    accountLabel: r.account_label,
  }
}

/** Statuses a product shows (the same rules as the badges in the UI). */
export function statusesOf(r: InventoryRow, nowS: number): InventoryStatus[] {
  const out: InventoryStatus[] = []
  if (r.expiredAt !== null && r.expiredAt < nowS) out.push('expired')
  else if (r.expiredAt !== null && r.expiredAt < nowS + 30 * DAY) out.push('expiring')
  if (r.isLocked) out.push('locked')
  if (r.hasMaintenance) out.push('maintenance')
  if (r.isTrial) out.push('trial')
  if (r.hasOperationInProgress) out.push('operation')
  return out
}

/**
 * EXPLAIN QUERY PLAN of the statements a filtered first page runs (for the benchmarks): one line per
 * plan step, prefixed by the statement it belongs to.
 */
export function explainInventory(db: Database.Database, f: InventoryFilter, nowS: number, language: string): string[] {
  const { sql, params } = whereOf(f, nowS)
  const statements: [string, string][] = [
    ['count', `SELECT count(*) AS n ${FROM_SQL} ${sql}`],
    ['page', `SELECT ${COLUMNS_SQL} ${FROM_SQL} ${sql} ORDER BY ${orderOf(f, language)} LIMIT @limit OFFSET @offset`],
  ]
  return statements.flatMap(([name, statement]) =>
    db
      .prepare<Record<string, string | number>, { detail: string }>(`EXPLAIN QUERY PLAN ${statement}`)
      .all({ ...params, ...(name === 'page' ? { limit: 200, offset: 0 } : {}) })
      .map((r) => `${name}: ${r.detail}`),
  )
}

/** Every product of every organization, filtered, sorted and paged in SQL. */
export class Inventory {
  /** Counts already made since the stores last changed (each page of one filter asks for the same total). */
  private counts = { stamp: '', byQuery: new Map<string, number>() }

  constructor(private readonly db: Database.Database) {}

  private count(sql: string, params: Record<string, string | number>): number {
    const stamp = writeStamp(this.db)
    if (stamp !== this.counts.stamp) this.counts = { stamp, byQuery: new Map() }
    const key = `${sql}\u0000${JSON.stringify(params)}`
    let n = this.counts.byQuery.get(key)
    if (n === undefined) {
      n = this.db.prepare<Record<string, string | number>, { n: number }>(sql).get(params)?.n ?? 0
      if (this.counts.byQuery.size >= 64) this.counts.byQuery.clear()
      this.counts.byQuery.set(key, n)
    }
    return n
  }

  page(f: InventoryFilter, offset: number, limit: number, nowMs: number, language: string): InventoryPage {
    const started = performance.now()
    const nowS = Math.floor(nowMs / 1000)
    const { sql, params } = whereOf(f, nowS)
    const total = this.count(`SELECT count(*) AS n ${FROM_SQL} ${sql}`, params)
    const rows = this.db
      .prepare<Record<string, string | number>, RawRow>(
        `SELECT ${COLUMNS_SQL} ${FROM_SQL} ${sql} ORDER BY ${orderOf(f, language)} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset })
      .map(toRow)
    const fleetTotal = this.count('SELECT count(*) AS n FROM products', {})
    return { total, offset, rows, fleetTotal, tookMs: Math.round((performance.now() - started) * 10) / 10 }
  }

  /** Product types and tags of the whole fleet, with counts (for the filter pickers). */
  facets(): InventoryFacets {
    return {
      types: this.db
        .prepare<[], { type: string; count: number }>(
          'SELECT service_name AS type, count(*) AS count FROM products GROUP BY service_name ORDER BY count DESC, type',
        )
        .all(),
      tags: this.db
        .prepare<[], { tag: string; count: number }>(
          `SELECT j.value ->> 'name' AS tag, count(*) AS count FROM products p, json_each(p.tags) j
           WHERE p.tags != '[]' AND j.value ->> 'name' IS NOT NULL GROUP BY tag ORDER BY count DESC, tag LIMIT 500`,
        )
        .all(),
    }
  }

  /** Exactly what the table shows (filters, sort, columns in order) as CSV or XLSX, in the UI language. */
  async export(
    f: InventoryFilter,
    columns: readonly InventoryColumn[],
    format: 'csv' | 'xlsx',
    nowMs: number,
    language: string,
    options: { delimiter?: ',' | ';' | '\t' } = {},
  ): Promise<FileContent> {
    const nowS = Math.floor(nowMs / 1000)
    const lang = catalogueLanguage(language)
    const t = inventoryDocuments[lang]
    const { sql, params } = whereOf(f, nowS)
    const rows = this.db
      .prepare<Record<string, string | number>, RawRow>(
        `SELECT ${COLUMNS_SQL} ${FROM_SQL} ${sql} ORDER BY ${orderOf(f, language)}`,
      )
      .all(params)
      .map(toRow)
    const header = columns.map((c) => t.columns[c])
    const day = new Date(nowMs).toISOString().slice(0, 10)
    const cell = (r: InventoryRow, c: InventoryColumn, forXlsx: boolean): CsvCell | Date => {
      switch (c) {
        case 'name':
          return r.customerName || r.internalName || r.fqdn || `#${r.id}`
        case 'client':
          return r.orgName
        case 'type':
          return serviceName(r.serviceName, lang)
        case 'expiry':
          return r.expiredAt === null ? '' : forXlsx ? new Date(r.expiredAt * 1000) : isoDay(r.expiredAt)
        case 'created':
          return r.createdAt === null ? '' : forXlsx ? new Date(r.createdAt * 1000) : isoDay(r.createdAt)
        case 'status':
          return statusesOf(r, nowS)
            .map((s) => t.statuses[s])
            .join(', ')
        case 'tags':
          return r.tags.map((x) => x.name).join(', ')
        case 'fqdn':
          return r.fqdn ?? ''
        case 'account':
          return r.accountLabel
        case 'id':
          return r.id
      }
    }
    if (format === 'csv') {
      const content = toCsv(
        header,
        rows.map((r) => columns.map((c) => cell(r, c, false) as CsvCell)),
        { delimiter: options.delimiter ?? (lang === 'en' ? ',' : ';'), bom: true },
      )
      return {
        fileName: `switchboard-products-${day}.csv`,
        mimeType: 'text/csv; charset=utf-8',
        bytes: Buffer.from(content, 'utf8'),
      }
    }
    const wb = new ExcelJS.Workbook()
    wb.creator = 'Switchboard'
    const ws = wb.addWorksheet(sheetName(t.sheet, new Set()), { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = columns.map((c) => ({
      header: xlsxText(t.columns[c]),
      key: c,
      width: c === 'name' || c === 'client' ? 36 : c === 'id' ? 12 : 20,
      ...(c === 'expiry' || c === 'created' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    }))
    ws.getRow(1).font = { bold: true }
    for (const r of rows) {
      ws.addRow(
        columns.map((c) => {
          const v = cell(r, c, true)
          return typeof v === 'string' ? xlsxText(v) : (v ?? '')
        }),
      )
    }
    return {
      fileName: `switchboard-products-${day}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: Buffer.from(await wb.xlsx.writeBuffer()),
    }
  }
}

function isoDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10)
}
