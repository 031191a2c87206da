import { QueryClient } from '@tanstack/react-query'
import { IpcError } from '../lib/ipc'

/**
 * Cached data is fresh until main says otherwise (`cache:changed`), so queries never
 * refetch on a timer or on focus. Validation errors are not retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(error instanceof IpcError && ['INVALID_INPUT', 'NOT_FOUND', 'NO_BRIDGE'].includes(error.code)) && count < 2,
      },
    },
  })
}
