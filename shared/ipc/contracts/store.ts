import { z } from 'zod'
import { BackupInfo, RestoreResult, StoreStatus } from '../../domain/store'

const Empty = z.object({}).strict()
/** A backup file name as listed (never a path). */
const BackupId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+$/)

/** The data files: what happened at open, backups, read-only mode. */
export const storeContract = {
  /** Read-only or not, notices to show (typed), and where the data, backups and logs are. */
  'store:status': { input: Empty, output: StoreStatus },
  /** Hides a notice for the rest of this run (the read-only notice stays until the user acts). */
  'store:acknowledge': {
    input: z.object({ kind: z.enum(['cache_rebuilt', 'user_restored', 'split']) }).strict(),
    output: StoreStatus,
  },
  /** Leaves read-only mode keeping what could be recovered from the damaged file (then backs it up). */
  'store:keep-recovered': { input: Empty, output: StoreStatus },
  /** Backups of the user data, newest first. */
  'backups:list': { input: Empty, output: z.array(BackupInfo) },
  /** Takes a backup now. */
  'backups:create': { input: Empty, output: BackupInfo },
  /** Restores a backup (the current data is backed up first). */
  'backups:restore': { input: z.object({ id: BackupId }).strict(), output: RestoreResult },
  /** Opens the log folder in the file manager (the app only; elsewhere `opened` is false). */
  'logs:open-folder': { input: Empty, output: z.object({ opened: z.boolean() }) },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
