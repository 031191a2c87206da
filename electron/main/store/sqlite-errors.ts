import type { ProblemReason } from '../../../shared/i18n/problems'
/** Typed causes of a failed SQLite statement that the user can act on. */
export type StoreErrorCode = 'DISK_FULL' | 'READ_ONLY' | 'STORE_CORRUPT'

/**
 * Classifies an error thrown by better-sqlite3 by its extended result code. A failed statement
 * rolls its transaction back, so in every case nothing already stored is lost.
 */
export function storeErrorCode(error: unknown): StoreErrorCode | undefined {
  if (!(error instanceof Error)) return undefined
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined
  if (code === 'SQLITE_FULL' || (code === 'SQLITE_IOERR_WRITE' && /no space|ENOSPC/i.test(error.message)))
    return 'DISK_FULL'
  if (code.startsWith('SQLITE_READONLY')) return 'READ_ONLY'
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'STORE_CORRUPT'
  return undefined
}

/** English for logs and the CLI; the renderer words each code itself. */
export const STORE_ERROR_MESSAGES: Record<StoreErrorCode, string> = {
  DISK_FULL: 'The disk is full: nothing was saved, and what was saved before is intact. Free some space and try again.',
  READ_ONLY: 'Switchboard cannot write its data files (read-only disk, file or data). Nothing was changed.',
  STORE_CORRUPT: 'A data file is damaged. Restart Switchboard: it checks the files and repairs them from a backup.',
}

/** The reason sent to the renderer, which words it in the user's language. */
export const STORE_ERROR_REASONS: Record<StoreErrorCode, ProblemReason> = {
  DISK_FULL: 'store.diskFull',
  READ_ONLY: 'store.readOnly',
  STORE_CORRUPT: 'store.corrupt',
}
