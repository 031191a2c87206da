import type { SyncStatus } from '../../../shared/domain/cache'
import type {
  HostSignal,
  PauseReason,
  ScheduleOverview,
  ScheduleStatus,
  SyncSchedule,
} from '../../../shared/domain/reminders'
import type { EventBus } from '../ipc/dispatch'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import { nextLocalTime } from '../reminders/local-time'

const HOUR = 3_600_000

export const DEFAULT_SCHEDULE: SyncSchedule = { mode: 'every6h', dailyAt: '07:00' }
/** The demo workspace syncs only on request: its data never changes by itself. */
export const DEMO_SCHEDULE: SyncSchedule = { mode: 'off', dailyAt: '07:00' }

export interface ScheduledAccount {
  id: string
  label: string
  /** `ok`, `token_rejected`, `offline`, `signed_out`. */
  state: string
  isDemo: boolean
  /** Last complete sync (ms), null when never. */
  lastSyncAt: number | null
}

/** The part of the sync engine the scheduler uses: its public API only. */
export interface SchedulerEngine {
  start(accountId: string): void
  status(accountId?: string): SyncStatus[]
}

export interface SchedulerOptions {
  clock: Clock
  logger: Logger
  events: EventBus
  timeZone: string
  engine: SchedulerEngine
  accounts(): ScheduledAccount[]
  schedules: {
    get(accountId: string): SyncSchedule | null
    set(accountId: string, schedule: SyncSchedule): void
  }
  /** Whether scheduled syncs pause on battery power (a user preference). */
  pauseOnBattery(): boolean
  /** Work to do on every tick (reminders: hourly re-evaluation, digests and held-back alerts). */
  onTick?: () => void
  /** The next moment `onTick` has something to do (e.g. a digest), so that the loop wakes for it. */
  nextWakeAt?: () => number | null
  /** Longest sleep between ticks. */
  tickMs?: number
  /** Scheduled syncs running at once (each account has its own token and rate limit). */
  maxConcurrent?: number
  /** After a scheduled sync that did not complete, the next attempt waits this long. */
  retryMs?: number
}

/** When a schedule wants the next sync, from the last complete one (null: never synced). */
export function nextScheduledRun(
  schedule: SyncSchedule,
  lastSyncAt: number | null,
  now: number,
  timeZone: string,
): number | null {
  switch (schedule.mode) {
    case 'off':
      return null
    case 'hourly':
      return lastSyncAt === null ? now : lastSyncAt + HOUR
    case 'every6h':
      return lastSyncAt === null ? now : lastSyncAt + 6 * HOUR
    case 'daily':
      return lastSyncAt === null ? now : nextLocalTime(lastSyncAt, schedule.dailyAt, timeZone)
  }
}

/**
 * Runs `sync:start` per account on its schedule (off, hourly, every 6 h, daily at a time), stalest
 * first within a concurrency budget; pauses while the account is offline (the engine retries by
 * itself), its token is rejected, the computer sleeps or runs on battery; catches up after a
 * resume. Plain Node with an injected clock: hosts (Electron shell, browser shell, `sync --watch`)
 * call `start()`.
 */
export class SyncScheduler {
  private running = false
  private wake: AbortController | null = null
  private loop: Promise<void> | null = null
  private power = { onBattery: false, suspended: false }
  private readonly lastAttempt = new Map<string, number>()
  private only: ReadonlySet<string> | null = null

  constructor(private readonly o: SchedulerOptions) {}

  /** Schedules only these accounts (`sync --watch --account A`); null: every account. */
  restrictTo(accountIds: readonly string[] | null): void {
    this.only = accountIds === null ? null : new Set(accountIds)
    this.poke()
  }

  private accounts(): ScheduledAccount[] {
    const all = this.o.accounts()
    return this.only === null ? all : all.filter((a) => this.only!.has(a.id))
  }

  private get tickMs(): number {
    return this.o.tickMs ?? 60_000
  }

  schedule(account: ScheduledAccount): { schedule: SyncSchedule; isDefault: boolean } {
    const stored = this.o.schedules.get(account.id)
    if (stored) return { schedule: stored, isDefault: false }
    return { schedule: account.isDemo ? DEMO_SCHEDULE : DEFAULT_SCHEDULE, isDefault: true }
  }

  private nextRunAt(account: ScheduledAccount, schedule: SyncSchedule, now: number): number | null {
    const next = nextScheduledRun(schedule, account.lastSyncAt, now, this.o.timeZone)
    if (next === null) return null
    const attempt = this.lastAttempt.get(account.id)
    // A scheduled attempt that did not end in a complete sync is retried after a pause, not at once.
    if (attempt !== undefined && attempt >= (account.lastSyncAt ?? 0))
      return Math.max(next, attempt + (this.o.retryMs ?? 15 * 60_000))
    return next
  }

  private pauseReason(account: ScheduledAccount, status: SyncStatus | undefined): PauseReason | null {
    if (account.state === 'signed_out') return 'signed_out'
    if (account.state === 'token_rejected' || status?.state === 'token_rejected') return 'token_rejected'
    if (status?.state === 'token_missing') return 'token_missing'
    if (status?.state === 'syncing' || status?.state === 'waiting') return 'syncing'
    if (account.state === 'offline' || status?.state === 'offline') return 'offline'
    if (this.power.suspended) return 'suspended'
    if (this.power.onBattery && this.o.pauseOnBattery()) return 'battery'
    return null
  }

