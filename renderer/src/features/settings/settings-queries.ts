import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { SettingsPatch } from '../../../../shared/domain/settings'
import { invoke } from '../../lib/ipc'
import { scopeRoots } from '../../app/query-keys'

export const settingsQueries = {
  all: () => scopeRoots.settings,
  current: () =>
    queryOptions({
      queryKey: [...scopeRoots.settings, 'current'],
      queryFn: () => invoke('settings:get', { localeHints: [...navigator.languages] }),
    }),
}

export const appQueries = {
  info: () => queryOptions({ queryKey: ['app', 'info'], queryFn: () => invoke('app:info', {}) }),
}

/** Saves a settings patch and writes the answer straight into the cache. */
export function useUpdateSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (patch: SettingsPatch) => invoke('settings:set', { patch }),
    onSuccess: (settings) => queryClient.setQueryData(settingsQueries.current().queryKey, settings),
  })
}
