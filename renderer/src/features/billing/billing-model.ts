import type { BillingOverview, Currency } from '../../../../shared/domain/billing'
import { formatDate, formatMoney as money, formatMonth as month2 } from '../../../../shared/i18n/format'

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
