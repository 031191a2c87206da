import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { AccountSummary } from '../../../../shared/domain/cache'
import type { InvokeInput } from '../../../../shared/ipc/contract'
import { scopeRoots } from '../../app/query-keys'
import { invoke } from '../../lib/ipc'

export const accountsQueries = {
  list: () => queryOptions({ queryKey: [...scopeRoots.accounts, 'list'], queryFn: () => invoke('accounts:list', {}) }),
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
    mutationFn: (input: { accountId: string; purgeCache: boolean }) => invoke('accounts:remove', input),
    onSuccess: () => invalidate(),
  })
}
