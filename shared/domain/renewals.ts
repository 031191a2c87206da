import { z } from 'zod'
import { Currency } from './billing'

/** Automatic renewal cannot be switched on less than this many days before expiry (Manager rule). */
export const AUTO_RENEW_CUTOFF_DAYS = 14

export const RenewalRow = z.object({
  accountId: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  productId: z.number().int(),
  customerName: z.string(),
  serviceName: z.string(),
  /** Unix seconds. */
  expiredAt: z.number().int(),
  /** Whole days from today (UTC) to the expiry date; negative when already expired. */
  daysLeft: z.number().int(),
  expired: z.boolean(),
  /** Inside the 14-day window: automatic renewal can no longer be switched on. */
  underCutoff: z.boolean(),
  /**
   * Whether the product renews by itself, when the API said so (kSuite `has_auto_renew`, or a recognisable
   * entry of the untyped `renew_preferences`); `unknown` otherwise (most products: the API has no such field).
   */
  autoRenew: z.enum(['auto', 'manual', 'unknown']),
  /**
   * The partner's yearly resale price from the price list, in the client's currency (a monthly price counts
   * 12 times); `cents` is null when the price list has no price for this service in that currency (never 0).
   */
  price: z.object({ currency: Currency, cents: z.number().int().nullable() }),
})
export type RenewalRow = z.infer<typeof RenewalRow>

export const RenewalsQuery = z
  .object({
    /** Horizon in days from today. */
    withinDays: z.number().int().min(1).max(730),
    /** Also list products that expired in the last N days. */
    includeExpiredDays: z.number().int().min(0).max(365).default(30),
    accountId: z.string().min(1).max(100).optional(),
  })
  .strict()
export type RenewalsQuery = z.input<typeof RenewalsQuery>

/** Identifies one renewal row (a product of an account): selections and exports of a selection. */
export const RenewalKey = z.object({ accountId: z.string().min(1).max(100), productId: z.number().int() }).strict()
export type RenewalKey = z.infer<typeof RenewalKey>

export type AutoRenew = RenewalRow['autoRenew']

const AUTO_KEY = /^(has_|is_)?auto(matic)?_?renew(al)?(_enabled)?$/i

function flag(v: unknown): boolean | null {
  if (v === true || v === 1 || v === 'true' || v === '1') return true
  if (v === false || v === 0 || v === 'false' || v === '0') return false
  return null
}

/**
 * The auto-renew state of an API product, liberal in what it reads: kSuite's `has_auto_renew` (spec), an
 * `auto_renew`-like boolean on the product, or one inside the untyped `renew_preferences` (an object, or an
 * array of objects / of strings such as `"auto_renew"`). Anything else is `null` (unknown), never "manual".
 */
export function autoRenewOf(product: Record<string, unknown>): boolean | null {
  for (const [k, v] of Object.entries(product)) {
    if (AUTO_KEY.test(k)) {
      const f = flag(v)
      if (f !== null) return f
    }
  }
  const prefs = product['renew_preferences']
  const items: unknown[] = Array.isArray(prefs) ? prefs : prefs && typeof prefs === 'object' ? [prefs] : []
  for (const item of items) {
    if (typeof item === 'string' && AUTO_KEY.test(item)) return true
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
        if (AUTO_KEY.test(k)) {
          const f = flag(v)
          if (f !== null) return f
        }
      }
    }
  }
  return null
}
