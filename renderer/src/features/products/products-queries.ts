import { queryOptions } from '@tanstack/react-query'
import { scopeRoots } from '../../app/query-keys'
import { invoke } from '../../lib/ipc'
import type { OrgRef } from '../orgs/org-key'

export const productsQueries = {
  ofOrg: (ref: OrgRef) =>
    queryOptions({
      queryKey: [...scopeRoots.products, 'org', ref.accountId, ref.orgId],
      queryFn: () => invoke('products:list', { accountId: ref.accountId, orgId: ref.orgId }),
    }),
}

export const usersQueries = {
  ofOrg: (ref: OrgRef) =>
    queryOptions({
      queryKey: [...scopeRoots.users, 'org', ref.accountId, ref.orgId],
      queryFn: () => invoke('users:list', { accountId: ref.accountId, orgId: ref.orgId }),
    }),
}
