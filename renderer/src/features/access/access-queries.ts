import { useEffect } from 'react'
import { queryOptions, useQueryClient } from '@tanstack/react-query'
import { invoke, onEvent } from '../../lib/ipc'

/** Root of every access query: the matrix depends on users, teams, products and organizations together. */
export const ACCESS_ROOT = ['access'] as const
const WATCHED = new Set(['users', 'teams', 'products', 'orgs'])

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
  history: (filter: { accountId?: string; orgId?: number; email?: string; from?: number; to?: number }) =>
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

/** Invalidates the access queries when users, teams, products or organizations change. */
export function useAccessInvalidation(): void {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      onEvent('cache:changed', ({ scopes }) => {
        if (scopes.some((s) => WATCHED.has(s))) void queryClient.invalidateQueries({ queryKey: ACCESS_ROOT })
      }),
    [queryClient],
  )
}
