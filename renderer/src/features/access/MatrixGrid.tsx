import { useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import { Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import { maskLetters, type MatrixData } from '../../../../shared/domain/access'
import { formatDate } from '../../lib/format'
import { moveFocus, type MatrixView } from './matrix-model'
import { useRoleLabel } from '../orgs/RoleBadge'

const ROW = 32
const HEADER = 88
const FIRST = 260
const PRODUCT_COL = 60
const INFO = [
  { key: 'columnRole', width: 130 },
  { key: 'columnBilling', width: 90 },
  { key: 'columnContacts', width: 110 },
  { key: 'column2fa', width: 70 },
  { key: 'columnLastLogin', width: 150 },
] as const

const cellBase: CSSProperties = {
  position: 'absolute',
  top: 0,
  height: ROW,
  display: 'flex',
  alignItems: 'center',
  padding: '0 6px',
  fontSize: 12,
  borderRight: '1px solid var(--mantine-color-default-border)',
  borderBottom: '1px solid var(--mantine-color-default-border)',
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  boxSizing: 'border-box',
}

/** The permission matrix: rows and columns virtualized, sticky header row and first column, arrow keys. */
export function MatrixGrid({ data, view }: { data: MatrixData; view: MatrixView }) {
  const { t, i18n } = useTranslation()
  const roleLabel = useRoleLabel()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [focus, setFocus] = useState({ row: 0, col: 0 })
  const colCount = INFO.length + view.columns.length
  const teamName = new Map(data.teams.map((x) => [x.id, x.name]))

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  const rows = useVirtualizer({
    count: view.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 10,
  })
  const cols = useVirtualizer({
    horizontal: true,
    count: colCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (i < INFO.length ? INFO[i]!.width : PRODUCT_COL),
    overscan: 6,
    paddingStart: FIRST,
  })
  const totalWidth = cols.getTotalSize()
  const row = Math.min(focus.row, Math.max(0, view.rows.length - 1))
  const col = Math.min(focus.col, Math.max(0, colCount - 1))

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = moveFocus({ row, col }, e.key, view.rows.length, colCount)
    if (!next) return
    e.preventDefault()
    setFocus(next)
    rows.scrollToIndex(next.row, { align: 'auto' })
    cols.scrollToIndex(next.col, { align: 'auto' })
  }

  const infoCell = (userIndex: number, c: number): string => {
    const u = data.users[userIndex]!
    switch (c) {
      case 0:
        return roleLabel(u.roleType)
      case 1:
        return u.billing ? t('accessPage.matrix.yes') : t('accessPage.matrix.no')
      case 2:
        return (
          [
            u.correspondent ? t('accessPage.matrix.contactAdmin') : '',
            u.correspondentBilling ? t('accessPage.matrix.contactBilling') : '',
          ]
            .filter(Boolean)
            .join(', ') || '—'
        )
      case 3:
        return u.has2fa === null ? '?' : u.has2fa ? t('accessPage.matrix.yes') : t('accessPage.matrix.no')
      default:
        if (u.pending)
          return u.invitedAt === null
            ? '—'
            : t('accessPage.matrix.pendingSince', { time: formatDate(u.invitedAt * 1000, i18n.language) })
        return u.lastLoginAt === null ? t('accessPage.matrix.never') : formatDate(u.lastLoginAt * 1000, i18n.language)
    }
  }

  const productCell = (userIndex: number, productIndex: number) => {
    const at = view.cellAt(userIndex, productIndex)
    if (at === undefined) return null
    const [, , mask, direct, teams] = data.cells[at]!
    const sources = [
      ...(direct ? [t('accessPage.matrix.direct')] : []),
      ...teams.map((id) => t('accessPage.matrix.viaTeam', { name: teamName.get(id) ?? `#${id}` })),
    ]
    return { text: maskLetters(mask), viaTeamOnly: direct === 0, title: sources.join(', ') }
  }

  const virtualCols = cols.getVirtualItems()
  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-rowcount={view.rows.length + 1}
      aria-colcount={colCount + 1}
      aria-label={t('accessPage.tabs.matrix')}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="access-matrix"
      style={{
        position: 'relative',
        overflow: 'auto',
        height: 'calc(100vh - 300px)',
        minHeight: 300,
        border: '1px solid var(--mantine-color-default-border)',
        outline: 'none',
      }}
    >
      <div style={{ width: totalWidth, height: HEADER + rows.getTotalSize(), position: 'relative' }}>
        <div
          role="row"
          aria-rowindex={1}
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 2,
            height: HEADER,
            width: totalWidth,
            background: 'var(--mantine-color-body)',
          }}
        >
          <div
            role="columnheader"
            style={{
              ...cellBase,
              height: HEADER,
              left: 0,
              width: FIRST,
              position: 'sticky',
              zIndex: 3,
              fontWeight: 600,
              background: 'var(--mantine-color-body)',
            }}
          >
            {t('accessPage.matrix.person')}
          </div>
          {virtualCols.map((vc) => {
            const info = vc.index < INFO.length ? INFO[vc.index] : undefined
            const product = info ? undefined : data.products[view.columns[vc.index - INFO.length]!]
            return (
              <div
                key={vc.key}
                role="columnheader"
                aria-colindex={vc.index + 2}
                title={product ? `${product.serviceName}: ${product.name}` : undefined}
                style={{
                  ...cellBase,
                  height: HEADER,
                  left: vc.start,
                  width: vc.size,
                  fontWeight: 600,
                  alignItems: 'flex-end',
                  fontSize: product ? 11 : 12,
                  paddingBottom: 4,
                  ...(product
                    ? {
                        writingMode: 'vertical-rl',
                        transform: 'rotate(180deg)',
                        textOverflow: 'ellipsis',
                        padding: '4px 0',
                      }
                    : {}),
                }}
              >
                {info ? t(`accessPage.matrix.${info.key}`) : product?.name}
              </div>
            )
          })}
        </div>
        {rows.getVirtualItems().map((vr) => {
          const r = view.rows[vr.index]!
          const rowStyle: CSSProperties = {
            position: 'absolute',
            top: HEADER + vr.start,
            left: 0,
            width: totalWidth,
            height: ROW,
          }
          if (r.kind === 'group')
            return (
              <div
                key={vr.key}
                role="row"
                aria-rowindex={vr.index + 2}
                style={{ ...rowStyle, background: 'var(--mantine-color-default-hover)' }}
              >
                <div
                  role="gridcell"
                  aria-colspan={colCount + 1}
                  style={{
                    ...cellBase,
                    position: 'sticky',
                    left: 0,
                    width: FIRST + 400,
                    fontWeight: 600,
                    background: 'var(--mantine-color-default-hover)',
                  }}
                >
                  {t('accessPage.matrix.pendingGroup', { count: r.count })}
                </div>
              </div>
            )
          const u = data.users[r.index]!
          return (
            <div key={vr.key} role="row" aria-rowindex={vr.index + 2} style={rowStyle} data-testid="matrix-row">
              <div
                role="rowheader"
                title={u.email}
                style={{
                  ...cellBase,
                  position: 'sticky',
                  left: 0,
                  width: FIRST,
                  zIndex: 1,
                  background: 'var(--mantine-color-body)',
                  fontStyle: u.pending ? 'italic' : undefined,
                }}
              >
                <Text size="xs" truncate fw={500}>
                  {u.displayName}
                </Text>
                <Text size="xs" c="dimmed" truncate ml={6}>
                  {u.email}
                </Text>
              </div>
              {virtualCols.map((vc) => {
                const focused = vr.index === row && vc.index === col
                const style: CSSProperties = {
                  ...cellBase,
                  left: vc.start,
                  width: vc.size,
                  outline: focused ? '2px solid var(--mantine-color-blue-filled)' : undefined,
                  outlineOffset: -2,
                }
                if (vc.index < INFO.length)
                  return (
                    <div
                      key={vc.key}
                      role="gridcell"
                      aria-colindex={vc.index + 2}
                      aria-selected={focused}
                      style={style}
                    >
                      {infoCell(r.index, vc.index)}
                    </div>
                  )
                const cell = productCell(r.index, view.columns[vc.index - INFO.length]!)
                return (
                  <div
                    key={vc.key}
                    role="gridcell"
                    aria-colindex={vc.index + 2}
                    aria-selected={focused}
                    title={cell?.title}
                    style={{
                      ...style,
                      justifyContent: 'center',
                      fontFamily: 'var(--mantine-font-family-monospace)',
                      color: cell?.viaTeamOnly ? 'var(--mantine-color-blue-text)' : undefined,
                      background: cell ? 'var(--mantine-color-default-hover)' : undefined,
                    }}
                  >
                    {cell?.text}
                  </div>
                )
              })}
            </div>
          )
        })}
      </div>
    </div>
  )
}
