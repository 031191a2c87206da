import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react'
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import {
  IconCalendarDown,
  IconCalendarOff,
  IconClipboardText,
  IconExternalLink,
  IconFileSpreadsheet,
  IconRefresh,
  IconRefreshOff,
  IconHelpCircle,
  IconSearch,
  IconX,
} from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { managerRenewalUrl } from '../../../../shared/domain/manager-links'
import type { RenewalRow } from '../../../../shared/domain/renewals'
import { EmptyState } from '../../components/EmptyState'
import { ServiceName, useServiceLabel } from '../../components/ServiceName'
import { isCancelled, openDelivered } from '../../lib/download'
import { csvDefaults, formatCount, formatDate, formatDateTime, formatMoney } from '../../lib/format'
import { invoke } from '../../lib/ipc'
import { useNow } from '../../lib/use-now'
import { accountsQueries } from '../accounts/accounts-queries'
import { CopyableUrl } from '../onboarding/CopyableUrl'
import { orgColor } from '../orgs/org-color'
import { renewalsClientsOf } from '../../app/links'
import { orgKey, orgPath } from '../orgs/org-key'
import { orgsQueries } from '../orgs/orgs-queries'
import { ProductDrawer } from '../products/ProductDrawer'
import { productsQueries } from '../products/products-queries'
import { CopyListModal } from './CopyListModal'
import {
  filterRenewals,
  flattenGroups,
  groupRenewals,
  monthTitle,
  rangeKeys,
  rowKey,
  selectedRows,
  urgencyOf,
  type RenewalGroup,
  type RenewalGrouping,
  type Urgency,
} from './renewals-model'
import { renewalQueries } from './renewals-queries'

const HORIZONS = [30, 60, 90, 180, 365] as const
/** Below this list width the row stacks client, type and status under the product (900 px windows). */
const COMPACT_BELOW = 760
const ROW_HEIGHT = 58
const ROW_HEIGHT_COMPACT = 78
const HEADER_HEIGHT = 44

const URGENCY_BADGE: Record<
  Urgency,
  {
    color: string
    variant: 'filled' | 'light'
    key: 'renewals.urgencyExpired' | 'renewals.urgencyWeek' | 'renewals.urgencyMonth' | 'renewals.urgencyLater'
  }
> = {
  expired: { color: 'red', variant: 'filled', key: 'renewals.urgencyExpired' },
  week: { color: 'orange', variant: 'light', key: 'renewals.urgencyWeek' },
  month: { color: 'yellow', variant: 'light', key: 'renewals.urgencyMonth' },
  later: { color: 'gray', variant: 'light', key: 'renewals.urgencyLater' },
}

