import type { BackupInfo, RestoreResult, StoreNotice, StoreNoticeKind, StoreStatus } from '../../../shared/domain/store'
import type { EventBus } from '../ipc/dispatch'
import { AppError } from '../lib/app-error'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import type { BackupFile } from '../store/backups'
import { purgeOrphanCache } from '../store/repos/cache-purge'
import { BackupNewerError, restoreInto } from '../store/restore'
import type { Stores } from '../store/stores'

const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface StoreServiceDeps {
  stores: Stores
  dataDir: string
  logDir: string
  clock: Clock
  logger: Logger
  events: EventBus
  nativeBinding?: string | undefined
  /** Ids of the accounts in the user store. */
  accountIds(): string[]
  /** Stops every sync and waits until none runs (nothing may write during a restore). */
  quiesce(): Promise<void>
  /** After a restore: accounts that are gone (tokens removed), accounts that came back (tokens checked). */
  reconcileAccounts(gone: readonly string[]): Promise<void>
  /** Opens a folder in the file manager (the app's host); absent: nothing is opened. */
  openFolder?: ((path: string) => Promise<boolean>) | undefined
}

function info(b: BackupFile): BackupInfo {
  return { id: b.id, at: b.at, size: b.size, reason: b.reason }
}

/**
 * The data files as the user sees them: what happened at open (typed notices), backups (list,
 * create, restore, one a day while the app runs), and the way out of read-only mode.
 */
export class StoreService {
  private readonly acknowledged = new Set<StoreNoticeKind>()
  private readonly stop = new AbortController()
  private busy: Promise<unknown> = Promise.resolve()

  constructor(private readonly d: StoreServiceDeps) {}

  /** Whether writes are refused (a damaged user store without backup, until the user decides). */
  get readOnly(): boolean {
    return this.d.stores.readOnly()
  }

  /** Throws the typed READ_ONLY error when the user data cannot be changed. */
  assertWritable(): void {
    if (this.readOnly) throw new AppError('READ_ONLY', 'store.readOnlyUntilRestore')
  }

  private notices(): StoreNotice[] {
    const s = this.d.stores.status
    const out: StoreNotice[] = []
    if (s.user.state === 'read_only' && this.readOnly) {
      out.push({
        kind: 'user_read_only',
        at: s.user.at,
        damagedKeptAs: s.user.damagedKeptAs,
        copiedRows: s.user.tables.reduce((n, t) => n + t.copied, 0),
        damagedTables: s.user.tables.filter((t) => t.error !== undefined || t.skipped > 0).map((t) => t.table),
      })
    }
    if (s.user.state === 'restored')
      out.push({
        kind: 'user_restored',
        at: s.user.at,
        backupId: s.user.backupId,
        backupAt: s.user.backupAt,
        damagedKeptAs: s.user.damagedKeptAs,
      })
    if (s.cache.state === 'rebuilt')
      out.push({ kind: 'cache_rebuilt', reason: s.cache.reason, movedTo: s.cache.movedTo })
    if (s.split)
      out.push({
        kind: 'split',
        keptAs: s.split.keptAs,
        damaged: s.split.damaged,
        skippedRows: s.split.tables.reduce((n, t) => n + t.skipped, 0),
      })
    // The read-only notice stays until the user acts; the others until acknowledged.
    return out.filter((n) => n.kind === 'user_read_only' || !this.acknowledged.has(n.kind))
  }

  status(): StoreStatus {
    return {
      readOnly: this.readOnly,
      notices: this.notices(),
      dataDir: this.d.dataDir,
      backupDir: this.d.stores.backups.dir,
      logDir: this.d.logDir,
    }
  }

  /** Shows the log folder in the file manager, where the host can (false elsewhere). */
  async openLogFolder(): Promise<boolean> {
    return this.d.openFolder ? this.d.openFolder(this.d.logDir) : false
  }

  acknowledge(kind: StoreNoticeKind): StoreStatus {
    this.acknowledged.add(kind)
    this.d.events.emit('cache:changed', { scopes: ['store'] })
    return this.status()
  }

