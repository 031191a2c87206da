import { z } from 'zod'
import { Problem } from './problem'
import { SkippedSummary } from './coverage'

/**
 * Role of the token owner in an organization: the raw `type` of `/1/accounts`, kept as the API sent it (unknown
 * values included). `shared/domain/roles.ts` gives its label and the actions it allows.
 */
export const OrgRole = z.string().max(100)
export type OrgRole = z.infer<typeof OrgRole>

export const AccountState = z.enum(['ok', 'token_rejected', 'offline', 'signed_out'])
export type AccountState = z.infer<typeof AccountState>

/** A probed scope; what it unlocks is worded by the renderer (`scopes.unlocks.<scope>`). */
export const ScopeStatus = z.object({
  scope: z.string(),
  granted: z.union([z.boolean(), z.literal('unknown')]),
})
export type ScopeStatus = z.infer<typeof ScopeStatus>

/** A Switchboard account: one Infomaniak login (token owner). Never carries the token. */
export const AccountSummary = z.object({
  id: z.string(),
  label: z.string(),
  baseUrl: z.string(),
  userId: z.number().int().nullable(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  state: AccountState,
  isDemo: z.boolean(),
  tokenSource: z.enum(['keychain', 'environment']),
  scopes: z.array(ScopeStatus),
  createdAt: z.number().int(),
  lastSyncAt: z.number().int().nullable(),
  /** Why the account last failed (worded by the renderer). */
  lastError: Problem.nullable(),
  orgCount: z.number().int(),
})
export type AccountSummary = z.infer<typeof AccountSummary>

export const OrgSummary = z.object({
  accountId: z.string(),
  id: z.number().int(),
  name: z.string(),
  role: OrgRole,
  legalEntityType: z.string().nullable(),
  isPartnerClient: z.boolean(),
  productCount: z.number().int(),
  userCount: z.number().int(),
  syncedAt: z.number().int().nullable(),
  /** A products listing covering this organisation completed (else its products are still arriving). */
  productsComplete: z.boolean().optional(),
  /** When its products were last listed completely, or null. */
  productsAsOf: z.number().int().nullable().optional(),
})
export type OrgSummary = z.infer<typeof OrgSummary>

export const Rights = z.object({
  technical: z.boolean(),
  statistic: z.boolean(),
  check: z.boolean(),
  sale: z.boolean(),
})
export type Rights = z.infer<typeof Rights>

export const ProductRow = z.object({
  accountId: z.string(),
  id: z.number().int(),
  orgId: z.number().int(),
  serviceName: z.string(),
  customerName: z.string(),
  internalName: z.string().nullable(),
  fqdn: z.string().nullable(),
  createdAt: z.number().int().nullable(),
  expiredAt: z.number().int().nullable(),
  isTrial: z.boolean(),
  isLocked: z.boolean(),
  hasMaintenance: z.boolean(),
  hasOperationInProgress: z.boolean(),
  tags: z.array(z.object({ id: z.number().int(), name: z.string() })),
})
export type ProductRow = z.infer<typeof ProductRow>

export const OrgUserRow = z.object({
  accountId: z.string(),
  orgId: z.number().int(),
  memberKey: z.string(),
  userId: z.number().int().nullable(),
  invitationId: z.number().int().nullable(),
  email: z.string(),
  displayName: z.string(),
  roleType: z.string(),
  state: z.string(),
  hasBillingAccess: z.boolean(),
  has2fa: z.boolean().nullable(),
  lastLoginAt: z.number().int().nullable(),
  teamIds: z.array(z.number().int()),
})
export type OrgUserRow = z.infer<typeof OrgUserRow>

export const SyncJobInfo = z.object({
  resource: z.string(),
  orgId: z.number().int(),
  orgName: z.string().nullable(),
})

export const ResourceIssue = z.object({
  resource: z.string(),
  orgId: z.number().int(),
  status: z.enum(['error', 'needs_scope', 'unavailable']),
  scope: z.string().nullable(),
  /** Why the resource failed (worded by the renderer). */
  problem: Problem.nullable(),
})
export type ResourceIssue = z.infer<typeof ResourceIssue>

/** The sync picture of one account, for the header indicator and the sync panel. */
/** Products of an account: whether a complete listing exists, and how far the running one got. */
export const ProductsProgress = z.object({
  /** A cross-organisation products listing completed at least once (else the products are partial). */
  complete: z.boolean(),
  /** The listing in progress (committed pages and the pages announced), or null. */
  listing: z.object({ pagesDone: z.number().int(), pages: z.number().int().nullable() }).nullable(),
  /** Organisations of the account. */
  orgs: z.number().int(),
  /** Organisations whose products have arrived (complete, or at least one cached so far). */
  orgsWithProducts: z.number().int(),
})
export type ProductsProgress = z.infer<typeof ProductsProgress>

/**
 * The last run that ended: a full sync or one organisation's refresh, and whether it completed everything. Kept
 * in the cache store (`sync_runs`), so it is known after a restart.
 */
export const SyncRunSummary = z.object({
  kind: z.enum(['full', 'org']),
  orgId: z.number().int().nullable(),
  startedAt: z.number().int(),
  finishedAt: z.number().int(),
  /** `done`: every job was tried; `failed`: it stopped (token, offline); `cancelled`: the user or a quit stopped it. */
  outcome: z.enum(['done', 'failed', 'cancelled']),
  /** Every job of the run completed (for `full`, this is what sets `lastSyncAt`). */
  complete: z.boolean(),
  requests: z.number().int(),
  /** Jobs that failed (the previous data of those parts is kept). */
  jobErrors: z.number().int(),
  /** Items left out of the cache when the run ended. */
  skippedCount: z.number().int(),
  /** Why the run stopped or what failed (worded by the renderer). */
  problem: Problem.nullable(),
})
export type SyncRunSummary = z.infer<typeof SyncRunSummary>

export const SyncStatus = z.object({
  accountId: z.string(),
  /** `token_missing`: the token's source (keychain entry or environment variable) is gone; not a rejection. */
  state: z.enum(['idle', 'syncing', 'offline', 'token_rejected', 'token_missing', 'waiting']),
  planned: z.number().int(),
  done: z.number().int(),
  requests: z.number().int(),
  etaMs: z.number().int().nullable(),
  current: SyncJobInfo.nullable(),
  startedAt: z.number().int().nullable(),
  lastSyncAt: z.number().int().nullable(),
  /** Why the last sync failed (worded by the renderer). */
  lastError: Problem.nullable(),
  offlineSince: z.number().int().nullable(),
  nextAttemptAt: z.number().int().nullable(),
  issues: z.array(ResourceIssue),
  /** Items left out of the cache because they did not fit (at most 50 kinds; see `skippedCount`). */
  skipped: z.array(SkippedSummary),
  skippedCount: z.number().int(),
  /** Products progress (issue 18): partial until a complete listing; organisations whose products arrived. */
  products: ProductsProgress.optional(),
  /** The last run that ended, in this process or an earlier one (an organisation refresh is not a complete sync). */
  lastRun: SyncRunSummary.nullable().optional(),
})
export type SyncStatus = z.infer<typeof SyncStatus>

/** One full-text search hit; `ref` is the product id, the member key or the organization id. */
export const SearchHit = z.object({
  kind: z.enum(['org', 'product', 'person']),
  accountId: z.string(),
  orgId: z.number().int(),
  ref: z.string(),
  title: z.string(),
  subtitle: z.string(),
})
export type SearchHit = z.infer<typeof SearchHit>
