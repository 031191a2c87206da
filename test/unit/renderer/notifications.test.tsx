import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { App } from '../../../renderer/src/app/App'
import { createI18n } from '../../../renderer/src/app/i18n'
import { reminderMessage, whyLines } from '../../../renderer/src/features/notifications/reminder-model'
import {
  DEFAULT_NOTIFICATION_PREFS,
  REMINDER_RULES,
  type NotificationPrefs,
  type Reminder,
  type ReminderRule,
  type ScheduleOverview,
} from '../../../shared/domain/reminders'
import type { IpcResult } from '../../../shared/ipc/result'

type Listener = (payload: unknown) => void
const NOW = Date.now()

function reminder(id: number, rule: ReminderRule, extra: Partial<Reminder> = {}): Reminder {
  const params: Record<ReminderRule, Reminder['params']> = {
    renewal_30: { service: 'domain', expiredAt: Math.floor(NOW / 1000) + 20 * 86_400, days: 20 },
    renewal_14: { service: 'domain', expiredAt: Math.floor(NOW / 1000) + 9 * 86_400, days: 9 },
    expired: { service: 'web_hosting', expiredAt: Math.floor(NOW / 1000) - 2 * 86_400, days: -2 },
    token_rejected: { account: 'Agency' },
    scope_missing: { scope: 'accounts', resources: 'teams, users', orgs: 3, account: 'Agency' },
    hygiene_high: { email: 'urs@example.ch', role: 'admin' },
    legal_rep_added: { email: 'heir@example.ch', role: 'owner' },
    admin_added: { email: 'adm@example.ch', role: 'admin' },
    invitation_stale: { email: 'late@example.ch', days: 41 },
    partner_threshold: {
      currency: 'CHF',
      level: 90,
      direction: 'up',
      percent: 92,
      yearlyCents: 184_000,
      thresholdCents: 200_000,
    },
  }
  return {
    id,
    rule,
    severity: 'high',
    accountId: 'acc-1',
    accountLabel: 'Agency',
    orgId: 10,
    orgName: 'Bäckerei Zürich AG',
    subject: rule.startsWith('renewal') || rule === 'expired' ? 'baeckerei.ch' : 'Urs Meier',
    params: params[rule],
    link: '/renewals',
    createdAt: NOW - 3_600_000,
    asOf: NOW - 3_700_000,
    dueAt: NOW - 3_600_000,
    deliveredAt: NOW - 3_600_000,
    delivery: 'immediate',
    readAt: null,
    mutedBy: null,
    ...extra,
  }
}

