import type { CacheChange, CacheResource } from '../../../shared/domain/cache-change'
import type { CacheScope } from '../../../shared/ipc/contract'
import type { EventBus } from '../ipc/dispatch'

/** The coarse scopes a resource belongs to (for listeners that ignore `changes`). */
const SCOPES: Record<CacheResource, readonly CacheScope[]> = {
  settings: ['settings'],
  accounts: ['accounts'],
  orgs: ['orgs', 'accounts'],
  products: ['products', 'orgs', 'access'],
  users: ['users', 'teams', 'orgs', 'access'],
  teams: ['teams', 'access'],
  memberships: ['teams', 'users', 'access'],
  access: ['access', 'users', 'teams'],
  sync: ['sync', 'accounts', 'access'],
  billing: ['billing'],
}

export function scopesOf(changes: readonly CacheChange[]): CacheScope[] {
  return [...new Set(changes.flatMap((c) => SCOPES[c.resource]))]
}

/** Emits `cache:changed` with the precise changes and their coarse scopes. */
export function emitChanges(events: EventBus, changes: readonly CacheChange[]): void {
  if (changes.length === 0) return
  events.emit('cache:changed', { scopes: scopesOf(changes), changes: [...changes] })
}

/** Shorthand for one change. */
export function change(
  resource: CacheResource,
  accountId: string | null = null,
  orgId: number | null = null,
): CacheChange {
  return { resource, accountId, orgId }
}
