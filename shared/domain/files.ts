import { z } from 'zod'

/**
 * A file produced in main for the user to save. The renderer offers it as a download (browser
 * shell) or the Electron shell hands it to a save dialog. Content never contains a token.
 */
export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  byteLength: z.number().int().nonnegative(),
})
export type ExportedFile = z.infer<typeof ExportedFile>
