import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { Reminder, RemindersAnnounced, ScheduleOverview } from '../../../shared/domain/reminders'
import {
  nextScheduledSync,
  osNotification,
  quitWhenAllWindowsClosed,
  trayMenu,
} from '../../../electron/main/shell/background-model'
import { memoryLogger } from '../../../electron/main/lib/logger'

// ------------------------------------------------------------------ electron, mocked
const created: { trays: FakeTray[]; notifications: FakeNotification[]; menus: unknown[][] } = {
  trays: [],
  notifications: [],
  menus: [],
}
class FakeTray extends EventEmitter {
  tooltip = ''
  menu: unknown = null
  destroyed = false
  constructor(readonly icon: string) {
    super()
    created.trays.push(this)
  }
  setToolTip(t: string) {
    this.tooltip = t
  }
  setContextMenu(m: unknown) {
    this.menu = m
  }
  destroy() {
    this.destroyed = true
  }
}
class FakeNotification extends EventEmitter {
  shown = false
  constructor(readonly options: { title: string; body: string; silent: boolean }) {
    super()
    created.notifications.push(this)
  }
  static isSupported() {
    return true
  }
  show() {
    this.shown = true
  }
  close() {
    this.emit('close')
  }
}
const power = Object.assign(new EventEmitter(), { onBattery: false, isOnBatteryPower: () => power.onBattery })
vi.mock('electron', () => ({
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: {
    buildFromTemplate: (template: unknown[]) => {
      created.menus.push(template)
      return { template }
    },
  },
  powerMonitor: power,
}))
const { Background, watchPower } = await import('../../../electron/main/shell/background')

// ------------------------------------------------------------------ fixtures
const NOW = Date.UTC(2026, 2, 2, 9)
function reminder(id: number, extra: Partial<Reminder> = {}): Reminder {
  return {
    id,
    rule: 'renewal_14',
    severity: 'high',
    accountId: 'acc-1',
    accountLabel: 'Agency',
    orgId: 10,
    orgName: 'Bäckerei Zürich AG',
    subject: `shop${id}.ch`,
    params: { service: 'domain', expiredAt: Math.floor(NOW / 1000) + 9 * 86_400, days: 9 },
    link: `/org/acc-1/10/products?product=${id}`,
    createdAt: NOW,
    asOf: NOW,
    dueAt: NOW,
    deliveredAt: NOW,
    delivery: 'immediate',
    readAt: null,
    mutedBy: null,
    ...extra,
  }
}
const announced = (items: Reminder[], extra: Partial<RemindersAnnounced> = {}): RemindersAnnounced => ({
  reminders: items,
  count: items.length,
  digest: false,
  notify: true,
  unread: items.length,
  ...extra,
})
const overview = (accounts: Partial<ScheduleOverview['accounts'][0]>[]): ScheduleOverview => ({
  running: true,
  power: { onBattery: false, suspended: false },
  accounts: accounts.map((a, i) => ({
    accountId: `acc-${i}`,
    label: `A${i}`,
    schedule: { mode: 'hourly', dailyAt: '07:00' },
    isDefault: false,
    lastSyncAt: null,
    nextRunAt: null,
    pausedBy: null,
    ...a,
  })),
})

describe('background model (pure)', () => {
  it('an announcement of one reminder opens its screen; several open the centre; a digest is silent', () => {
    expect(osNotification(announced([reminder(1)]), 'en')).toEqual({
      title: 'shop1.ch expires in 9 days',
      body: expect.stringContaining('Automatic renewal can no longer be switched on'),
      route: '/org/acc-1/10/products?product=1',
      silent: false,
    })
    const digest = osNotification(announced([reminder(1), reminder(2)], { digest: true, count: 7 }), 'fr')!
    expect(digest).toMatchObject({ title: '7 nouveaux rappels', route: '/notifications', silent: true })
    expect(digest.body.split('\n')).toHaveLength(3)
    expect(osNotification(announced([reminder(1)], { notify: false }), 'en')).toBeNull()
    expect(osNotification(announced([]), 'en')).toBeNull()
  })

  it('the tray menu says when the next sync runs and how many reminders are unread', () => {
    const o = overview([
      { nextRunAt: NOW + 7_200_000 },
      { nextRunAt: NOW + 3_600_000 },
      { schedule: { mode: 'off', dailyAt: '07:00' }, nextRunAt: null },
    ])
    expect(nextScheduledSync(o)).toBe(NOW + 3_600_000)
    const items = trayMenu({ language: 'en', overview: o, unread: 3, now: NOW, formatTime: (ms) => `T${ms - NOW}` })
    expect(items.map((i) => ('label' in i ? i.label : '—'))).toEqual([
      'Open Switchboard',
      'Sync now',
      '—',
      'Next sync: T3600000',
      '3 unread reminders',
      '—',
      'Quit Switchboard',
    ])
    const none = trayMenu({ language: 'fr', overview: overview([]), unread: 0, now: NOW, formatTime: String })
    expect(none.map((i) => ('label' in i ? i.label : '—'))).toEqual([
      'Ouvrir Switchboard',
      'Synchroniser maintenant',
      '—',
      'Aucune synchronisation planifiée',
      '—',
      'Quitter Switchboard',
    ])
  })

  it('closing the last window quits unless the app keeps syncing in the background (never on macOS)', () => {
    expect(quitWhenAllWindowsClosed('linux', false)).toBe(true)
    expect(quitWhenAllWindowsClosed('win32', true)).toBe(false)
    expect(quitWhenAllWindowsClosed('darwin', false)).toBe(false)
  })
})

