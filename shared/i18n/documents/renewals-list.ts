/**
 * The "client-ready list" of renewals: plain text a partner pastes into an e-mail to clients, one block per
 * client, products named by the service catalogue, dates and prices in the document language (which may differ
 * from the interface's). Pure and dependency-free apart from `Intl`.
 */
import type { Currency } from '../../domain/billing'
import type { RenewalRow } from '../../domain/renewals'
import { formatDate, formatList, formatMoney } from '../format'
import type { Language } from '../languages'
import { serviceName } from '../terms'
import { createTranslator } from '../translate'
import { renewalsDocuments } from './renewals'

function isoDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10)
}

/**
 * One block per client (organisation of an account), clients in the order of their earliest renewal, products
 * in expiry order: `- kDrive: Drive Dupont: renews on 12 Dec 2026, CHF 120.00 per year`. A product without a
 * price says nothing about its price (never 0); a client's total per currency closes the block when any of its
 * products has a price. `today` (ms) dates the heading.
 */
export function clientRenewalList(rows: readonly RenewalRow[], language: Language, today: number): string {
  const t = createTranslator(renewalsDocuments[language], language)
  const clients = new Map<string, RenewalRow[]>()
  for (const r of [...rows].sort((a, b) => a.expiredAt - b.expiredAt || a.productId - b.productId)) {
    const key = `${r.accountId}\u0000${r.orgId}`
    const list = clients.get(key)
    if (list) list.push(r)
    else clients.set(key, [r])
  }
  const blocks: string[] = [t('listTitle', { date: formatDate(today, language) })]
  for (const list of clients.values()) {
    const lines = [list[0]!.orgName]
    const totals = new Map<Currency, number>()
    for (const r of list) {
      const date = formatDate(isoDay(r.expiredAt), language)
      const parts = [r.expired ? t('listExpired', { date }) : t('listRenews', { date })]
      if (r.price.cents !== null) {
        parts.push(t('listPrice', { price: formatMoney(r.price.cents, r.price.currency, language) }))
        totals.set(r.price.currency, (totals.get(r.price.currency) ?? 0) + r.price.cents)
      }
      const type = serviceName(r.serviceName, language)
      const name = r.customerName.trim() === '' || r.customerName === type ? type : `${type}: ${r.customerName}`
      lines.push(`- ${name}: ${parts.join(', ')}`)
    }
    if (totals.size > 0) {
      const amounts = [...totals.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, cents]) => formatMoney(cents, currency, language))
      lines.push(t('listTotal', { amounts: formatList(amounts, language) }))
    }
    blocks.push(lines.join('\n'))
  }
  return `${blocks.join('\n\n')}\n`
}
