/**
 * Renewal forecast, partner-program gauge and margins (pure functions over cached products and the
 * price list). Every amount is per currency: CHF and EUR are never added together, and a client is
 * priced in its own currency only — a missing price is listed, never replaced by another currency's.
 */
import {
  CURRENCIES,
  PARTNER_THRESHOLD_CENTS,
  type ClientCurrency,
  type Currency,
  type CurrencySource,
  type CurrencyTotal,
  type Forecast,
  type ForecastRow,
  type GaugeExclusion,
  type GaugeItem,
  type MarginTotal,
  type Margins,
  type MissingPrice,
  type PartnerGauge,
  type PriceEntry,
} from '../../../shared/domain/billing'
import type { BillingProduct } from './ledger-repo'

export type ProductRef = Pick<BillingProduct, 'id' | 'orgId' | 'orgName' | 'serviceName' | 'name' | 'expiredAt'> &
  Partial<Pick<BillingProduct, 'isTrial' | 'isFree' | 'role' | 'partnership'>>

/** Yearly resale and purchase price of a service in one currency (a monthly price counts 12 times). */
export interface YearlyPrice {
  priceCents: number
  /** null: the purchase price is not known. */
  purchaseCents: number | null
}

export function yearlyPrice(prices: readonly PriceEntry[], service: string, currency: Currency): YearlyPrice | null {
  const find = (period: 'yearly' | 'monthly'): PriceEntry | undefined =>
    prices.find((p) => p.serviceName === service && p.period === period && p.currency === currency)
  const yearly = find('yearly')
  const monthly = find('monthly')
  const monthlyPurchase = monthly?.purchaseCents != null ? monthly.purchaseCents * 12 : null
  if (yearly) return { priceCents: yearly.priceCents, purchaseCents: yearly.purchaseCents ?? monthlyPurchase }
  if (monthly) return { priceCents: monthly.priceCents * 12, purchaseCents: monthlyPurchase }
  return null
}

/** The currency a client is invoiced in: the user's setting, else its latest invoice, else CHF. */
export function resolveCurrency(
  orgId: number,
  settings: ReadonlyMap<number, Currency>,
  fromInvoices: ReadonlyMap<number, Currency>,
): { currency: Currency; source: CurrencySource } {
  const set = settings.get(orgId)
  if (set) return { currency: set, source: 'setting' }
  const seen = fromInvoices.get(orgId)
  if (seen) return { currency: seen, source: 'invoices' }
  return { currency: 'CHF', source: 'default' }
}

export type CurrencyOf = (orgId: number) => { currency: Currency; source: CurrencySource }

/** Every client's currency, for the settings list. */
export function clientCurrencies(
  orgs: readonly { id: number; name: string }[],
  settings: ReadonlyMap<number, Currency>,
  fromInvoices: ReadonlyMap<number, Currency>,
): ClientCurrency[] {
  return orgs.map((o) => ({
    orgId: o.id,
    orgName: o.name,
    ...resolveCurrency(o.id, settings, fromInvoices),
    setting: settings.get(o.id) ?? null,
  }))
}

/** Adds amounts per currency, never across currencies. */
export function addByCurrency(totals: Map<Currency, number>, currency: Currency, cents: number): void {
  totals.set(currency, (totals.get(currency) ?? 0) + cents)
}

export const isoDay = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString().slice(0, 10)

/** Revenue, cost and margin accumulated per currency. */
class MarginAccumulator {
  private readonly totals = new Map<Currency, MarginTotal>()

  add(currency: Currency, price: YearlyPrice): void {
    const t = this.totals.get(currency) ?? {
      currency,
      revenueCents: 0,
      costedRevenueCents: 0,
      costCents: 0,
      marginCents: 0,
      items: 0,
      itemsWithoutCost: 0,
    }
    t.revenueCents += price.priceCents
    t.items++
    if (price.purchaseCents === null) t.itemsWithoutCost++
    else {
      t.costedRevenueCents += price.priceCents
      t.costCents += price.purchaseCents
      t.marginCents = t.costedRevenueCents - t.costCents
    }
    this.totals.set(currency, t)
  }

  get empty(): boolean {
    return this.totals.size === 0
  }

  list(): MarginTotal[] {
    return [...this.totals.values()].sort((a, b) => a.currency.localeCompare(b.currency))
  }
}

