import { describe, expect, it } from 'vitest'
import {
  axisTicks,
  marginPercent,
  nextTwelveMonths,
  currentYear,
  fileToBase64,
  formatIsoDate,
  formatMoney,
  formatMonth,
  monthBars,
} from '../../../renderer/src/features/billing/billing-model'

describe('billing view model', () => {
  it('scales the monthly bars of each currency on its own (never against the other currency)', () => {
    const bars = monthBars([
      { month: '2026-01', currency: 'CHF', inclCents: 100_000 },
      { month: '2026-02', currency: 'CHF', inclCents: 50_000 },
      { month: '2026-01', currency: 'EUR', inclCents: 1_000 },
    ])
    expect(bars.get('CHF')?.map((b) => b.ratio)).toEqual([1, 0.5])
    // Alone in its currency, the small EUR month is a full bar.
    expect(bars.get('EUR')?.map((b) => [b.cents, b.ratio])).toEqual([[1_000, 1]])
  })
  it('formats money with the currency code, dates and months per language', () => {
    expect(formatMoney(378_350, 'CHF', 'en').replace(/\s/g, ' ')).toMatch(/^CHF 3['’]783\.50$/)
    expect(formatMoney(176_690, 'EUR', 'fr')).toBe("EUR 1'766.90")
    expect(formatMonth('2026-03', 'de')).toBe('März 26')
    expect(formatIsoDate('2026-03-05', 'fr')).toMatch(/5 mars 2026/)
    expect(formatIsoDate('2026-03-05', 'en')).toBe('5 Mar 2026')
    expect(formatMonth('2026-03', 'en')).toBe('Mar 26')
    expect(currentYear(new Date(2026, 5, 1))).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })
  it('looks twelve months ahead from today, not over the calendar year', () => {
    expect(nextTwelveMonths(new Date(2026, 11, 1))).toEqual({ from: '2026-12-01', to: '2027-11-30' })
    expect(nextTwelveMonths(new Date(2026, 1, 28))).toEqual({ from: '2026-02-28', to: '2027-02-27' })
  })
  it('draws round axis ticks from zero to at least the largest value', () => {
    expect(axisTicks(1_234_500)).toEqual([0, 500_000, 1_000_000, 1_500_000])
    expect(axisTicks(0)).toEqual([0, 50, 100])
    for (const max of [1, 99, 12_345, 987_654_321]) {
      const ticks = axisTicks(max)
      expect(ticks[0]).toBe(0)
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max)
      expect(ticks.length).toBeLessThanOrEqual(6)
    }
  })
  it('gives the margin as a share of the revenue it is computed on', () => {
    expect(marginPercent(2_500, 10_000, 'en')).toBe('25%')
    expect(marginPercent(100, 0, 'en')).toBeNull()
    // Every UI language formats its own way (it used to fall back to English outside French).
    expect(marginPercent(1_850, 10_000, 'es')).toBe('18,5\u00a0%')
    expect(marginPercent(1_850, 10_000, 'de')).toBe('18.5%')
  })
  it('reads a file as base64', async () => {
    const base64 = await fileToBase64(new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x41])]))
    expect(Buffer.from(base64, 'base64')).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))
  })
})
