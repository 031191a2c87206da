import { useRef, type ReactNode } from 'react'
import { Table, type TableProps } from '@mantine/core'
import { useVirtualRows } from '../lib/virtual'

/** Props a virtual row must spread on its `<tr>` (measurement of its real height). */
export interface VirtualRowProps {
  ref: (element: Element | null) => void
  'data-index': number
}

export interface VirtualTableProps<T> {
  rows: readonly T[]
  /** Estimated height of a row in px (rows are measured once rendered). */
  rowHeight: number | ((row: T) => number)
  rowKey: (row: T, index: number) => string | number
  /** The `<Table.Thead>` content (a `<Table.Tr>` of `<Table.Th>`). */
  head?: ReactNode
  /** Column count, for the spacer rows. */
  columns: number
  renderRow: (row: T, index: number, props: VirtualRowProps) => ReactNode
  /** Height of the scroll region (the table scrolls inside it, its header stays). */
  maxHeight?: number | string
  /** Names the scroll region (it takes the keyboard focus to scroll). */
  label: string
  striped?: boolean
  tableProps?: Omit<TableProps, 'children'>
  'data-testid'?: string
}

/**
 * A table that renders only the rows in view (TanStack Virtual, rows measured as they render),
 * keeping real table semantics: spacer rows stand for the rows above and below. Every access list
 * that can grow to thousands of rows (history, invitations, a person's organizations, offboarding
 * steps) goes through it.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { rows, rowHeight } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const estimate = (index: number): number => {
    const row = rows[index]
    if (row === undefined) return typeof rowHeight === 'number' ? rowHeight : 40
    return typeof rowHeight === 'number' ? rowHeight : rowHeight(row)
  }
  const virtualizer = useVirtualRows({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: estimate,
    getItemKey: (index) => {
      const row = rows[index]
      return row === undefined ? index : props.rowKey(row, index)
    },
    measure: true,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]
  const last = items[items.length - 1]
  const top = first ? first.start : 0
  const bottom = last ? Math.max(0, virtualizer.getTotalSize() - last.end) : 0
  // Stripes follow the row index: a zero-height spacer keeps the parity when the first row shown is even.
  const parityFix = props.striped && first !== undefined && first.index % 2 === 0 && top > 0
  const spacer = (height: number, key: string) => (
    <tr aria-hidden key={key} style={{ height }}>
      <td colSpan={props.columns} style={{ padding: 0, border: 0 }} />
    </tr>
  )
  return (
    <div
      ref={scrollRef}
      style={{ maxHeight: props.maxHeight ?? '60vh', overflow: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label={props.label}
      data-testid={props['data-testid']}
      data-row-count={rows.length}
    >
      <Table striped={props.striped ?? false} stickyHeader {...props.tableProps}>
        {props.head !== undefined && <Table.Thead>{props.head}</Table.Thead>}
        <Table.Tbody>
          {top > 0 && spacer(top, 'top')}
          {parityFix && spacer(0, 'parity')}
          {items.map((v) => {
            const row = rows[v.index]
            return row === undefined
              ? null
              : props.renderRow(row, v.index, { ref: virtualizer.measureElement, 'data-index': v.index })
          })}
          {bottom > 0 && spacer(bottom, 'bottom')}
        </Table.Tbody>
      </Table>
    </div>
  )
}

export interface VirtualStackProps<T> {
  items: readonly T[]
  /** Estimated height of an item in px, gap included (items are measured once rendered). */
  itemHeight: number | ((item: T) => number)
  itemKey: (item: T, index: number) => string | number
  renderItem: (item: T, index: number) => ReactNode
  /** Space between items in px. */
  gap?: number
  maxHeight?: number | string
  /** Names the scroll region (it takes the keyboard focus to scroll) and the list. */
  label: string
  'data-testid'?: string
}

/** A vertical list of blocks of varying height (cards, checkboxes) that renders only those in view. */
export function VirtualStack<T>(props: VirtualStackProps<T>) {
  const { items, itemHeight } = props
  const gap = props.gap ?? 0
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualRows({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const item = items[index]
      const base = typeof itemHeight === 'number' ? itemHeight : item === undefined ? 40 : itemHeight(item)
      return base + gap
    },
    getItemKey: (index) => {
      const item = items[index]
      return item === undefined ? index : props.itemKey(item, index)
    },
    measure: true,
  })
  return (
    <div
      ref={scrollRef}
      style={{ maxHeight: props.maxHeight ?? '60vh', overflow: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label={props.label}
      data-testid={props['data-testid']}
      data-row-count={items.length}
    >
      <div role="list" aria-label={props.label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index]
          if (item === undefined) return null
          return (
            <div
              key={v.key}
              role="listitem"
              ref={virtualizer.measureElement}
              data-index={v.index}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                paddingBottom: gap,
                transform: `translateY(${v.start}px)`,
              }}
            >
              {props.renderItem(item, v.index)}
            </div>
          )
        })}
      </div>
    </div>
  )
}
