import type { InvokeChannel } from '../../../../shared/ipc/channels'
import type { CoreServices } from '../../core'
import { AppError } from '../../lib/app-error'
import type { Handlers } from '../dispatch'

type RemindersChannel = Extract<InvokeChannel, `reminders:${string}` | `schedule:${string}`>

/** Handlers of the reminder, notification-preference and schedule channels. */
export function remindersHandlers(
  services: Pick<CoreServices, 'reminders' | 'scheduler' | 'accounts'>,
): Pick<Handlers, RemindersChannel> {
  const r = services.reminders
  return {
    'reminders:list': (filter) => r.list(filter),
    'reminders:mark-read': ({ ids, read }) => r.markRead(ids, read ?? true),
    'reminders:settings-get': () => r.settings(),
    'reminders:settings-set': ({ patch }) => r.setPrefs(patch),
    'reminders:mutes': () => r.mutes(),
    'reminders:mute': (mute) => r.mute(mute),
    'reminders:unmute': ({ id }) => r.unmute(id),
    'schedule:get': () => services.scheduler.overview(),
    'schedule:set': ({ accountId, schedule }) => {
      if (!services.accounts.list().some((a) => a.id === accountId))
        throw new AppError('NOT_FOUND', 'accounts.notFound')
      services.scheduler.setSchedule(accountId, schedule)
      return services.scheduler.overview()
    },
  }
}
