import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../shared/domain/cache'
import type { SyncSchedule } from '../../../shared/domain/reminders'
import { FakeClock } from '../../../electron/main/lib/clock'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { EventBus } from '../../../electron/main/ipc/dispatch'
import { localParts } from '../../../electron/main/reminders/local-time'
import { nextScheduledRun, SyncScheduler, type ScheduledAccount } from '../../../electron/main/schedule/scheduler'

const HOUR = 3_600_000
const ZONE = 'Europe/Zurich'
const START = Date.UTC(2026, 2, 2, 9, 0) // Monday 10:00 in Zurich

function status(accountId: string, state: SyncStatus['state'], lastSyncAt: number | null = null): SyncStatus {
  return {
    accountId,
    state,
    planned: 0,
    done: 0,
    requests: 0,
    etaMs: null,
    current: null,
    startedAt: null,
    lastSyncAt,
    lastError: null,
    offlineSince: null,
    nextAttemptAt: null,
    issues: [],
    skipped: [],
    skippedCount: 0,
  }
}

/** A scheduler over a fake engine: `start` marks the account syncing; `finish` completes it. */
function setup(accounts: ScheduledAccount[], schedules: Record<string, SyncSchedule> = {}, maxConcurrent = 1) {
  const clock = new FakeClock(START)
  const states = new Map<string, SyncStatus['state']>()
  const started: string[] = []
  let pauseOnBattery = true
  const scheduler = new SyncScheduler({
    clock,
    logger: memoryLogger(),
    events: new EventBus(),
    timeZone: ZONE,
    maxConcurrent,
    engine: {
      start: (id) => {
        started.push(id)
        states.set(id, 'syncing')
      },
      status: () => accounts.map((a) => status(a.id, states.get(a.id) ?? 'idle', a.lastSyncAt)),
    },
    accounts: () => accounts,
    schedules: { get: (id) => schedules[id] ?? null, set: (id, s) => (schedules[id] = s) },
    pauseOnBattery: () => pauseOnBattery,
  })
  const finish = (id: string, ok = true) => {
    states.set(id, 'idle')
    if (ok) accounts.find((a) => a.id === id)!.lastSyncAt = clock.now()
  }
  return {
    clock,
    scheduler,
    started,
    states,
    finish,
    setPauseOnBattery: (v: boolean) => (pauseOnBattery = v),
  }
}

const account = (id: string, lastSyncAt: number | null, extra: Partial<ScheduledAccount> = {}): ScheduledAccount => ({
  id,
  label: id,
  state: 'ok',
  isDemo: false,
  lastSyncAt,
  ...extra,
})

const flush = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('schedules', () => {
  it('hourly, every 6 h and off count from the last complete sync; never synced is due now', () => {
    expect(nextScheduledRun({ mode: 'hourly', dailyAt: '07:00' }, START, START, ZONE)).toBe(START + HOUR)
    expect(nextScheduledRun({ mode: 'every6h', dailyAt: '07:00' }, START, START, ZONE)).toBe(START + 6 * HOUR)
    expect(nextScheduledRun({ mode: 'off', dailyAt: '07:00' }, START, START, ZONE)).toBeNull()
    expect(nextScheduledRun({ mode: 'hourly', dailyAt: '07:00' }, null, START, ZONE)).toBe(START)
  })

  it('daily at a time is local time, the first occurrence after the last sync', () => {
    const next = nextScheduledRun({ mode: 'daily', dailyAt: '07:30' }, START, START, ZONE)!
    expect(localParts(next, ZONE)).toMatchObject({ day: 3, hour: 7, minute: 30 })
    // Synced yesterday at 10:00, today 07:30 has passed: due.
    expect(nextScheduledRun({ mode: 'daily', dailyAt: '07:30' }, START - 24 * HOUR, START, ZONE)).toBeLessThan(START)
  })
})