  listBackups(): BackupInfo[] {
    return this.d.stores.backups.list().map(info)
  }

  /** One operation at a time (a backup during a restore would copy a half-restored store). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.busy.then(fn, fn)
    this.busy = next.catch(() => undefined)
    return next
  }

  createBackup(reason: 'manual' | 'daily' = 'manual'): Promise<BackupInfo> {
    return this.serial(async () => {
      const b = await this.d.stores.backups.create(this.d.stores.db, reason)
      this.d.events.emit('cache:changed', { scopes: ['store'] })
      return info(b)
    })
  }

  /**
   * Restores a backup into the running app: syncs stop, the current data is backed up first
   * (`restore`), the backup replaces the user data in one transaction, cached rows of accounts that
   * are no longer there are purged and their tokens removed. Leaves read-only mode.
   */
  restore(id: string): Promise<RestoreResult> {
    return this.serial(async () => {
      const backup = this.d.stores.backups.get(id)
      if (!backup) throw new AppError('NOT_FOUND', 'store.backupNotFound', { details: { backupId: id } })
      await this.d.quiesce()
      const before = new Set(this.d.accountIds())
      // A read-only store holds only what could be read: it is kept as a backup too.
      const safety = await this.d.stores.backups.create(this.d.stores.db, 'restore').catch((error: unknown) => {
        this.d.logger.warn('no safety backup before the restore', { error })
        return null
      })
      const wasReadOnly = this.readOnly
      try {
        restoreInto(this.d.stores.db, backup.file, {
          workDir: this.d.stores.backups.dir,
          logger: this.d.logger,
          nativeBinding: this.d.nativeBinding,
        })
      } catch (error) {
        if (error instanceof BackupNewerError)
          throw new AppError('CONFLICT', 'store.backupTooNew', {
            details: { reason: 'backup_newer' },
          })
        throw error
      }
      if (wasReadOnly) this.d.stores.keepRecovered()
      purgeOrphanCache(this.d.stores.db)
      const after = new Set(this.d.accountIds())
      await this.d.reconcileAccounts([...before].filter((a) => !after.has(a)))
      this.d.logger.warn('user data restored from a backup', { backup: backup.id, safety: safety?.id ?? null })
      this.d.events.emit('cache:changed', {
        scopes: ['store', 'settings', 'accounts', 'orgs', 'products', 'users', 'teams', 'sync', 'billing'],
      })
      return { restored: info(backup), safetyBackup: safety ? info(safety) : null }
    })
  }

  /** Leaves read-only mode keeping what was recovered from the damaged file (then backs it up). */
  async keepRecovered(): Promise<StoreStatus> {
    if (this.readOnly) {
      this.d.stores.keepRecovered()
      await this.createBackup('manual')
    }
    this.d.events.emit('cache:changed', { scopes: ['store', 'accounts', 'settings'] })
    return this.status()
  }

  /** True when the newest daily backup is a day old (or there is none). */
  dailyDue(): boolean {
    const last = this.d.stores.backups.lastDailyAt()
    return last === undefined || this.d.clock.now() - last >= DAY
  }

  /**
   * Takes a daily backup when one is due, at start and then every hour while the app runs (not
   * while read-only: the damaged file and what was recovered are kept already).
   */
  startDailyBackups(checkEveryMs = HOUR): void {
    const tick = async (): Promise<void> => {
      if (!this.readOnly && this.dailyDue()) {
        await this.createBackup('daily').catch((error: unknown) =>
          this.d.logger.error('daily backup failed', { error }),
        )
      }
    }
    void (async () => {
      try {
        for (;;) {
          await tick()
          await this.d.clock.sleep(checkEveryMs, this.stop.signal)
        }
      } catch {
        // Stopped.
      }
    })()
  }

  /** Stops the daily backups and waits for a backup in progress. */
  async close(): Promise<void> {
    this.stop.abort()
    await this.busy
  }
}
