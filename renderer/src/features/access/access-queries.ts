import { queryOptions } from '@tanstack/react-query'
import { invoke } from '../../lib/ipc'

/**
 * Root of every access query. Keys name their account and organization so that one organization's
 * sync refreshes its matrix only; fleet-wide views refresh at the end of a run (app/invalidation.ts).
 */
export const ACCESS_ROOT = ['access'] as const

export const accessQueries = {
  matrix: (accountId: string, orgId: number) =>
    queryOptions({
      queryKey: [...ACCESS_ROOT, 'matrix', accountId, orgId],
      queryFn: () => invoke('access:matrix', { accountId, orgId }),
    }),
  people: (text: string) =>
    queryOptions({
      queryKey: [...ACCESS_ROOT, 'people', text],
      queryFn: () => invoke('access:people-search', { text, limit: 100 }),
      enabled: text.trim().length >= 2,
    }),
  person: (email: string) =>
    queryOptions({ queryKey: [...ACCESS_ROOT, 'person', email], queryFn: () => invoke('access:person', { email }) }),
  history: (filter: {
    accountId?: string
    orgId?: number
    email?: string
    from?: number
    to?: number
    limit?: number
  }) =>
    queryOptions({ queryKey: [...ACCESS_ROOT, 'history', filter], queryFn: () => invoke('access:history', filter) }),
  hygiene: () => queryOptions({ queryKey: [...ACCESS_ROOT, 'hygiene'], queryFn: () => invoke('access:hygiene', {}) }),
  teams: (accountId: string, orgId: number) =>
    queryOptions({
      queryKey: [...ACCESS_ROOT, 'teams', accountId, orgId],
      queryFn: () => invoke('access:teams', { accountId, orgId }),
    }),
  invitations: (accountId?: string, orgId?: number) =>
    queryOptions({
      queryKey: [...ACCESS_ROOT, 'invitations', accountId ?? null, orgId ?? null],
      queryFn: () =>
        invoke('access:invitations', {
          ...(accountId !== undefined ? { accountId } : {}),
          ...(orgId !== undefined ? { orgId } : {}),
        }),
    }),
}
