import { z } from 'zod'

/**
 * Reminders, noise control and the sync schedule: what crosses IPC (and the core-host boundary).
 * Times are Unix milliseconds unless a name says otherwise; local times of day are "HH:MM".
 */

/** A local time of day, 24 h. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)
export type TimeOfDay = z.infer<typeof TimeOfDay>

// ------------------------------------------------------------------ rules

/**
 * What can produce a reminder. Renewal windows follow the Manager rule: automatic renewal cannot be
 * switched on less than 14 days before expiry, so the 14-day window is the last call.
 */
export const REMINDER_RULES = [
  'renewal_30',
  'renewal_14',
  'expired',
  'token_rejected',
  'scope_missing',
  'hygiene_high',
  'legal_rep_added',
  'admin_added',
  'invitation_stale',
  'partner_threshold',
] as const
export const ReminderRule = z.enum(REMINDER_RULES)
export type ReminderRule = z.infer<typeof ReminderRule>

export const Severity = z.enum(['high', 'medium', 'low'])
export type Severity = z.infer<typeof Severity>

/** Parameters of a reminder's message: codes and values, never sentences. */
export const ReminderParams = z.record(z.string(), z.union([z.string(), z.number(), z.null()]))
export type ReminderParams = z.infer<typeof ReminderParams>

/** Why a reminder was (or will be) announced when it was. */
export const Delivery = z.enum(['immediate', 'digest', 'quiet_hours', 'muted'])
export type Delivery = z.infer<typeof Delivery>

export const Reminder = z.object({
  id: z.number().int(),
  rule: ReminderRule,
  severity: Severity,
  accountId: z.string(),
  accountLabel: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  /** The object the reminder is about: a product, a person, a scope, a currency… */
  subject: z.string(),
  params: ReminderParams,
  /** In-app route of the screen behind it. */
  link: z.string(),
  /** When the rule fired (the evaluation after a sync, or the hourly check). */
  createdAt: z.number().int(),
  /** When the sync the rule read from finished (the "as of" of the facts). */
  asOf: z.number().int().nullable(),
  /** When it is (or was) due to be announced; null when muted. */
  dueAt: z.number().int().nullable(),
  deliveredAt: z.number().int().nullable(),
  delivery: Delivery,
  readAt: z.number().int().nullable(),
  /** The mute that silenced it, if any. */
  mutedBy: z.number().int().nullable(),
})
export type Reminder = z.infer<typeof Reminder>

export const ReminderFilter = z
  .object({
    unreadOnly: z.boolean().optional(),
    includeMuted: z.boolean().optional(),
    rules: z.array(ReminderRule).max(REMINDER_RULES.length).optional(),
    severity: Severity.optional(),
    accountId: z.string().min(1).max(100).optional(),
    orgId: z.number().int().nonnegative().optional(),
    /** Only reminders with an id below this one (paging, newest first). */
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict()
export type ReminderFilter = z.infer<typeof ReminderFilter>

export const ReminderPage = z.object({
  items: z.array(Reminder),
  /** Unread and not muted, across every filter (the bell's count). */
  unread: z.number().int(),
  /** Matching the filter, across pages. */
  total: z.number().int(),
})
export type ReminderPage = z.infer<typeof ReminderPage>

// ------------------------------------------------------------------ noise control

export const DigestMode = z.enum(['immediate', 'daily', 'weekly'])
export type DigestMode = z.infer<typeof DigestMode>

/** Which organisations' access changes (new legal representative, administrator added) are announced. */
export const AccessWatch = z.object({
  mode: z.enum(['all', 'selected']),
  orgs: z
    .array(z.object({ accountId: z.string().min(1).max(100), orgId: z.number().int().nonnegative() }).strict())
    .max(5_000),
})
export type AccessWatch = z.infer<typeof AccessWatch>

export const NotificationPrefs = z.object({
  /** Announce each reminder at once, or gather them in a daily or weekly digest. */
  digest: DigestMode,
  /** Local time of the digest. */
  digestAt: TimeOfDay,
  /** Day of the weekly digest, 0 = Sunday … 6 = Saturday. */
  digestDay: z.number().int().min(0).max(6),
  quietHours: z.object({ enabled: z.boolean(), start: TimeOfDay, end: TimeOfDay }),
  /** Desktop notifications (Electron's Notification, or the browser's when allowed). */
  desktop: z.boolean(),
  /** Keep the app running in the tray/menu bar when its window is closed, syncing on schedule. */
  background: z.boolean(),
  /** Pause scheduled syncs while the computer runs on battery (where the OS tells). */
  pauseOnBattery: z.boolean(),
  /** Write the renewals calendar (ICS) to a fixed file after every sync. */
  calendarFeed: z.boolean(),
  accessWatch: AccessWatch,
  /** Reminder rules switched off entirely (nothing is recorded for them). */
  disabledRules: z.array(ReminderRule).max(REMINDER_RULES.length),
})
export type NotificationPrefs = z.infer<typeof NotificationPrefs>

export const DEFAULT_NOTIFICATION_PREFS: NotificationPrefs = {
  digest: 'immediate',
  digestAt: '08:00',
  digestDay: 1,
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  desktop: true,
  background: false,
  pauseOnBattery: true,
  calendarFeed: false,
  accessWatch: { mode: 'all', orgs: [] },
  disabledRules: [],
}

export const NotificationPrefsPatch = z
  .object({
    digest: DigestMode,
    digestAt: TimeOfDay,
    digestDay: z.number().int().min(0).max(6),
    quietHours: z.object({ enabled: z.boolean(), start: TimeOfDay, end: TimeOfDay }).strict(),
    desktop: z.boolean(),
    background: z.boolean(),
    pauseOnBattery: z.boolean(),
    calendarFeed: z.boolean(),
    accessWatch: AccessWatch.strict(),
    disabledRules: z.array(ReminderRule).max(REMINDER_RULES.length),
  })
  .partial()
  .strict()
export type NotificationPrefsPatch = z.infer<typeof NotificationPrefsPatch>

/** What the calendar feed wrote last (shown in Settings). */
export const CalendarFeedState = z.object({
  path: z.string(),
  writtenAt: z.number().int().nullable(),
  events: z.number().int().nullable(),
  error: z.string().nullable(),
})
export type CalendarFeedState = z.infer<typeof CalendarFeedState>

export const NotificationSettings = z.object({
  prefs: NotificationPrefs,
  calendarFeed: CalendarFeedState,
})
export type NotificationSettings = z.infer<typeof NotificationSettings>

export const MuteScope = z.enum(['global', 'rule', 'org'])
export type MuteScope = z.infer<typeof MuteScope>

export const Mute = z.object({
  id: z.number().int(),
  scope: MuteScope,
  rule: ReminderRule.nullable(),
  accountId: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  /** Null: until unmuted. */
  until: z.number().int().nullable(),
  createdAt: z.number().int(),
})
export type Mute = z.infer<typeof Mute>

export const NewMute = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('global'), until: z.number().int().positive().nullable() }).strict(),
  z.object({ scope: z.literal('rule'), rule: ReminderRule, until: z.number().int().positive().nullable() }).strict(),
  z
    .object({
      scope: z.literal('org'),
      accountId: z.string().min(1).max(100),
      orgId: z.number().int().nonnegative(),
      until: z.number().int().positive().nullable(),
    })
    .strict(),
])
export type NewMute = z.infer<typeof NewMute>

