import {
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type Key,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { VisuallyHidden } from '@mantine/core'
import { IconKey, IconQuestionMark, IconShieldCheck, IconUsersGroup } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import { maskLetters, rightsOfMask, type MatrixData } from '../../../../shared/domain/access'
import type { MatrixLayout } from '../../../../shared/domain/settings'
import { ServiceGlyph, useServiceLabel } from '../../components/ServiceName'
import { formatDate } from '../../lib/format'
import { explainCell, moveFocus, peopleOf, stickyOffsets, type CellSources, type MatrixView } from './matrix-model'
import { useRoleLabel } from '../orgs/RoleBadge'

const ROW = 36
const PEOPLE_HEADER = 84
const PRODUCTS_HEADER = 84
const PRODUCT_COL = 100
const PERSON_COL = 132
/** The sticky block of the people layout: person, role, 2FA side by side (offsets computed, never overlapping). */
const PEOPLE_STICKY = [
  { key: 'person', width: 200 },
  { key: 'columnRole', width: 116 },
  { key: 'column2fa', width: 56 },
] as const
const PRODUCTS_STICKY = [{ key: 'product', width: 280 }] as const
/** Optional columns of the people layout, scrolled with the products. */
const DETAILS = [
  { key: 'columnBilling', width: 84 },
  { key: 'columnContacts', width: 104 },
  { key: 'columnLastLogin', width: 108 },
] as const

const cellBase: CSSProperties = {
  height: ROW,
  display: 'flex',
  alignItems: 'center',
  gap: 4,
  padding: '0 6px',
  fontSize: 12,
  borderRight: '1px solid var(--mantine-color-default-border)',
  borderBottom: '1px solid var(--mantine-color-default-border)',
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  boxSizing: 'border-box',
  flexShrink: 0,
}

/** One line, cut with an ellipsis (plain spans: hundreds of them render per frame). */
const line: CSSProperties = {
  display: 'block',
  maxWidth: '100%',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  fontSize: 12,
}
/** Up to `n` wrapped lines. */
const clamp = (n: number): CSSProperties => ({
  display: '-webkit-box',
  WebkitLineClamp: n,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  wordBreak: 'break-word',
  whiteSpace: 'normal',
  lineHeight: 1.2,
  fontSize: 12,
})

const TEAM_PATTERN =
  'repeating-linear-gradient(135deg, transparent 0 5px, var(--mantine-color-blue-light) 5px 7px), var(--mantine-color-body)'

/** The glyph of a cell kind, shared by the cells and the legend (decorative: words always go with it). */
export function CellGlyph({ kind, size = 13 }: { kind: CellSources['kind']; size?: number }) {
  const style = { flexShrink: 0 }
  switch (kind) {
    case 'direct':
      return <IconKey size={size} aria-hidden style={style} />
    case 'team':
      return <IconUsersGroup size={size} aria-hidden style={{ ...style, color: 'var(--mantine-color-blue-text)' }} />
    case 'role':
      return <IconShieldCheck size={size} aria-hidden style={{ ...style, color: 'var(--mantine-color-grape-text)' }} />
    case 'unavailable':
      return <IconQuestionMark size={size} aria-hidden style={style} />
    default:
      return null
  }
}

/** The background of a cell kind: a striped pattern for rights through a team (not colour alone). */
export function cellBackground(kind: CellSources['kind']): string | undefined {
  if (kind === 'team') return TEAM_PATTERN
  if (kind === 'direct' || kind === 'role') return 'var(--mantine-color-default-hover)'
  return undefined
}

/** The visible content of a rights cell: glyph, letters or a short word (a plain function: no hook per cell). */
export function cellContent(s: CellSources, words: { byRole: string; notAvailable: string }): ReactNode {
  if (s.kind === 'none') return null
  if (s.kind === 'role' || s.kind === 'unavailable')
    return (
      <>
        <CellGlyph kind={s.kind} />
        <span>{s.kind === 'role' ? words.byRole : words.notAvailable}</span>
      </>
    )
  return (
    <>
      <CellGlyph kind={s.kind} />
      <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{maskLetters(s.mask)}</span>
      {s.kind === 'direct' && s.teams.length > 0 && <CellGlyph kind="team" size={11} />}
      {s.byRole && <CellGlyph kind="role" size={11} />}
    </>
  )
}

export interface MatrixGridProps {
  data: MatrixData
  view: MatrixView
  layout: MatrixLayout
  /** Billing, contacts and last login columns (people layout). */
  details: boolean
  /** False when the API does not give per-product rights: empty cells read "not available". */
  rightsAvailable: boolean
  /** False when the API does not give 2FA: unknown 2FA reads "not available". */
  twoFactorAvailable: boolean
  /** Opens the explanation of one person's rights on one product. */
  onOpenCell: (cell: { user: number; product: number }) => void
}

type RowItem = { kind: 'user'; index: number } | { kind: 'group'; count: number } | { kind: 'product'; index: number }

/**
 * The permission matrix: people × products or transposed, rows and columns virtualized, a sticky header row and
 * a sticky block of columns (computed offsets, so none covers another), roving focus with the arrow keys, Enter
 * explains a cell.
 */
export function MatrixGrid(props: MatrixGridProps) {
  const { data, view, layout, details } = props
  const { t, i18n } = useTranslation()
  const roleLabel = useRoleLabel()
  const serviceLabel = useServiceLabel()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [focus, setFocus] = useState({ row: 0, col: 0 })
  const wantFocus = useRef(false)
  const [height, setHeight] = useState(400)
  const [within, setWithin] = useState(false)
  // The grid fills the window below the controls (the page itself does not scroll to reach the matrix).
  useLayoutEffect(() => {
    const fit = () => {
      const top = scrollRef.current?.getBoundingClientRect().top ?? 0
      setHeight(Math.max(300, Math.floor(window.innerHeight - top - 52)))
    }
    fit()
    window.addEventListener('resize', fit)
    return () => window.removeEventListener('resize', fit)
  }, [])
  const teamName = useMemo(() => new Map(data.teams.map((x) => [x.id, x.name])), [data.teams])

  const people = layout === 'products'
  const sticky = people ? PRODUCTS_STICKY : PEOPLE_STICKY
  const offsets = stickyOffsets(sticky.map((s) => s.width))
  const stickyWidth = offsets[offsets.length - 1]!
  const info = !people && details ? DETAILS : []
  const columnsOfPeople = useMemo(() => (people ? peopleOf(view) : []), [people, view])
  const rowItems: RowItem[] = useMemo(
    () => (people ? view.columns.map((index) => ({ kind: 'product' as const, index })) : view.rows),
    [people, view],
  )
  const scrolledCount = people ? columnsOfPeople.length : info.length + view.columns.length
  const colCount = sticky.length + scrolledCount
  const header = people ? PRODUCTS_HEADER : PEOPLE_HEADER

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  const rows = useVirtualizer({
    count: rowItems.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 4,
    initialRect: { width: 1000, height: 500 },
    paddingStart: header,
    scrollPaddingStart: header,
  })
  const cols = useVirtualizer({
    horizontal: true,
    count: scrolledCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (people ? PERSON_COL : i < info.length ? info[i]!.width : PRODUCT_COL),
    overscan: 2,
    initialRect: { width: 1000, height: 500 },
    paddingStart: stickyWidth,
    scrollPaddingStart: stickyWidth,
  })
  const totalWidth = cols.getTotalSize()
  const row = Math.min(focus.row, Math.max(0, rowItems.length - 1))
  const col = Math.min(focus.col, Math.max(0, colCount - 1))

  /** The (person, product) of a cell, or null for sticky and detail cells. */
  const cellTarget = (r: number, c: number): { user: number; product: number } | null => {
    const item = rowItems[r]
    if (!item || item.kind === 'group' || c < sticky.length) return null
    const k = c - sticky.length
    if (item.kind === 'product') {
      const user = columnsOfPeople[k]
      return user === undefined ? null : { user, product: item.index }
    }
    if (k < info.length) return null
    const product = view.columns[k - info.length]
    return product === undefined ? null : { user: item.index, product }
  }

  const moveTo = (next: { row: number; col: number }) => {
    wantFocus.current = true
    setFocus(next)
    rows.scrollToIndex(next.row, { align: 'auto' })
    if (next.col >= sticky.length) cols.scrollToIndex(next.col - sticky.length, { align: 'auto' })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      const target = cellTarget(row, col)
      if (target) {
        e.preventDefault()
        props.onOpenCell(target)
      }
      return
    }
    const next = moveFocus({ row, col }, e.key, rowItems.length, colCount)
    if (!next) return
    e.preventDefault()
    moveTo(next)
  }

  // Roving focus: once the virtualizer has rendered the newly focused cell, move the DOM focus onto it.
  useLayoutEffect(() => {
    if (!wantFocus.current) return
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`)
    if (el) {
      el.focus({ preventScroll: true })
      wantFocus.current = false
    }
  })

  const virtualRows = rows.getVirtualItems()
  const virtualCols = cols.getVirtualItems()
  const focusRendered =
    virtualRows.some((v) => v.index === row) &&
    (col < sticky.length || virtualCols.some((v) => v.index === col - sticky.length))

  // Words are looked up once per render and per distinct value, not per cell (hundreds of cells per frame).
  const words = { byRole: t('matrix.byRoleShort'), notAvailable: t('matrix.notAvailableShort') }
  const textCache = new Map<string, string>()
  const cached = (key: string, make: () => string): string => {
    let v = textCache.get(key)
    if (v === undefined) textCache.set(key, (v = make()))
    return v
  }
  const rightsText = (s: CellSources): string =>
    cached(`r${s.kind}${s.byRole ? 15 : s.mask}`, () => {
      if (s.kind === 'none') return t('matrix.cell.none')
      if (s.kind === 'unavailable') return t('matrix.cell.unavailable')
      return rightsOfMask(s.byRole ? 15 : s.mask)
        .map((r) => t(`accessPage.rights.${r}`))
        .join(', ')
    })
  const sourcesText = (s: CellSources, roleType: string): string =>
    cached(`s${s.direct !== 0 ? 1 : 0}:${s.teams.join(',')}:${s.byRole ? roleType : ''}`, () =>
      [
        ...(s.direct !== 0 ? [t('matrix.cell.direct')] : []),
        ...s.teams.map((id) => t('matrix.cell.viaTeam', { name: teamName.get(id) ?? `#${id}` })),
        ...(s.byRole ? [t('matrix.cell.byRole', { role: roleLabel(roleType) })] : []),
      ].join('; '),
    )

  /** One focusable cell: roving tabindex, selected when focused. */
  const cellProps = (r: number, c: number, style: CSSProperties) => {
    const focused = r === row && c === col
    return {
      role: 'gridcell' as const,
      'aria-colindex': c + 1,
      'aria-selected': focused,
      tabIndex: focused ? 0 : -1,
      'data-cell': `${r}:${c}`,
      onFocus: () => {
        if (r !== focus.row || c !== focus.col) setFocus({ row: r, col: c })
      },
      style: {
        ...cellBase,
        ...style,
        outline: focused && within ? '2px solid var(--mantine-color-blue-filled)' : undefined,
        outlineOffset: -2,
      },
    }
  }

  const rightsCell = (r: number, c: number, user: number, product: number, left: number, width: number): ReactNode => {
    const s = explainCell(data, view, user, product, props.rightsAvailable)
    const u = data.users[user]!
    const sources = sourcesText(s, u.roleType)
    const spoken = sources ? `${rightsText(s)} (${sources})` : rightsText(s)
    return (
      <div
        key={`${r}:${c}`}
        {...cellProps(r, c, {
          position: 'absolute',
          top: 0,
          left,
          width,
          justifyContent: 'center',
          cursor: 'pointer',
          background: cellBackground(s.kind),
        })}
        data-kind={s.kind}
        data-testid="matrix-cell"
        onClick={() => props.onOpenCell({ user, product })}
      >
        {cellContent(s, words)}
        <VisuallyHidden>{spoken}</VisuallyHidden>
      </div>
    )
  }

  const twoFa = (has2fa: boolean | null): string =>
    has2fa === null
      ? props.twoFactorAvailable
        ? t('accessPage.matrix.unknown')
        : t('matrix.notAvailable')
      : has2fa
        ? t('accessPage.matrix.yes')
        : t('accessPage.matrix.no')

  const detailText = (userIndex: number, key: (typeof DETAILS)[number]['key']): string => {
    const u = data.users[userIndex]!
    switch (key) {
      case 'columnBilling':
        return u.billing ? t('accessPage.matrix.yes') : t('accessPage.matrix.no')
      case 'columnContacts':
        return (
          [
            u.correspondent ? t('accessPage.matrix.contactAdmin') : '',
            u.correspondentBilling ? t('accessPage.matrix.contactBilling') : '',
          ]
            .filter(Boolean)
            .join(', ') || '—'
        )
      default:
        if (u.pending)
          return u.invitedAt === null
            ? '—'
            : t('accessPage.matrix.pendingSince', { time: formatDate(u.invitedAt * 1000, i18n.language) })
        return u.lastLoginAt === null ? t('accessPage.matrix.never') : formatDate(u.lastLoginAt * 1000, i18n.language)
    }
  }

  const stickyStyle = (i: number, extra: CSSProperties = {}): CSSProperties => ({
    position: 'sticky',
    left: offsets[i],
    width: sticky[i]!.width,
    zIndex: 1,
    background: 'var(--mantine-color-body)',
    ...(i === sticky.length - 1 ? { borderRight: '2px solid var(--mantine-color-default-border)' } : {}),
    ...extra,
  })

  const headerCells = (): ReactNode[] => {
    const out: ReactNode[] = sticky.map((s, i) => (
      <div
        key={s.key}
        role="columnheader"
        aria-colindex={i + 1}
        style={{
          ...cellBase,
          ...stickyStyle(i, { zIndex: 3 }),
          height: header,
          alignItems: 'flex-end',
          fontWeight: 600,
        }}
      >
        {s.key === 'product' ? t('matrix.product') : t(`accessPage.matrix.${s.key}`)}
      </div>
    ))
    for (const vc of virtualCols) {
      const c = vc.index + sticky.length
      const base: CSSProperties = {
        ...cellBase,
        position: 'absolute',
        top: 0,
        left: vc.start,
        width: vc.size,
        height: header,
        flexDirection: 'column',
        alignItems: 'flex-start',
        justifyContent: 'flex-end',
        gap: 2,
        padding: '4px 6px',
        whiteSpace: 'normal',
      }
      if (people) {
        const u = data.users[columnsOfPeople[vc.index]!]!
        const name = u.pending ? `${u.displayName} (${t('matrix.invited')})` : u.displayName
        out.push(
          <div
            key={vc.key}
            role="columnheader"
            aria-colindex={c + 1}
            aria-label={`${name}, ${u.email}, ${roleLabel(u.roleType)}`}
            title={`${name}\n${u.email}`}
            style={{ ...base, fontStyle: u.pending ? 'italic' : undefined }}
            data-testid="matrix-person-header"
          >
            <span style={{ ...clamp(2), fontWeight: 600 }}>{name}</span>
            <span style={{ ...line }}>{roleLabel(u.roleType)}</span>
            <span style={{ ...line }}>{t('matrix.twoFa', { value: twoFa(u.has2fa) })}</span>
          </div>,
        )
      } else if (vc.index < info.length) {
        out.push(
          <div key={vc.key} role="columnheader" aria-colindex={c + 1} style={{ ...base, fontWeight: 600 }}>
            {t(`accessPage.matrix.${info[vc.index]!.key}`)}
          </div>,
        )
      } else {
        const p = data.products[view.columns[vc.index - info.length]!]!
        const service = serviceLabel({ name: p.serviceName, id: p.serviceId })
        const full = `${p.name} (${service})`
        out.push(
          <div
            key={vc.key}
            role="columnheader"
            aria-colindex={c + 1}
            aria-label={full}
            title={full}
            style={base}
            data-testid="matrix-product-header"
          >
            <span style={{ display: 'flex', gap: 3, alignItems: 'center', maxWidth: '100%' }}>
              <ServiceGlyph service={{ name: p.serviceName, id: p.serviceId }} size={12} />
              <span style={{ ...line }}>{service}</span>
            </span>
            <span style={{ ...clamp(3), fontWeight: 600 }}>{p.name}</span>
          </div>,
        )
      }
    }
    return out
  }

  const bodyRow = (vr: { index: number; key: Key; start: number }): ReactNode => {
    const r = vr.index
    const item = rowItems[r]!
    const rowStyle: CSSProperties = {
      position: 'absolute',
      top: vr.start,
      left: 0,
      width: totalWidth,
      height: ROW,
      display: 'flex',
    }
    if (item.kind === 'group')
      return (
        <div key={vr.key} role="row" aria-rowindex={r + 2} style={rowStyle}>
          <div
            {...cellProps(r, row === r ? col : 0, {
              ...stickyStyle(0),
              width: stickyWidth,
              fontWeight: 600,
              background: 'var(--mantine-color-default-hover)',
            })}
            aria-colspan={colCount}
          >
            {t('accessPage.matrix.pendingGroup', { count: item.count })}
          </div>
        </div>
      )
    const cells: ReactNode[] = []
    if (item.kind === 'product') {
      const p = data.products[item.index]!
      const service = serviceLabel({ name: p.serviceName, id: p.serviceId })
      cells.push(
        <div
          key="product"
          {...cellProps(r, 0, { ...stickyStyle(0), flexDirection: 'column', alignItems: 'flex-start', gap: 0 })}
          role="rowheader"
          title={`${p.name} (${service})`}
          data-testid="matrix-product-row-header"
        >
          <span style={{ ...line, fontWeight: 500 }}>{p.name}</span>
          <span style={{ display: 'flex', gap: 3, alignItems: 'center', maxWidth: '100%' }}>
            <ServiceGlyph service={{ name: p.serviceName, id: p.serviceId }} size={12} />
            <span style={{ ...line }}>{service}</span>
          </span>
        </div>,
      )
      for (const vc of virtualCols)
        cells.push(rightsCell(r, vc.index + 1, columnsOfPeople[vc.index]!, item.index, vc.start, vc.size))
    } else {
      const u = data.users[item.index]!
      cells.push(
        <div
          key="person"
          {...cellProps(r, 0, {
            ...stickyStyle(0),
            flexDirection: 'column',
            alignItems: 'flex-start',
            justifyContent: 'center',
            gap: 0,
            fontStyle: u.pending ? 'italic' : undefined,
          })}
          role="rowheader"
          title={u.email}
        >
          <span style={{ ...line, fontWeight: 500 }}>{u.displayName}</span>
          <span style={{ ...line }}>{u.email}</span>
        </div>,
        <div
          key="role"
          {...cellProps(r, 1, { ...stickyStyle(1), whiteSpace: 'normal' })}
          data-testid="matrix-role-cell"
        >
          <span style={{ ...clamp(2) }}>{roleLabel(u.roleType)}</span>
        </div>,
        <div key="2fa" {...cellProps(r, 2, stickyStyle(2))}>
          {twoFa(u.has2fa)}
        </div>,
      )
      for (const vc of virtualCols) {
        const c = vc.index + sticky.length
        if (vc.index < info.length)
          cells.push(
            <div
              key={`${r}:${c}`}
              {...cellProps(r, c, { position: 'absolute', top: 0, left: vc.start, width: vc.size })}
            >
              {detailText(item.index, info[vc.index]!.key)}
            </div>,
          )
        else cells.push(rightsCell(r, c, item.index, view.columns[vc.index - info.length]!, vc.start, vc.size))
      }
    }
    return (
      <div
        key={vr.key}
        role="row"
        aria-rowindex={r + 2}
        style={rowStyle}
        data-testid={item.kind === 'product' ? 'matrix-product-row' : 'matrix-row'}
        data-role={item.kind === 'user' ? data.users[item.index]!.roleType : undefined}
      >
        {cells}
      </div>
    )
  }

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-rowcount={rowItems.length + 1}
      aria-colcount={colCount}
      aria-label={t('accessPage.tabs.matrix')}
      tabIndex={focusRendered ? -1 : 0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        setWithin(true)
        // Focus landing on the grid itself (its cell scrolled away) goes back to the focused cell.
        if (e.target === e.currentTarget) moveTo({ row, col })
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setWithin(false)
      }}
      data-testid="access-matrix"
      data-layout={layout}
      style={{
        position: 'relative',
        overflow: 'auto',
        height,
        border: '1px solid var(--mantine-color-default-border)',
        outline: 'none',
      }}
    >
      <div style={{ width: totalWidth, height: rows.getTotalSize(), position: 'relative' }}>
        <div
          role="row"
          aria-rowindex={1}
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 2,
            height: header,
            width: totalWidth,
            display: 'flex',
            background: 'var(--mantine-color-body)',
          }}
        >
          {headerCells()}
        </div>
        {virtualRows.map((vr) => bodyRow(vr))}
      </div>
    </div>
  )
}
