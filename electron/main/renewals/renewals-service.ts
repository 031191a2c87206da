import { serviceName } from '../../../shared/i18n/terms'
import type Database from 'better-sqlite3'
import type { FileContent, StreamedFile } from '../files/delivery'
import { AUTO_RENEW_CUTOFF_DAYS, type RenewalRow } from '../../../shared/domain/renewals'
import { renewalsDocuments } from '../../../shared/i18n/documents/renewals'
import { formatDate } from '../../../shared/i18n/format'
import type { Language } from '../../../shared/i18n/languages'
import { createTranslator } from '../../../shared/i18n/translate'
import type { Clock } from '../lib/clock'
import { csvChunks } from '../export/csv'
import { icsChunks } from '../export/ics'

const DAY = 86_400

function isoDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10)
}

/** What expires soon across every organization of every account. */
export class RenewalsService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {}

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
        }
      >(
        `SELECT p.account_id, p.org_id, o.name AS org_name, p.id, p.customer_name, p.service_name, p.expired_at
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
            [t('organization'), t('product'), t('type'), t('expiry'), t('daysLeft'), t('status')],
            (function* () {
              for (const r of rows)
                yield [
                  r.orgName,
                  r.customerName,
                  serviceName(r.serviceName, language),
                  isoDate(r.expiredAt),
                  r.daysLeft,
                  r.expired ? t('expired') : r.underCutoff ? t('cutoff') : t('upcoming'),
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
