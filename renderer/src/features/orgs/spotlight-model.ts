import type { SearchHit } from '../../../../shared/domain/cache'
import { orgPath } from './org-key'
import type { OrgSearchEntry } from './org-search'

/** Search results (products, people) are fetched from this many typed characters on. */
export const MIN_SEARCH_CHARS = 2

export type SpotlightGroupId = 'orgs' | 'products' | 'people'

export type SpotlightItem =
  { kind: 'org'; key: string; entry: OrgSearchEntry } | { kind: 'product' | 'person'; key: string; hit: SearchHit }

export interface SpotlightGroup {
  id: SpotlightGroupId
  /** Index of the group's first item in the flat list. */
  start: number
  items: SpotlightItem[]
}

export interface SpotlightModel {
  groups: SpotlightGroup[]
  /** Every item in display order: the index the keyboard moves over. */
  flat: SpotlightItem[]
}

/** Whether the query is long enough to search products and people. */
export function searchesEverything(query: string): boolean {
  return query.trim().length >= MIN_SEARCH_CHARS
}

/**
 * The switcher's list: organizations first (the existing ranking), then product hits, then
 * people hits; organization hits from the full-text search are left out (the list covers them).
 * Empty groups are dropped.
 */
export function buildSpotlight(orgs: readonly OrgSearchEntry[], hits: readonly SearchHit[]): SpotlightModel {
  const lists: Record<SpotlightGroupId, SpotlightItem[]> = {
    orgs: orgs.map((entry) => ({ kind: 'org', key: `org:${entry.key}`, entry })),
    products: [],
    people: [],
  }
  const seen = new Set<string>()
  for (const hit of hits) {
    if (hit.kind === 'org') continue
    const key = `${hit.kind}:${hit.accountId}:${hit.orgId}:${hit.ref}`
    if (seen.has(key)) continue
    seen.add(key)
    lists[hit.kind === 'product' ? 'products' : 'people'].push({ kind: hit.kind, key, hit })
  }
  const groups: SpotlightGroup[] = []
  const flat: SpotlightItem[] = []
  for (const id of ['orgs', 'products', 'people'] as const) {
    const items = lists[id]
    if (items.length === 0) continue
    groups.push({ id, start: flat.length, items })
    flat.push(...items)
  }
  return { groups, flat }
}

/** The highlighted index after an arrow key, wrapping around; 0 for an empty list. */
export function moveActive(active: number, delta: 1 | -1, count: number): number {
  if (count <= 0) return 0
  const from = Math.min(Math.max(active, 0), count - 1)
  return (from + delta + count) % count
}

/** The screen an item opens. */
export function spotlightTarget(item: SpotlightItem, orgSection: 'overview' | 'products'): string {
  if (item.kind === 'org') return orgPath({ accountId: item.entry.org.accountId, orgId: item.entry.org.id }, orgSection)
  const { hit } = item
  if (item.kind === 'product')
    return `${orgPath({ accountId: hit.accountId, orgId: hit.orgId }, 'products')}?product=${encodeURIComponent(hit.ref)}`
  // The subtitle of a person hit is the e-mail (the same path as the people list builds).
  return `/access/people/${encodeURIComponent(hit.subtitle.toLowerCase())}`
}
