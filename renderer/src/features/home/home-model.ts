import type { HomeRow, UnpaidTotal } from '../../../../shared/domain/fleet'
import { orgKey } from '../orgs/org-key'

export type HomeSortKey =
  'name' | 'products' | 'expiring30' | 'expired' | 'score' | 'no2fa' | 'staleInvitations' | 'unpaid' | 'syncedAt'

export interface HomeFilters {
  text: string
  accounts: readonly string[]
  roles: readonly string[]
  tags: readonly string[]
  pinnedOnly: boolean
  /** Only clients with something to look at (expiring, expired, findings, unpaid). */
  attentionOnly: boolean
}

export const NO_HOME_FILTERS: HomeFilters = {
  text: '',
  accounts: [],
  roles: [],
  tags: [],
  pinnedOnly: false,
  attentionOnly: false,
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Whether a client needs a look: something expires or expired, a high finding, unpaid invoices. */
export function needsAttention(r: HomeRow): boolean {
  return r.expiring30 > 0 || r.expired > 0 || (r.score !== null && r.score < 70) || (r.unpaid?.length ?? 0) > 0
}

export function filterHomeRows(rows: readonly HomeRow[], f: HomeFilters, pins: readonly string[]): HomeRow[] {
  const text = fold(f.text.trim())
  const pinned = new Set(pins)
  return rows.filter((r) => {
    if (f.accounts.length > 0 && !f.accounts.includes(r.accountId)) return false
    if (f.roles.length > 0 && !f.roles.includes(r.role)) return false
    if (f.tags.length > 0 && !f.tags.some((t) => r.tags.includes(t))) return false
    if (f.pinnedOnly && !pinned.has(orgKey({ accountId: r.accountId, orgId: r.orgId }))) return false
    if (f.attentionOnly && !needsAttention(r)) return false
    if (text !== '' && !fold(`${r.name} ${r.accountLabel} ${r.tags.join(' ')}`).includes(text)) return false
    return true
  })
}

function unpaidCount(r: HomeRow): number | null {
  return r.unpaid === null ? null : r.unpaid.reduce((n, u) => n + u.count, 0)
}

function value(r: HomeRow, key: HomeSortKey): number | string | null {
  switch (key) {
    case 'name':
      return r.name
    case 'unpaid':
      return unpaidCount(r)
    default:
      return r[key]
  }
}

/** Sorts the rows; unknown values (null) go last in both directions, then by name. */
export function sortHomeRows(
  rows: readonly HomeRow[],
  key: HomeSortKey,
  direction: 'asc' | 'desc',
  language: string,
): HomeRow[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
  const sign = direction === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = value(a, key)
    const y = value(b, key)
    if (x !== y) {
      if (x === null) return 1
      if (y === null) return -1
      const c = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : (x as number) - (y as number)
      if (c !== 0) return sign * c
    }
    return collator.compare(a.name, b.name) || a.accountId.localeCompare(b.accountId) || a.orgId - b.orgId
  })
}

export interface HomeTiles {
  clients: number
  products: number
  expiring30: number
  expired: number
  openFindings: number
  /** Clients whose score is under 70. */
  lowScores: number
  no2fa: number
  staleInvitations: number
  /** Per currency, never added across currencies. */
  unpaid: UnpaidTotal[]
  attention: number
}

export function homeTiles(rows: readonly HomeRow[]): HomeTiles {
  const unpaid = new Map<string, UnpaidTotal>()
  const t: HomeTiles = {
    clients: rows.length,
    products: 0,
    expiring30: 0,
    expired: 0,
    openFindings: 0,
    lowScores: 0,
    no2fa: 0,
    staleInvitations: 0,
    unpaid: [],
    attention: 0,
  }
  for (const r of rows) {
    t.products += r.products
    t.expiring30 += r.expiring30
    t.expired += r.expired
    t.openFindings += r.openFindings
    if (r.score !== null && r.score < 70) t.lowScores++
    t.no2fa += r.no2fa ?? 0
    t.staleInvitations += r.staleInvitations
    if (needsAttention(r)) t.attention++
    for (const u of r.unpaid ?? []) {
      const sum = unpaid.get(u.currency) ?? { currency: u.currency, count: 0, cents: 0 }
      sum.count += u.count
      sum.cents += u.cents
      unpaid.set(u.currency, sum)
    }
  }
  t.unpaid = [...unpaid.values()].sort((a, b) => a.currency.localeCompare(b.currency))
  return t
}

/** Distinct roles, tags and accounts of the fleet (the filter choices). */
export function homeChoices(rows: readonly HomeRow[]): { roles: string[]; tags: string[] } {
  const roles = new Set<string>()
  const tags = new Set<string>()
  for (const r of rows) {
    roles.add(r.role)
    for (const t of r.tags) tags.add(t)
  }
  return { roles: [...roles].sort(), tags: [...tags].sort((a, b) => a.localeCompare(b)) }
}
