import { describe, expect, it } from 'vitest'
import { forecast, gauge, pickCurrency, yearlyPrice } from '../../../electron/main/billing/forecast'
import type { PriceEntry } from '../../../shared/domain/billing'

const prices: PriceEntry[] = [
  { serviceName: 'web_hosting', period: 'yearly', currency: 'CHF', priceCents: 150_000 },
  { serviceName: 'web_hosting', period: 'yearly', currency: 'EUR', priceCents: 140_000 },
  { serviceName: 'email_hosting', period: 'monthly', currency: 'CHF', priceCents: 5_000 },
]
const day = (iso: string): number => Date.parse(`${iso}T12:00:00Z`) / 1000
const products = [
  { id: 1, orgId: 1, orgName: 'Swiss client', serviceName: 'web_hosting', name: 'a.ch', expiredAt: day('2026-12-01') },
  { id: 2, orgId: 2, orgName: 'French client', serviceName: 'web_hosting', name: 'b.fr', expiredAt: day('2026-12-15') },
  {
    id: 3,
    orgId: 1,
    orgName: 'Swiss client',
    serviceName: 'email_hosting',
    name: 'mail',
    expiredAt: day('2027-01-10'),
  },
  { id: 4, orgId: 2, orgName: 'French client', serviceName: 'kdrive', name: 'drive', expiredAt: day('2027-01-11') },
]
const currencies = new Map([
  [1, 'CHF' as const],
  [2, 'EUR' as const],
])

describe('price list', () => {
  it('prefers the yearly price, else 12 × monthly', () => {
    expect(yearlyPrice(prices, 'web_hosting', 'CHF')).toBe(150_000)
    expect(yearlyPrice(prices, 'email_hosting', 'CHF')).toBe(60_000)
    expect(yearlyPrice(prices, 'email_hosting', 'EUR')).toBeNull()
  })
  it("bills in the client's currency when priced, else CHF, else EUR", () => {
    expect(pickCurrency(prices, 'web_hosting', 'EUR')).toBe('EUR')
    expect(pickCurrency(prices, 'email_hosting', 'EUR')).toBe('CHF')
    expect(pickCurrency(prices, 'kdrive', 'EUR')).toBeNull()
  })
})

describe('currency separation', () => {
  it('forecast totals stay per currency (CHF and EUR never summed)', () => {
    const f = forecast(products, prices, currencies)
    expect(f.totals).toEqual([
      { currency: 'CHF', cents: 210_000 },
      { currency: 'EUR', cents: 140_000 },
    ])
    // A summed total would be 350 000 somewhere.
    expect(JSON.stringify(f)).not.toContain('350000')
    expect(f.missingPrices).toEqual(['kdrive'])
    expect(f.rows.map((r) => [r.productId, r.renewalDate, r.currency, r.amountCents])).toEqual([
      [1, '2026-12-01', 'CHF', 150_000],
      [2, '2026-12-15', 'EUR', 140_000],
      [3, '2027-01-10', 'CHF', 60_000],
      [4, '2027-01-11', null, null],
    ])
    expect(f.perClient).toEqual([
      { orgId: 2, orgName: 'French client', totals: [{ currency: 'EUR', cents: 140_000 }] },
      { orgId: 1, orgName: 'Swiss client', totals: [{ currency: 'CHF', cents: 210_000 }] },
    ])
  })
  it('the partner gauge judges each currency alone against its own threshold', () => {
    // CHF 2100 + EUR 1400 = 3500 "units" would pass either threshold if summed; EUR alone does not.
    const g = gauge(products, prices, currencies)
    expect(g.entries).toEqual([
      { currency: 'CHF', yearlyCents: 210_000, thresholdCents: 200_000, reached: true },
      { currency: 'EUR', yearlyCents: 140_000, thresholdCents: 180_000, reached: false },
    ])
    const eurOnly = gauge(
      products.filter((p) => p.orgId === 2),
      prices,
      currencies,
    )
    expect(eurOnly.entries.find((e) => e.currency === 'EUR')?.reached).toBe(false)
    expect(eurOnly.entries.find((e) => e.currency === 'CHF')?.yearlyCents).toBe(0)
  })
})
