import type { CacheScope } from '../../../shared/ipc/contract'

/**
 * Root query keys per cache scope. Keys name what they depend on, `[root, kind, accountId, orgId, …]`,
 * so that `cache:changed { changes }` invalidates exactly the affected queries (see invalidation.ts);
 * without `changes`, a scope invalidates its whole root.
 */
export const scopeRoots: Record<CacheScope, readonly string[]> = {
  settings: ['settings'],
  accounts: ['accounts'],
  orgs: ['orgs'],
  products: ['products'],
  users: ['users'],
  teams: ['teams'],
  sync: ['sync'],
  billing: ['billing'],
  store: ['store'],
  access: ['access'],
  reminders: ['reminders'],
  schedule: ['schedule'],
}

/** Roots of queries that are not a cache scope of their own. */
export const extraRoots = {
  /** Search results (organizations, products, people): their own key, refreshed by any of those. */
  search: ['search'],
  /** Renewals across clients: derived from products. */
  renewals: ['renewals'],
  /** Data coverage of one organization: `['coverage', 'org', accountId, orgId]`. */
  coverage: ['coverage'],
} as const
