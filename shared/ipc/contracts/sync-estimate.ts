import { z } from 'zod'

/** What a full sync would cost for one account: requests from the plan and the time at the account's pace. */
export const SyncEstimateAccount = z.object({
  accountId: z.string(),
  requests: z.number().int().nonnegative(),
  etaMs: z.number().int().nonnegative(),
})

/** Accounts sync side by side (one rate limit each): the whole takes as long as the longest. */
export const SyncEstimate = z.object({
  requests: z.number().int().nonnegative(),
  etaMs: z.number().int().nonnegative(),
  accounts: z.array(SyncEstimateAccount),
})
export type SyncEstimate = z.infer<typeof SyncEstimate>

/** "Sync everything now" asks first when a full re-read of a large fleet would take long. */
export const syncEstimateContract = {
  'sync:estimate': {
    input: z.object({ accountId: z.string().min(1).max(100).optional() }).strict(),
    output: SyncEstimate,
  },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
