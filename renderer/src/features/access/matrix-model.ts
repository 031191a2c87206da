import type { MatrixData } from '../../../../shared/domain/access'

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
