/**
 * Electron-only: OS notifications for announced reminders, the tray (menu bar on macOS) while the
 * app keeps syncing with its window closed, and power signals for the scheduler. It talks to the
 * core through `dispatch` and its events only, so it works the same wherever the core runs.
 */
import { Menu, Notification, powerMonitor, Tray, type MenuItemConstructorOptions } from 'electron'
import type { EventChannel } from '../../../shared/ipc/channels'
import type { EventPayload } from '../../../shared/ipc/contract'
import type { NotificationSettings, RemindersAnnounced, ScheduleOverview } from '../../../shared/domain/reminders'
import type { Settings } from '../../../shared/domain/settings'
import type { Logger } from '../lib/logger'
import { osNotification, trayMenu, trayTooltip } from './background-model'

/** What the shell needs from the core (the in-process core today, a core host tomorrow). */
export interface CoreLink {
  dispatch(channel: unknown, raw: unknown, ctx: { transport: 'electron' }): Promise<{ ok: boolean; value?: unknown }>
  onEvent(listener: <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void): () => void
  signal(signal: { kind: 'power'; onBattery: boolean } | { kind: 'suspend' } | { kind: 'resume' }): void
}

export interface BackgroundOptions {
  core: CoreLink
  logger: Logger
  /** The tray image (template image on macOS). */
  trayIcon: string
  /** Shows the window (creating it if needed) at an in-app route. */
  openRoute(route: string): void
  quit(): void
}

async function ask<T>(core: CoreLink, channel: string, input: unknown = {}): Promise<T | null> {
  const result = await core.dispatch(channel, input, { transport: 'electron' })
  return result.ok ? (result.value as T) : null
}

/** Forwards the OS power state to the scheduler (battery, sleep, wake). */
export function watchPower(core: CoreLink): () => void {
  const battery = (): void => core.signal({ kind: 'power', onBattery: powerMonitor.isOnBatteryPower() })
  const suspend = (): void => core.signal({ kind: 'suspend' })
  const resume = (): void => {
    core.signal({ kind: 'resume' })
    battery()
  }
  battery()
  powerMonitor.on('on-battery', battery)
  powerMonitor.on('on-ac', battery)
  powerMonitor.on('suspend', suspend)
  powerMonitor.on('resume', resume)
  return () => {
    powerMonitor.off('on-battery', battery)
    powerMonitor.off('on-ac', battery)
    powerMonitor.off('suspend', suspend)
    powerMonitor.off('resume', resume)
  }
}

/**
 * OS notifications and the tray. The tray exists while "keep syncing in the background" is on;
 * `background` tells the app whether closing the window should quit.
 */
export class Background {
  private tray: Tray | null = null
  private language = 'en'
  private refreshing: Promise<void> | null = null
  private again = false
  /** Notifications are kept until closed: one garbage-collected early never reports its click. */
  private readonly shown = new Set<Notification>()
  private readonly off: () => void
  background = false

  constructor(private readonly o: BackgroundOptions) {
    this.off = o.core.onEvent((channel, payload) => {
      if (channel === 'reminders:new') this.notify(payload as RemindersAnnounced)
      else if (channel === 'cache:changed') {
        const scopes = (payload as EventPayload<'cache:changed'>).scopes
        if (scopes.some((s) => s === 'reminders' || s === 'schedule' || s === 'settings')) this.refresh()
      }
    })
  }

  /** Re-reads preferences, schedule and unread count; creates, updates or removes the tray. */
  refresh(): void {
    if (this.refreshing) {
      this.again = true
      return
    }
    this.refreshing = this.update()
      .catch((error: unknown) => this.o.logger.warn('tray refresh failed', { error }))
      .finally(() => {
        this.refreshing = null
        if (this.again) {
          this.again = false
          this.refresh()
        }
      })
  }

  private async update(): Promise<void> {
    const [settings, notificationSettings, overview, page] = await Promise.all([
      ask<Settings>(this.o.core, 'settings:get'),
      ask<NotificationSettings>(this.o.core, 'reminders:settings-get'),
      ask<ScheduleOverview>(this.o.core, 'schedule:get'),
      ask<{ unread: number }>(this.o.core, 'reminders:list', { unreadOnly: true, limit: 1 }),
    ])
    if (settings) this.language = settings.language
    this.background = notificationSettings?.prefs.background ?? false
    if (!this.background) {
      this.tray?.destroy()
      this.tray = null
      return
    }
    if (!this.tray) {
      this.tray = new Tray(this.o.trayIcon)
      this.tray.on('click', () => this.o.openRoute('/notifications'))
    }
    this.tray.setToolTip(trayTooltip(this.language))
    const time = new Intl.DateTimeFormat(this.language, { dateStyle: 'short', timeStyle: 'short' })
    const items = trayMenu({
      language: this.language,
      overview: overview ?? { running: false, power: { onBattery: false, suspended: false }, accounts: [] },
      unread: page?.unread ?? 0,
      now: Date.now(),
      formatTime: (ms) => time.format(ms),
    })
    const template: MenuItemConstructorOptions[] = items.map((item) => {
      if (item.id === 'separator') return { type: 'separator' }
      const click =
        item.id === 'open'
          ? () => this.o.openRoute('/overview')
          : item.id === 'sync'
            ? () => void ask(this.o.core, 'sync:start', {})
            : item.id === 'quit'
              ? () => this.o.quit()
              : item.id === 'unread'
                ? () => this.o.openRoute('/notifications')
                : undefined
      return { label: item.label, enabled: item.enabled || item.id === 'unread', ...(click ? { click } : {}) }
    })
    this.tray.setContextMenu(Menu.buildFromTemplate(template))
  }

  private notify(a: RemindersAnnounced): void {
    const n = osNotification(a, this.language)
    if (!n || !Notification.isSupported()) return
    const notification = new Notification({ title: n.title, body: n.body, silent: n.silent })
    this.shown.add(notification)
    const forget = (): void => {
      this.shown.delete(notification)
    }
    notification.on('click', () => {
      forget()
      this.o.openRoute(n.route)
    })
    notification.on('close', forget)
    notification.show()
  }

  dispose(): void {
    this.off()
    this.tray?.destroy()
    this.tray = null
    for (const n of this.shown) n.close()
    this.shown.clear()
  }
}
