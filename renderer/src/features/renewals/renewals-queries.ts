import { queryOptions } from '@tanstack/react-query'
import { invoke } from '../../lib/ipc'
import { extraRoots } from '../../app/query-keys'

/** Renewals are derived from products and refresh with them (see app/invalidation.ts). */
export const renewalQueries = {
  all: () => [...extraRoots.renewals] as const,
  list: (withinDays: number, includeExpiredDays: number) =>
    queryOptions({
      queryKey: [...renewalQueries.all(), withinDays, includeExpiredDays],
      queryFn: () => invoke('renewals:list', { withinDays, includeExpiredDays }),
    }),
}