// ------------------------------------------------------------------ announcements

export const MAX_ANNOUNCED = 50

/** Pushed by the core when reminders are due to be announced (OS notification, web Notification). */
export const RemindersAnnounced = z.object({
  /** The reminders announced, most severe first (at most {@link MAX_ANNOUNCED}; `count` says how many in all). */
  reminders: z.array(Reminder),
  count: z.number().int(),
  /** True when these are a digest (or what quiet hours held back), false for immediate alerts. */
  digest: z.boolean(),
  /** Whether the user wants desktop notifications (hosts show OS or web notifications only then). */
  notify: z.boolean(),
  /** Unread, not muted, after this announcement. */
  unread: z.number().int(),
})
export type RemindersAnnounced = z.infer<typeof RemindersAnnounced>

/** Asks a host to show a screen (notification or tray click): an in-app route. */
export const AppRoute = z
  .string()
  .max(1000)
  .regex(/^\/(?!\/)[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*$/)
export const NavigateRequest = z.object({ path: AppRoute })
export type NavigateRequest = z.infer<typeof NavigateRequest>

// ------------------------------------------------------------------ schedule

export const SCHEDULE_MODES = ['off', 'hourly', 'every6h', 'daily'] as const
export const ScheduleMode = z.enum(SCHEDULE_MODES)
export type ScheduleMode = z.infer<typeof ScheduleMode>

export const SyncSchedule = z.object({ mode: ScheduleMode, dailyAt: TimeOfDay })
export type SyncSchedule = z.infer<typeof SyncSchedule>

/** Why a due scheduled sync does not run now. */
export const PauseReason = z.enum([
  'off',
  'offline',
  'battery',
  'suspended',
  'token_rejected',
  'token_missing',
  'signed_out',
  'syncing',
  'budget',
  'not_running',
])
export type PauseReason = z.infer<typeof PauseReason>

export const ScheduleStatus = z.object({
  accountId: z.string(),
  label: z.string(),
  schedule: SyncSchedule,
  /** True when the schedule is the default (never changed). */
  isDefault: z.boolean(),
  lastSyncAt: z.number().int().nullable(),
  /** When the next scheduled sync is due (may be in the past: due now, waiting for `pausedBy`). */
  nextRunAt: z.number().int().nullable(),
  pausedBy: PauseReason.nullable(),
})
export type ScheduleStatus = z.infer<typeof ScheduleStatus>

export const ScheduleOverview = z.object({
  /** False in a host that does not run the scheduler (e.g. a one-shot CLI command). */
  running: z.boolean(),
  power: z.object({ onBattery: z.boolean(), suspended: z.boolean() }),
  accounts: z.array(ScheduleStatus),
})
export type ScheduleOverview = z.infer<typeof ScheduleOverview>

/**
 * Signals a host (the Electron shell's powerMonitor) gives the core. Typed so that it can cross the
 * core-host boundary like any message.
 */
export const HostSignal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('power'), onBattery: z.boolean() }).strict(),
  z.object({ kind: z.literal('suspend') }).strict(),
  z.object({ kind: z.literal('resume') }).strict(),
])
export type HostSignal = z.infer<typeof HostSignal>
