import type { RenewalRow } from '../../../../shared/domain/renewals'
import { intlLocale } from '../../../../shared/i18n/format'

export type RenewalGrouping = 'client' | 'type' | 'month'

/** How soon a renewal is due, in the words the badges use. */
export type Urgency = 'expired' | 'week' | 'month' | 'later'
export const URGENCIES: readonly Urgency[] = ['expired', 'week', 'month', 'later']

export function urgencyOf(row: Pick<RenewalRow, 'expired' | 'daysLeft'>): Urgency {
  if (row.expired) return 'expired'
  if (row.daysLeft <= 7) return 'week'
  if (row.daysLeft <= 30) return 'month'
  return 'later'
}

export interface RenewalGroup {
  key: string
  /** Client name, service display name, or month name (see `GroupLabels`). */
  label: string
  rows: RenewalRow[]
  expired: number
  underCutoff: number
  /** Rows per urgency (every urgency present, zeros included). */
  byUrgency: Record<Urgency, number>
}

export type RenewalItem = { kind: 'group'; group: RenewalGroup } | { kind: 'row'; row: RenewalRow; group: string }

/** Names of services and months in the UI language (identity by default: codes and `YYYY-MM`). */
export interface GroupLabels {
  service: (code: string) => string
  month: (month: string) => string
}
const RAW: GroupLabels = { service: (s) => s, month: (m) => m }

function monthOf(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 7)
}

/** A row's identity in selections: account and product. */
export function rowKey(r: Pick<RenewalRow, 'accountId' | 'productId'>): string {
  return `${r.accountId}\u0000${r.productId}`
}

/**
 * Groups renewals by client, product type or month. Groups are ordered by their earliest
 * expiry (so the most urgent comes first; months in calendar order); rows inside a group stay in expiry order.
 */
export function groupRenewals(
  rows: readonly RenewalRow[],
  by: RenewalGrouping,
  labels: GroupLabels = RAW,
): RenewalGroup[] {
  const groups = new Map<string, RenewalGroup>()
  for (const row of rows) {
    const key =
      by === 'client' ? `${row.accountId}:${row.orgId}` : by === 'type' ? row.serviceName : monthOf(row.expiredAt)
    let group = groups.get(key)
    if (!group) {
      const label = by === 'client' ? row.orgName : by === 'type' ? labels.service(key) : labels.month(key)
      group = {
        key,
        label,
        rows: [],
        expired: 0,
        underCutoff: 0,
        byUrgency: { expired: 0, week: 0, month: 0, later: 0 },
      }
      groups.set(key, group)
    }
    group.rows.push(row)
    if (row.expired) group.expired++
    if (row.underCutoff) group.underCutoff++
    group.byUrgency[urgencyOf(row)]++
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

/**
 * Filters by free text over client, product and type (accents and case folded); the type matches by its code
 * and by its display name (`serviceLabel`).
 */
export function filterRenewals(
  rows: readonly RenewalRow[],
  text: string,
  serviceLabel: (code: string) => string = (s) => s,
): RenewalRow[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const needle = fold(text.trim())
  if (needle === '') return [...rows]
  return rows.filter((r) =>
    fold(`${r.orgName} ${r.customerName} ${r.serviceName} ${serviceLabel(r.serviceName)}`).includes(needle),
  )
}

/**
 * The keys of the rows from one row to another in list order (both included), whichever comes first: what
 * shift-click selects.
 */
export function rangeKeys(items: readonly RenewalItem[], from: string, to: string): string[] {
  const keys = items.flatMap((i) => (i.kind === 'row' ? [rowKey(i.row)] : []))
  const a = keys.indexOf(from)
  const b = keys.indexOf(to)
  if (a < 0 || b < 0) return b < 0 ? [] : [to]
  return keys.slice(Math.min(a, b), Math.max(a, b) + 1)
}

/** The selected rows that are still listed, in list order. */
export function selectedRows(items: readonly RenewalItem[], selected: ReadonlySet<string>): RenewalRow[] {
  return items.flatMap((i) => (i.kind === 'row' && selected.has(rowKey(i.row)) ? [i.row] : []))
}

/** A month header in the UI language: `2026-12` → `December 2026`, `décembre 2026`, `Dezember 2026`. */
export function monthTitle(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number)
  return new Intl.DateTimeFormat(intlLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)),
  )
}
