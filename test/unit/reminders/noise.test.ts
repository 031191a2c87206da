import { afterEach, describe, expect, it } from 'vitest'
import { inLocalWindow, localParts, nextLocalTime } from '../../../electron/main/reminders/local-time'
import { RemindersService } from '../../../electron/main/reminders/reminders-service'
import { RuleInputsRepo } from '../../../electron/main/reminders/rule-inputs'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { DAY_MS, remindersFixture, START, ZONE } from './fixture'

type Fixture = ReturnType<typeof remindersFixture>
const HOUR = 3_600_000
const zurich = (ms: number) => {
  const p = localParts(ms, ZONE)
  return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][p.weekday]} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
}

describe('local wall-clock time', () => {
  it('finds the next local time, across midnight, on a weekday, and across the DST change', () => {
    expect(zurich(START)).toBe('Mon 10:00')
    expect(zurich(nextLocalTime(START, '08:00', ZONE))).toBe('Tue 08:00')
    expect(zurich(nextLocalTime(START, '10:30', ZONE))).toBe('Mon 10:30')
    expect(zurich(nextLocalTime(START, '08:00', ZONE, 5))).toBe('Fri 08:00')
    // Zurich moves to summer time on Sunday 29 March 2026: 07:00 is 06:00 UTC before, 05:00 UTC after.
    expect(new Date(nextLocalTime(Date.UTC(2026, 2, 27, 12), '07:00', ZONE)).toISOString()).toBe(
      '2026-03-28T06:00:00.000Z',
    )
    expect(new Date(nextLocalTime(Date.UTC(2026, 2, 28, 12), '07:00', ZONE)).toISOString()).toBe(
      '2026-03-29T05:00:00.000Z',
    )
  })

  it('tells whether a moment falls in a window, including one that crosses midnight', () => {
    const at = (h: number, m = 0) => Date.UTC(2026, 2, 2, h - 1, m) // Zurich is UTC+1 in March
    expect(inLocalWindow(at(23, 30), '22:00', '07:00', ZONE)).toBe(true)
    expect(inLocalWindow(at(6, 59), '22:00', '07:00', ZONE)).toBe(true)
    expect(inLocalWindow(at(7), '22:00', '07:00', ZONE)).toBe(false)
    expect(inLocalWindow(at(12), '22:00', '07:00', ZONE)).toBe(false)
    expect(inLocalWindow(at(12), '12:00', '13:00', ZONE)).toBe(true)
    expect(inLocalWindow(at(12), '12:00', '12:00', ZONE)).toBe(false)
  })
})

