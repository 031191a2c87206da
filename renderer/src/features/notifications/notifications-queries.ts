import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  NewMute,
  NotificationPrefsPatch,
  NotificationSettings,
  ReminderFilter,
  SyncSchedule,
} from '../../../../shared/domain/reminders'
import { scopeRoots } from '../../app/query-keys'
import { invoke } from '../../lib/ipc'

/** The mutation key of notification-settings saves (several may be in flight when switches are flipped quickly). */
export const SETTINGS_SAVE = ['reminders:settings-set'] as const

/** Query keys and options of reminders, notification settings, mutes and the sync schedule. */
export const remindersQueries = {
  all: () => scopeRoots.reminders,
  list: (filter: ReminderFilter) =>
    queryOptions({
      queryKey: [...scopeRoots.reminders, 'list', filter],
      queryFn: () => invoke('reminders:list', filter),
      placeholderData: keepPreviousData,
    }),
  /** The bell's count: the cheapest list (one item) answers `unread` too. */
  unread: () =>
    queryOptions({
      queryKey: [...scopeRoots.reminders, 'unread'],
      queryFn: async () => (await invoke('reminders:list', { unreadOnly: true, limit: 1 })).unread,
    }),
  settings: () =>
    queryOptions({
      queryKey: [...scopeRoots.reminders, 'settings'],
      queryFn: async ({ client, queryKey }): Promise<NotificationSettings> => {
        const fresh = await invoke('reminders:settings-get', {})
        // A refetch (a `cache:changed` event) that answers while a save is pending would flip a switch the user
        // just set back: keep the optimistic state; the last save's answer brings the core's truth.
        if (client.isMutating({ mutationKey: SETTINGS_SAVE }) > 0)
          return client.getQueryData<NotificationSettings>(queryKey) ?? fresh
        return fresh
      },
    }),
  mutes: () =>
    queryOptions({ queryKey: [...scopeRoots.reminders, 'mutes'], queryFn: () => invoke('reminders:mutes', {}) }),
}

export const scheduleQueries = {
  overview: () =>
    queryOptions({ queryKey: [...scopeRoots.schedule, 'overview'], queryFn: () => invoke('schedule:get', {}) }),
}

export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { ids?: number[]; read?: boolean }) => invoke('reminders:mark-read', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scopeRoots.reminders }),
  })
}

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient()
  const key = remindersQueries.settings().queryKey
  // The saves still pending, counting the one whose callback runs.
  const last = (): boolean => queryClient.isMutating({ mutationKey: SETTINGS_SAVE }) <= 1
  return useMutation({
    mutationKey: SETTINGS_SAVE,
    mutationFn: (patch: NotificationPrefsPatch) => invoke('reminders:settings-set', { patch }),
    // A switch flips at once (the core host answers after a round trip). Saves are answered in order: only the
    // answer to the last pending one is the whole truth (an earlier answer does not know a later switch).
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: key })
      const before = queryClient.getQueryData(key)
      if (before) {
        const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
        queryClient.setQueryData(key, { ...before, prefs: { ...before.prefs, ...set } })
      }
    },
    onSuccess: (settings) => {
      if (last()) queryClient.setQueryData(key, settings)
      void queryClient.invalidateQueries({ queryKey: scopeRoots.schedule })
    },
    // A failed save puts its switch back: the core's state is read again (unless another save will answer it).
    onError: async () => {
      if (!last()) return
      try {
        queryClient.setQueryData(key, await invoke('reminders:settings-get', {}))
      } catch {
        void queryClient.invalidateQueries({ queryKey: key })
      }
    },
  })
}

export function useMute() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (mute: NewMute) => invoke('reminders:mute', mute),
    onSuccess: (mutes) => {
      queryClient.setQueryData(remindersQueries.mutes().queryKey, mutes)
      void queryClient.invalidateQueries({ queryKey: scopeRoots.reminders })
    },
  })
}

export function useUnmute() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => invoke('reminders:unmute', { id }),
    onSuccess: (mutes) => {
      queryClient.setQueryData(remindersQueries.mutes().queryKey, mutes)
      void queryClient.invalidateQueries({ queryKey: scopeRoots.reminders })
    },
  })
}

export function useSetSchedule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { accountId: string; schedule: SyncSchedule }) => invoke('schedule:set', input),
    onSuccess: (overview) => queryClient.setQueryData(scheduleQueries.overview().queryKey, overview),
  })
}