/** "No price in EUR for X" counters. */
class MissingCounter {
  private readonly counts = new Map<string, MissingPrice>()

  add(serviceName: string, currency: Currency): void {
    const key = `${currency}\u0000${serviceName}`
    const m = this.counts.get(key) ?? { serviceName, currency, products: 0 }
    m.products++
    this.counts.set(key, m)
  }

  list(): MissingPrice[] {
    return [...this.counts.values()].sort(
      (a, b) => a.currency.localeCompare(b.currency) || a.serviceName.localeCompare(b.serviceName),
    )
  }
}

/** `2026-03-15` → the months `2026-03` .. of a period, inclusive. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  const end = to.slice(0, 7)
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
    if (month > end) break
    out.push(month)
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return out
}

/**
 * What to invoice whom, when: each (non-trial, non-free) product expiring in the period renews for
 * a year at the partner's resale price in the client's currency.
 */
export function forecast(
  products: readonly ProductRef[],
  prices: readonly PriceEntry[],
  currencyOf: CurrencyOf,
  period: { from: string; to: string },
): Forecast {
  const rows: ForecastRow[] = []
  const totals = new MarginAccumulator()
  const perClient = new Map<number, { orgName: string; totals: MarginAccumulator }>()
  const months = new Map<string, Map<Currency, number>>(monthsOf(period.from, period.to).map((m) => [m, new Map()]))
  const used = new Set<Currency>()
  const missing = new MissingCounter()
  const missingCosts = new MissingCounter()
  for (const p of products) {
    if (p.expiredAt === null || p.isTrial === true || p.isFree === true) continue
    const { currency, source } = currencyOf(p.orgId)
    const price = yearlyPrice(prices, p.serviceName, currency)
    const renewalDate = isoDay(p.expiredAt)
    rows.push({
      orgId: p.orgId,
      orgName: p.orgName,
      productId: p.id,
      productName: p.name,
      serviceName: p.serviceName,
      renewalDate,
      currency,
      currencySource: source,
      amountCents: price?.priceCents ?? null,
      costCents: price?.purchaseCents ?? null,
    })
    if (!price) {
      missing.add(p.serviceName, currency)
      continue
    }
    if (price.purchaseCents === null) missingCosts.add(p.serviceName, currency)
    totals.add(currency, price)
    const client = perClient.get(p.orgId) ?? { orgName: p.orgName, totals: new MarginAccumulator() }
    client.totals.add(currency, price)
    perClient.set(p.orgId, client)
    used.add(currency)
    const month = months.get(renewalDate.slice(0, 7))
    if (month) addByCurrency(month, currency, price.priceCents)
  }
  const currencies = CURRENCIES.filter((c) => used.has(c))
  return {
    from: period.from,
    to: period.to,
    rows,
    totals: totals.list(),
    perClient: [...perClient.entries()]
      .map(([orgId, c]) => ({ orgId, orgName: c.orgName, totals: c.totals.list() }))
      .sort((a, b) => a.orgName.localeCompare(b.orgName)),
    perMonth: [...months.entries()].map(([month, byCurrency]) => ({
      month,
      totals: currencies.map((currency): CurrencyTotal => ({ currency, cents: byCurrency.get(currency) ?? 0 })),
    })),
    missingPrices: missing.list(),
    missingCosts: missingCosts.list(),
  }
}

/** Organization types (`/1/accounts` `type`) reached through a partnership (infomaniak-api.md §15). */
export const PARTNER_CLIENT_TYPES: ReadonlySet<string> = new Set(['client', 'partner_admin', 'partner_limited'])

/** A client organization under a partnership: its type says so, or its partnership flags do. */
export function isPartnerClient(p: Pick<ProductRef, 'role' | 'partnership'>): boolean {
  return PARTNER_CLIENT_TYPES.has(p.role ?? '') || p.partnership === true
}

/** Why a product does not count toward the threshold (null: it counts, price aside). */
function exclusion(p: ProductRef, nowSec: number): GaugeExclusion | null {
  if (!isPartnerClient(p)) return 'not_client'
  if (p.expiredAt !== null && p.expiredAt < nowSec) return 'expired'
  if (p.isTrial === true) return 'trial'
  if (p.isFree === true) return 'free'
  return null
}

const MAX_GAUGE_ITEMS = 5_000

