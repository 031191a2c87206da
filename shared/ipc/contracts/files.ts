import { z } from 'zod'
import { FileRef } from '../../domain/files'

/** Files for imports: chosen in a dialog of the app's main process, read by the core from disk. */
export const filesContract = {
  /**
   * The app: shows the open dialog and answers a reference to the chosen file (null when the user
   * cancelled). The browser shell has no dialog: there the renderer uploads the file instead.
   */
  'files:choose-import': {
    input: z.object({ purpose: z.enum(['billing-import']) }).strict(),
    output: FileRef.nullable(),
  },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
