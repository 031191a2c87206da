/**
 * `sync --watch`: the app's scheduler in the foreground. Syncs each account on its schedule (stalest
 * first, paused offline), evaluates the reminder rules after each sync and prints what they announce:
 * lines for people, or one JSON object per line with `--json` (a stream, not one document).
 */
import type { SyncStatus } from '../../../shared/domain/cache'
import type { RemindersAnnounced, ScheduleStatus, SyncSchedule } from '../../../shared/domain/reminders'
import { UsageError } from '../args'
import { problemText } from '../../../shared/i18n/problems'
import { EXIT_OK, safe, type Context, type Result } from '../context'
import { dateTimeFromMs, plural } from '../format'
import { printable } from './reminders'
import { syncTargets } from './sync-targets'

export interface SyncArgs {
  account: string | undefined
  org: string | undefined
  watch: boolean
  every: SyncSchedule | undefined
}

/** `hourly`, `6h`, `daily`, `daily@07:30`, `off` → a schedule. */
export function parseEvery(value: string): SyncSchedule {
  const v = value.trim().toLowerCase()
  if (v === 'hourly' || v === '1h') return { mode: 'hourly', dailyAt: '07:00' }
  if (v === '6h' || v === 'every6h') return { mode: 'every6h', dailyAt: '07:00' }
  if (v === 'off') return { mode: 'off', dailyAt: '07:00' }
  const daily = /^daily(?:@([01]\d|2[0-3]):([0-5]\d))?$/.exec(v)
  if (daily) return { mode: 'daily', dailyAt: daily[1] ? `${daily[1]}:${daily[2]}` : '07:00' }
  throw new UsageError('--every takes hourly, 6h, daily, daily@HH:MM or off.')
}

function describe(s: ScheduleStatus): string {
  const mode =
    s.schedule.mode === 'daily'
      ? `daily at ${s.schedule.dailyAt}`
      : s.schedule.mode === 'every6h'
        ? 'every 6 h'
        : s.schedule.mode
  const next = s.nextRunAt === null ? 'no scheduled sync' : `next ${dateTimeFromMs(Math.max(s.nextRunAt, Date.now()))}`
  return `${s.label}: ${mode}, ${next}${s.pausedBy && s.pausedBy !== 'off' ? ` (paused: ${s.pausedBy.replace('_', ' ')})` : ''}`
}

export async function watchSync(ctx: Context, args: SyncArgs): Promise<Result> {
  const { targets } = await syncTargets(ctx, { account: args.account, org: undefined })
  const { scheduler, settings } = ctx.core.services
  if (args.every) for (const a of targets) scheduler.setSchedule(a.id, args.every)
  scheduler.restrictTo(targets.map((a) => a.id))
  const labels = new Map(targets.map((a) => [a.id, a.label]))
  const language = settings.get().language
  const emit = (event: Record<string, unknown>, human: string): void => {
    if (ctx.line.json) ctx.out.write(`${JSON.stringify(event)}\n`)
    else ctx.out.write(`${safe(human)}\n`)
  }
  const stamp = (): string => dateTimeFromMs(Date.now()) ?? ''

  const overview = scheduler.overview()
  emit(
    { event: 'watching', accounts: overview.accounts },
    overview.accounts.map((s) => `${stamp()} ${describe(s)}`).join('\n'),
  )

  const state = new Map<string, SyncStatus['state']>()
  const off = ctx.core.onEvent((channel, payload) => {
    if (channel === 'sync:progress') {
      const s = payload as SyncStatus
      const label = labels.get(s.accountId)
      const before = state.get(s.accountId)
      state.set(s.accountId, s.state)
      if (label === undefined || before === s.state) return
      if (s.state === 'syncing') {
        emit({ event: 'sync', accountId: s.accountId, state: 'started' }, `${stamp()} ${label}: sync started`)
      } else if (before === 'syncing') {
        const outcome = s.state === 'idle' ? 'synced' : s.state.replace('_', ' ')
        const lastError = s.lastError === null ? null : safe(problemText(s.lastError, 'en'))
        emit(
          {
            event: 'sync',
            accountId: s.accountId,
            state: s.state,
            requests: s.requests,
            lastSyncAt: s.lastSyncAt,
            lastError,
          },
          `${stamp()} ${label}: ${outcome}, ${plural(s.requests, 'request')}${lastError ? ` (${lastError})` : ''}`,
        )
      }
    } else if (channel === 'reminders:new') {
      const a = payload as RemindersAnnounced
      const items = printable(a.reminders, language)
      // Announced while the sync's last progress event is delivered: print after its "synced" line.
      setImmediate(() =>
        emit(
          { event: 'reminders', digest: a.digest, count: a.count, unread: a.unread, reminders: items },
          [
            `${stamp()} ${plural(a.count, a.digest ? 'reminder (digest)' : 'reminder', a.digest ? 'reminders (digest)' : 'reminders')}:`,
            ...items.map((r) => `  [${r.severity}] ${r.title}\n      ${r.body}`),
            ...(a.count > items.length ? [`  … and ${a.count - items.length} more (switchboard reminders)`] : []),
          ].join('\n'),
        ),
      )
    }
  })

  let stop: () => void = () => undefined
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  const stopInterrupt = ctx.io.onInterrupt(() => stop())
  try {
    scheduler.start()
    await stopped
  } finally {
    stopInterrupt()
    off()
    await scheduler.stop()
    for (const a of targets) ctx.core.services.sync.cancel(a.id)
    await Promise.all(targets.map((a) => ctx.core.services.sync.whenIdle(a.id)))
  }
  emit({ event: 'stopped' }, `${stamp()} stopped; every completed sync is kept in the cache.`)
  return { json: undefined, human: '', exitCode: EXIT_OK }
}