/** A stub bridge with reminders, preferences and schedules in memory, like the core. */
function stubBridge() {
  let reminders = [
    reminder(3, 'renewal_14'),
    reminder(2, 'admin_added', { severity: 'medium' }),
    reminder(1, 'expired', { readAt: NOW }),
  ]
  let prefs: NotificationPrefs = { ...DEFAULT_NOTIFICATION_PREFS }
  const overview: ScheduleOverview = {
    running: true,
    power: { onBattery: false, suspended: false },
    accounts: [
      {
        accountId: 'acc-1',
        label: 'Agency',
        schedule: { mode: 'every6h', dailyAt: '07:00' },
        isDefault: true,
        lastSyncAt: NOW - 3_600_000,
        nextRunAt: NOW + 5 * 3_600_000,
        pausedBy: null,
      },
    ],
  }
  const listeners = new Map<string, Set<Listener>>()
  const unread = () => reminders.filter((r) => r.readAt === null && r.delivery !== 'muted').length
  const invoke = vi.fn(async (channel: string, input: unknown): Promise<IpcResult<unknown>> => {
    const i = (input ?? {}) as Record<string, unknown>
    switch (channel) {
      case 'settings:get':
        return { ok: true, value: { language: 'en', theme: 'light' } }
      case 'accounts:list':
      case 'orgs:list':
      case 'sync:status':
        return { ok: true, value: [] }
      case 'app:info':
        return { ok: true, value: { name: 'S', version: '1', platform: 'linux', dataDir: '/d', host: 'browser-shell' } }
      case 'reminders:list': {
        let items = reminders.filter((r) => i['includeMuted'] || r.delivery !== 'muted')
        if (i['unreadOnly']) items = items.filter((r) => r.readAt === null)
        if (Array.isArray(i['rules'])) items = items.filter((r) => (i['rules'] as string[]).includes(r.rule))
        return {
          ok: true,
          value: { items: items.slice(0, Number(i['limit'] ?? 100)), total: items.length, unread: unread() },
        }
      }
      case 'reminders:mark-read': {
        const ids = i['ids'] as number[] | undefined
        reminders = reminders.map((r) =>
          !ids || ids.includes(r.id) ? { ...r, readAt: i['read'] === false ? null : NOW } : r,
        )
        return { ok: true, value: { unread: unread() } }
      }
      case 'reminders:settings-get':
        return {
          ok: true,
          value: {
            prefs,
            calendarFeed: { path: '/d/calendar/switchboard-renewals.ics', writtenAt: null, events: null, error: null },
          },
        }
      case 'reminders:settings-set':
        prefs = { ...prefs, ...(i['patch'] as Partial<NotificationPrefs>) }
        return {
          ok: true,
          value: {
            prefs,
            calendarFeed: { path: '/d/calendar/switchboard-renewals.ics', writtenAt: NOW, events: 12, error: null },
          },
        }
      case 'reminders:mutes':
        return { ok: true, value: [] }
      case 'reminders:mute':
        return {
          ok: true,
          value: [
            {
              id: 1,
              scope: 'org',
              rule: null,
              accountId: 'acc-1',
              orgId: 10,
              orgName: 'Bäckerei Zürich AG',
              until: null,
              createdAt: NOW,
            },
          ],
        }
      case 'schedule:get':
        return { ok: true, value: overview }
      case 'schedule:set':
        overview.accounts[0] = {
          ...overview.accounts[0]!,
          ...(i as { schedule: ScheduleOverview['accounts'][0]['schedule'] }),
          isDefault: false,
        }
        return { ok: true, value: overview }
    }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', reason: 'app.unknownChannel' } }
  })
  window.api = {
    invoke,
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    },
  }
  return { invoke, emit: (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload)) }
}

