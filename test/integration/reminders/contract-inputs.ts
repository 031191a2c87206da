import type Database from 'better-sqlite3'

/**
 * One valid call per reminders/schedule channel, in order, for the IPC contract test. The mute
 * removed by `reminders:unmute` is the one `reminders:mute` created (read when the call is made).
 */
export function remindersInputs(ids: { accountId: string; orgId: number; db: Database.Database }) {
  const { accountId, orgId, db } = ids
  return {
    'reminders:list': { unreadOnly: false, includeMuted: true, limit: 20 },
    'reminders:mark-read': {},
    'reminders:settings-get': {},
    'reminders:settings-set': {
      patch: { digest: 'daily', digestAt: '08:30', quietHours: { enabled: true, start: '22:00', end: '07:00' } },
    },
    'reminders:mutes': {},
    'reminders:mute': { scope: 'org', accountId, orgId, until: null },
    'reminders:unmute': {
      get id() {
        const id = db.prepare('SELECT max(id) FROM reminder_mutes').pluck().get() as number | null
        if (id === null) throw new Error('contract input not found: a mute')
        return id
      },
    },
    'schedule:get': {},
    'schedule:set': { accountId, schedule: { mode: 'daily', dailyAt: '07:30' } },
  } as const
}
