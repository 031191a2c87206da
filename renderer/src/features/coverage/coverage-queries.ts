import { queryOptions } from '@tanstack/react-query'
import { invoke } from '../../lib/ipc'

/** Coverage changes with every sync job of products and users (both report the `orgs` scope). */
export const coverageQueries = {
  org: (accountId: string, orgId: number) =>
    queryOptions({
      queryKey: ['orgs', 'coverage', accountId, orgId],
      queryFn: () => invoke('coverage:list', { accountId, orgId }),
    }),
}
