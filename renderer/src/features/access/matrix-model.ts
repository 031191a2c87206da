import type { MatrixData, MatrixUser } from '../../../../shared/domain/access'

export type AccessFilter = 'all' | 'has' | 'lacks'

export interface MatrixFilters {
  text: string
  role: string | null
  serviceName: string | null
  access: AccessFilter
  showPending: boolean
}

export const DEFAULT_FILTERS: MatrixFilters = {
  text: '',
  role: null,
  serviceName: null,
  access: 'all',
  showPending: true,
}

export type MatrixRow = { kind: 'user'; index: number } | { kind: 'group'; count: number }

export interface MatrixView {
  /** Product indexes shown as columns. */
  columns: number[]
  /** Rows: members, then a group header and the pending invitees. */
  rows: MatrixRow[]
  /** (user index, product index) → cell index in `data.cells`. */
  cellAt: (user: number, product: number) => number | undefined
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Applies the filters: columns by product type, rows by role, text, access on the shown columns, pending. */
export function viewOf(data: MatrixData, f: MatrixFilters): MatrixView {
  const P = Math.max(1, data.products.length)
  const index = new Map<number, number>()
  data.cells.forEach((c, i) => index.set(c[0] * P + c[1], i))
  const columns: number[] = []
  data.products.forEach((p, i) => {
    if (f.serviceName === null || p.serviceName === f.serviceName) columns.push(i)
  })
  const shown = new Set(columns)
  const withAccess = new Set<number>()
  for (const c of data.cells) if (shown.has(c[1])) withAccess.add(c[0])
  // Legal representatives and administrators hold every right through their role.
  if (columns.length > 0) data.users.forEach((u, i) => holdsEveryRightByRole(u) && withAccess.add(i))
  const q = fold(f.text.trim())
  const members: MatrixRow[] = []
  const pending: MatrixRow[] = []
  data.users.forEach((u, i) => {
    if (f.role !== null && u.roleType !== f.role) return
    if (q && !fold(`${u.displayName} ${u.email}`).includes(q)) return
    if (f.access === 'has' && !withAccess.has(i)) return
    if (f.access === 'lacks' && withAccess.has(i)) return
    if (u.pending) {
      if (f.showPending) pending.push({ kind: 'user', index: i })
    } else members.push({ kind: 'user', index: i })
  })
  const rows =
    pending.length > 0 ? [...members, { kind: 'group' as const, count: pending.length }, ...pending] : members
  return { columns, rows, cellAt: (u, p) => index.get(u * P + p) }
}

/** Distinct product types of the matrix, sorted. */
export function serviceNames(data: MatrixData): string[] {
  return [...new Set(data.products.map((p) => p.serviceName))].sort()
}

/** Moves a focused cell with a key; returns null for keys it does not handle. */
export function moveFocus(
  pos: { row: number; col: number },
  key: string,
  rows: number,
  cols: number,
  page = 10,
): { row: number; col: number } | null {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max - 1, v))
  switch (key) {
    case 'ArrowUp':
      return { row: clamp(pos.row - 1, rows), col: pos.col }
    case 'ArrowDown':
      return { row: clamp(pos.row + 1, rows), col: pos.col }
    case 'ArrowLeft':
      return { row: pos.row, col: clamp(pos.col - 1, cols) }
    case 'ArrowRight':
      return { row: pos.row, col: clamp(pos.col + 1, cols) }
    case 'PageUp':
      return { row: clamp(pos.row - page, rows), col: pos.col }
    case 'PageDown':
      return { row: clamp(pos.row + page, rows), col: pos.col }
    case 'Home':
      return { row: pos.row, col: 0 }
    case 'End':
      return { row: pos.row, col: Math.max(0, cols - 1) }
    default:
      return null
  }
}

/** Roles that hold every right on every product of their organization (the Manager's rule). */
export const ROLES_WITH_EVERY_RIGHT: readonly string[] = ['owner', 'admin']

/** Whether a person holds every right through their role: a member (not a pending invitee) with such a role. */
export function holdsEveryRightByRole(u: Pick<MatrixUser, 'roleType' | 'pending'>): boolean {
  return !u.pending && ROLES_WITH_EVERY_RIGHT.includes(u.roleType)
}

/**
 * What a cell shows first: a direct right, a right through a team, a right implied by the role, no right, or
 * "not available" (the API does not give per-product rights and nothing else is known).
 */
export type CellKind = 'direct' | 'team' | 'role' | 'none' | 'unavailable'

export interface CellSources {
  kind: CellKind
  /** Explicit rights (direct ∪ teams). */
  mask: number
  /** Rights given directly. */
  direct: number
  /** Teams the explicit rights come through. */
  teams: number[]
  /** Every right through the role (legal representative, administrator). */
  byRole: boolean
}

/** Where the rights of one person on one product come from. */
export function explainCell(
  data: MatrixData,
  view: Pick<MatrixView, 'cellAt'>,
  user: number,
  product: number,
  rightsAvailable: boolean,
): CellSources {
  const at = view.cellAt(user, product)
  const cell = at === undefined ? undefined : data.cells[at]
  const mask = cell?.[2] ?? 0
  const direct = cell?.[3] ?? 0
  const teams = cell?.[4] ?? []
  const byRole = holdsEveryRightByRole(data.users[user]!)
  const kind: CellKind =
    direct !== 0
      ? 'direct'
      : mask !== 0 || teams.length > 0
        ? 'team'
        : byRole
          ? 'role'
          : rightsAvailable
            ? 'none'
            : 'unavailable'
  return { kind, mask, direct, teams, byRole }
}

/** Indexes of the people shown as columns in the transposed layout (members and invitees, no group rows). */
export function peopleOf(view: Pick<MatrixView, 'rows'>): number[] {
  const out: number[] = []
  for (const r of view.rows) if (r.kind === 'user') out.push(r.index)
  return out
}

/** Left offsets of sticky columns laid side by side, so none covers another; the last entry is their width. */
export function stickyOffsets(widths: readonly number[]): number[] {
  const out = [0]
  for (const w of widths) out.push(out[out.length - 1]! + w)
  return out
}
