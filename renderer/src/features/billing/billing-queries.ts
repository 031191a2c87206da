import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InvokeInput } from '../../../../shared/ipc/contract'
import { scopeRoots } from '../../app/query-keys'
import { invoke } from '../../lib/ipc'

const root = scopeRoots.billing

export const billingQueries = {
  overview: (accountId: string, from: string, to: string) =>
    queryOptions({
      queryKey: [...root, 'overview', accountId, from, to],
      queryFn: () => invoke('billing:overview', { accountId, from, to }),
    }),
  invoices: (accountId: string, from: string, to: string) =>
    queryOptions({
      queryKey: [...root, 'invoices', accountId, from, to],
      queryFn: () => invoke('billing:invoices', { accountId, from, to }),
    }),
  forecast: (accountId: string, from: string, to: string) =>
    queryOptions({
      queryKey: [...root, 'forecast', accountId, from, to],
      queryFn: () => invoke('billing:forecast', { accountId, from, to }),
    }),
  gauge: (accountId: string) =>
    queryOptions({
      queryKey: [...root, 'gauge', accountId],
      queryFn: () => invoke('billing:gauge', { accountId }),
    }),
  margins: (accountId: string) =>
    queryOptions({
      queryKey: [...root, 'margins', accountId],
      queryFn: () => invoke('billing:margins', { accountId }),
    }),
  currencies: (accountId: string) =>
    queryOptions({
      queryKey: [...root, 'currencies', accountId],
      queryFn: () => invoke('billing:currencies', { accountId }),
    }),
  invoiceRoute: (accountId: string) =>
    queryOptions({
      queryKey: [...root, 'invoice-route', accountId],
      queryFn: () => invoke('billing:invoice-route', { accountId }),
    }),
  prices: (accountId: string) =>
    queryOptions({
      queryKey: [...root, 'prices', accountId],
      queryFn: () => invoke('billing:prices-get', { accountId }),
    }),
  services: (accountId: string) =>
    queryOptions({
      queryKey: [...root, 'services', accountId],
      queryFn: () => invoke('billing:services', { accountId }),
    }),
  profile: (accountId: string) =>
    queryOptions({
      queryKey: [...root, 'profile', accountId],
      queryFn: () => invoke('billing:profile-get', { accountId }),
    }),
}

/** Mutations answer fresh data through `cache:changed { scopes: ['billing'] }`; these also invalidate directly. */
function useInvalidateBilling() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: root })
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: (input: InvokeInput<'billing:import-preview'>) => invoke('billing:import-preview', input),
  })
}

export function useCommitImport() {
  const invalidate = useInvalidateBilling()
  return useMutation({
    mutationFn: (input: InvokeInput<'billing:import-commit'>) => invoke('billing:import-commit', input),
    onSuccess: () => invalidate(),
  })
}

export function useFetchInvoices() {
  const invalidate = useInvalidateBilling()
  return useMutation({
    mutationFn: (accountId: string) => invoke('billing:fetch-invoices', { accountId }),
    onSuccess: () => invalidate(),
  })
}

export function useSetPrices() {
  const invalidate = useInvalidateBilling()
  return useMutation({
    mutationFn: (input: InvokeInput<'billing:prices-set'>) => invoke('billing:prices-set', input),
    onSuccess: () => invalidate(),
  })
}

export function useSetProfile() {
  const invalidate = useInvalidateBilling()
  return useMutation({
    mutationFn: (input: InvokeInput<'billing:profile-set'>) => invoke('billing:profile-set', input),
    onSuccess: () => invalidate(),
  })
}

export function useExport() {
  return useMutation({ mutationFn: (input: InvokeInput<'billing:export'>) => invoke('billing:export', input) })
}

export function useSetCurrency() {
  const invalidate = useInvalidateBilling()
  return useMutation({
    mutationFn: (input: InvokeInput<'billing:currency-set'>) => invoke('billing:currency-set', input),
    onSuccess: () => invalidate(),
  })
}

export function useForecastExport() {
  return useMutation({
    mutationFn: (input: InvokeInput<'billing:forecast-export'>) => invoke('billing:forecast-export', input),
  })
}
