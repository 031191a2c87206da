import { queryOptions } from '@tanstack/react-query'
import { extraRoots } from '../../app/query-keys'
import { invoke } from '../../lib/ipc'

/** Coverage of one organization changes with its sync jobs (see app/invalidation.ts). */
export const coverageQueries = {
  org: (accountId: string, orgId: number) =>
    queryOptions({
      queryKey: [...extraRoots.coverage, 'org', accountId, orgId],
      queryFn: () => invoke('coverage:list', { accountId, orgId }),
    }),
}
