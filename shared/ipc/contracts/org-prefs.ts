import { z } from 'zod'
import { OrgPrefs } from '../../domain/org-prefs'

/** Pinned and recent organizations, kept in user.sqlite (they were in the renderer's localStorage). */
export const orgPrefsContract = {
  'prefs:orgs-get': { input: z.object({}).strict(), output: OrgPrefs },
  /** Replaces the lists given. */
  'prefs:orgs-set': { input: OrgPrefs.partial().strict(), output: OrgPrefs },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
