import { describe, expect, it } from 'vitest'
import { nextTwelveMonths } from '../../../electron/main/billing/billing-service'
import {
  forecast,
  gauge,
  margins,
  monthsOf,
  resolveCurrency,
  yearlyPrice,
  type CurrencyOf,
  type ProductRef,
} from '../../../electron/main/billing/forecast'
import type { Currency, PriceEntry } from '../../../shared/domain/billing'

const prices: PriceEntry[] = [
  { serviceName: 'web_hosting', period: 'yearly', currency: 'CHF', priceCents: 150_000, purchaseCents: 120_000 },
  { serviceName: 'web_hosting', period: 'yearly', currency: 'EUR', priceCents: 140_000, purchaseCents: null },
  { serviceName: 'email_hosting', period: 'monthly', currency: 'CHF', priceCents: 5_000, purchaseCents: 4_000 },
]
const day = (iso: string): number => Date.parse(`${iso}T12:00:00Z`) / 1000
const client = { role: 'client', partnership: true, isTrial: false, isFree: false }
const products: ProductRef[] = [
  {
    id: 1,
    orgId: 1,
    orgName: 'Swiss client',
    serviceName: 'web_hosting',
    name: 'a.ch',
    expiredAt: day('2026-12-01'),
    ...client,
  },
  {
    id: 2,
    orgId: 2,
    orgName: 'French client',
    serviceName: 'web_hosting',
    name: 'b.fr',
    expiredAt: day('2026-12-15'),
    ...client,
  },
  {
    id: 3,
    orgId: 1,
    orgName: 'Swiss client',
    serviceName: 'email_hosting',
    name: 'mail',
    expiredAt: day('2027-02-10'),
    ...client,
  },
  {
    id: 4,
    orgId: 2,
    orgName: 'French client',
    serviceName: 'email_hosting',
    name: 'mail fr',
    expiredAt: day('2027-02-11'),
    ...client,
  },
  {
    id: 5,
    orgId: 2,
    orgName: 'French client',
    serviceName: 'kdrive',
    name: 'drive',
    expiredAt: day('2027-01-11'),
    ...client,
  },
]
const currencyOf =
  (map: Record<number, Currency>): CurrencyOf =>
  (orgId) =>
    map[orgId] ? { currency: map[orgId], source: 'invoices' } : { currency: 'CHF', source: 'default' }
const both = currencyOf({ 1: 'CHF', 2: 'EUR' })

describe('price list', () => {
  it('prefers the yearly price, else 12 × monthly, with the purchase price beside it', () => {
    expect(yearlyPrice(prices, 'web_hosting', 'CHF')).toEqual({ priceCents: 150_000, purchaseCents: 120_000 })
    expect(yearlyPrice(prices, 'email_hosting', 'CHF')).toEqual({ priceCents: 60_000, purchaseCents: 48_000 })
    expect(yearlyPrice(prices, 'email_hosting', 'EUR')).toBeNull()
  })
  it("a client's currency: the setting, else its invoices, else CHF (said so)", () => {
    const settings = new Map<number, Currency>([[1, 'EUR']])
    const seen = new Map<number, Currency>([
      [1, 'CHF'],
      [2, 'EUR'],
    ])
    expect(resolveCurrency(1, settings, seen)).toEqual({ currency: 'EUR', source: 'setting' })
    expect(resolveCurrency(2, settings, seen)).toEqual({ currency: 'EUR', source: 'invoices' })
    expect(resolveCurrency(3, settings, seen)).toEqual({ currency: 'CHF', source: 'default' })
  })
})

