import { useEffect } from 'react'
import { ActionIcon, Indicator, Tooltip } from '@mantine/core'
import { IconBell } from '@tabler/icons-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { NavigateRequest, type RemindersAnnounced } from '../../../../shared/domain/reminders'
import { scopeRoots } from '../../app/query-keys'
import { onEvent } from '../../lib/ipc'
import { appQueries } from '../settings/settings-queries'
import { remindersQueries } from './notifications-queries'
import { reminderMessage } from './reminder-model'

/** Whether this page may show web notifications (the browser shell; Electron shows OS ones from main). */
export function canNotifyInBrowser(host: string | undefined): boolean {
  return host === 'browser-shell' && typeof Notification !== 'undefined' && Notification.permission === 'granted'
}

/**
 * Shows announced reminders as web notifications in the browser shell (when the user allowed them);
 * a click opens the screen behind the reminder. In Electron, main shows OS notifications instead.
 */
function useReminderAnnouncements(): void {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const info = useQuery(appQueries.info())
  const host = info.data?.host
  useEffect(
    () =>
      onEvent('reminders:new', (a: RemindersAnnounced) => {
        void queryClient.invalidateQueries({ queryKey: scopeRoots.reminders })
        const first = a.reminders[0]
        if (!a.notify || !first || !canNotifyInBrowser(host)) return
        const one = reminderMessage(t, first, i18n.language)
        const body =
          a.count === 1
            ? one.detail
            : a.reminders
                .slice(0, 3)
                .map((r) => reminderMessage(t, r, i18n.language).title)
                .join('\n')
        const n = new Notification(a.count === 1 ? one.title : t('notifications.count', { count: a.count }), {
          body,
          tag: `switchboard-reminders-${first.id}`,
        })
        n.onclick = () => {
          window.focus()
          void navigate(a.count === 1 ? first.link : '/notifications')
          n.close()
        }
      }),
    [host, i18n.language, navigate, queryClient, t],
  )
}

/** Follows `app:navigate` from the host (an OS notification or the tray was clicked). */
function useHostNavigation(): void {
  const navigate = useNavigate()
  useEffect(
    () =>
      onEvent('app:navigate', (request) => {
        const parsed = NavigateRequest.safeParse(request)
        if (parsed.success) void navigate(parsed.data.path)
      }),
    [navigate],
  )
}

/** Header: the bell with the unread count; opens the notification centre. */
export function NotificationBell() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const unread = useQuery(remindersQueries.unread())
  useReminderAnnouncements()
  useHostNavigation()
  const count = unread.data ?? 0
  const label = t('notifications.bellUnread', { count })
  return (
    <Tooltip label={count > 0 ? label : t('notifications.bell')}>
      <Indicator
        label={count > 99 ? '99+' : count}
        size={16}
        offset={4}
        color="red"
        disabled={count === 0}
        data-testid="notification-count"
      >
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={count > 0 ? label : t('notifications.bell')}
          onClick={() => void navigate('/notifications')}
          data-testid="notification-bell"
        >
          <IconBell size={20} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  )
}
