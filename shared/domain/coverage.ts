import { z } from 'zod'

/**
 * Data coverage: for each dataset of an organisation, whether the cache holds all of it, part of it, or nothing
 * because the API does not offer it, needs a scope, failed, or was never synced. Screens show this where they
 * would otherwise show an empty list (product brief, feature 20).
 */
export const DATASETS = [
  'products',
  'product_rights',
  'teams',
  'team_memberships',
  'two_factor',
  'invitation_details',
] as const
export const Dataset = z.enum(DATASETS)
export type Dataset = z.infer<typeof Dataset>

export const CoverageState = z.enum(['complete', 'partial', 'not_offered', 'needs_scope', 'error', 'never_synced'])
export type CoverageState = z.infer<typeof CoverageState>

export const DatasetCoverage = z.object({
  dataset: Dataset,
  state: CoverageState,
  /** Items left out because they did not fit (state `partial`). */
  skipped: z.number().int(),
  /** The missing scope (state `needs_scope`). */
  scope: z.string().nullable(),
  /** How the data was obtained when the direct way is not offered, e.g. team memberships from each team's list. */
  via: z.enum(['direct', 'team_lists']).nullable(),
})
export type DatasetCoverage = z.infer<typeof DatasetCoverage>

export const OrgCoverage = z.object({
  accountId: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  datasets: z.array(DatasetCoverage),
})
export type OrgCoverage = z.infer<typeof OrgCoverage>

/** One kind of item left out of a sync: where and how it did not fit (never its values). */
export const SkippedSummary = z.object({
  resource: z.string(),
  orgId: z.number().int(),
  endpoint: z.string(),
  path: z.string(),
  expected: z.string(),
  seen: z.string(),
  count: z.number().int(),
})
export type SkippedSummary = z.infer<typeof SkippedSummary>

/** True when a screen must say something instead of (or above) its list. */
export function needsNotice(c: DatasetCoverage | undefined): boolean {
  return c !== undefined && c.state !== 'complete'
}
