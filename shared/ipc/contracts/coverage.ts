import { z } from 'zod'
import { OrgCoverage } from '../../domain/coverage'
import { DeliveredFile } from '../../domain/files'

const AccountId = z.string().min(1).max(100)
const OrgId = z.number().int().nonnegative()

/** Data coverage and API diagnostics. */
export const coverageContract = {
  /** Per organisation and dataset: complete, partial (N skipped), not offered, needs a scope, never synced. */
  'coverage:list': {
    input: z.object({ accountId: AccountId.optional(), orgId: OrgId.optional() }).strict(),
    output: z.array(OrgCoverage),
  },
  /** The API shape report (JSON; no values, names, e-mails, ids or tokens). */
  'diagnostics:export': {
    input: z.object({ accountId: AccountId.optional() }).strict(),
    output: DeliveredFile,
  },
} as const
