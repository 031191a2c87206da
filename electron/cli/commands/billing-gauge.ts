/** `billing gauge`: the partner-program threshold, what it counts and what it leaves out. */
import { serviceLabel } from '../../../shared/domain/service-catalogue'
import { formatMoney } from '../../../shared/i18n/format'
import { nonEmpty, noPositionals } from '../args'
import { plural } from '../format'
import { defineCommand } from '../command'
import type { Context, Result } from '../context'
import { billingAccount } from './billing-common'

const REASONS: Record<string, string> = {
  not_client: 'not a client organization under a partnership',
  expired: 'expired',
  trial: 'trial',
  free: 'free',
  no_price: 'no resale price in the client’s currency',
}

function runGauge(ctx: Context, args: { account: string | undefined }): Result {
  const account = billingAccount(ctx, args.account)
  const g = ctx.core.services.billing.gauge(account.id)
  const lines = [
    ...g.entries.map(
      (e) =>
        `${formatMoney(e.yearlyCents, e.currency, 'en')} of ${formatMoney(e.thresholdCents, e.currency, 'en')} per year: ${e.reached ? 'reached' : 'not reached'}`,
    ),
    `Counted: ${plural(g.countedProducts, 'product')} in ${plural(g.clientOrgs, 'client organization')}.`,
    ...g.excluded.map((x) => `Left out: ${x.products} ${REASONS[x.reason] ?? x.reason}`),
    ...g.missingPrices.map(
      (m) => `No price in ${m.currency} for ${serviceLabel(m.serviceName, 'en')} (${plural(m.products, 'product')})`,
    ),
  ]
  return { json: g, human: lines.join('\n') }
}

export const billingGauge = defineCommand({
  kind: 'billing-gauge',
  words: ['billing', 'gauge'],
  group: 'Billing',
  options: { account: { type: 'string' } },
  usage: `  billing gauge [--account A]        The partner-program threshold per currency (CHF 2,000 / EUR 1,800 a
                                     year): active paid products of client organizations, at your prices.`,
  parse({ positionals, values }) {
    noPositionals(positionals)
    return { account: nonEmpty(values.account, 'account') }
  },
  run: runGauge,
})
