import { z } from 'zod'

const Count = z.number().int().nonnegative()

/** What removing an account deletes from the cache (a sync could fetch it again). */
export const CachedCounts = z.object({ orgs: Count, products: Count, people: Count })

/** An account's own data in the user store: kept unless the user explicitly deletes it. */
export const KeptCounts = z.object({
  invoices: Count,
  prices: Count,
  historyEntries: Count,
  auditEntries: Count,
  offboardingRuns: Count,
})
export type KeptCounts = z.infer<typeof KeptCounts>

export const AccountRemovalPreview = z.object({
  accountId: z.string(),
  /** Where the token is: it always leaves the keychain; an environment variable is only forgotten. */
  tokenSource: z.enum(['keychain', 'environment']),
  cached: CachedCounts,
  kept: KeptCounts,
})
export type AccountRemovalPreview = z.infer<typeof AccountRemovalPreview>

/** An account removed with its data kept (adding the same login again brings it back). */
export const RemovedAccount = z.object({
  id: z.string(),
  label: z.string(),
  email: z.string().nullable(),
  removedAt: z.number().int(),
  kept: KeptCounts,
})
export type RemovedAccount = z.infer<typeof RemovedAccount>