describe('sync scheduler (fake clock, fake engine)', () => {
  it('starts what is due, stalest first, one at a time within the budget', () => {
    const s = setup(
      [
        account('fresh', START - 2 * HOUR),
        account('stale', START - 9 * HOUR),
        account('never', null),
        account('off', null),
      ],
      { off: { mode: 'off', dailyAt: '07:00' }, fresh: { mode: 'hourly', dailyAt: '07:00' } },
    )
    s.scheduler.start()
    expect(s.started).toEqual(['never'])
    const o = s.scheduler.overview()
    expect(o.accounts.map((a) => [a.accountId, a.pausedBy])).toEqual([
      ['fresh', 'budget'],
      ['stale', 'budget'],
      ['never', 'syncing'],
      ['off', 'off'],
    ])
    expect(s.scheduler.tick()).toEqual([])
    s.finish('never')
    expect(s.scheduler.tick()).toEqual(['stale'])
    s.finish('stale')
    expect(s.scheduler.tick()).toEqual(['fresh'])
    s.finish('fresh')
    expect(s.scheduler.tick()).toEqual([])
    void s.scheduler.stop()
  })

  it('runs several at once when the budget allows, and not an account the user is already syncing', () => {
    const s = setup([account('a', null), account('b', null), account('c', null), account('d', null)], {}, 2)
    s.states.set('d', 'token_missing')
    expect(s.scheduler.overview().accounts.find((a) => a.accountId === 'd')?.pausedBy).toBe('token_missing')
    s.states.set('a', 'syncing')
    expect(s.scheduler.tick()).toEqual(['b'])
    s.states.set('a', 'idle')
    expect(s.scheduler.tick()).toEqual(['a'])
  })

  it('pauses while offline, with a rejected token, signed out, asleep or on battery; resumes after wake', async () => {
    const s = setup([
      account('offline', null, { state: 'offline' }),
      account('rejected', null, { state: 'token_rejected' }),
      account('gone', null, { state: 'signed_out' }),
      account('ok', null),
    ])
    s.scheduler.signal({ kind: 'suspend' })
    s.scheduler.start()
    expect(s.started).toEqual([])
    expect(Object.fromEntries(s.scheduler.overview().accounts.map((a) => [a.accountId, a.pausedBy]))).toEqual({
      offline: 'offline',
      rejected: 'token_rejected',
      gone: 'signed_out',
      ok: 'suspended',
    })
    s.scheduler.signal({ kind: 'power', onBattery: true })
    s.scheduler.signal({ kind: 'resume' })
    await flush()
    expect(s.started).toEqual([])
    expect(s.scheduler.overview().accounts.find((a) => a.accountId === 'ok')?.pausedBy).toBe('battery')
    s.setPauseOnBattery(false)
    s.scheduler.poke()
    await flush()
    expect(s.started).toEqual(['ok'])
    await s.scheduler.stop()
  })

  it('the loop wakes when the next run is due (fake time), and a wake after sleep catches up at once', async () => {
    const s = setup([account('hourly', START)], { hourly: { mode: 'hourly', dailyAt: '07:00' } })
    s.scheduler.start()
    await flush()
    expect(s.started).toEqual([])
    expect(s.scheduler.overview().accounts[0]).toMatchObject({ nextRunAt: START + HOUR, pausedBy: null })
    s.clock.advance(HOUR - 1)
    await flush()
    expect(s.started).toEqual([])
    // The loop sleeps at least a second: at most a second late.
    s.clock.advance(1_000)
    await flush()
    expect(s.started).toEqual(['hourly'])
    s.finish('hourly')
    // Asleep for 5 hours: timers did not fire; the resume signal runs the overdue sync at once.
    s.scheduler.signal({ kind: 'suspend' })
    await flush()
    s.clock.advance(5 * HOUR)
    await flush()
    expect(s.started).toEqual(['hourly'])
    s.scheduler.signal({ kind: 'resume' })
    await flush()
    expect(s.started).toEqual(['hourly', 'hourly'])
    await s.scheduler.stop()
    expect(s.scheduler.isRunning).toBe(false)
  })

  it('retries a scheduled sync that did not complete after a pause, not at once', () => {
    const s = setup([account('flaky', null)])
    expect(s.scheduler.tick()).toEqual(['flaky'])
    s.finish('flaky', false)
    expect(s.scheduler.tick()).toEqual([])
    expect(s.scheduler.overview().accounts[0]!.nextRunAt).toBe(START + 15 * 60_000)
    s.clock.advance(15 * 60_000)
    expect(s.scheduler.tick()).toEqual(['flaky'])
  })

  it('a changed schedule takes effect at once; the demo workspace is off by default', () => {
    const s = setup([account('a', START - 2 * HOUR), account('demo', null, { isDemo: true })])
    expect(s.scheduler.tick()).toEqual([])
    expect(s.scheduler.overview().accounts.map((a) => [a.schedule.mode, a.isDefault])).toEqual([
      ['every6h', true],
      ['off', true],
    ])
    s.scheduler.setSchedule('a', { mode: 'hourly', dailyAt: '07:00' })
    expect(s.scheduler.overview().accounts[0]).toMatchObject({ isDefault: false, schedule: { mode: 'hourly' } })
    expect(s.scheduler.tick()).toEqual(['a'])
  })
})
