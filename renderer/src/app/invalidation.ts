/**
 * Which cached queries a `cache:changed` change makes stale (pure, unit-tested). Query keys name
 * what they depend on: `[root, kind, accountId, orgId, …]`. One organization's users job refreshes
 * that organization's lists and matrix, not every matrix; fleet-wide read models (hygiene, people
 * search, history, every-org invitations) refresh once at the end of a sync run or after the app's
 * own access changes; a person page refreshes when one of its organizations changes.
 */
import type { CacheChange, CacheResource } from '../../../shared/domain/cache-change'
import type { CacheScope } from '../../../shared/ipc/contract'

type Key = readonly unknown[]

const sameAccount = (c: CacheChange, accountId: unknown): boolean => c.accountId === null || c.accountId === accountId
const sameOrg = (c: CacheChange, orgId: unknown): boolean => c.orgId === null || c.orgId === orgId
const is = (c: CacheChange, ...resources: CacheResource[]): boolean => resources.includes(c.resource)
/** The end of a sync run (of the whole account) or a write of the app: fleet-wide views refresh. */
const fleetWide = (c: CacheChange): boolean => is(c, 'access', 'accounts') || (is(c, 'sync') && c.orgId === null)
/** An organization's member, team or product data changed. */
const orgAccess = (c: CacheChange): boolean => is(c, 'users', 'teams', 'memberships', 'products', 'access', 'orgs')

/** Billing queries computed from the cached products (beside the ledger and the price list). */
const BILLING_FROM_PRODUCTS: ReadonlySet<unknown> = new Set(['forecast', 'services', 'gauge', 'margins'])

/** Does `change` affect the query with this key (and, for person pages, these data)? */
export function affects(key: Key, data: unknown, c: CacheChange): boolean {
  const [root, kind, a, b] = key
  switch (root) {
    case 'settings':
      return is(c, 'settings')
    case 'app':
      return false
    case 'accounts':
      // State, organization count, last sync.
      return is(c, 'accounts', 'orgs', 'sync')
    case 'sync':
      return is(c, 'sync', 'accounts')
    case 'orgs':
      // The organization list carries product and user counts.
      if (kind === 'all') return is(c, 'orgs', 'products', 'users', 'accounts')
      if (kind === 'account') return sameAccount(c, a) && is(c, 'orgs', 'accounts')
      return fallback(key, c)
    case 'coverage':
      return sameAccount(c, a) && sameOrg(c, b) && !is(c, 'settings', 'billing')
    case 'products':
      return sameAccount(c, a) && sameOrg(c, b) && is(c, 'products', 'orgs', 'accounts')
    case 'users':
      // Members carry their team ids.
      return sameAccount(c, a) && sameOrg(c, b) && is(c, 'users', 'memberships', 'teams', 'orgs', 'accounts')
    case 'search':
      return is(c, 'orgs', 'products', 'users', 'accounts')
    case 'renewals':
      return is(c, 'products', 'orgs', 'accounts')
    case 'billing':
      // The forecast, gauge, margins and service list read the cached products; the client currencies read
      // the cached organizations; the rest is the ledger.
      return (
        sameAccount(c, a) &&
        (is(c, 'billing') ||
          (BILLING_FROM_PRODUCTS.has(kind) && is(c, 'products')) ||
          (kind === 'currencies' && is(c, 'orgs', 'accounts')))
      )
    case 'access':
      return affectsAccess(key, data, c)
    case 'fleet':
      return affectsFleet(kind, c)
    default:
      return fallback(key, c)
  }
}

function affectsAccess(key: Key, data: unknown, c: CacheChange): boolean {
  const [, kind, a, b] = key
  switch (kind) {
    case 'matrix':
      return sameAccount(c, a) && sameOrg(c, b) && orgAccess(c)
    case 'teams':
      return sameAccount(c, a) && sameOrg(c, b) && is(c, 'teams', 'memberships', 'users', 'access', 'orgs')
    case 'invitations':
      // One organization's invitations, or every organization's.
      if (a !== null && a !== undefined)
        return sameAccount(c, a) && (b === null || b === undefined || sameOrg(c, b)) && is(c, 'users', 'access', 'orgs')
      return fleetWide(c)
    case 'person':
      return fleetWide(c) || (orgAccess(c) && personTouches(data, c))
    case 'history': {
      const filter = (key[2] ?? {}) as { accountId?: unknown; orgId?: unknown }
      if (filter.orgId !== undefined && filter.accountId !== undefined)
        return (
          (sameAccount(c, filter.accountId) && sameOrg(c, filter.orgId) && is(c, 'users', 'teams', 'memberships')) ||
          fleetWide(c)
        )
      return fleetWide(c)
    }
    case 'people':
    case 'hygiene':
      return fleetWide(c)
    default:
      return fleetWide(c) || orgAccess(c)
  }
}

/**
 * The across-all-clients read models (renderer/src/features/fleet): the inventory follows products and
 * organizations; Home also carries hygiene scores, members and the ledger (members once per run);
 * hygiene is fleet-wide; saved views change only through the app's own mutations.
 */
function affectsFleet(kind: unknown, c: CacheChange): boolean {
  switch (kind) {
    case 'views':
      return false
    case 'inventory':
    case 'facets':
      return is(c, 'products', 'orgs', 'accounts')
    case 'home':
      return is(c, 'products', 'orgs', 'accounts', 'billing') || fleetWide(c)
    case 'hygiene':
      return fleetWide(c)
    default:
      return fleetWide(c) || is(c, 'products', 'orgs', 'billing')
  }
}

/** True when the person page's data include the changed organization (or there is nothing cached yet). */
function personTouches(data: unknown, c: CacheChange): boolean {
  const orgs = (data as { orgs?: { accountId: string; orgId: number }[] } | undefined)?.orgs
  if (!orgs) return true
  return orgs.some((o) => sameAccount(c, o.accountId) && sameOrg(c, o.orgId))
}

/** Coarse scopes of a change, for query keys this module does not know (added by other features). */
const SCOPES: Record<CacheResource, readonly CacheScope[]> = {
  settings: ['settings'],
  accounts: ['accounts'],
  orgs: ['orgs', 'accounts'],
  products: ['products', 'orgs'],
  users: ['users', 'teams', 'orgs'],
  teams: ['teams'],
  memberships: ['teams', 'users'],
  access: ['access', 'users', 'teams'],
  sync: ['sync', 'accounts'],
  billing: ['billing'],
}

function fallback(key: Key, c: CacheChange): boolean {
  return SCOPES[c.resource].includes(key[0] as CacheScope)
}
