import { z } from 'zod'

/** Why a backup of the user data was taken. */
export const BackupReason = z.enum(['daily', 'migration', 'manual', 'restore'])
export type BackupReason = z.infer<typeof BackupReason>

/** One backup of `user.sqlite` (the id is its file name in the backups folder). */
export const BackupInfo = z.object({
  id: z.string(),
  /** When it was taken (ms). */
  at: z.number().int(),
  size: z.number().int().nonnegative(),
  reason: BackupReason,
})
export type BackupInfo = z.infer<typeof BackupInfo>

/**
 * Something the user must be told about the data files, as a typed code with parameters (the
 * renderer writes the sentence). Paths are local and never contain a secret.
 */
export const StoreNotice = z.discriminatedUnion('kind', [
  /** The cache could not be used: set aside, an empty one created, the next sync refills it. */
  z.object({
    kind: z.literal('cache_rebuilt'),
    reason: z.enum(['corrupt', 'newer_version']),
    movedTo: z.string(),
  }),
  /** The user data was damaged and restored from a backup; the damaged file is kept. */
  z.object({
    kind: z.literal('user_restored'),
    at: z.number().int(),
    backupId: z.string(),
    backupAt: z.number().int(),
    damagedKeptAs: z.string(),
  }),
  /** The user data was damaged and no backup exists: what could be read is shown read-only. */
  z.object({
    kind: z.literal('user_read_only'),
    at: z.number().int(),
    damagedKeptAs: z.string(),
    copiedRows: z.number().int().nonnegative(),
    /** Tables in which some rows could not be read. */
    damagedTables: z.array(z.string()),
  }),
  /** The single data file of an earlier version was split into the user data and the cache. */
  z.object({
    kind: z.literal('split'),
    keptAs: z.string(),
    damaged: z.boolean(),
    skippedRows: z.number().int().nonnegative(),
  }),
])
export type StoreNotice = z.infer<typeof StoreNotice>
export type StoreNoticeKind = StoreNotice['kind']

export const StoreStatus = z.object({
  /** True while the user data is read-only (damaged, no backup): nothing can be changed or synced. */
  readOnly: z.boolean(),
  /** Notices not yet acknowledged, most important first. */
  notices: z.array(StoreNotice),
  dataDir: z.string(),
  backupDir: z.string(),
  logDir: z.string(),
})
export type StoreStatus = z.infer<typeof StoreStatus>

export const RestoreResult = z.object({
  restored: BackupInfo,
  /** The copy of the data as it was just before the restore (so a restore can be undone). */
  safetyBackup: BackupInfo.nullable(),
})
export type RestoreResult = z.infer<typeof RestoreResult>
