import { z } from 'zod'

/** An organization key, `<accountId>:<orgId>` (see renderer/src/features/orgs/org-key.ts). */
export const OrgKey = z
  .string()
  .max(200)
  .regex(/^.+:\d+$/)

/** The switcher's pinned organizations (in pin order) and recent ones (most recent first). */
export const OrgPrefs = z.object({ pins: z.array(OrgKey).max(500), recents: z.array(OrgKey).max(50) })
export type OrgPrefs = z.infer<typeof OrgPrefs>
