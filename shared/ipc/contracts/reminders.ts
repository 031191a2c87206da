import { z } from 'zod'
import {
  Mute,
  NavigateRequest,
  NewMute,
  NotificationPrefsPatch,
  NotificationSettings,
  ReminderFilter,
  ReminderPage,
  RemindersAnnounced,
  ScheduleOverview,
  SyncSchedule,
} from '../../domain/reminders'

const Empty = z.object({}).strict()

/** Reminders, notification preferences, mutes and the sync schedule. */
export const remindersContract = {
  /** Reminders, newest first, with filters; `unread` is the bell's count. */
  'reminders:list': { input: ReminderFilter, output: ReminderPage },
  /** Marks reminders read (or unread with `read: false`); without `ids`, every unread one. */
  'reminders:mark-read': {
    input: z
      .object({ ids: z.array(z.number().int().positive()).min(1).max(1000).optional(), read: z.boolean().optional() })
      .strict(),
    output: z.object({ unread: z.number().int() }),
  },
  /** Digest, quiet hours, desktop notifications, background, calendar feed (and where it is written). */
  'reminders:settings-get': { input: Empty, output: NotificationSettings },
  'reminders:settings-set': {
    input: z.object({ patch: NotificationPrefsPatch }).strict(),
    output: NotificationSettings,
  },
  /** Active mutes (global, per rule, per client), soonest created first. */
  'reminders:mutes': { input: Empty, output: z.array(Mute) },
  /** Adds a mute; answers the active mutes. */
  'reminders:mute': { input: NewMute, output: z.array(Mute) },
  'reminders:unmute': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.array(Mute) },
  /** Every account's sync schedule, next run and what pauses it. */
  'schedule:get': { input: Empty, output: ScheduleOverview },
  /** Changes one account's schedule; answers the new overview. */
  'schedule:set': {
    input: z.object({ accountId: z.string().min(1).max(100), schedule: SyncSchedule.strict() }).strict(),
    output: ScheduleOverview,
  },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export const remindersEvents = {
  /** Reminders due for announcement (hosts show OS or web notifications when `notify`). */
  'reminders:new': RemindersAnnounced,
  /** A host asks the window to show an in-app route (a notification or the tray was clicked). */
  'app:navigate': NavigateRequest,
} satisfies Record<string, z.ZodType>
