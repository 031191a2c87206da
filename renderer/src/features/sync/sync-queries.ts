import { useEffect } from 'react'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { SyncStatus } from '../../../../shared/domain/cache'
import { scopeRoots } from '../../app/query-keys'
import { invoke, onEvent } from '../../lib/ipc'

export const syncQueries = {
  status: () => queryOptions({ queryKey: [...scopeRoots.sync, 'status'], queryFn: () => invoke('sync:status', {}) }),
}

/** Merges `sync:progress` events into the cached `sync:status` answer (one entry per account). */
export function mergeStatus(list: readonly SyncStatus[] | undefined, next: SyncStatus): SyncStatus[] {
  const current = list ?? []
  const index = current.findIndex((s) => s.accountId === next.accountId)
  if (index === -1) return [...current, next]
  return current.map((s, i) => (i === index ? next : s))
}

/** Keeps the sync status query up to date from `sync:progress` events. */
export function useSyncProgress(): void {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      onEvent('sync:progress', (status) => {
        queryClient.setQueryData(syncQueries.status().queryKey, (old: SyncStatus[] | undefined) =>
          mergeStatus(old, status),
        )
      }),
    [queryClient],
  )
}

export function useStartSync() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { accountId?: string; orgId?: number; focusOrgId?: number }) => invoke('sync:start', input),
    onSuccess: (statuses) => queryClient.setQueryData(syncQueries.status().queryKey, statuses),
  })
}

export function useCancelSync() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { accountId?: string }) => invoke('sync:cancel', input),
    onSuccess: (statuses) => queryClient.setQueryData(syncQueries.status().queryKey, statuses),
  })
}
