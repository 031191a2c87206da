import { z } from 'zod'

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
