/**
 * The pure decisions behind the tray and OS notifications (unit-tested; no Electron import):
 * what an announcement shows and opens, what the tray menu says, and whether closing the last
 * window quits the app.
 */
import type { RemindersAnnounced, ScheduleOverview } from '../../../shared/domain/reminders'
import { announcementText, catalogue } from '../reminders/reminder-text'

export interface OsNotification {
  title: string
  body: string
  /** In-app route opened by a click. */
  route: string
  /** A digest (or what quiet hours held back) arrives quietly; a new alert makes a sound. */
  silent: boolean
}

/** The OS notification for an announcement, or null when the user wants none. */
export function osNotification(a: RemindersAnnounced, language: string): OsNotification | null {
  const first = a.reminders[0]
  if (!a.notify || !first || a.count === 0) return null
  const text = announcementText(a.reminders, a.count, language)
  return {
    title: text.title,
    body: text.body,
    route: a.count === 1 ? first.link : '/notifications',
    silent: a.digest,
  }
}

export type TrayItem =
  | { id: 'open' | 'sync' | 'quit'; label: string; enabled: boolean }
  | { id: 'next' | 'unread'; label: string; enabled: false }
  | { id: 'separator' }

/** When the next scheduled sync of any account runs (null: none scheduled). */
export function nextScheduledSync(overview: ScheduleOverview): number | null {
  const next = overview.accounts
    .filter((a) => a.schedule.mode !== 'off' && a.nextRunAt !== null)
    .map((a) => a.nextRunAt!)
    .sort((x, y) => x - y)[0]
  return next ?? null
}

/** The tray menu: open, sync now, the next scheduled sync, unread reminders, quit. */
export function trayMenu(input: {
  language: string
  overview: ScheduleOverview
  unread: number
  now: number
  /** Formats a time for the menu (Intl in the shell). */
  formatTime: (ms: number) => string
}): TrayItem[] {
  const c = catalogue(input.language).tray
  const next = nextScheduledSync(input.overview)
  const syncable = input.overview.accounts.some((a) => a.pausedBy !== 'signed_out')
  return [
    { id: 'open', label: c.open, enabled: true },
    { id: 'sync', label: c.syncNow, enabled: syncable },
    { id: 'separator' },
    {
      id: 'next',
      label: next === null ? c.noSchedule : c.nextRun(input.formatTime(Math.max(next, input.now))),
      enabled: false,
    },
    ...(input.unread > 0 ? [{ id: 'unread' as const, label: c.unread(input.unread), enabled: false as const }] : []),
    { id: 'separator' },
    { id: 'quit', label: c.quit, enabled: true },
  ]
}

export function trayTooltip(language: string): string {
  return catalogue(language).tray.tooltip
}

/**
 * Whether closing the last window quits: not when the user keeps Switchboard syncing in the
 * background (tray), and never on macOS, where apps stay in the Dock.
 */
export function quitWhenAllWindowsClosed(platform: string, background: boolean): boolean {
  return !background && platform !== 'darwin'
}
