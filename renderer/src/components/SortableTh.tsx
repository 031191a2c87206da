import type { ReactNode } from 'react'
import { Group, Table, Tooltip, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react'

/** A sticky table header cell that sorts its column (aria-sort says the state). */
export function SortableTh(props: {
  label: string
  active: boolean
  direction: 'asc' | 'desc'
  onSort: () => void
  width?: number | string
  help?: string
  align?: 'left' | 'right'
  children?: ReactNode
}) {
  const Icon = !props.active ? IconArrowsSort : props.direction === 'asc' ? IconArrowUp : IconArrowDown
  const button = (
    <UnstyledButton onClick={props.onSort} fw={600} fz="sm" lh={1.25} style={{ maxWidth: '100%' }}>
      <Group gap={4} wrap="nowrap" align="flex-end" justify={props.align === 'right' ? 'flex-end' : 'flex-start'}>
        {/* Narrow columns wrap their label on two lines rather than cutting it. */}
        <span style={{ overflowWrap: 'break-word', textAlign: props.align ?? 'left' }}>{props.label}</span>
        <Icon size={14} aria-hidden style={{ flexShrink: 0 }} />
      </Group>
    </UnstyledButton>
  )
  return (
    <Table.Th
      w={props.width}
      aria-sort={props.active ? (props.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 2,
        background: 'var(--mantine-color-body)',
        textAlign: props.align ?? 'left',
        verticalAlign: 'bottom',
      }}
    >
      {props.help ? (
        <Tooltip label={props.help} multiline w={240} openDelay={300}>
          {button}
        </Tooltip>
      ) : (
        button
      )}
    </Table.Th>
  )
}