/**
 * Partner-program gauge: the yearly resale value of the active, non-trial, non-free products of
 * client organizations under a partnership, per currency, against CHF 2,000 / EUR 1,800. It says
 * what it counted and what it left out (and why), with the products behind the figures.
 */
export function gauge(
  products: readonly ProductRef[],
  prices: readonly PriceEntry[],
  currencyOf: CurrencyOf,
  nowSec: number,
): PartnerGauge {
  const totals = new Map<Currency, number>(CURRENCIES.map((c) => [c, 0]))
  const excluded = new Map<GaugeExclusion, number>()
  const missing = new MissingCounter()
  const counted: GaugeItem[] = []
  const left: GaugeItem[] = []
  const clientOrgs = new Set<number>()
  for (const p of products) {
    const { currency } = currencyOf(p.orgId)
    let reason = exclusion(p, nowSec)
    if (reason !== 'not_client') clientOrgs.add(p.orgId)
    const price = reason === null ? yearlyPrice(prices, p.serviceName, currency) : null
    if (reason === null && !price) {
      reason = 'no_price'
      missing.add(p.serviceName, currency)
    }
    const item: GaugeItem = {
      orgId: p.orgId,
      orgName: p.orgName,
      productId: p.id,
      productName: p.name,
      serviceName: p.serviceName,
      currency,
      yearlyCents: price?.priceCents ?? null,
      excluded: reason,
    }
    if (reason === null && price) {
      addByCurrency(totals, currency, price.priceCents)
      counted.push(item)
    } else {
      excluded.set(reason ?? 'no_price', (excluded.get(reason ?? 'no_price') ?? 0) + 1)
      left.push(item)
    }
  }
  const order: GaugeExclusion[] = ['not_client', 'expired', 'trial', 'free', 'no_price']
  const byName = (a: GaugeItem, b: GaugeItem): number =>
    a.orgName.localeCompare(b.orgName) || a.productName.localeCompare(b.productName)
  const items = [...counted.sort(byName), ...left.sort(byName)]
  return {
    entries: CURRENCIES.map((currency) => {
      const cents = totals.get(currency) ?? 0
      return {
        currency,
        yearlyCents: cents,
        thresholdCents: PARTNER_THRESHOLD_CENTS[currency],
        reached: cents >= PARTNER_THRESHOLD_CENTS[currency],
      }
    }),
    clientOrgs: clientOrgs.size,
    countedProducts: counted.length,
    excluded: order.flatMap((reason) => {
      const n = excluded.get(reason)
      return n ? [{ reason, products: n }] : []
    }),
    missingPrices: missing.list(),
    items: items.slice(0, MAX_GAUGE_ITEMS),
    itemsTruncated: items.length > MAX_GAUGE_ITEMS,
  }
}

/**
 * Yearly revenue, cost and margin per client (organizations under a partnership) and currency,
 * over their active, non-trial, non-free products at the price list's resale and purchase prices.
 */
export function margins(
  products: readonly ProductRef[],
  prices: readonly PriceEntry[],
  currencyOf: CurrencyOf,
  nowSec: number,
): Margins {
  const perClient = new Map<number, { orgName: string; acc: MarginAccumulator }>()
  const totals = new MarginAccumulator()
  const missing = new MissingCounter()
  const missingCosts = new MissingCounter()
  for (const p of products) {
    if (exclusion(p, nowSec) !== null) continue
    const { currency } = currencyOf(p.orgId)
    const price = yearlyPrice(prices, p.serviceName, currency)
    if (!price) {
      missing.add(p.serviceName, currency)
      continue
    }
    if (price.purchaseCents === null) missingCosts.add(p.serviceName, currency)
    const client = perClient.get(p.orgId) ?? { orgName: p.orgName, acc: new MarginAccumulator() }
    client.acc.add(currency, price)
    perClient.set(p.orgId, client)
    totals.add(currency, price)
  }
  return {
    perClient: [...perClient.entries()]
      .flatMap(([orgId, c]) =>
        c.acc.list().map((t) => ({
          orgId,
          orgName: c.orgName,
          currency: t.currency,
          currencySource: currencyOf(orgId).source,
          totals: t,
        })),
      )
      .sort((a, b) => b.totals.marginCents - a.totals.marginCents || a.orgName.localeCompare(b.orgName)),
    totals: totals.list(),
    missingPrices: missing.list(),
    missingCosts: missingCosts.list(),
  }
}
