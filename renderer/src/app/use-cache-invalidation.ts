import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { onEvent } from '../lib/ipc'
import { affects } from './invalidation'
import { scopeRoots } from './query-keys'

/**
 * Invalidates exactly the queries a `cache:changed` event affects: with `changes` (what changed: resource,
 * account, organization) only the dependent queries; without, every query under the changed scopes.
 */
export function useCacheInvalidation(): void {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      onEvent('cache:changed', ({ scopes, changes }) => {
        if (changes && changes.length > 0) {
          void queryClient.invalidateQueries({
            predicate: (query) => changes.some((c) => affects(query.queryKey, query.state.data, c)),
          })
          return
        }
        for (const scope of scopes) void queryClient.invalidateQueries({ queryKey: scopeRoots[scope] })
      }),
    [queryClient],
  )
}
