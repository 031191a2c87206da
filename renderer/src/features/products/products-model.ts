import type { ProductRow } from '../../../../shared/domain/cache'
import { fold } from '../orgs/org-search'

const DAY_MS = 86_400_000

/** Product dates are Unix seconds (as the API sends them). */
export function expiryMs(p: ProductRow): number | null {
  return p.expiredAt === null ? null : p.expiredAt * 1000
}

export const PRODUCT_STATUSES = ['expired', 'expiring', 'locked', 'maintenance', 'trial', 'operation'] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]

/** The statuses a product shows as badges; `expiring` = within 30 days. */
export function productStatuses(p: ProductRow, nowMs: number): ProductStatus[] {
  const out: ProductStatus[] = []
  const exp = expiryMs(p)
  if (exp !== null && exp <= nowMs) out.push('expired')
  else if (exp !== null && exp - nowMs <= 30 * DAY_MS) out.push('expiring')
  if (p.isLocked) out.push('locked')
  if (p.hasMaintenance) out.push('maintenance')
  if (p.isTrial) out.push('trial')
  if (p.hasOperationInProgress) out.push('operation')
  return out
}

/** The name a person recognises: the customer name, else the internal name, else the domain. */
export function productName(p: ProductRow): string {
  return p.customerName || p.internalName || p.fqdn || `#${p.id}`
}

export type SortKey = 'name' | 'type' | 'expiry'
export interface ProductQuery {
  search: string
  types: readonly string[]
  statuses: readonly ProductStatus[]
  sort: SortKey
  direction: 'asc' | 'desc'
}

export const DEFAULT_PRODUCT_QUERY: ProductQuery = {
  search: '',
  types: [],
  statuses: [],
  sort: 'name',
  direction: 'asc',
}

function compare(a: ProductRow, b: ProductRow, key: SortKey): number {
  if (key === 'expiry') {
    // Products without an expiry date go last in both directions.
    const ea = a.expiredAt ?? Number.POSITIVE_INFINITY
    const eb = b.expiredAt ?? Number.POSITIVE_INFINITY
    if (ea !== eb) return ea < eb ? -1 : 1
  } else if (key === 'type') {
    const c = a.serviceName.localeCompare(b.serviceName)
    if (c !== 0) return c
  }
  return productName(a).localeCompare(productName(b), undefined, { sensitivity: 'base' }) || a.id - b.id
}

/** Filters (search on name, internal name, domain, type and tags; types; statuses) and sorts. */
export function filterProducts(products: readonly ProductRow[], q: ProductQuery, nowMs: number): ProductRow[] {
  const words = fold(q.search.trim()).split(/\s+/).filter(Boolean)
  const types = new Set(q.types)
  const out = products.filter((p) => {
    if (types.size > 0 && !types.has(p.serviceName)) return false
    if (q.statuses.length > 0) {
      const has = productStatuses(p, nowMs)
      if (!q.statuses.some((s) => has.includes(s))) return false
    }
    if (words.length === 0) return true
    const haystack = fold(
      [
        p.customerName,
        p.internalName ?? '',
        p.fqdn ?? '',
        p.serviceName,
        String(p.id),
        ...p.tags.map((t) => t.name),
      ].join(' '),
    )
    return words.every((w) => haystack.includes(w))
  })
  out.sort((a, b) => {
    const c = compare(a, b, q.sort)
    if (q.sort === 'expiry' && (a.expiredAt === null) !== (b.expiredAt === null)) return c
    return q.direction === 'asc' ? c : -c
  })
  return out
}

/** Distinct product types with counts, most frequent first. */
export function productTypes(products: readonly ProductRow[]): { type: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const p of products) counts.set(p.serviceName, (counts.get(p.serviceName) ?? 0) + 1)
  return [...counts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type))
}
