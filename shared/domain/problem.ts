import { z } from 'zod'
import { isProblemReason, type ProblemReason } from '../i18n/problems'

/**
 * Why something failed, as data: a reason (a key of `shared/i18n/problems.ts`) and the values for
 * its placeholders. This is what crosses IPC instead of a sentence; the renderer words it in the
 * chosen language. Params are names, numbers and codes, never sentences.
 */
export const Problem = z.object({
  reason: z.custom<ProblemReason>(isProblemReason, { message: 'unknown problem reason' }),
  params: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional(),
})
export type Problem = z.infer<typeof Problem>

/** Builds a problem; `params` only when given. */
export function problem(reason: ProblemReason, params?: Record<string, string | number>): Problem {
  return params === undefined ? { reason } : { reason, params }
}
