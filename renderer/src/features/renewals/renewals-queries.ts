import { queryOptions } from '@tanstack/react-query'
import { invoke } from '../../lib/ipc'
import { scopeRoots } from '../../app/query-keys'

/** Renewals are derived from products: they live under the products root and refresh with it. */
export const renewalQueries = {
  all: () => [...scopeRoots.products, 'renewals'] as const,
  list: (withinDays: number, includeExpiredDays: number) =>
    queryOptions({
      queryKey: [...renewalQueries.all(), withinDays, includeExpiredDays],
      queryFn: () => invoke('renewals:list', { withinDays, includeExpiredDays }),
    }),
}
