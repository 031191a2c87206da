import { z } from 'zod'

/**
 * An export once handed to the user. Files never travel through IPC: in the app the core wrote it
 * where the save dialog said (`savedPath`); in the browser shell it is offered once at a download
 * URL the renderer opens (`downloadUrl`). Content never contains a token.
 */
export const DeliveredFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  byteLength: z.number().int().nonnegative(),
  /** Where the core wrote the file (the app's save dialog; a temporary file in tests and the CLI). */
  savedPath: z.string().nullable(),
  /** A one-time URL on the browser shell that streams the file as a download. */
  downloadUrl: z.string().nullable(),
})
export type DeliveredFile = z.infer<typeof DeliveredFile>

/** A file the user chose for an import, known to the core by an opaque id (never by a path). */
export const FileRef = z.object({
  fileId: z.string(),
  fileName: z.string(),
  byteLength: z.number().int().nonnegative(),
})
export type FileRef = z.infer<typeof FileRef>

/** An opaque file id as accepted at the IPC boundary. */
export const FileId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/)
