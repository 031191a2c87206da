import { z } from 'zod'

/** What kind of cached data changed (a sync job's resource, or what a service wrote). */
export const CacheResource = z.enum([
  'settings',
  'accounts',
  'orgs',
  'products',
  'users',
  'teams',
  'memberships',
  /** Access changes made by the app itself (offboarding, teams, invitations). */
  'access',
  /** A sync run of the account ended (fleet-wide read models refresh once, here). */
  'sync',
  'billing',
])
export type CacheResource = z.infer<typeof CacheResource>

/**
 * One precise change: which data of which account and organization. `accountId` null: every account
 * (settings); `orgId` null: account-wide (the organization list, the cross-organization product
 * listing, a removed account, the end of a run).
 */
export const CacheChange = z.object({
  resource: CacheResource,
  accountId: z.string().nullable(),
  orgId: z.number().int().nullable(),
})
export type CacheChange = z.infer<typeof CacheChange>
