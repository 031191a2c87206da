import { serviceName } from '../../../shared/i18n/terms'
import type Database from 'better-sqlite3'
import type { FileContent, StreamedFile } from '../files/delivery'
import type { Currency } from '../../../shared/domain/billing'
import { AUTO_RENEW_CUTOFF_DAYS, type RenewalKey, type RenewalRow } from '../../../shared/domain/renewals'
import { renewalsDocuments } from '../../../shared/i18n/documents/renewals'
import { formatDate } from '../../../shared/i18n/format'
import type { Language } from '../../../shared/i18n/languages'
import { createTranslator } from '../../../shared/i18n/translate'
import type { Clock } from '../lib/clock'
import ExcelJS from 'exceljs'
import { XLSX_DATE_FORMAT } from '../billing/export-i18n'
import { csvChunks } from '../export/csv'
import { xlsxText } from '../export/neutralize'
import { sheetName } from '../export/sheet-name'
import { icsChunks } from '../export/ics'

const DAY = 86_400

function isoDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10)
}

/** Prices a product of one account (see `BillingService.renewalPricer`). */
export type RenewalPricer = (
  accountId: string,
) => (orgId: number, service: string) => { currency: Currency; cents: number | null }

const NO_PRICES: RenewalPricer = () => () => ({ currency: 'CHF', cents: null })

