import { useDeferredValue, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Popover,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconColumns,
  IconDeviceFloppy,
  IconFileSpreadsheet,
  IconPackageOff,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react'
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useDebouncedCallback } from '@mantine/hooks'
import {
  DEFAULT_INVENTORY_COLUMNS,
  INVENTORY_COLUMNS,
  INVENTORY_STATUSES,
  type ExpiryWindow,
  type InventoryColumn,
  type InventoryFilter,
  type InventoryRow,
  type InventorySortKey,
  type InventoryStatus,
} from '../../../../shared/domain/fleet'
import { compareServices, serviceLabel } from '../../../../shared/domain/service-catalogue'
import { inventoryFilterOf, inventoryPathOf } from '../../app/links'
import { EmptyState } from '../../components/EmptyState'
import { ServiceName } from '../../components/ServiceName'
import { SortableTh } from '../../components/SortableTh'
import { isCancelled, openDelivered } from '../../lib/download'
import { formatCount, formatDate } from '../../lib/format'
import { invoke } from '../../lib/ipc'
import { useNow } from '../../lib/use-now'
import { useVirtualRows } from '../../lib/virtual'
import { FLEET_ROOT, fleetQueries } from '../fleet/fleet-queries'
import { orgKey, parseOrgKey } from '../orgs/org-key'
import { orgsQueries } from '../orgs/orgs-queries'
import { ProductDrawer } from '../products/ProductDrawer'
import { productName, productStatuses } from '../products/products-model'

const PAGE = 200
const ROW = 40
const EXPIRY: readonly ExpiryWindow[] = ['expired', '30', '60', '90', '365', 'none']
const SORTABLE: Partial<Record<InventoryColumn, InventorySortKey>> = {
  name: 'name',
  client: 'client',
  type: 'type',
  expiry: 'expiry',
  created: 'created',
}
const WIDTH: Record<InventoryColumn, number | undefined> = {
  name: undefined,
  client: 220,
  type: 170,
  expiry: 120,
  status: 200,
  tags: 150,
  fqdn: 190,
  created: 120,
  account: 150,
  id: 90,
}
const COLUMNS_KEY = 'switchboard.inventory.columns'

function storedColumns(): InventoryColumn[] {
  try {
    const v: unknown = JSON.parse(window.localStorage.getItem(COLUMNS_KEY) ?? 'null')
    if (Array.isArray(v)) {
      const cols = v.filter((c): c is InventoryColumn => (INVENTORY_COLUMNS as readonly unknown[]).includes(c))
      if (cols.length > 0) return cols
    }
  } catch {
    // unreadable: defaults
  }
  return [...DEFAULT_INVENTORY_COLUMNS]
}

/**
 * Every product of every client in one virtualized table. Filters, sort and paging run in the core
 * (SQL); the table asks for the 200-row pages its window shows. Columns are chosen, views saved, and
 * the export writes exactly what is shown.
 */
