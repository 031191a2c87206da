import type { RenewalRow } from '../../../../shared/domain/renewals'

export type RenewalGrouping = 'client' | 'type' | 'month'

export interface RenewalGroup {
  key: string
  /** Client name, service name, or `YYYY-MM`. */
  label: string
  rows: RenewalRow[]
  expired: number
  underCutoff: number
}

export type RenewalItem = { kind: 'group'; group: RenewalGroup } | { kind: 'row'; row: RenewalRow; group: string }

function monthOf(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 7)
}

/**
 * Groups renewals by client, product type or month. Groups are ordered by their earliest
 * expiry (so the most urgent comes first); rows inside a group stay in expiry order.
 */
export function groupRenewals(rows: readonly RenewalRow[], by: RenewalGrouping): RenewalGroup[] {
  const groups = new Map<string, RenewalGroup>()
  for (const row of rows) {
    const key =
      by === 'client' ? `${row.accountId}:${row.orgId}` : by === 'type' ? row.serviceName : monthOf(row.expiredAt)
    const label = by === 'client' ? row.orgName : by === 'type' ? row.serviceName : monthOf(row.expiredAt)
    let group = groups.get(key)
    if (!group) {
      group = { key, label, rows: [], expired: 0, underCutoff: 0 }
      groups.set(key, group)
    }
    group.rows.push(row)
    if (row.expired) group.expired++
    if (row.underCutoff) group.underCutoff++
  }
  const earliest = (g: RenewalGroup): number => Math.min(...g.rows.map((r) => r.expiredAt))
  return [...groups.values()]
    .map((g) => ({ ...g, rows: [...g.rows].sort((a, b) => a.expiredAt - b.expiredAt) }))
    .sort((a, b) =>
      by === 'month' ? a.key.localeCompare(b.key) : earliest(a) - earliest(b) || a.label.localeCompare(b.label),
    )
}

/** Flattens groups into the item list a virtualized list renders (a header, then its rows). */
export function flattenGroups(groups: readonly RenewalGroup[]): RenewalItem[] {
  return groups.flatMap((group) => [
    { kind: 'group' as const, group },
    ...group.rows.map((row) => ({ kind: 'row' as const, row, group: group.key })),
  ])
}

/** Filters by free text over client, product and type (accents and case folded). */
export function filterRenewals(rows: readonly RenewalRow[], text: string): RenewalRow[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const needle = fold(text.trim())
  if (needle === '') return [...rows]
  return rows.filter((r) => fold(`${r.orgName} ${r.customerName} ${r.serviceName}`).includes(needle))
}
