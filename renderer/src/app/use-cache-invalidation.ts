import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { onEvent } from '../lib/ipc'
import { scopeRoots } from './query-keys'

/** Invalidates the queries of every scope main reports as changed. */
export function useCacheInvalidation(): void {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      onEvent('cache:changed', ({ scopes }) => {
        for (const scope of scopes) void queryClient.invalidateQueries({ queryKey: scopeRoots[scope] })
      }),
    [queryClient],
  )
}
