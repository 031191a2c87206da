import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { StoreNoticeKind } from '../../../../shared/domain/store'
import { scopeRoots } from '../../app/query-keys'
import { invoke } from '../../lib/ipc'
import { formatNumber } from '../../lib/format'

export const storeQueries = {
  status: () => queryOptions({ queryKey: [...scopeRoots.store, 'status'], queryFn: () => invoke('store:status', {}) }),
  backups: () =>
    queryOptions({ queryKey: [...scopeRoots.store, 'backups'], queryFn: () => invoke('backups:list', {}) }),
}

/** Everything a restore or leaving read-only mode can change (main also sends `cache:changed`). */
function useInvalidateAll() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries()
}

export function useCreateBackup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => invoke('backups:create', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scopeRoots.store }),
  })
}

export function useRestoreBackup() {
  const invalidate = useInvalidateAll()
  return useMutation({ mutationFn: (id: string) => invoke('backups:restore', { id }), onSuccess: () => invalidate() })
}

export function useKeepRecovered() {
  const invalidate = useInvalidateAll()
  return useMutation({ mutationFn: () => invoke('store:keep-recovered', {}), onSuccess: () => invalidate() })
}

export function useAcknowledgeNotice() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (kind: Exclude<StoreNoticeKind, 'user_read_only'>) => invoke('store:acknowledge', { kind }),
    onSuccess: (status) => queryClient.setQueryData(storeQueries.status().queryKey, status),
  })
}

/** "1.2 MB" in the UI language. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return formatNumber(value, language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  })
}
