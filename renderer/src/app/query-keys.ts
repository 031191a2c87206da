import type { CacheScope } from '../../../shared/ipc/contract'

/**
 * Root query keys per cache scope. Each feature builds its keys under one of these roots,
 * so `cache:changed { scopes }` invalidates exactly the affected queries.
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
}
