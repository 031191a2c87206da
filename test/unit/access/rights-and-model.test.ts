import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { MatrixData } from '../../../shared/domain/access'
import { maskLetters, rightsOfMask } from '../../../shared/domain/access'
import { maskOfRights, parseTeamPermissions, permissionApplies } from '../../../electron/main/access/rights'
import { matrixTable } from '../../../electron/main/access/exports'
import {
  DEFAULT_FILTERS,
  explainCell,
  holdsEveryRightByRole,
  moveFocus,
  peopleOf,
  serviceNames,
  stickyOffsets,
  viewOf,
} from '../../../renderer/src/features/access/matrix-model'

describe('rights', () => {
  it('reads every shape the API uses for rights', () => {
    expect(maskOfRights('technical')).toBe(1)
    expect(maskOfRights(['statistic', 'sale', 'bogus'])).toBe(2 | 8)
    expect(maskOfRights({ technical: true, statistic: false, check: true, sale: false })).toBe(1 | 4)
    expect(maskOfRights(null)).toBe(0)
    expect(maskOfRights('toString')).toBe(0)
  })

  it('matches a team permission by product id, else by service id (like the sandbox)', () => {
    expect(permissionApplies({ product_id: 5, service_id: 1 }, 5, 2)).toBe(true)
    expect(permissionApplies({ product_id: 5, service_id: 1 }, 6, 1)).toBe(false)
    expect(permissionApplies({ product_id: null, service_id: 1 }, 6, 1)).toBe(true)
    expect(permissionApplies({ product_id: null, service_id: 1 }, 6, null)).toBe(false)
    expect(parseTeamPermissions('not json')).toEqual([])
    expect(parseTeamPermissions('[1, {"service_id": 2}]')).toEqual([{ service_id: 2 }])
  })

  it('round-trips masks and letters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), (m) => {
        expect(maskOfRights(rightsOfMask(m))).toBe(m)
        expect(maskLetters(m).length).toBe(rightsOfMask(m).length)
      }),
    )
  })
})

const data: MatrixData = {
  accountId: 'a',
  orgId: 1,
  orgName: 'Org',
  myRole: 'owner',
  syncedAt: null,
  products: [
    { id: 10, serviceId: 1, serviceName: 'hosting', name: '=cmd' },
    { id: 11, serviceId: 2, serviceName: 'domain', name: 'example.ch' },
  ],
  users: [
    ['Ann', 'owner', false],
    ['Bob', 'normal', false],
    ['Cid', 'normal', false],
    ['Dee', 'normal', true],
  ].map(([name, role, pending], i) => ({
    memberKey: pending ? `i:${i}` : `u:${i}`,
    userId: pending ? null : i,
    invitationId: pending ? i : null,
    email: `${String(name).toLowerCase()}@x.ch`,
    displayName: String(name),
    roleType: String(role),
    pending: Boolean(pending),
    billing: false,
    correspondent: false,
    correspondentBilling: false,
    has2fa: null,
    lastLoginAt: null,
    invitedAt: null,
    teamIds: [],
  })),
  teams: [{ id: 9, name: '+team' }],
  cells: [
    [1, 0, 3, 1, [9]],
    [2, 1, 8, 8, []],
  ],
}

