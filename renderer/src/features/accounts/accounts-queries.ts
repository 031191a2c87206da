import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { AccountSummary } from '../../../../shared/domain/cache'
import type { InvokeInput } from '../../../../shared/ipc/contract'
import { scopeRoots } from '../../app/query-keys'
import { invoke } from '../../lib/ipc'

export const accountsQueries = {
  list: () => queryOptions({ queryKey: [...scopeRoots.accounts, 'list'], queryFn: () => invoke('accounts:list', {}) }),
  removalPreview: (accountId: string) =>
    queryOptions({
      queryKey: [...scopeRoots.accounts, 'removal-preview', accountId],
      queryFn: () => invoke('accounts:removal-preview', { accountId }),
      staleTime: 0,
    }),
  removed: () =>
    queryOptions({
      queryKey: [...scopeRoots.accounts, 'removed'],
      queryFn: () => invoke('accounts:removed-list', {}),
    }),
}

/** Refreshes everything an account change touches (main also sends `cache:changed`). */
function useInvalidateAccounts() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all(
      [scopeRoots.accounts, scopeRoots.orgs, scopeRoots.sync].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    )
}

export function useAddAccount() {
  const invalidate = useInvalidateAccounts()
  return useMutation({
    mutationFn: (input: InvokeInput<'accounts:add'>) => invoke('accounts:add', input),
    onSuccess: () => invalidate(),
  })
}

export function useStartDemo() {
  const invalidate = useInvalidateAccounts()
  return useMutation({
    mutationFn: (): Promise<AccountSummary> => invoke('demo:start', {}),
    onSuccess: () => invalidate(),
  })
}

export function useRenameAccount() {
  const invalidate = useInvalidateAccounts()
  return useMutation({
    mutationFn: (input: { accountId: string; label: string }) => invoke('accounts:rename', input),
    onSuccess: () => invalidate(),
  })
}

export function useRemoveAccount() {
  const invalidate = useInvalidateAccounts()
  return useMutation({
    mutationFn: (input: { accountId: string; deleteUserData: boolean }) => invoke('accounts:remove', input),
    onSuccess: () => invalidate(),
  })
}

export function useDeleteRemovedData() {
  const invalidate = useInvalidateAccounts()
  return useMutation({
    mutationFn: (accountId: string) => invoke('accounts:delete-data', { accountId }),
    onSuccess: () => invalidate(),
  })
}
