import {
  PARTNER_THRESHOLD_CENTS,
  type Currency,
  type CurrencyTotal,
  type Forecast,
  type ForecastRow,
  type GaugeEntry,
  type PriceEntry,
} from '../../../shared/domain/billing'

export interface ProductRef {
  id: number
  orgId: number
  orgName: string
  serviceName: string
  name: string
  expiredAt: number | null
}

/**
 * Yearly selling price of a service in a currency: the yearly price, otherwise 12 × the monthly
 * price, otherwise null.
 */
export function yearlyPrice(prices: readonly PriceEntry[], service: string, currency: Currency): number | null {
  const yearly = prices.find((p) => p.serviceName === service && p.period === 'yearly' && p.currency === currency)
  if (yearly) return yearly.priceCents
  const monthly = prices.find((p) => p.serviceName === service && p.period === 'monthly' && p.currency === currency)
  return monthly ? monthly.priceCents * 12 : null
}

/**
 * The currency a client is invoiced in for a service: the currency of the client's latest
 * invoice when the price list has a price in it, otherwise CHF, otherwise EUR; null when the
 * service has no price at all.
 */
export function pickCurrency(
  prices: readonly PriceEntry[],
  service: string,
  clientCurrency: Currency | undefined,
): Currency | null {
  const priced = (c: Currency): boolean => yearlyPrice(prices, service, c) !== null
  if (clientCurrency && priced(clientCurrency)) return clientCurrency
  if (priced('CHF')) return 'CHF'
  if (priced('EUR')) return 'EUR'
  return null
}

/** Adds amounts per currency, never across currencies. */
export function addByCurrency(totals: Map<Currency, number>, currency: Currency, cents: number): void {
  totals.set(currency, (totals.get(currency) ?? 0) + cents)
}

const sorted = (totals: Map<Currency, number>): CurrencyTotal[] =>
  [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, cents]) => ({ currency, cents }))

export const isoDay = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString().slice(0, 10)

/** What to invoice whom, when: each product expiring in the period renews for a year at the partner's price. */
export function forecast(
  products: readonly ProductRef[],
  prices: readonly PriceEntry[],
  clientCurrencies: ReadonlyMap<number, Currency>,
): Forecast {
  const rows: ForecastRow[] = []
  const totals = new Map<Currency, number>()
  const perClient = new Map<number, { orgName: string; totals: Map<Currency, number> }>()
  const missing = new Set<string>()
  for (const p of products) {
    if (p.expiredAt === null) continue
    const currency = pickCurrency(prices, p.serviceName, clientCurrencies.get(p.orgId))
    const amount = currency ? yearlyPrice(prices, p.serviceName, currency) : null
    if (amount === null) missing.add(p.serviceName)
    rows.push({
      orgId: p.orgId,
      orgName: p.orgName,
      productId: p.id,
      productName: p.name,
      serviceName: p.serviceName,
      renewalDate: isoDay(p.expiredAt),
      currency,
      amountCents: amount,
    })
    if (currency && amount !== null) {
      addByCurrency(totals, currency, amount)
      const client = perClient.get(p.orgId) ?? { orgName: p.orgName, totals: new Map<Currency, number>() }
      addByCurrency(client.totals, currency, amount)
      perClient.set(p.orgId, client)
    }
  }
  return {
    rows,
    totals: sorted(totals),
    perClient: [...perClient.entries()]
      .map(([orgId, c]) => ({ orgId, orgName: c.orgName, totals: sorted(c.totals) }))
      .sort((a, b) => a.orgName.localeCompare(b.orgName)),
    missingPrices: [...missing].sort(),
  }
}

/**
 * Partner-program gauge: yearly worth of every managed (non-trial, non-free) product at the
 * partner's prices, per currency, against CHF 2000 or EUR 1800. Each currency stands alone.
 */
export function gauge(
  products: readonly ProductRef[],
  prices: readonly PriceEntry[],
  clientCurrencies: ReadonlyMap<number, Currency>,
): { entries: GaugeEntry[]; missingPrices: string[] } {
  const totals = new Map<Currency, number>([
    ['CHF', 0],
    ['EUR', 0],
  ])
  const missing = new Set<string>()
  for (const p of products) {
    const currency = pickCurrency(prices, p.serviceName, clientCurrencies.get(p.orgId))
    const amount = currency ? yearlyPrice(prices, p.serviceName, currency) : null
    if (currency && amount !== null) addByCurrency(totals, currency, amount)
    else missing.add(p.serviceName)
  }
  return {
    entries: sorted(totals).map(({ currency, cents }) => ({
      currency,
      yearlyCents: cents,
      thresholdCents: PARTNER_THRESHOLD_CENTS[currency],
      reached: cents >= PARTNER_THRESHOLD_CENTS[currency],
    })),
    missingPrices: [...missing].sort(),
  }
}