/** What expires soon across every organization of every account. */
export class RenewalsService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly pricer: RenewalPricer = NO_PRICES,
  ) {}

  /** Only the rows a selection names (in list order), or all of them without one. */
  static select(rows: readonly RenewalRow[], keys: readonly RenewalKey[] | undefined): RenewalRow[] {
    if (!keys) return [...rows]
    const wanted = new Set(keys.map((k) => `${k.accountId}\u0000${k.productId}`))
    return rows.filter((r) => wanted.has(`${r.accountId}\u0000${r.productId}`))
  }

  list(query: { withinDays: number; includeExpiredDays: number; accountId?: string | undefined }): RenewalRow[] {
    const nowS = Math.floor(this.clock.now() / 1000)
    const today = nowS - (nowS % DAY)
    const rows = this.db
      .prepare<
        { from: number; to: number; account: string | null },
        {
          account_id: string
          org_id: number
          org_name: string
          id: number
          customer_name: string
          service_name: string
          expired_at: number
          auto_renew: number | null
        }
      >(
        `SELECT p.account_id, p.org_id, o.name AS org_name, p.id, p.customer_name, p.service_name, p.expired_at,
           p.data ->> '$.auto_renew' AS auto_renew
         FROM products p JOIN orgs o ON o.account_id = p.account_id AND o.id = p.org_id
         WHERE p.expired_at IS NOT NULL AND p.expired_at >= @from AND p.expired_at < @to
           AND (@account IS NULL OR p.account_id = @account)
         ORDER BY p.expired_at, o.name COLLATE NOCASE, p.customer_name COLLATE NOCASE`,
      )
      .all({
        from: today - query.includeExpiredDays * DAY,
        to: today + (query.withinDays + 1) * DAY,
        account: query.accountId ?? null,
      })
    const pricers = new Map<string, ReturnType<RenewalPricer>>()
    const priceOf = (accountId: string, orgId: number, service: string) => {
      let p = pricers.get(accountId)
      if (!p) {
        p = this.pricer(accountId)
        pricers.set(accountId, p)
      }
      return p(orgId, service)
    }
    return rows.map((r) => {
      const daysLeft = Math.floor((r.expired_at - today) / DAY)
      return {
        accountId: r.account_id,
        orgId: r.org_id,
        orgName: r.org_name,
        productId: r.id,
        customerName: r.customer_name,
        serviceName: r.service_name,
        expiredAt: r.expired_at,
        daysLeft,
        expired: r.expired_at < nowS,
        underCutoff: r.expired_at >= nowS && daysLeft < AUTO_RENEW_CUTOFF_DAYS,
        autoRenew: r.auto_renew === 1 ? 'auto' : r.auto_renew === 0 ? 'manual' : 'unknown',
        price: priceOf(r.account_id, r.org_id, r.service_name),
      }
    })
  }

  /** The renewals as CSV or an iCalendar file, produced piece by piece (written as it is produced). */
  exportStream(
    format: 'csv' | 'ics',
    rows: readonly RenewalRow[],
    language: Language,
    options: { delimiter?: ',' | ';' | '\t'; bom?: boolean } = {},
  ): StreamedFile {
    const t = createTranslator(renewalsDocuments[language], language)
    const day = new Date(this.clock.now()).toISOString().slice(0, 10)
    const chunks =
      format === 'csv'
        ? csvChunks(
            [
              t('organization'),
              t('product'),
              t('type'),
              t('expiry'),
              t('daysLeft'),
              t('status'),
              t('renewal'),
              t('currency'),
              t('price'),
            ],
            (function* () {
              const decimal = options.delimiter === ';' ? ',' : '.'
              for (const r of rows)
                yield [
                  r.orgName,
                  r.customerName,
                  serviceName(r.serviceName, language),
                  isoDate(r.expiredAt),
                  r.daysLeft,
                  r.expired ? t('expired') : r.underCutoff ? t('cutoff') : t('upcoming'),
                  t(r.autoRenew),
                  r.price.currency,
                  // No price stays empty (never 0).
                  r.price.cents === null ? '' : (r.price.cents / 100).toFixed(2).replace('.', decimal),
                ]
            })(),
            { delimiter: options.delimiter ?? ',', bom: options.bom ?? true },
          )
        : icsChunks(
            (function* () {
              for (const r of rows)
                yield {
                  uid: `${r.accountId}-${r.productId}-${r.expiredAt}@switchboard`,
                  date: isoDate(r.expiredAt),
                  summary: t('summary', { product: r.customerName, org: r.orgName }),
                  description: t('description', {
                    type: serviceName(r.serviceName, language),
                    org: r.orgName,
                    date: formatDate(isoDate(r.expiredAt), language),
                  }),
                  ...(r.expired
                    ? {}
                    : {
                        alarm: {
                          daysBefore: AUTO_RENEW_CUTOFF_DAYS,
                          text: t('alarm', { product: r.customerName }),
                        },
                      }),
                }
            })(),
            { calendarName: t('calendar'), now: this.clock.now() },
          )
    return {
      fileName: `switchboard-renewals-${day}.${format}`,
      mimeType: format === 'csv' ? 'text/csv; charset=utf-8' : 'text/calendar; charset=utf-8',
      chunks,
    }
  }

  /** The renewals as a workbook (one sheet, dates as dates, prices as numbers in the client's currency). */
  async exportXlsx(rows: readonly RenewalRow[], language: Language): Promise<FileContent> {
    const t = createTranslator(renewalsDocuments[language], language)
    const day = new Date(this.clock.now()).toISOString().slice(0, 10)
    const wb = new ExcelJS.Workbook()
    wb.creator = 'Switchboard'
    const ws = wb.addWorksheet(sheetName(t('sheet'), new Set()), { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = [
      { header: xlsxText(t('organization')), width: 32 },
      { header: xlsxText(t('product')), width: 32 },
      { header: xlsxText(t('type')), width: 20 },
      { header: xlsxText(t('expiry')), width: 14, style: { numFmt: XLSX_DATE_FORMAT[language] } },
      { header: xlsxText(t('daysLeft')), width: 12 },
      { header: xlsxText(t('status')), width: 28 },
      { header: xlsxText(t('renewal')), width: 24 },
      { header: xlsxText(t('currency')), width: 10 },
      { header: xlsxText(t('price')), width: 14 },
    ]
    ws.getRow(1).font = { bold: true }
    for (const r of rows) {
      const row = ws.addRow([
        xlsxText(r.orgName),
        xlsxText(r.customerName),
        xlsxText(serviceName(r.serviceName, language)),
        new Date(r.expiredAt * 1000),
        r.daysLeft,
        xlsxText(r.expired ? t('expired') : r.underCutoff ? t('cutoff') : t('upcoming')),
        xlsxText(t(r.autoRenew)),
        r.price.currency,
        r.price.cents === null ? null : r.price.cents / 100,
      ])
      row.getCell(9).numFmt = '#,##0.00'
    }
    return {
      fileName: `switchboard-renewals-${day}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: Buffer.from(await wb.xlsx.writeBuffer()),
    }
  }

  /** The same file whole in memory (small exports, tests). */
  export(
    format: 'csv' | 'ics',
    rows: readonly RenewalRow[],
    language: Language,
    options: { delimiter?: ',' | ';' | '\t'; bom?: boolean } = {},
  ): FileContent {
    const { chunks, ...file } = this.exportStream(format, rows, language, options)
    return { ...file, bytes: Buffer.from([...chunks].join(''), 'utf8') }
  }
}