function StatusBadges({ row }: { row: RenewalRow }) {
  const { t } = useTranslation()
  if (row.expired) {
    return (
      <Badge color="red" variant="filled" size="sm">
        {t('renewals.expiredDays', { count: -row.daysLeft })}
      </Badge>
    )
  }
  const when = row.daysLeft === 0 ? t('renewals.today') : t('renewals.inDays', { count: row.daysLeft })
  const u = URGENCY_BADGE[urgencyOf(row)]
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={u.color} variant="light" size="sm">
        {when}
      </Badge>
      {row.underCutoff && (
        <Tooltip label={t('renewals.cutoffHelp')} multiline w={260}>
          <Badge color="orange" variant="outline" size="sm">
            {t('renewals.cutoff')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  )
}

function RenewalState({ row }: { row: RenewalRow }) {
  const { t } = useTranslation()
  if (row.autoRenew === 'unknown')
    return (
      <Tooltip label={t('renewals.unknownRenewalHelp')} multiline w={260}>
        <Group gap={4} wrap="nowrap" c="dimmed" style={{ minWidth: 0 }}>
          <IconHelpCircle size={14} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="xs" c="dimmed" truncate>
            {t('renewals.unknownRenewal')}
          </Text>
        </Group>
      </Tooltip>
    )
  const Icon = row.autoRenew === 'auto' ? IconRefresh : IconRefreshOff
  return (
    <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
      <Icon size={14} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="xs" truncate>
        {t(row.autoRenew === 'auto' ? 'renewals.auto' : 'renewals.manual')}
      </Text>
    </Group>
  )
}

function Price({ row }: { row: RenewalRow }) {
  const { t, i18n } = useTranslation()
  if (row.price.cents === null)
    return (
      <Tooltip label={t('renewals.noPriceHelp')} multiline w={240}>
        <Text size="sm" c="dimmed" data-testid="renewal-price">
          {t('renewals.noPrice')}
        </Text>
      </Tooltip>
    )
  return (
    <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid="renewal-price">
      {t('renewals.perYear', { price: formatMoney(row.price.cents, row.price.currency, i18n.language) })}
    </Text>
  )
}

function GroupBadges({ group, compact }: { group: RenewalGroup; compact: boolean }) {
  const { t, i18n } = useTranslation()
  return (
    <Group gap={6} wrap="nowrap">
      {(Object.keys(URGENCY_BADGE) as Urgency[])
        .filter((u) => group.byUrgency[u] > 0 && !(compact && u === 'later'))
        .map((u) => {
          const b = URGENCY_BADGE[u]
          const count = group.byUrgency[u]
          return (
            <Badge key={u} color={b.color} variant={b.variant} size="sm">
              {t(b.key, { count, formatted: formatCount(count, i18n.language) })}
            </Badge>
          )
        })}
      {!compact && (
        <Badge variant="default" size="sm">
          {t('renewals.count', { count: group.rows.length, formatted: formatCount(group.rows.length, i18n.language) })}
        </Badge>
      )}
    </Group>
  )
}

function ofClients(rows: readonly RenewalRow[], clients: readonly { accountId: string; orgId: number }[]) {
  if (clients.length === 0) return rows
  const keys = new Set(clients.map(orgKey))
  return rows.filter((r) => keys.has(orgKey({ accountId: r.accountId, orgId: r.orgId })))
}

/** One timeline of what expires soon across every organization, grouped, selectable and exportable. */
export function RenewalsPage() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const navigate = useNavigate()
  const now = useNow()
  const serviceLabel = useServiceLabel()
  // A link (Home's "expiring in 30 days") may say the period, expired or not, and which clients.
  const [params, setParams] = useSearchParams()
  const linkedWithin = Number(params.get('within'))
  const [withinDays, setWithinDays] = useState<number>(
    (HORIZONS as readonly number[]).includes(linkedWithin) ? linkedWithin : 90,
  )
  const [includeExpired, setIncludeExpired] = useState(params.get('expired') !== '0')
  const clients = useMemo(() => renewalsClientsOf(params), [params])
  const [grouping, setGrouping] = useState<RenewalGrouping>('client')
  const [text, setText] = useState('')
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const anchor = useRef<string | null>(null)
  const [drawerFor, setDrawerFor] = useState<RenewalRow | null>(null)
  const [copyRows, setCopyRows] = useState<RenewalRow[] | null>(null)
  const [managerFallback, setManagerFallback] = useState<{ url: string; product: string } | null>(null)
  const includeExpiredDays = includeExpired ? 30 : 0
  const renewals = useQuery(renewalQueries.list(withinDays, includeExpiredDays))
  const accounts = useQuery(accountsQueries.list())
  const orgs = useQuery(orgsQueries.all())
  const drawerProducts = useQuery({
    ...productsQueries.ofOrg({ accountId: drawerFor?.accountId ?? '', orgId: drawerFor?.orgId ?? 0 }),
    enabled: drawerFor !== null,
  })
  const drawerProduct = drawerFor ? drawerProducts.data?.find((p) => p.id === drawerFor.productId) : undefined
  const drawerOrg = drawerFor
    ? orgs.data?.find((o) => o.accountId === drawerFor.accountId && o.id === drawerFor.orgId)
    : undefined

  const items = useMemo(
    () =>
      flattenGroups(
        groupRenewals(filterRenewals(ofClients(renewals.data ?? [], clients), text, serviceLabel), grouping, {
          service: serviceLabel,
          month: (m) => monthTitle(m, lang),
        }),
      ),
    // serviceLabel changes with the language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [renewals.data, clients, text, grouping, lang],
  )
  const visibleCount = items.filter((i) => i.kind === 'row').length
  const picked = useMemo(() => selectedRows(items, selected), [items, selected])

  const { ref: sizeRef, width } = useElementSize()
  const compact = width > 0 && width < COMPACT_BELOW
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) =>
      items[index]?.kind === 'group' ? HEADER_HEIGHT : compact ? ROW_HEIGHT_COMPACT : ROW_HEIGHT,
    overscan: 10,
  })
  useEffect(() => virtualizer.measure(), [compact, virtualizer])

  const exportFile = useMutation({
    mutationFn: (v: { format: 'csv' | 'xlsx' | 'ics'; rows?: readonly RenewalRow[] }) =>
      invoke('renewals:export', {
        withinDays,
        includeExpiredDays,
        format: v.format,
        delimiter: csvDefaults(lang).delimiter,
        ...(v.rows ? { keys: v.rows.map((r) => ({ accountId: r.accountId, productId: r.productId })) } : {}),
      }),
    onSuccess: (file) => {
      openDelivered(file)
      notifications.show({ color: 'green', message: t('renewals.exported', { file: file.fileName }) })
    },
    onError: (e) => {
      if (!isCancelled(e)) notifications.show({ color: 'red', message: t('renewals.exportFailed') })
    },
  })
  /** What the list shows: everything in the period, or only what the text filter leaves. */
  const exportShown = (format: 'csv' | 'xlsx' | 'ics') =>
    exportFile.mutate(
      text.trim() === '' ? { format } : { format, rows: items.flatMap((i) => (i.kind === 'row' ? [i.row] : [])) },
    )

  const openManager = useMutation({
    mutationFn: (row: RenewalRow) => invoke('app:open-external', { url: managerRenewalUrl(row.orgId) }),
    onSettled: (result, _error, row) => {
      if (!result?.opened) setManagerFallback({ url: managerRenewalUrl(row.orgId), product: row.customerName })
    },
  })

  const toggle = useCallback(
    (row: RenewalRow, checked: boolean, shift: boolean) => {
      const key = rowKey(row)
      // Read the anchor now: the state updater runs later, after the anchor moved to this row.
      const keys = shift && anchor.current ? rangeKeys(items, anchor.current, key) : [key]
      setSelected((prev) => {
        const next = new Set(prev)
        for (const k of keys) {
          if (checked) next.add(k)
          else next.delete(k)
        }
        return next
      })
      anchor.current = key
    },
    [items],
  )
  const toggleGroup = (group: RenewalGroup, checked: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev)
      for (const r of group.rows) {
        if (checked) next.add(rowKey(r))
        else next.delete(rowKey(r))
      }
      return next
    })

  const lastSync = (accounts.data ?? [])
    .map((a) => a.lastSyncAt)
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b)[0]

  if (accounts.data && accounts.data.length === 0) {
    return (
      <EmptyState
        icon={<IconCalendarOff size={28} />}
        title={t('renewals.noAccountsTitle')}
        body={t('renewals.noAccountsBody')}
      />
    )
  }

  const noData = !renewals.data || renewals.data.length === 0
  const busy = (format: 'csv' | 'xlsx' | 'ics', selection: boolean) =>
    exportFile.isPending &&
    exportFile.variables?.format === format &&
    (exportFile.variables.rows !== undefined) === selection

  const onRowClick = (row: RenewalRow) => (e: ReactMouseEvent) => {
    // Controls inside the row do their own thing; anywhere else opens the product (Enter on its name does too).
    if ((e.target as HTMLElement).closest('button, input, a, [role="button"], [tabindex]')) return
    setDrawerFor(row)
  }

  return (
    <Stack gap="md" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('renewals.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('renewals.subtitle')}
            {lastSync !== undefined && ` · ${t('renewals.asOf', { time: formatDateTime(lastSync, lang) })}`}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => exportShown('csv')}
            loading={busy('csv', text.trim() !== '')}
            disabled={noData}
          >
            {t('renewals.exportCsv')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => exportShown('xlsx')}
            loading={busy('xlsx', text.trim() !== '')}
            disabled={noData}
          >
            {t('renewals.exportXlsx')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconCalendarDown size={16} />}
            onClick={() => exportShown('ics')}
            loading={busy('ics', text.trim() !== '')}
            disabled={noData}
          >
            {t('renewals.exportIcs')}
          </Button>
        </Group>
      </Group>

      <Group gap="md" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4} id="renewals-horizon">
            {t('renewals.horizon')}
          </Text>
          <SegmentedControl
            aria-labelledby="renewals-horizon"
            value={String(withinDays)}
            onChange={(v) => setWithinDays(Number(v))}
            data={HORIZONS.map((d) => ({ value: String(d), label: t('renewals.days', { count: d }) }))}
          />
        </div>
        <div>
          <Text size="sm" fw={500} mb={4} id="renewals-group">
            {t('renewals.groupBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="renewals-group"
            value={grouping}
            onChange={(v) => setGrouping(v as RenewalGrouping)}
            data={[
              { value: 'client', label: t('renewals.byClient') },
              { value: 'type', label: t('renewals.byType') },
              { value: 'month', label: t('renewals.byMonth') },
            ]}
          />
        </div>
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('renewals.search')}
          aria-label={t('renewals.search')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={280}
        />
        <Checkbox
          label={t('renewals.includeExpired')}
          checked={includeExpired}
          onChange={(e) => setIncludeExpired(e.currentTarget.checked)}
          mb={8}
        />
      </Group>

      {clients.length > 0 && (
        <Group gap="xs" data-testid="renewals-client-filter">
          <Badge variant="light" size="lg" tt="none">
            {clients.length === 1
              ? t('renewals.onlyClient', {
                  name:
                    orgs.data?.find((o) => o.accountId === clients[0]!.accountId && o.id === clients[0]!.orgId)?.name ??
                    `#${clients[0]!.orgId}`,
                })
              : t('renewals.onlyClients', { count: clients.length, formatted: formatCount(clients.length, lang) })}
          </Badge>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconX size={14} />}
            onClick={() =>
              setParams((p) => {
                const next = new URLSearchParams(p)
                next.delete('client')
                return next
              })
            }
          >
            {t('renewals.allClients')}
          </Button>
        </Group>
      )}

      {picked.length > 0 && (
        <Card withBorder padding="xs" data-testid="renewals-selection">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600} aria-live="polite" mr="xs">
              {t('renewals.selected', { count: picked.length, formatted: formatCount(picked.length, lang) })}
            </Text>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconClipboardText size={14} />}
              onClick={() => setCopyRows(picked)}
            >
              {t('renewals.copyList')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileSpreadsheet size={14} />}
              loading={busy('csv', true)}
              onClick={() => exportFile.mutate({ format: 'csv', rows: picked })}
            >
              {t('renewals.exportSelectionCsv')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileSpreadsheet size={14} />}
              loading={busy('xlsx', true)}
              onClick={() => exportFile.mutate({ format: 'xlsx', rows: picked })}
            >
              {t('renewals.exportSelectionXlsx')}
            </Button>
            <Button size="xs" variant="subtle" leftSection={<IconX size={14} />} onClick={() => setSelected(new Set())}>
              {t('renewals.clearSelection')}
            </Button>
          </Group>
        </Card>
      )}

      {renewals.isPending ? (
        <Group>
          <Loader size="sm" />
          <Text>{t('common.loading')}</Text>
        </Group>
      ) : renewals.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : visibleCount === 0 ? (
        <EmptyState
          icon={<IconCalendarOff size={28} />}
          title={t('renewals.emptyTitle')}
          body={t('renewals.emptyBody')}
        />
      ) : (
        <Card
          withBorder
          padding={0}
          ref={sizeRef}
          style={{ flex: 1, minHeight: 200, display: 'flex', flexDirection: 'column' }}
        >
          <Text size="sm" c="dimmed" px="md" py={6} data-testid="renewals-count">
            {t('renewals.count', { count: visibleCount, formatted: formatCount(visibleCount, lang) })}
          </Text>
          <div ref={scrollRef} style={{ overflow: 'auto', flex: 1 }} role="list" aria-label={t('renewals.listLabel')}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const item = items[v.index]
                if (!item) return null
                const style = {
                  position: 'absolute' as const,
                  top: 0,
                  left: 0,
                  right: 0,
                  height: v.size,
                  transform: `translateY(${v.start}px)`,
                }
                if (item.kind === 'group') {
                  const g = item.group
                  const inGroup = g.rows.filter((r) => selected.has(rowKey(r))).length
                  return (
                    <Group
                      key={`g-${g.key}`}
                      role="listitem"
                      style={{ ...style, background: 'var(--mantine-color-default-hover)' }}
                      px="md"
                      gap="sm"
                      wrap="nowrap"
                      data-testid="renewal-group"
                    >
                      <Checkbox
                        aria-label={t('renewals.selectGroup', { group: g.label })}
                        checked={inGroup === g.rows.length}
                        indeterminate={inGroup > 0 && inGroup < g.rows.length}
                        onChange={(e) => toggleGroup(g, e.currentTarget.checked)}
                      />
                      <Text fw={600} truncate role="heading" aria-level={2} style={{ flex: 1, minWidth: 0 }}>
                        {g.label}
                      </Text>
                      <GroupBadges group={g} compact={compact} />
                    </Group>
                  )
                }
                const r = item.row
                const key = rowKey(r)
                const productButton = (
                  <UnstyledButton
                    onClick={() => setDrawerFor(r)}
                    aria-label={t('renewals.openProduct', { product: r.customerName })}
                    style={{ minWidth: 0, maxWidth: '100%', minHeight: 24, display: 'flex', alignItems: 'center' }}
                    data-testid="renewal-open"
                  >
                    <Text size="sm" fw={600} truncate title={r.customerName} td="underline dotted">
                      {r.customerName}
                    </Text>
                  </UnstyledButton>
                )
                const client = (
                  <UnstyledButton
                    // 24 px: the smallest comfortable target (WCAG 2.5.8).
                    style={{ minWidth: 0, flexShrink: 1, minHeight: 24, display: 'flex', alignItems: 'center' }}
                    onClick={() => void navigate(orgPath({ accountId: r.accountId, orgId: r.orgId }, 'products'))}
                    aria-label={t('renewals.openOrg', { org: r.orgName })}
                  >
                    <Group gap={6} wrap="nowrap">
                      <span
                        aria-hidden
                        style={{
                          width: 8,
                          height: 8,
                          borderRadius: 4,
                          flexShrink: 0,
                          background: `var(--mantine-color-${orgColor(r.accountId, r.orgId)}-6)`,
                        }}
                      />
                      <Text size="xs" truncate title={r.orgName}>
                        {r.orgName}
                      </Text>
                    </Group>
                  </UnstyledButton>
                )
                const when = (
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(r.expiredAt * 1000, lang)}
                  </Text>
                )
                return (
                  <Group
                    key={`r-${key}`}
                    style={{
                      ...style,
                      borderBottom: '1px solid var(--mantine-color-default-border)',
                      cursor: 'pointer',
                      background: selected.has(key) ? 'var(--mantine-primary-color-light)' : undefined,
                    }}
                    px="md"
                    gap="sm"
                    wrap="nowrap"
                    role="listitem"
                    data-testid="renewal-row"
                    onClick={onRowClick(r)}
                  >
                    <Checkbox
                      aria-label={t('renewals.selectRow', { product: r.customerName, org: r.orgName })}
                      checked={selected.has(key)}
                      onChange={(e) =>
                        toggle(r, e.currentTarget.checked, (e.nativeEvent as MouseEvent).shiftKey === true)
                      }
                      data-testid="renewal-select"
                    />
                    {compact ? (
                      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                        {productButton}
                        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                          {client}
                          <Text size="xs" c="dimmed" aria-hidden>
                            ·
                          </Text>
                          <ServiceName service={r.serviceName} size="xs" c="dimmed" />
                        </Group>
                        <Group gap={6} wrap="nowrap">
                          {when}
                          <StatusBadges row={r} />
                        </Group>
                      </Stack>
                    ) : (
                      <>
                        <Stack gap={2} w={210} style={{ flexShrink: 0 }}>
                          {when}
                          <StatusBadges row={r} />
                        </Stack>
                        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                          {productButton}
                          <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                            {client}
                            <Text size="xs" c="dimmed" aria-hidden>
                              ·
                            </Text>
                            <ServiceName service={r.serviceName} size="xs" c="dimmed" />
                          </Group>
                        </Stack>
                      </>
                    )}
                    <Stack gap={2} w={compact ? 120 : 160} align="flex-end" style={{ flexShrink: 0, minWidth: 0 }}>
                      <Price row={r} />
                      <RenewalState row={r} />
                    </Stack>
                    {compact ? (
                      <Tooltip label={t('renewals.renewInManager', { product: r.customerName })}>
                        <ActionIcon
                          variant="light"
                          aria-label={t('renewals.renewInManager', { product: r.customerName })}
                          onClick={() => openManager.mutate(r)}
                          data-testid="renewal-manager"
                        >
                          <IconExternalLink size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        rightSection={<IconExternalLink size={14} />}
                        aria-label={t('renewals.renewInManager', { product: r.customerName })}
                        onClick={() => openManager.mutate(r)}
                        style={{ flexShrink: 0 }}
                        data-testid="renewal-manager"
                      >
                        {t('renewals.renew')}
                      </Button>
                    )}
                  </Group>
                )
              })}
            </div>
          </div>
        </Card>
      )}

      {drawerFor && drawerProduct && drawerOrg && (
        <ProductDrawer product={drawerProduct} org={drawerOrg} now={now} onClose={() => setDrawerFor(null)} />
      )}
      <CopyListModal rows={copyRows} now={now} onClose={() => setCopyRows(null)} />
      <Modal
        opened={managerFallback !== null}
        onClose={() => setManagerFallback(null)}
        title={managerFallback ? t('renewals.renewInManager', { product: managerFallback.product }) : ''}
      >
        {managerFallback && (
          <Stack gap="xs" data-testid="renewal-manager-url">
            <Text size="sm">{t('renewals.managerOpenFailed')}</Text>
            <CopyableUrl url={managerFallback.url} />
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