describe('reminder messages (renderer catalogue)', () => {
  it('every rule has a headline, a detail line and a "why" in English and French, all keys resolved', () => {
    for (const lang of ['en', 'fr'] as const) {
      const i18n = createI18n(lang)
      for (const rule of REMINDER_RULES) {
        const r = reminder(1, rule)
        const { title, detail } = reminderMessage(i18n.t, r, lang)
        const why = whyLines(i18n.t, r, lang, NOW)
        for (const text of [title, detail, ...why]) {
          expect(text, `${lang} ${rule}`).not.toMatch(/notifications\.|undefined|NaN|\{\{/)
          expect(text.length).toBeGreaterThan(3)
        }
      }
    }
    const en = createI18n('en')
    expect(reminderMessage(en.t, reminder(1, 'renewal_14'), 'en').title).toBe('baeckerei.ch expires in 9 days')
    expect(reminderMessage(en.t, reminder(1, 'partner_threshold'), 'en').title).toBe(
      '92 % of the partner threshold in CHF',
    )
    expect(whyLines(en.t, reminder(1, 'renewal_14', { delivery: 'quiet_hours' }), 'en', NOW).join(' ')).toMatch(
      /automatic renewal can no longer be switched on.*Held back by your quiet hours/,
    )
  })
})

describe('notification centre', () => {
  let restore: PropertyDescriptor | undefined
  beforeAll(() => {
    restore = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
    // jsdom lays nothing out: give the virtual list's scroll container a height.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 })
  })
  afterAll(() => {
    if (restore) Object.defineProperty(HTMLElement.prototype, 'clientHeight', restore)
  })
  afterEach(() => {
    delete window.api
    window.location.hash = ''
  })

  it('the bell shows the unread count and opens the centre; rows, filters, why, mark read, mute', async () => {
    const bridge = stubBridge()
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    const bell = await screen.findByRole('button', { name: 'Notifications: 2 unread' }, { timeout: 10_000 })
    await userEvent.click(bell)
    expect(await screen.findByRole('heading', { name: 'Notifications' }, { timeout: 10_000 })).toBeInTheDocument()
    const rows = await screen.findAllByTestId('reminder-row', {}, { timeout: 10_000 })
    expect(rows.map((r) => r.getAttribute('data-unread'))).toEqual(['true', 'true', 'false'])
    expect(rows[0]).toHaveTextContent('baeckerei.ch expires in 9 days')
    expect(rows[0]).toHaveTextContent('Renewal within 14 days · Domain · Bäckerei Zürich AG')
    expect(rows[1]).toHaveTextContent('New administrator: Urs Meier')

    // Why am I seeing this?
    await userEvent.click(within(rows[0]!).getByTestId('why-button'))
    const why = await screen.findByTestId('why-panel', {}, { timeout: 10_000 })
    expect(why).toHaveTextContent('Less than 14 days before expiry, automatic renewal can no longer be switched on')
    expect(why).toHaveTextContent(/Announced \d+ \w{3} \d{4}/)
    await userEvent.keyboard('{Escape}')

    // Unread only.
    await userEvent.click(screen.getByText('Unread'))
    await waitFor(() => expect(screen.getAllByTestId('reminder-row')).toHaveLength(2), { timeout: 10_000 })
    expect(bridge.invoke).toHaveBeenCalledWith('reminders:list', expect.objectContaining({ unreadOnly: true }))

    // Mute this client from a row's menu.
    await userEvent.click(
      within(screen.getAllByTestId('reminder-row')[0]!).getByRole('button', { name: 'More actions for this reminder' }),
    )
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Mute Bäckerei Zürich AG' }, { timeout: 10_000 }))
    expect(bridge.invoke).toHaveBeenCalledWith('reminders:mute', {
      scope: 'org',
      accountId: 'acc-1',
      orgId: 10,
      until: null,
    })

    // Mark all as read: the bell drops to zero.
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }))
    expect(await screen.findByRole('button', { name: 'Notifications' }, { timeout: 10_000 })).toBeInTheDocument()
    expect(bridge.invoke).toHaveBeenCalledWith('reminders:mark-read', { read: true })
  }, 60_000)

  it('follows app:navigate from the host (a notification or the tray was clicked)', async () => {
    const bridge = stubBridge()
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    await screen.findByRole('button', { name: 'Notifications: 2 unread' }, { timeout: 10_000 })
    bridge.emit('app:navigate', { path: '/notifications' })
    expect(await screen.findByRole('heading', { name: 'Notifications' }, { timeout: 10_000 })).toBeInTheDocument()
    // A route that is not in-app is ignored.
    bridge.emit('app:navigate', { path: '//evil.example/x' })
    expect(window.location.hash).toBe('#/notifications')
  }, 30_000)

  it('settings: schedule per account, digest and quiet hours are saved through IPC', async () => {
    const bridge = stubBridge()
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    const schedule = await screen.findByTestId('sync-schedule', {}, { timeout: 10_000 })
    expect(await within(schedule).findByTestId('schedule-next', {}, { timeout: 10_000 })).toHaveTextContent(
      /Next sync in 5 hours/,
    )
    await userEvent.click(within(schedule).getByRole('combobox', { name: 'Schedule of Agency' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Daily at…' }, { timeout: 10_000 }))
    expect(bridge.invoke).toHaveBeenCalledWith('schedule:set', {
      accountId: 'acc-1',
      schedule: { mode: 'daily', dailyAt: '07:00' },
    })

    const section = await screen.findByTestId('notification-settings', {}, { timeout: 10_000 })
    await userEvent.click(within(section).getByText('Daily digest'))
    expect(bridge.invoke).toHaveBeenCalledWith('reminders:settings-set', { patch: { digest: 'daily' } })
    await userEvent.click(within(section).getByRole('switch', { name: /Quiet hours/ }))
    expect(bridge.invoke).toHaveBeenCalledWith('reminders:settings-set', {
      patch: { quietHours: { enabled: true, start: '22:00', end: '07:00' } },
    })
    await userEvent.click(within(section).getByRole('switch', { name: /Write the renewals calendar/ }))
    expect(await within(section).findByTestId('calendar-path', {}, { timeout: 10_000 })).toHaveTextContent(
      '/d/calendar/switchboard-renewals.ics',
    )
    // The tray option exists only in the desktop app.
    expect(within(section).getByRole('switch', { name: /Keep syncing in the background/ })).toBeDisabled()
  }, 30_000)

  it('browser shell: an announcement becomes a web notification when allowed; a click opens the screen behind it', async () => {
    const bridge = stubBridge()
    const shown: {
      title: string
      body: string | undefined
      note: { onclick: (() => void) | null; close: () => void }
    }[] = []
    class FakeNotification {
      static permission: NotificationPermission = 'granted'
      onclick: (() => void) | null = null
      close = vi.fn()
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body, note: this })
      }
    }
    vi.stubGlobal('Notification', FakeNotification)
    try {
      window.location.hash = '#/settings'
      render(<App mantineEnv="test" />)
      await screen.findByRole('button', { name: 'Notifications: 2 unread' }, { timeout: 10_000 })
      const one = reminder(7, 'renewal_14', { link: '/renewals' })
      bridge.emit('reminders:new', { count: 1, notify: true, digest: false, unread: 3, reminders: [one] })
      await waitFor(() => expect(shown).toHaveLength(1))
      expect(shown[0]!.title).toBe('baeckerei.ch expires in 9 days')
      // Told not to notify (desktop notifications off), or not allowed: the centre only.
      bridge.emit('reminders:new', { count: 1, notify: false, digest: false, unread: 3, reminders: [one] })
      FakeNotification.permission = 'denied'
      bridge.emit('reminders:new', { count: 1, notify: true, digest: false, unread: 3, reminders: [one] })
      expect(shown).toHaveLength(1)
      shown[0]!.note.onclick?.()
      await waitFor(() => expect(window.location.hash).toBe('#/renewals'))
      expect(shown[0]!.note.close).toHaveBeenCalled()
    } finally {
      vi.unstubAllGlobals()
    }
  }, 30_000)

  it('settings: a switch flips before the core answers, and flips back when the save fails', async () => {
    const bridge = stubBridge()
    const stubbed = bridge.invoke.getMockImplementation()!
    let answer: (result: IpcResult<unknown>) => void = () => undefined
    bridge.invoke.mockImplementation((channel: string, input: unknown) =>
      channel === 'reminders:settings-set'
        ? new Promise<IpcResult<unknown>>((resolve) => (answer = resolve))
        : stubbed(channel, input),
    )
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    const section = await screen.findByTestId('notification-settings', {}, { timeout: 10_000 })
    const quiet = await within(section).findByRole('switch', { name: /Quiet hours/ }, { timeout: 10_000 })
    expect(quiet).not.toBeChecked()
    await userEvent.click(quiet)
    expect(bridge.invoke).toHaveBeenCalledWith('reminders:settings-set', {
      patch: { quietHours: { enabled: true, start: '22:00', end: '07:00' } },
    })
    await waitFor(() => expect(within(section).getByRole('switch', { name: /Quiet hours/ })).toBeChecked())
    answer({ ok: false, error: { code: 'INTERNAL', reason: 'app.internal' } })
    await waitFor(() => expect(within(section).getByRole('switch', { name: /Quiet hours/ })).not.toBeChecked())
  }, 30_000)
})
