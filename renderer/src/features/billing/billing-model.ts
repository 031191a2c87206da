import type { BillingOverview, Currency } from '../../../../shared/domain/billing'
import { formatDate, formatMoney as money, formatMonth as month2, formatNumber } from '../../../../shared/i18n/format'

/** `12345` cents → "CHF 123.45" in the UI language (see shared/i18n/format.ts). */
export function formatMoney(cents: number, currency: Currency, language: string): string {
  return money(cents, currency, language)
}

/** `2026-03-05` → a short date in the UI language (no time zone shift). */
export function formatIsoDate(iso: string, language: string): string {
  return formatDate(iso, language)
}

/** `2026-03` → "Mar 26" / "mars 26" / "März 26". */
export function formatMonth(month: string, language: string): string {
  return month2(month, language, '2-digit')
}

/** The current calendar year as an ISO period. */
export function currentYear(now = new Date()): { from: string; to: string } {
  const y = now.getFullYear()
  return { from: `${y}-01-01`, to: `${y}-12-31` }
}

const isoLocal = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

/** The next twelve months from today (local date): 1 Dec 2026 → 1 Dec 2026 .. 30 Nov 2027. */
export function nextTwelveMonths(now = new Date()): { from: string; to: string } {
  const end = new Date(now.getFullYear() + 1, now.getMonth(), now.getDate())
  end.setDate(end.getDate() - 1)
  return { from: isoLocal(now), to: isoLocal(end) }
}

/** A neutral colour per currency (never red/green, which would read as bad/good). */
export const CURRENCY_COLORS: Readonly<Record<Currency, string>> = {
  CHF: 'var(--mantine-color-indigo-6)',
  EUR: 'var(--mantine-color-cyan-7)',
}

/**
 * Round axis ticks from 0 to at least `max` (1, 2 or 5 × a power of ten per step), `count` steps at most.
 * Amounts are cents; ticks are cents too.
 */
export function axisTicks(maxCents: number, count = 4): number[] {
  const max = Math.max(maxCents, 100)
  const rough = max / count
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power
  const ticks: number[] = []
  for (let v = 0; v < max + step; v += step) {
    ticks.push(v)
    if (v >= max) break
  }
  return ticks
}

/** A short amount for chart labels: 1234567 cents → "12.3k" (no currency). */
export function shortAmount(cents: number, language: string): string {
  return formatNumber(cents / 100, language, { notation: 'compact', maximumFractionDigits: 1 })
}

/** Margin as a share of the revenue it is computed on, e.g. "18.5 %"; null without a base. */
export function marginPercent(marginCents: number, baseCents: number, language: string): string | null {
  if (baseCents === 0) return null
  return formatNumber(marginCents / baseCents, language, { style: 'percent', maximumFractionDigits: 1 })
}

export interface MonthBar {
  month: string
  cents: number
  /** 0..1 of the largest month of the same currency. */
  ratio: number
}

/** Monthly bars per currency: each currency is scaled on its own, never mixed with the other. */
export function monthBars(perMonth: BillingOverview['perMonth']): Map<Currency, MonthBar[]> {
  const out = new Map<Currency, MonthBar[]>()
  for (const m of perMonth) {
    const list = out.get(m.currency) ?? []
    list.push({ month: m.month, cents: m.inclCents, ratio: 0 })
    out.set(m.currency, list)
  }
  for (const list of out.values()) {
    const max = Math.max(1, ...list.map((b) => b.cents))
    for (const b of list) b.ratio = Math.max(0, b.cents) / max
  }
  return out
}

/** Reads a picked file as base64 (without the data: prefix). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}
