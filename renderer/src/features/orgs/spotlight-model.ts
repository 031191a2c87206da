import type { SearchHit } from '../../../../shared/domain/cache'
import { orgPath } from './org-key'
import type { OrgSearchEntry } from './org-search'

/** Search results (products, people) are fetched from this many typed characters on. */
export const MIN_SEARCH_CHARS = 2

export type SpotlightGroupId = 'orgs' | 'products' | 'people'

export type SpotlightItem =
  | { kind: 'org'; key: string; entry: OrgSearchEntry }
  | { kind: 'product'; key: string; hit: SearchHit }
  /** One row per person (by e-mail), however many organizations the search found them in. */
  | { kind: 'person'; key: string; hit: SearchHit; orgCount: number }

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
  const people = new Map<string, { kind: 'person'; key: string; hit: SearchHit; orgCount: number }>()
  for (const hit of hits) {
    if (hit.kind === 'org') continue
    if (hit.kind === 'person') {
      // The subtitle of a person hit is the e-mail: one row per person across organizations.
      const email = hit.subtitle.trim().toLowerCase()
      const orgKey = `${hit.accountId}:${hit.orgId}`
      const known = people.get(email)
      if (known) {
        if (!seen.has(`${email}|${orgKey}`)) known.orgCount++
      } else {
        const item = { kind: 'person' as const, key: `person:${email}`, hit, orgCount: 1 }
        people.set(email, item)
        lists.people.push(item)
      }
      seen.add(`${email}|${orgKey}`)
      continue
    }
    const key = `${hit.kind}:${hit.accountId}:${hit.orgId}:${hit.ref}`
    if (seen.has(key)) continue
    seen.add(key)
    lists.products.push({ kind: 'product', key, hit })
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

/** A row of the switcher's virtualized list: a group heading or an item (with its keyboard index). */
export type SpotlightRow =
  { kind: 'header'; id: SpotlightGroupId } | { kind: 'item'; item: SpotlightItem; index: number }

/** Flattens the groups for the virtualized list; headings only when more than organizations are listed. */
export function spotlightRows(model: SpotlightModel): SpotlightRow[] {
  const withHeadings = model.groups.some((g) => g.id !== 'orgs')
  const rows: SpotlightRow[] = []
  for (const g of model.groups) {
    if (withHeadings) rows.push({ kind: 'header', id: g.id })
    g.items.forEach((item, j) => rows.push({ kind: 'item', item, index: g.start + j }))
  }
  return rows
}

/** The switcher's filter chips. */
export interface SwitcherFilters {
  pinned: boolean
  recent: boolean
  roles: readonly string[]
  accounts: readonly string[]
}

export const NO_FILTERS: SwitcherFilters = { pinned: false, recent: false, roles: [], accounts: [] }

export function hasFilters(f: SwitcherFilters): boolean {
  return f.pinned || f.recent || f.roles.length > 0 || f.accounts.length > 0
}

/** Whether an organization passes the chips (each chip group narrows; values inside a group widen). */
export function orgPasses(
  org: { accountId: string; role: string },
  key: string,
  f: SwitcherFilters,
  prefs: { pins: readonly string[]; recents: readonly string[] },
): boolean {
  if (f.pinned && !prefs.pins.includes(key)) return false
  if (f.recent && !prefs.recents.includes(key)) return false
  if (f.roles.length > 0 && !f.roles.includes(org.role)) return false
  if (f.accounts.length > 0 && !f.accounts.includes(org.accountId)) return false
  return true
}