  private statuses(): Map<string, SyncStatus> {
    return new Map(this.o.engine.status().map((s) => [s.accountId, s]))
  }

  /** Every account's schedule, next run and what holds it back. */
  overview(): ScheduleOverview {
    const now = this.o.clock.now()
    const statuses = this.statuses()
    const dueOrder = this.dueAccounts(now, statuses)
    const budget = this.budget(statuses)
    const overBudget = new Set(dueOrder.slice(budget).map((a) => a.id))
    const accounts: ScheduleStatus[] = this.accounts().map((a) => {
      const { schedule, isDefault } = this.schedule(a)
      const nextRunAt = this.nextRunAt(a, schedule, now)
      const paused =
        schedule.mode === 'off'
          ? 'off'
          : (this.pauseReason(a, statuses.get(a.id)) ??
            (!this.running ? 'not_running' : overBudget.has(a.id) ? 'budget' : null))
      return {
        accountId: a.id,
        label: a.label,
        schedule,
        isDefault,
        lastSyncAt: statuses.get(a.id)?.lastSyncAt ?? a.lastSyncAt,
        nextRunAt,
        pausedBy: paused,
      }
    })
    return { running: this.running, power: { ...this.power }, accounts }
  }

  private budget(statuses: Map<string, SyncStatus>): number {
    const busy = [...statuses.values()].filter((s) => s.state === 'syncing' || s.state === 'waiting').length
    return Math.max(0, (this.o.maxConcurrent ?? 1) - busy)
  }

  /** Accounts whose scheduled sync is due and not held back, stalest first. */
  private dueAccounts(now: number, statuses: Map<string, SyncStatus>): ScheduledAccount[] {
    return this.accounts()
      .filter((a) => {
        const next = this.nextRunAt(a, this.schedule(a).schedule, now)
        return next !== null && next <= now && this.pauseReason(a, statuses.get(a.id)) === null
      })
      .sort((a, b) => (a.lastSyncAt ?? -1) - (b.lastSyncAt ?? -1) || a.id.localeCompare(b.id))
  }

  /** One decision round: starts the due syncs the budget allows. Returns the accounts started. */
  tick(): string[] {
    const now = this.o.clock.now()
    const statuses = this.statuses()
    const started: string[] = []
    for (const account of this.dueAccounts(now, statuses).slice(0, this.budget(statuses))) {
      this.lastAttempt.set(account.id, now)
      this.o.logger.info('scheduled sync', { accountId: account.id })
      this.o.engine.start(account.id)
      started.push(account.id)
    }
    try {
      this.o.onTick?.()
    } catch (error) {
      this.o.logger.error('scheduler tick work failed', { error })
    }
    if (started.length > 0) this.o.events.emit('cache:changed', { scopes: ['schedule'] })
    return started
  }

  /** Milliseconds until the next thing to do (a sync due, a digest), at most the tick interval. */
  private sleepMs(now: number): number {
    const candidates = [now + this.tickMs]
    const statuses = this.statuses()
    for (const a of this.accounts()) {
      const next = this.nextRunAt(a, this.schedule(a).schedule, now)
      if (next !== null && next > now && this.pauseReason(a, statuses.get(a.id)) === null) candidates.push(next)
    }
    const wake = this.o.nextWakeAt?.()
    if (wake != null && wake > now) candidates.push(wake)
    return Math.max(1_000, Math.min(...candidates) - now)
  }

  /** Starts the loop (idempotent). */
  start(): void {
    if (this.running) return
    this.running = true
    this.loop = this.run()
  }

  /** Stops the loop; resolves when it has ended. */
  async stop(): Promise<void> {
    this.running = false
    this.wake?.abort()
    await this.loop
    this.loop = null
  }

  get isRunning(): boolean {
    return this.running
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.tick()
      if (!this.running) break
      this.wake = new AbortController()
      try {
        await this.o.clock.sleep(this.sleepMs(this.o.clock.now()), this.wake.signal)
      } catch {
        // Woken early (a schedule changed, a resume, a sync ended): decide again now.
      }
      this.wake = null
    }
  }

  /** Makes the loop decide again now. */
  poke(): void {
    this.wake?.abort()
  }

  /** Host signals: battery, sleep and wake. A resume catches up at once, stalest first. */
  signal(s: HostSignal): void {
    if (s.kind === 'power') this.power.onBattery = s.onBattery
    else if (s.kind === 'suspend') this.power.suspended = true
    else this.power.suspended = false
    this.o.logger.info('host signal', { signal: s })
    this.o.events.emit('cache:changed', { scopes: ['schedule'] })
    this.poke()
  }

  setSchedule(accountId: string, schedule: SyncSchedule): void {
    this.o.schedules.set(accountId, schedule)
    this.lastAttempt.delete(accountId)
    this.o.events.emit('cache:changed', { scopes: ['schedule'] })
    this.poke()
  }
}
