import { useEffect } from 'react'
import { keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query'
import type { FindingRule } from '../../../../shared/domain/access'
import type { InventoryFilter } from '../../../../shared/domain/fleet'
import type { HygieneFilter } from '../../../../shared/domain/hygiene'
import { invoke, onEvent } from '../../lib/ipc'

/**
 * Root of the across-all-clients queries (Home, inventory, hygiene): they depend on products, users,
 * teams, organizations and the ledger together, so any of those scopes refreshes them.
 */
export const FLEET_ROOT = ['fleet'] as const
/** How soon a screen asks again when the core answered from a computation being redone. */
const STALE_POLL_MS = 1_500
const WATCHED = new Set(['users', 'teams', 'products', 'orgs', 'accounts', 'billing'])

export const fleetQueries = {
  home: () =>
    queryOptions({
      queryKey: [...FLEET_ROOT, 'home'],
      queryFn: () => invoke('fleet:home', {}),
      // Scores of the last hygiene computation while a new one runs in the core: ask again shortly.
      refetchInterval: (query) => (query.state.data?.scoresStale ? STALE_POLL_MS : false),
    }),
  inventoryPage: (filter: InventoryFilter, offset: number, limit: number) =>
    queryOptions({
      queryKey: [...FLEET_ROOT, 'inventory', filter, offset, limit],
      queryFn: () => invoke('fleet:inventory', { filter, offset, limit }),
    }),
  facets: () =>
    queryOptions({ queryKey: [...FLEET_ROOT, 'facets'], queryFn: () => invoke('fleet:inventory-facets', {}) }),
  views: () => queryOptions({ queryKey: [...FLEET_ROOT, 'views'], queryFn: () => invoke('fleet:views', {}) }),
  hygieneSummary: (filter: HygieneFilter) =>
    queryOptions({
      queryKey: [...FLEET_ROOT, 'hygiene', 'summary', filter],
      // The last grouping at once while the core recomputes it (`stale`), then the new one.
      queryFn: () => invoke('hygiene:summary', { ...filter, allowStale: true }),
      placeholderData: keepPreviousData,
      refetchInterval: (query) => (query.state.data?.stale ? STALE_POLL_MS : false),
    }),
  hygieneFindings: (
    filter: HygieneFilter,
    rule: FindingRule,
    client: { accountId: string | null; orgId: number | null },
  ) =>
    queryOptions({
      queryKey: [...FLEET_ROOT, 'hygiene', 'findings', filter, rule, client],
      queryFn: () =>
        invoke('hygiene:findings', {
          ...filter,
          allowStale: true,
          rule,
          client,
          limit: 1000,
        }),
    }),
  scores: () =>
    queryOptions({ queryKey: [...FLEET_ROOT, 'hygiene', 'scores'], queryFn: () => invoke('hygiene:scores', {}) }),
  trend: (days: number, org?: { accountId: string; orgId: number }) =>
    queryOptions({
      queryKey: [...FLEET_ROOT, 'hygiene', 'trend', days, org ?? null],
      queryFn: () => invoke('hygiene:trend', { days, ...(org ?? {}) }),
    }),
}

/**
 * Refreshes the fleet queries on a coarse `cache:changed` (scopes only); precise changes go through
 * `affects` (app/invalidation.ts) like every other query.
 */
export function useFleetInvalidation(): void {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      onEvent('cache:changed', ({ scopes, changes }) => {
        if (changes && changes.length > 0) return
        if (scopes.some((s) => WATCHED.has(s))) void queryClient.invalidateQueries({ queryKey: FLEET_ROOT })
      }),
    [queryClient],
  )
}