describe('noise control with a fake clock', () => {
  let f: Fixture
  afterEach(() => f.close())

  it('once only: a restart (a new service on the same store) and a re-evaluation announce nothing again', () => {
    f = remindersFixture()
    f.seed.product(20, 'once.ch')
    expect(f.evaluate()).toEqual(['renewal_30:once.ch'])
    f.service.deliverDue()
    expect(f.announced).toHaveLength(1)
    const restarted = new RemindersService({
      repo: f.repo,
      inputs: new RuleInputsRepo(f.db),
      clock: f.clock,
      logger: memoryLogger(),
      events: f.events,
      timeZone: ZONE,
      account: (id) => (id === 'acc-1' ? { id, label: 'Agency', state: 'ok', lastSyncAt: null } : undefined),
      accountIds: () => ['acc-1'],
      gauge: () => null,
    })
    expect(restarted.evaluate('acc-1')).toEqual([])
    restarted.deliverDue()
    expect(f.announced).toHaveLength(1)
    expect(f.service.list({}).total).toBe(1)
  })

  it('immediate: announced at once, as alerts, most severe first', () => {
    f = remindersFixture()
    f.seed.product(20, 'later.ch')
    f.seed.product(5, 'soon.ch')
    f.evaluate()
    const { immediate, digest } = f.service.deliverDue()
    expect(digest).toEqual([])
    expect(immediate).toHaveLength(2)
    expect(f.announced).toHaveLength(1)
    expect(f.announced[0]).toMatchObject({ digest: false, notify: true, count: 2, unread: 2 })
    expect(f.announced[0]!.reminders.map((r) => r.subject)).toEqual(['soon.ch', 'later.ch'])
    expect(f.service.deliverDue().immediate).toEqual([])
    expect(f.announced).toHaveLength(1)
  })

  it('daily digest: everything of the day in one announcement at the digest time (local)', () => {
    f = remindersFixture()
    f.service.setPrefs({ digest: 'daily', digestAt: '08:00' })
    f.seed.product(20, 'a.ch')
    f.evaluate()
    f.clock.advance(3 * HOUR)
    f.seed.product(10, 'b.ch')
    f.evaluate()
    const due = f.service.list({}).items.map((r) => [r.delivery, zurich(r.dueAt!)])
    expect(due).toEqual([
      ['digest', 'Tue 08:00'],
      ['digest', 'Tue 08:00'],
    ])
    f.service.deliverDue()
    expect(f.announced).toEqual([])
    f.clock.advance(18 * HOUR) // Tuesday 07:00
    f.service.deliverDue()
    expect(f.announced).toEqual([])
    expect(f.service.nextDueAt()).toBe(f.service.list({}).items[0]!.dueAt)
    f.clock.advance(HOUR) // Tuesday 08:00
    f.service.deliverDue()
    expect(f.announced).toHaveLength(1)
    expect(f.announced[0]).toMatchObject({ digest: true, count: 2 })
    expect(f.service.nextDueAt()).toBeNull()
  })

  it('weekly digest: on the chosen day', () => {
    f = remindersFixture()
    f.service.setPrefs({ digest: 'weekly', digestAt: '09:00', digestDay: 5 })
    f.seed.product(20, 'weekly.ch')
    f.evaluate()
    expect(zurich(f.service.list({}).items[0]!.dueAt!)).toBe('Fri 09:00')
    f.clock.advance(3 * DAY_MS)
    f.service.deliverDue()
    expect(f.announced).toEqual([])
    f.clock.advance(2 * DAY_MS)
    f.service.deliverDue()
    expect(f.announced.map((a) => a.digest)).toEqual([true])
  })

  it('quiet hours: an alert at 23:30 waits for 07:00; at noon it goes at once', () => {
    f = remindersFixture({ start: Date.UTC(2026, 2, 2, 22, 30) }) // 23:30 in Zurich
    f.service.setPrefs({ quietHours: { enabled: true, start: '22:00', end: '07:00' } })
    f.seed.product(20, 'night.ch')
    f.evaluate()
    const [r] = f.service.list({}).items
    expect(r).toMatchObject({ delivery: 'quiet_hours' })
    expect(zurich(r!.dueAt!)).toBe('Tue 07:00')
    f.clock.advance(7 * HOUR) // 06:30
    f.service.deliverDue()
    expect(f.announced).toEqual([])
    f.clock.advance(HOUR / 2) // 07:00
    f.service.deliverDue()
    expect(f.announced.map((a) => [a.digest, a.count])).toEqual([[true, 1]])
    f.clock.advance(5 * HOUR) // noon
    f.seed.product(25, 'noon.ch')
    f.evaluate()
    f.service.deliverDue()
    expect(f.announced.map((a) => [a.digest, a.count])).toEqual([
      [true, 1],
      [false, 1],
    ])
  })

  it('quiet hours also hold a digest whose time falls inside them', () => {
    f = remindersFixture()
    f.service.setPrefs({
      digest: 'daily',
      digestAt: '06:00',
      quietHours: { enabled: true, start: '22:00', end: '07:30' },
    })
    f.seed.product(20, 'early.ch')
    f.evaluate()
    expect(zurich(f.service.list({}).items[0]!.dueAt!)).toBe('Tue 07:30')
  })

  it('mute globally for a period: silenced while it lasts (recorded, not announced, not unread), then back', () => {
    f = remindersFixture()
    const mutes = f.service.mute({ scope: 'global', until: f.clock.now() + 2 * DAY_MS })
    expect(mutes).toHaveLength(1)
    f.seed.product(20, 'muted.ch')
    f.evaluate()
    f.service.deliverDue()
    expect(f.announced).toEqual([])
    expect(f.service.list({}).items).toEqual([])
    const all = f.service.list({ includeMuted: true })
    expect(all.items.map((r) => [r.subject, r.delivery, r.mutedBy])).toEqual([['muted.ch', 'muted', mutes[0]!.id]])
    expect(all.unread).toBe(0)
    // The muted reminder stays muted (once only); new ones after the period are announced.
    f.clock.advance(3 * DAY_MS)
    expect(f.service.mutes()).toEqual([])
    f.seed.product(20, 'after.ch')
    f.evaluate()
    f.service.deliverDue()
    expect(f.announced.flatMap((a) => a.reminders.map((r) => r.subject))).toEqual(['after.ch'])
  })

  it('mute per rule and per client', () => {
    f = remindersFixture()
    f.service.mute({ scope: 'rule', rule: 'renewal_30', until: null })
    f.service.mute({ scope: 'org', accountId: 'acc-1', orgId: 20, until: null })
    f.seed.product(20, 'rule-muted.ch', 10)
    f.seed.product(5, 'client-muted.ch', 20)
    f.seed.product(5, 'heard.ch', 10)
    f.evaluate()
    f.service.deliverDue()
    expect(f.announced.flatMap((a) => a.reminders.map((r) => r.subject))).toEqual(['heard.ch'])
    expect(f.service.mutes().map((m) => [m.scope, m.rule, m.orgName])).toEqual([
      ['org', null, "L'Atelier Genève Sàrl"],
      ['rule', 'renewal_30', null],
    ])
    expect(() => f.service.mute({ scope: 'org', accountId: 'acc-1', orgId: 999, until: null })).toThrow(/orgNotCached/)
  })

  it('a mute added after a reminder was created silences it before its digest', () => {
    f = remindersFixture()
    f.service.setPrefs({ digest: 'daily', digestAt: '08:00' })
    f.seed.product(20, 'late-mute.ch')
    f.evaluate()
    const [mute] = f.service.mute({ scope: 'org', accountId: 'acc-1', orgId: 10, until: null })
    f.clock.advance(DAY_MS)
    f.service.deliverDue()
    expect(f.announced).toEqual([])
    expect(f.service.list({ includeMuted: true }).items[0]).toMatchObject({ delivery: 'muted', mutedBy: mute!.id })
    // Unmuting does not bring back what was silenced.
    f.service.unmute(mute!.id)
    f.service.deliverDue()
    expect(f.announced).toEqual([])
  })

  it('desktop notifications off: still announced to hosts, flagged not to notify', () => {
    f = remindersFixture()
    f.service.setPrefs({ desktop: false })
    f.seed.product(5, 'in-app-only.ch')
    f.evaluate()
    f.service.deliverDue()
    expect(f.announced.map((a) => a.notify)).toEqual([false])
  })

  it('mark read: one, all; the unread count follows', () => {
    f = remindersFixture()
    f.seed.product(5, 'a.ch')
    f.seed.product(6, 'b.ch')
    f.seed.product(7, 'c.ch')
    f.evaluate()
    const ids = f.service.list({}).items.map((r) => r.id)
    expect(f.service.markRead([ids[0]!], true)).toEqual({ unread: 2 })
    expect(f.service.list({ unreadOnly: true }).items).toHaveLength(2)
    expect(f.service.markRead([ids[0]!], false)).toEqual({ unread: 3 })
    expect(f.service.markRead(undefined, true)).toEqual({ unread: 0 })
  })
})
