import type { OrgSummary } from '../../../../shared/domain/cache'
import { orgKey } from './org-key'

/** Lower case without accents: "Genève" and "geneve" match. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/**
 * How well `name` matches `query` (both folded): 0 prefix, 1 word start, 2 substring,
 * 3 every query word somewhere, 4 letters in order (fuzzy); null when it does not match.
 */
export function matchRank(name: string, query: string): number | null {
  if (query === '') return 0
  const at = name.indexOf(query)
  if (at === 0) return 0
  if (at > 0) return /[\s\-_.,'’&()/]/.test(name[at - 1] ?? '') ? 1 : 2
  const words = query.split(/\s+/).filter(Boolean)
  if (words.length > 1 && words.every((w) => name.includes(w))) return 3
  let i = 0
  const compact = query.replace(/\s+/g, '')
  for (const ch of name) if (ch === compact[i]) i++
  return i === compact.length ? 4 : null
}

export interface OrgSearchEntry {
  org: OrgSummary
  key: string
  pinned: boolean
  /** Position in the recents (0 = most recent), or null. */
  recent: number | null
}

export interface OrgSearchResult {
  entries: OrgSearchEntry[]
  /** Matches left out by the cap. */
  hidden: number
  total: number
}

/** Folded names, computed once per organization list. */
export function indexOrgs(orgs: readonly OrgSummary[]): { org: OrgSummary; key: string; folded: string }[] {
  return orgs.map((org) => ({ org, key: orgKey({ accountId: org.accountId, orgId: org.id }), folded: fold(org.name) }))
}

/**
 * Orders the organizations for the switcher: with no query, pinned first, then recents, then
 * by name; with a query, by match quality, then pinned, recent and name. At most `cap` rows.
 */
export function searchOrgs(
  index: readonly { org: OrgSummary; key: string; folded: string }[],
  rawQuery: string,
  prefs: { pins: readonly string[]; recents: readonly string[] },
  cap = 20,
): OrgSearchResult {
  const query = fold(rawQuery.trim())
  const pins = new Set(prefs.pins)
  const recentPos = new Map(prefs.recents.map((k, i) => [k, i]))
  const scored: { entry: OrgSearchEntry; rank: number; name: string }[] = []
  for (const item of index) {
    const rank = matchRank(item.folded, query)
    if (rank === null) continue
    scored.push({
      entry: { org: item.org, key: item.key, pinned: pins.has(item.key), recent: recentPos.get(item.key) ?? null },
      rank,
      name: item.folded,
    })
  }
  scored.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank
    if (a.entry.pinned !== b.entry.pinned) return a.entry.pinned ? -1 : 1
    const ra = a.entry.recent ?? Number.MAX_SAFE_INTEGER
    const rb = b.entry.recent ?? Number.MAX_SAFE_INTEGER
    if (ra !== rb) return ra - rb
    return a.name < b.name ? -1 : a.name > b.name ? 1 : a.entry.key < b.entry.key ? -1 : 1
  })
  return {
    entries: scored.slice(0, cap).map((s) => s.entry),
    hidden: Math.max(0, scored.length - cap),
    total: scored.length,
  }
}
