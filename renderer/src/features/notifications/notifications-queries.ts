import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { NewMute, NotificationPrefsPatch, ReminderFilter, SyncSchedule } from '../../../../shared/domain/reminders'
import { scopeRoots } from '../../app/query-keys'
import { invoke } from '../../lib/ipc'

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
      queryFn: () => invoke('reminders:settings-get', {}),
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
  return useMutation({
    mutationFn: (patch: NotificationPrefsPatch) => invoke('reminders:settings-set', { patch }),
    // A switch flips at once (the core host answers after a round trip); a failed save puts it back.
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: key })
      const before = queryClient.getQueryData(key)
      if (before) {
        const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
        queryClient.setQueryData(key, { ...before, prefs: { ...before.prefs, ...set } })
      }
      return { before }
    },
    onError: (_error, _patch, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before)
    },
    onSuccess: (settings) => {
      queryClient.setQueryData(key, settings)
      void queryClient.invalidateQueries({ queryKey: scopeRoots.schedule })
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
