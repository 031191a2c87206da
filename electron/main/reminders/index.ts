import type Database from 'better-sqlite3'
import type { SyncStatus } from '../../../shared/domain/cache'
import type { EventBus } from '../ipc/dispatch'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import { SyncScheduler, type SchedulerEngine } from '../schedule/scheduler'
import { AccountsRepo } from '../store/repos/accounts-repo'
import { CalendarFeed, calendarFeedPath } from './calendar-feed'
import { systemTimeZone } from './local-time'
import { RemindersRepo } from './reminders-repo'
import { RemindersService } from './reminders-service'
import { RuleInputsRepo } from './rule-inputs'
import type { GaugeReading } from './rules'

/** Re-evaluate rules at least this often while the app runs: windows open as time passes. */
export const REEVALUATE_MS = 3_600_000

export interface RemindersDeps {
  /** Where reminder state lives (user data). */
  userDb: Database.Database
  /** Where the cached API data and access history are read. */
  cacheDb: Database.Database
  dataDir: string
  clock: Clock
  logger: Logger
  events: EventBus
  timeZone?: string | undefined
  engine: SchedulerEngine
  gauge(accountId: string): readonly GaugeReading[] | null
  /** The renewals ICS (a year ahead, 30 days back) in the user's language, and its number of events. */
  renewalsIcs(): { text: string; events: number }
}

/**
 * Builds the reminders service and the sync scheduler, and returns the hook the core calls on
 * every `sync:progress` (rules run after each sync; the scheduler decides again).
 */
export function createReminders(d: RemindersDeps) {
  const timeZone = d.timeZone ?? systemTimeZone()
  const repo = new RemindersRepo(d.userDb)
  const accounts = new AccountsRepo(d.userDb)
  const reminders = new RemindersService({
    repo,
    inputs: new RuleInputsRepo(d.cacheDb),
    clock: d.clock,
    logger: d.logger.child('reminders'),
    events: d.events,
    timeZone,
    account: (id) => {
      const a = accounts.get(id)
      return a ? { id: a.id, label: a.label, state: a.state, lastSyncAt: a.last_sync_at } : undefined
    },
    accountIds: () => accounts.list().map((a) => a.id),
    gauge: d.gauge,
    calendar: { feed: new CalendarFeed(calendarFeedPath(d.dataDir), () => d.clock.now()), build: d.renewalsIcs },
  })
  const scheduler = new SyncScheduler({
    clock: d.clock,
    logger: d.logger.child('schedule'),
    events: d.events,
    timeZone,
    engine: d.engine,
    accounts: () =>
      accounts.list().map((a) => ({
        id: a.id,
        label: a.label,
        state: a.state,
        isDemo: a.is_demo === 1,
        lastSyncAt: a.last_sync_at,
      })),
    schedules: {
      get: (id) => repo.schedule(id),
      set: (id, schedule) => repo.setSchedule(id, schedule, d.clock.now()),
    },
    pauseOnBattery: () => repo.prefs().pauseOnBattery,
    onTick: () => {
      reminders.evaluateStale(REEVALUATE_MS)
      reminders.deliverDue()
    },
    nextWakeAt: () => reminders.nextDueAt(),
  })
  return {
    reminders,
    scheduler,
    onSyncProgress(status: SyncStatus): void {
      reminders.onSyncProgress(status)
      if (status.state !== 'syncing') {
        // A sync ended (or went offline): the next scheduled run moved.
        d.events.emit('cache:changed', { scopes: ['schedule'] })
        scheduler.poke()
      }
    },
  }
}
