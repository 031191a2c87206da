import { z } from 'zod'

/**
 * The state of the app's background engine (the core host process). `restarting` after a crash,
 * `running` again once a new one is up (the sync resumes by itself), `failed` when it keeps
 * crashing and is no longer restarted.
 */
export const CoreStatus = z.object({
  state: z.enum(['starting', 'running', 'restarting', 'failed', 'stopped']),
  /** How many times it was restarted since the app started. */
  restarts: z.number().int().nonnegative(),
  at: z.number().int(),
  reason: z.enum(['crashed', 'start_failed']).nullable(),
})
export type CoreStatus = z.infer<typeof CoreStatus>

export const coreHostEvents = {
  /** The background engine crashed, was restarted, or gave up (the renderer shows a banner). */
  'app:core-status': CoreStatus,
} satisfies Record<string, z.ZodType>
