import { z } from 'zod'
import { OffboardingRunSummary } from '../../domain/access'

/** Past offboarding runs (kept in user.sqlite), per person or per organization. */
export const offboardingRunsContract = {
  'offboarding:runs': {
    input: z.union([
      z.object({ email: z.string().trim().min(3).max(320) }).strict(),
      z.object({ accountId: z.string().min(1).max(100), orgId: z.number().int().nonnegative() }).strict(),
    ]),
    output: z.array(OffboardingRunSummary),
  },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