describe('forecast', () => {
  const f = forecast(products, prices, both, { from: '2026-12-01', to: '2027-11-30' })

  it('prices each client in its own currency and lists what is missing instead of using CHF', () => {
    expect(f.rows.map((r) => [r.productId, r.currency, r.amountCents, r.costCents])).toEqual([
      [1, 'CHF', 150_000, 120_000],
      [2, 'EUR', 140_000, null],
      [3, 'CHF', 60_000, 48_000],
      [4, 'EUR', null, null],
      [5, 'EUR', null, null],
    ])
    expect(f.missingPrices).toEqual([
      { serviceName: 'email_hosting', currency: 'EUR', products: 1 },
      { serviceName: 'kdrive', currency: 'EUR', products: 1 },
    ])
    expect(f.missingCosts).toEqual([{ serviceName: 'web_hosting', currency: 'EUR', products: 1 }])
  })

  it('keeps revenue, cost and margin per currency (never summed across)', () => {
    expect(f.totals).toEqual([
      {
        currency: 'CHF',
        revenueCents: 210_000,
        costedRevenueCents: 210_000,
        costCents: 168_000,
        marginCents: 42_000,
        items: 2,
        itemsWithoutCost: 0,
      },
      {
        currency: 'EUR',
        revenueCents: 140_000,
        costedRevenueCents: 0,
        costCents: 0,
        marginCents: 0,
        items: 1,
        itemsWithoutCost: 1,
      },
    ])
    expect(JSON.stringify(f)).not.toContain('350000')
    expect(f.perClient.map((c) => [c.orgName, c.totals.map((t) => [t.currency, t.revenueCents])])).toEqual([
      ['French client', [['EUR', 140_000]]],
      ['Swiss client', [['CHF', 210_000]]],
    ])
  })

  it('lists every month of the period, with zero where nothing renews', () => {
    expect(f.perMonth).toHaveLength(12)
    expect(f.perMonth[0]).toEqual({
      month: '2026-12',
      totals: [
        { currency: 'CHF', cents: 150_000 },
        { currency: 'EUR', cents: 140_000 },
      ],
    })
    expect(f.perMonth[1]).toEqual({
      month: '2027-01',
      totals: [
        { currency: 'CHF', cents: 0 },
        { currency: 'EUR', cents: 0 },
      ],
    })
    expect(f.perMonth.at(-1)?.month).toBe('2027-11')
  })

  it('defaults to the next twelve months from today (not the calendar year)', () => {
    expect(nextTwelveMonths('2026-12-01')).toEqual({ from: '2026-12-01', to: '2027-11-30' })
    expect(nextTwelveMonths('2028-02-29')).toEqual({ from: '2028-02-29', to: '2029-02-28' })
    expect(monthsOf('2026-12-01', '2027-11-30')).toHaveLength(12)
  })
})

describe('partner gauge', () => {
  const now = day('2026-11-27')
  const base = { serviceName: 'web_hosting', expiredAt: day('2027-06-01') }
  const fleet: ProductRef[] = [
    { id: 10, orgId: 1, orgName: 'Client A', name: 'a', ...base, ...client },
    { id: 11, orgId: 2, orgName: 'Client B', name: 'b', ...base, ...client, role: 'partner_admin', partnership: false },
    { id: 12, orgId: 9, orgName: 'Our agency', name: 'own', ...base, ...client, role: 'owner', partnership: false },
    { id: 13, orgId: 8, orgName: 'Member only', name: 'm', ...base, ...client, role: 'admin', partnership: false },
    { id: 14, orgId: 1, orgName: 'Client A', name: 'old', ...base, ...client, expiredAt: day('2026-01-01') },
    { id: 15, orgId: 1, orgName: 'Client A', name: 'trial', ...base, ...client, isTrial: true },
    { id: 16, orgId: 1, orgName: 'Client A', name: 'free', ...base, ...client, isFree: true },
    { id: 17, orgId: 3, orgName: 'Client C', name: 'c', ...base, ...client, serviceName: 'kdrive' },
  ]

  it('counts only active, non-trial, non-free products of client organizations, and says why not', () => {
    const g = gauge(fleet, prices, currencyOf({ 2: 'EUR' }), now)
    expect(g.entries).toEqual([
      { currency: 'CHF', yearlyCents: 150_000, thresholdCents: 200_000, reached: false },
      { currency: 'EUR', yearlyCents: 140_000, thresholdCents: 180_000, reached: false },
    ])
    expect(g.countedProducts).toBe(2)
    expect(g.clientOrgs).toBe(3)
    expect(g.excluded).toEqual([
      { reason: 'not_client', products: 2 },
      { reason: 'expired', products: 1 },
      { reason: 'trial', products: 1 },
      { reason: 'free', products: 1 },
      { reason: 'no_price', products: 1 },
    ])
    expect(g.missingPrices).toEqual([{ serviceName: 'kdrive', currency: 'CHF', products: 1 }])
    expect(g.items.slice(0, 2).map((i) => [i.productId, i.excluded])).toEqual([
      [10, null],
      [11, null],
    ])
    expect(g.items.find((i) => i.productId === 12)?.excluded).toBe('not_client')
  })

  it('judges each currency alone against its threshold', () => {
    const many = Array.from({ length: 2 }, (_, i) => ({ ...fleet[0]!, id: 100 + i }))
    const g = gauge(many, prices, currencyOf({}), now)
    expect(g.entries[0]).toMatchObject({ currency: 'CHF', yearlyCents: 300_000, reached: true })
    expect(g.entries[1]).toMatchObject({ currency: 'EUR', yearlyCents: 0, reached: false })
  })

  it('margins per client over the same products', () => {
    const m = margins(fleet, prices, currencyOf({ 2: 'EUR' }), now)
    expect(m.perClient.map((c) => [c.orgName, c.currency, c.totals.revenueCents, c.totals.marginCents])).toEqual([
      ['Client A', 'CHF', 150_000, 30_000],
      ['Client B', 'EUR', 140_000, 0],
    ])
    expect(m.missingCosts).toEqual([{ serviceName: 'web_hosting', currency: 'EUR', products: 1 }])
    expect(m.missingPrices).toEqual([{ serviceName: 'kdrive', currency: 'CHF', products: 1 }])
  })
})