describe('Background (electron mocked)', () => {
  function coreStub(background: boolean) {
    let listener: ((channel: string, payload: unknown) => void) | undefined
    const signals: unknown[] = []
    const core = {
      dispatch: vi.fn(async (channel: unknown) => {
        switch (channel) {
          case 'settings:get':
            return { ok: true, value: { language: 'en', theme: 'light' } }
          case 'reminders:settings-get':
            return { ok: true, value: { prefs: { background } } }
          case 'schedule:get':
            return { ok: true, value: overview([{ nextRunAt: Date.now() + 3_600_000 }]) }
          case 'reminders:list':
            return { ok: true, value: { unread: 2 } }
          default:
            return { ok: true, value: [] }
        }
      }),
      onEvent: (l: (channel: string, payload: unknown) => void) => {
        listener = l
        return () => (listener = undefined)
      },
      signal: (s: unknown) => signals.push(s),
    }
    return { core, signals, emit: (c: string, p: unknown) => listener?.(c, p) }
  }
  const settle = () => new Promise((r) => setTimeout(r, 20))

  it('shows an OS notification per announcement; a click opens the screen behind it', async () => {
    const stub = coreStub(false)
    const routes: string[] = []
    const b = new Background({
      core: stub.core as never,
      logger: memoryLogger(),
      trayIcon: '/icons/tray/tray.png',
      openRoute: (r) => routes.push(r),
      quit: () => undefined,
    })
    b.refresh()
    await settle()
    expect(created.trays).toHaveLength(0)
    expect(b.background).toBe(false)
    stub.emit('reminders:new', announced([reminder(5)]))
    const n = created.notifications.at(-1)!
    expect(n.shown).toBe(true)
    expect(n.options.title).toBe('shop5.ch expires in 9 days')
    n.emit('click')
    expect(routes).toEqual(['/org/acc-1/10/products?product=5'])
    stub.emit('reminders:new', announced([reminder(6)], { notify: false }))
    expect(created.notifications.at(-1)).toBe(n)
    b.dispose()
  })

  it('keeps a tray while "keep syncing in the background" is on, with a menu that acts', async () => {
    const stub = coreStub(true)
    const routes: string[] = []
    let quit = 0
    const b = new Background({
      core: stub.core as never,
      logger: memoryLogger(),
      trayIcon: '/icons/tray/trayTemplate.png',
      openRoute: (r) => routes.push(r),
      quit: () => quit++,
    })
    b.refresh()
    await settle()
    expect(b.background).toBe(true)
    const tray = created.trays.at(-1)!
    expect(tray.icon).toBe('/icons/tray/trayTemplate.png')
    expect(tray.tooltip).toBe('Switchboard: syncing in the background')
    const menu = created.menus.at(-1) as { label?: string; click?: () => void }[]
    expect(menu.map((m) => m.label ?? '—')).toEqual([
      'Open Switchboard',
      'Sync now',
      '—',
      expect.stringMatching(/^Next sync: /),
      '2 unread reminders',
      '—',
      'Quit Switchboard',
    ])
    menu.find((m) => m.label === 'Sync now')!.click!()
    expect(stub.core.dispatch).toHaveBeenCalledWith('sync:start', {}, { transport: 'electron' })
    menu.find((m) => m.label === '2 unread reminders')!.click!()
    menu.find((m) => m.label === 'Quit Switchboard')!.click!()
    expect(routes).toEqual(['/notifications'])
    expect(quit).toBe(1)
    b.dispose()
    expect(tray.destroyed).toBe(true)
  })

  it('forwards battery, sleep and wake to the scheduler', () => {
    const stub = coreStub(false)
    power.onBattery = true
    const stop = watchPower(stub.core as never)
    power.emit('suspend')
    power.onBattery = false
    power.emit('resume')
    expect(stub.signals).toEqual([
      { kind: 'power', onBattery: true },
      { kind: 'suspend' },
      { kind: 'resume' },
      { kind: 'power', onBattery: false },
    ])
    stop()
    power.emit('suspend')
    expect(stub.signals).toHaveLength(4)
  })
})
