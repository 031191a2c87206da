/** Phase 8: monthly invoices over the last 18 months, from product orders and renewals. */
import type { Currency, Invoice, InvoiceLine, Language, Product } from '../model'
import { DAY, MONTH, YEAR, type GenContext, type OrgPlan } from './context'

/** Invoice line words for a renewal and an order, per organisation language. */
const RENEW_WORD: Record<Language, [string, string]> = {
  fr: ['Renouvellement', 'Commande'],
  de: ['Verlängerung', 'Bestellung'],
  it: ['Rinnovo', 'Ordine'],
  en: ['Renewal', 'Order'],
}

export interface InvoicesInput {
  plans: OrgPlan[]
  productsByOrg: Map<number, Product[]>
}

export function addInvoices(ctx: GenContext, { plans, productsByOrg }: InvoicesInput): Invoice[] {
  const { rng, ref, nextId } = ctx
  const invoices: Invoice[] = []
  const windowStart = ref - 18 * MONTH
  for (const plan of plans) {
    const { org } = plan
    const buckets = new Map<number, InvoiceLine[]>()
    const [renew, order] = RENEW_WORD[org.language]
    for (const p of productsByOrg.get(org.id) ?? []) {
      if (p.yearlyPriceCents === 0) continue
      const events: { at: number; kind: string }[] = []
      if (p.createdAt >= windowStart && p.createdAt <= ref) events.push({ at: p.createdAt, kind: order })
      if (p.expiredAt !== null) {
        for (let k = 1; k <= 2; k++) {
          const at = p.expiredAt - k * YEAR
          if (at >= windowStart && at <= ref && at > p.createdAt) events.push({ at: at - 30 * DAY, kind: renew })
        }
      }
      for (const e of events) {
        if (e.at < windowStart) continue
        const bucket = Math.floor((e.at - windowStart) / MONTH)
        let lines = buckets.get(bucket)
        if (!lines) buckets.set(bucket, (lines = []))
        lines.push({
          productId: p.id,
          serviceName: p.serviceName,
          description: `${e.kind} ${p.customerName}`,
          quantity: 1,
          unitPriceCents: p.yearlyPriceCents,
          amountExclVatCents: p.yearlyPriceCents,
          periodFrom: e.at + 30 * DAY,
          periodTo: e.at + 30 * DAY + YEAR,
        })
      }
    }
    for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
      const lines = buckets.get(bucket) as InvoiceLine[]
      const issuedAt = Math.min(ref - 3600, windowStart + bucket * MONTH + rng.int(0, 27 * DAY))
      const dueAt = issuedAt + 30 * DAY
      const currency: Currency = org.currency === 'CHF' && rng.chance(0.04) ? 'EUR' : org.currency
      const vatRateBp = currency === 'CHF' ? 810 : 0
      const excl = lines.reduce((s, l) => s + l.amountExclVatCents, 0)
      const vat = Math.round((excl * vatRateBp) / 10_000)
      const cancelled = rng.chance(0.02)
      const paid = !cancelled && (dueAt < ref ? rng.chance(0.95) : rng.chance(0.3))
      const id = nextId('invoice', 41)
      invoices.push({
        id,
        number: `FA-${new Date(issuedAt * 1000).getUTCFullYear()}-${String(id % 10_000_000).padStart(7, '0')}`,
        accountId: org.id,
        issuedAt,
        dueAt,
        paidAt: paid ? issuedAt + rng.int(DAY, 30 * DAY) : null,
        currency,
        vatRateBp,
        amountExclVatCents: excl,
        vatCents: vat,
        amountInclVatCents: excl + vat,
        status: cancelled ? 'cancelled' : paid ? 'paid' : 'unpaid',
        lines,
      })
    }
  }
  return invoices
}