describe('matrix view model', () => {
  it('filters rows by role, text, access on the shown columns and pending, and columns by type', () => {
    const names = (f: Partial<typeof DEFAULT_FILTERS>) =>
      viewOf(data, { ...DEFAULT_FILTERS, ...f }).rows.map((r) =>
        r.kind === 'user' ? data.users[r.index]!.displayName : '--',
      )
    expect(names({})).toEqual(['Ann', 'Bob', 'Cid', '--', 'Dee'])
    expect(names({ showPending: false })).toEqual(['Ann', 'Bob', 'Cid'])
    expect(names({ role: 'normal' })).toEqual(['Bob', 'Cid', '--', 'Dee'])
    // Ann is a legal representative: every right through her role.
    expect(names({ access: 'has' })).toEqual(['Ann', 'Bob', 'Cid'])
    expect(names({ access: 'has', serviceName: 'hosting' })).toEqual(['Ann', 'Bob'])
    expect(names({ access: 'lacks', serviceName: 'hosting' })).toEqual(['Cid', '--', 'Dee'])
    expect(names({ text: 'BOB@' })).toEqual(['Bob'])
    expect(viewOf(data, { ...DEFAULT_FILTERS, serviceName: 'domain' }).columns).toEqual([1])
    expect(serviceNames(data)).toEqual(['domain', 'hosting'])
    expect(viewOf(data, DEFAULT_FILTERS).cellAt(1, 0)).toBe(0)
    expect(viewOf(data, DEFAULT_FILTERS).cellAt(0, 0)).toBeUndefined()
  })

  it('explains each cell: direct, through a team, by role, none, not available', () => {
    const view = viewOf(data, DEFAULT_FILTERS)
    // Bob on hosting: T+S, T direct, S through team 9.
    expect(explainCell(data, view, 1, 0, true)).toEqual({
      kind: 'direct',
      mask: 3,
      direct: 1,
      teams: [9],
      byRole: false,
    })
    // Cid on domain: V direct only.
    expect(explainCell(data, view, 2, 1, true).kind).toBe('direct')
    // Ann (legal representative) has no explicit grant: shown "by role", never empty.
    expect(explainCell(data, view, 0, 0, true)).toEqual({ kind: 'role', mask: 0, direct: 0, teams: [], byRole: true })
    expect(explainCell(data, view, 0, 0, false).kind).toBe('role')
    // Cid on hosting: nothing; "not available" when the API gives no per-product rights.
    expect(explainCell(data, view, 2, 0, true).kind).toBe('none')
    expect(explainCell(data, view, 2, 0, false).kind).toBe('unavailable')
    const teamOnly: MatrixData = { ...data, cells: [[2, 0, 2, 0, [9]]] }
    expect(explainCell(teamOnly, viewOf(teamOnly, DEFAULT_FILTERS), 2, 0, false).kind).toBe('team')
    // A pending invitee invited as legal representative holds nothing yet.
    expect(holdsEveryRightByRole({ roleType: 'owner', pending: true })).toBe(false)
    expect(holdsEveryRightByRole({ roleType: 'admin', pending: false })).toBe(true)
    expect(holdsEveryRightByRole({ roleType: 'normal', pending: false })).toBe(false)
  })

  it('lays sticky columns side by side and lists the people of the transposed layout', () => {
    expect(stickyOffsets([200, 116, 56])).toEqual([0, 200, 316, 372])
    expect(stickyOffsets([])).toEqual([0])
    expect(peopleOf(viewOf(data, DEFAULT_FILTERS))).toEqual([0, 1, 2, 3])
    expect(peopleOf(viewOf(data, { ...DEFAULT_FILTERS, showPending: false }))).toEqual([0, 1, 2])
  })

  it('moves the focused cell with the keyboard, within bounds', () => {
    expect(moveFocus({ row: 0, col: 0 }, 'ArrowUp', 5, 5)).toEqual({ row: 0, col: 0 })
    expect(moveFocus({ row: 0, col: 0 }, 'ArrowDown', 5, 5)).toEqual({ row: 1, col: 0 })
    expect(moveFocus({ row: 1, col: 4 }, 'ArrowRight', 5, 5)).toEqual({ row: 1, col: 4 })
    expect(moveFocus({ row: 1, col: 4 }, 'Home', 5, 5)).toEqual({ row: 1, col: 0 })
    expect(moveFocus({ row: 1, col: 0 }, 'End', 5, 5)).toEqual({ row: 1, col: 4 })
    expect(moveFocus({ row: 1, col: 0 }, 'PageDown', 5, 5)).toEqual({ row: 4, col: 0 })
    expect(moveFocus({ row: 1, col: 0 }, 'a', 5, 5)).toBeNull()
  })

  it('writes sources in export cells (direct and team names)', () => {
    const { header, rows } = matrixTable(data, 'en')
    expect(header.at(-2)).toBe('Hosting: =cmd (#10)')
    expect(rows[1]!.at(-2)).toBe('TS (direct, team +team)')
    expect(rows[2]!.at(-1)).toBe('V (direct)')
    expect(rows[3]![3]).toBe('Pending invitation')
  })

  it('writes the matrix table in the document language (German roles, headers and sources)', () => {
    const { header, rows } = matrixTable(data, 'de')
    expect(header.slice(0, 4)).toEqual(['Name', 'E-Mail', 'Rolle', 'Status'])
    expect(header.at(-2)).toBe('Hosting: =cmd (Nr. 10)')
    expect(rows[1]!.at(-2)).toBe('TS (direkt, Team +team)')
    expect(rows[3]![3]).toBe('Offene Einladung')
    expect(rows.map((r) => r[2])).toContain('Rechtsvertreter')
  })
})