export function InventoryPage() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const now = useNow(60_000)
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  const filter = useMemo(() => inventoryFilterOf(params), [params])
  const deferredFilter = useDeferredValue(filter)
  const [columns, setColumnsState] = useState<InventoryColumn[]>(storedColumns)
  const [viewId, setViewId] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [viewName, setViewName] = useState('')
  const [selected, setSelected] = useState<InventoryRow | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  // The search box is typed into locally and applied after a pause; a view or a link sets it back.
  const [text, setText] = useState(filter.text ?? '')
  const [urlText, setUrlText] = useState(filter.text ?? '')
  if ((filter.text ?? '') !== urlText) {
    setUrlText(filter.text ?? '')
    setText(filter.text ?? '')
  }

  const orgs = useQuery(orgsQueries.all())
  const facets = useQuery(fleetQueries.facets())
  const views = useQuery(fleetQueries.views())
  // The first page names the total; it stays on screen while the next filter's answer comes.
  const first = useQuery({ ...fleetQueries.inventoryPage(deferredFilter, 0, PAGE), placeholderData: keepPreviousData })
  const total = first.data?.total ?? 0

  const virtual = useVirtualRows({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 12,
  })
  const items = virtual.getVirtualItems()
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE)
  const lastPage = Math.floor((items.at(-1)?.index ?? 0) / PAGE)
  const pageNumbers = useMemo(() => {
    const list: number[] = []
    for (let p = Math.max(1, firstPage); p <= lastPage; p++) list.push(p)
    return list
  }, [firstPage, lastPage])
  const pages = useQueries({
    queries: pageNumbers.map((p) => fleetQueries.inventoryPage(deferredFilter, p * PAGE, PAGE)),
  })
  const rowAt = (index: number): InventoryRow | undefined => {
    const p = Math.floor(index / PAGE)
    const data = p === 0 ? first.data : pages[pageNumbers.indexOf(p)]?.data
    return data?.offset === p * PAGE ? data.rows[index - p * PAGE] : undefined
  }

  const setFilter = (patch: Partial<InventoryFilter>) => {
    const merged: InventoryFilter = { ...filter, ...patch }
    // Empty values leave the filter (and the address).
    const next = Object.fromEntries(
      Object.entries(merged).filter(
        ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
      ),
    ) as InventoryFilter
    const path = inventoryPathOf(next)
    setParams(new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : ''), { replace: true })
    setViewId(null)
    virtual.scrollToOffset(0)
  }
  const setColumns = (cols: InventoryColumn[]) => {
    const ordered = INVENTORY_COLUMNS.filter((c) => cols.includes(c))
    setColumnsState(ordered)
    try {
      window.localStorage.setItem(COLUMNS_KEY, JSON.stringify(ordered))
    } catch {
      // storage full or disabled: this session only
    }
  }
  const applyText = useDebouncedCallback((value: string) => setFilter({ text: value.trim() }), 150)
  const sortBy = (key: InventorySortKey) =>
    setFilter({
      sort: key,
      direction:
        filter.sort === key || (filter.sort === undefined && key === 'name')
          ? filter.direction === 'desc'
            ? 'asc'
            : 'desc'
          : 'asc',
    })

  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') =>
      invoke('fleet:inventory-export', {
        filter,
        columns,
        format,
        ...(format === 'csv' && lang === 'fr' ? { delimiter: ';' as const } : {}),
      }),
    onSuccess: (file) => {
      openDelivered(file)
      notifications.show({
        color: 'green',
        message: t('inventory.exported', { file: file.fileName, count: formatCount(total, lang) }),
      })
    },
    onError: (e) => {
      if (!isCancelled(e)) notifications.show({ color: 'red', message: t('inventory.exportFailed') })
    },
  })
  const saveView = useMutation({
    mutationFn: (name: string) => invoke('fleet:view-save', { name, state: { filter, columns } }),
    onSuccess: (view) => {
      setSaving(false)
      setViewId(String(view.id))
      void queryClient.invalidateQueries({ queryKey: [...FLEET_ROOT, 'views'] })
      notifications.show({ color: 'green', message: t('inventory.viewSaved', { name: view.name }) })
    },
    onError: () => notifications.show({ color: 'red', message: t('inventory.viewFailed') }),
  })
  const deleteView = useMutation({
    mutationFn: (id: number) => invoke('fleet:view-delete', { id }),
    onSuccess: () => {
      const name = views.data?.find((v) => String(v.id) === viewId)?.name ?? ''
      setViewId(null)
      void queryClient.invalidateQueries({ queryKey: [...FLEET_ROOT, 'views'] })
      notifications.show({ message: t('inventory.viewDeleted', { name }) })
    },
  })
  const applyView = (id: string | null) => {
    const view = views.data?.find((v) => String(v.id) === id)
    if (!view) {
      setViewId(null)
      return
    }
    const path = inventoryPathOf(view.state.filter)
    setParams(new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : ''), { replace: true })
    setColumns([...view.state.columns])
    setViewId(id)
    virtual.scrollToOffset(0)
  }

  const typeOptions = useMemo(
    () =>
      [...(facets.data?.types ?? [])]
        .sort((a, b) => compareServices(a.type, b.type, lang))
        .map((x) => ({ value: x.type, label: `${serviceLabel(x.type, lang)} (${formatCount(x.count, lang)})` })),
    [facets.data, lang],
  )
  const clientOptions = useMemo(
    () => (orgs.data ?? []).map((o) => ({ value: orgKey({ accountId: o.accountId, orgId: o.id }), label: o.name })),
    [orgs.data],
  )
  const orgOf = (r: InventoryRow) => orgs.data?.find((o) => o.accountId === r.accountId && o.id === r.orgId)
  const filtered = Object.keys(filter).some((k) => k !== 'sort' && k !== 'direction')
  const before = items[0]?.start ?? 0
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0)

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, r: InventoryRow | undefined): void => {
    if ((event.key === 'Enter' || event.key === ' ') && r) {
      event.preventDefault()
      setSelected(r)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const sibling =
        event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling
      if (sibling instanceof HTMLElement && sibling.tabIndex >= 0) sibling.focus()
    }
  }

  const cell = (c: InventoryColumn, r: InventoryRow) => {
    const style: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }
    switch (c) {
      case 'name':
        return (
          <Text size="sm" fw={500} truncate title={productName(r)}>
            {productName(r)}
          </Text>
        )
      case 'client':
        return (
          <Text size="sm" truncate title={r.orgName}>
            {r.orgName}
          </Text>
        )
      case 'type':
        return <ServiceName service={r.serviceName} />
      case 'expiry':
        return (
          <Text size="sm" style={style}>
            {r.expiredAt === null ? t('inventory.none') : formatDate(r.expiredAt * 1000, lang)}
          </Text>
        )
      case 'created':
        return (
          <Text size="sm" style={style}>
            {r.createdAt === null ? t('inventory.none') : formatDate(r.createdAt * 1000, lang)}
          </Text>
        )
      case 'status':
        return (
          <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
            {productStatuses(r, now).map((s) => (
              <Badge
                key={s}
                size="sm"
                variant="light"
                color={s === 'expired' || s === 'locked' ? 'red' : s === 'trial' ? 'cyan' : 'orange'}
                style={{ flexShrink: 0 }}
              >
                {t(`status.${s}`)}
              </Badge>
            ))}
          </Group>
        )
      case 'tags':
        return (
          <Text size="sm" truncate>
            {r.tags.map((x) => x.name).join(', ')}
          </Text>
        )
      case 'fqdn':
        return (
          <Text size="sm" truncate title={r.fqdn ?? undefined}>
            {r.fqdn ?? t('inventory.none')}
          </Text>
        )
      case 'account':
        return (
          <Text size="sm" truncate>
            {r.accountLabel}
          </Text>
        )
      case 'id':
        return (
          <Text size="sm" ff="monospace">
            {r.id}
          </Text>
        )
    }
  }

  return (
    <Stack gap="sm" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))">
      <div>
        <Title order={1} size="h2">
          {t('inventory.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('inventory.subtitle')}
        </Text>
      </div>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('inventory.search')}>
        <TextInput
          label={t('inventory.search')}
          placeholder={t('inventory.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value)
            applyText(e.currentTarget.value)
          }}
          w={240}
          data-testid="inventory-search"
        />
        <MultiSelect
          label={t('inventory.type')}
          placeholder={(filter.types ?? []).length === 0 ? t('inventory.allTypes') : undefined}
          data={typeOptions}
          value={[...(filter.types ?? [])]}
          onChange={(v) => setFilter({ types: v })}
          searchable
          clearable
          w={200}
          data-testid="inventory-type"
        />
        <MultiSelect
          label={t('inventory.status')}
          placeholder={(filter.statuses ?? []).length === 0 ? t('inventory.allStatuses') : undefined}
          data={INVENTORY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={[...(filter.statuses ?? [])]}
          onChange={(v) => setFilter({ statuses: v as InventoryStatus[] })}
          clearable
          w={190}
          data-testid="inventory-status"
        />
        <Select
          label={t('inventory.expiry')}
          data={[
            { value: '', label: t('inventory.expiryAny') },
            ...EXPIRY.map((e) => ({ value: e, label: t(`inventory.expiryOptions.${e}`) })),
          ]}
          value={filter.expiry ?? ''}
          onChange={(v) => setFilter({ expiry: v ? (v as ExpiryWindow) : null })}
          allowDeselect={false}
          w={160}
          data-testid="inventory-expiry"
        />
        <MultiSelect
          label={t('inventory.client')}
          placeholder={(filter.clients ?? []).length === 0 ? t('inventory.allClients') : undefined}
          data={clientOptions}
          value={(filter.clients ?? []).map((c) => orgKey(c))}
          onChange={(v) => setFilter({ clients: v.map(parseOrgKey).filter((x) => x !== null) })}
          searchable
          clearable
          limit={50}
          w={220}
          data-testid="inventory-client"
        />
        {(facets.data?.tags.length ?? 0) > 0 && (
          <MultiSelect
            label={t('inventory.tag')}
            placeholder={(filter.tags ?? []).length === 0 ? t('inventory.allTags') : undefined}
            data={(facets.data?.tags ?? []).map((x) => x.tag)}
            value={[...(filter.tags ?? [])]}
            onChange={(v) => setFilter({ tags: v })}
            searchable
            clearable
            w={160}
          />
        )}
        {filtered && (
          <Button variant="subtle" size="sm" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('inventory.clear')}
          </Button>
        )}
      </Group>
      <Group gap="sm" wrap="wrap">
        <Select
          aria-label={t('inventory.views')}
          placeholder={t('inventory.noView')}
          data={(views.data ?? []).map((v) => ({ value: String(v.id), label: v.name }))}
          value={viewId}
          onChange={applyView}
          clearable
          w={200}
          size="xs"
          data-testid="inventory-views"
        />
        {viewId !== null && (
          <Tooltip
            label={t('inventory.deleteView', { name: views.data?.find((v) => String(v.id) === viewId)?.name ?? '' })}
          >
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('inventory.deleteView', {
                name: views.data?.find((v) => String(v.id) === viewId)?.name ?? '',
              })}
              onClick={() => deleteView.mutate(Number(viewId))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDeviceFloppy size={14} aria-hidden />}
          onClick={() => {
            setViewName(views.data?.find((v) => String(v.id) === viewId)?.name ?? '')
            setSaving(true)
          }}
          data-testid="inventory-save-view"
        >
          {t('inventory.saveView')}
        </Button>
        <Popover position="bottom-start" shadow="md" withinPortal>
          <Popover.Target>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconColumns size={14} aria-hidden />}
              data-testid="inventory-columns"
            >
              {t('inventory.columns')}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Checkbox.Group
              label={t('inventory.columnsLabel')}
              value={columns}
              onChange={(v) => v.length > 0 && setColumns(v as InventoryColumn[])}
            >
              <Stack gap={6} mt="xs">
                {INVENTORY_COLUMNS.map((c) => (
                  <Checkbox key={c} value={c} label={t(`inventory.column.${c}`)} disabled={c === 'name'} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Popover.Dropdown>
        </Popover>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileSpreadsheet size={14} aria-hidden />}
          loading={exportFile.isPending && exportFile.variables === 'csv'}
          disabled={total === 0}
          onClick={() => exportFile.mutate('csv')}
        >
          {t('inventory.exportCsv')}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileSpreadsheet size={14} aria-hidden />}
          loading={exportFile.isPending && exportFile.variables === 'xlsx'}
          disabled={total === 0}
          onClick={() => exportFile.mutate('xlsx')}
        >
          {t('inventory.exportXlsx')}
        </Button>
        {first.data && (
          <Text size="sm" c="dimmed" ml="auto" data-testid="inventory-count" aria-live="polite">
            {t('inventory.count', {
              shown: formatCount(first.data.total, lang),
              total: formatCount(first.data.fleetTotal, lang),
            })}
            {' · '}
            <span data-testid="inventory-took">
              {t('inventory.took', { ms: formatCount(first.data.tookMs, lang) })}
            </span>
          </Text>
        )}
      </Group>

      {first.isPending ? (
        <Skeleton h={300} />
      ) : first.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : first.data.fleetTotal === 0 ? (
        <EmptyState
          icon={<IconPackageOff size={28} />}
          title={t('inventory.emptyTitle')}
          body={t('inventory.emptyBody')}
        />
      ) : (
        <Card withBorder padding={0} style={{ flex: 1, minHeight: 240, display: 'flex', flexDirection: 'column' }}>
          <div
            ref={scrollRef}
            style={{ overflow: 'auto', flex: 1 }}
            data-testid="inventory-scroll"
            aria-busy={first.isFetching}
          >
            <Table
              layout="fixed"
              highlightOnHover
              verticalSpacing={0}
              aria-label={t('inventory.tableLabel')}
              aria-rowcount={total + 1}
              miw={columns.reduce((w, c) => w + (WIDTH[c] ?? 260), 0)}
              data-testid="inventory-table"
            >
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => {
                    const key = SORTABLE[c]
                    const width = WIDTH[c]
                    if (!key)
                      return (
                        <Table.Th
                          key={c}
                          {...(width !== undefined ? { w: width } : {})}
                          style={{ position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}
                        >
                          {t(`inventory.column.${c}`)}
                        </Table.Th>
                      )
                    return (
                      <SortableTh
                        key={c}
                        label={t(`inventory.column.${c}`)}
                        active={(filter.sort ?? 'name') === key}
                        direction={filter.direction ?? 'asc'}
                        onSort={() => sortBy(key)}
                        {...(width !== undefined ? { width } : {})}
                      />
                    )
                  })}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {before > 0 && <tr style={{ height: before }} aria-hidden />}
                {items.map((v) => {
                  const r = rowAt(v.index)
                  return (
                    <Table.Tr
                      key={v.key}
                      h={ROW}
                      tabIndex={r ? 0 : -1}
                      aria-rowindex={v.index + 2}
                      onClick={() => r && setSelected(r)}
                      onKeyDown={(e) => onRowKey(e, r)}
                      style={{ cursor: r ? 'pointer' : undefined }}
                      data-testid={r ? 'inventory-row' : 'inventory-row-loading'}
                    >
                      {columns.map((c) => (
                        <Table.Td key={c}>{r ? cell(c, r) : <Skeleton h={12} radius="sm" />}</Table.Td>
                      ))}
                    </Table.Tr>
                  )
                })}
                {after > 0 && <tr style={{ height: after }} aria-hidden />}
              </Table.Tbody>
            </Table>
            {total === 0 && (
              <Text c="dimmed" p="md" ta="center">
                {t('inventory.noMatch')}
              </Text>
            )}
          </div>
        </Card>
      )}
      <Modal opened={saving} onClose={() => setSaving(false)} title={t('inventory.saveViewTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (viewName.trim() !== '') saveView.mutate(viewName.trim())
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('inventory.viewName')}
              description={t('inventory.viewNameHelp')}
              value={viewName}
              onChange={(e) => setViewName(e.currentTarget.value)}
              maxLength={80}
              data-autofocus
              data-testid="inventory-view-name"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={saveView.isPending} disabled={viewName.trim() === ''}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      {selected && orgOf(selected) && (
        <ProductDrawer product={selected} org={orgOf(selected)!} now={now} onClose={() => setSelected(null)} />
      )}
    </Stack>
  )
}
