import { useMemo, useRef, useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCalendarDown, IconCalendarOff, IconFileSpreadsheet, IconSearch } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { RenewalRow } from '../../../../shared/domain/renewals'
import { EmptyState } from '../../components/EmptyState'
import { ServiceName } from '../../components/ServiceName'
import { isCancelled, openDelivered } from '../../lib/download'
import { csvDefaults, formatDate, formatDateTime } from '../../lib/format'
import { invoke } from '../../lib/ipc'
import { accountsQueries } from '../accounts/accounts-queries'
import { orgColor } from '../orgs/org-color'
import { orgPath } from '../orgs/org-key'
import { filterRenewals, flattenGroups, groupRenewals, type RenewalGrouping } from './renewals-model'
import { renewalQueries } from './renewals-queries'

const HORIZONS = [30, 60, 90, 180, 365] as const
const ROW_HEIGHT = 44
const HEADER_HEIGHT = 40

function StatusBadge({ row }: { row: RenewalRow }) {
  const { t } = useTranslation()
  if (row.expired) {
    return (
      <Badge color="red" variant="filled">
        {t('renewals.expiredDays', { count: -row.daysLeft })}
      </Badge>
    )
  }
  if (row.underCutoff) {
    return (
      <Tooltip label={t('renewals.cutoffHelp')} multiline w={260}>
        <Badge color="orange" variant="light">
          {row.daysLeft === 0 ? t('renewals.today') : t('renewals.inDays', { count: row.daysLeft })} ·{' '}
          {t('renewals.cutoff')}
        </Badge>
      </Tooltip>
    )
  }
  return (
    <Badge color="gray" variant="light">
      {t('renewals.inDays', { count: row.daysLeft })}
    </Badge>
  )
}

/** One timeline of what expires soon across every organization, grouped and exportable. */
export function RenewalsPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const [withinDays, setWithinDays] = useState<number>(90)
  const [includeExpired, setIncludeExpired] = useState(true)
  const [grouping, setGrouping] = useState<RenewalGrouping>('client')
  const [text, setText] = useState('')
  const includeExpiredDays = includeExpired ? 30 : 0
  const renewals = useQuery(renewalQueries.list(withinDays, includeExpiredDays))
  const accounts = useQuery(accountsQueries.list())

  const items = useMemo(
    () => flattenGroups(groupRenewals(filterRenewals(renewals.data ?? [], text), grouping)),
    [renewals.data, text, grouping],
  )
  const visibleCount = items.filter((i) => i.kind === 'row').length

  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]?.kind === 'group' ? HEADER_HEIGHT : ROW_HEIGHT),
    overscan: 12,
  })

  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'ics') =>
      invoke('renewals:export', {
        withinDays,
        includeExpiredDays,
        format,
        delimiter: csvDefaults(i18n.language).delimiter,
      }),
    onSuccess: (file) => {
      openDelivered(file)
      notifications.show({ color: 'green', message: t('renewals.exported', { file: file.fileName }) })
    },
    onError: (e) => {
      if (!isCancelled(e)) notifications.show({ color: 'red', message: t('renewals.exportFailed') })
    },
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

  return (
    <Stack gap="md" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('renewals.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('renewals.subtitle')}
            {lastSync !== undefined && ` · ${t('renewals.asOf', { time: formatDateTime(lastSync, i18n.language) })}`}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => exportFile.mutate('csv')}
            loading={exportFile.isPending && exportFile.variables === 'csv'}
            disabled={!renewals.data || renewals.data.length === 0}
          >
            {t('renewals.exportCsv')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconCalendarDown size={16} />}
            onClick={() => exportFile.mutate('ics')}
            loading={exportFile.isPending && exportFile.variables === 'ics'}
            disabled={!renewals.data || renewals.data.length === 0}
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
        <Card withBorder padding={0} style={{ flex: 1, minHeight: 200, display: 'flex', flexDirection: 'column' }}>
          <Text size="sm" c="dimmed" px="md" py={6} data-testid="renewals-count">
            {t('renewals.count', { count: visibleCount })}
          </Text>
          <div ref={scrollRef} style={{ overflow: 'auto', flex: 1 }} role="list" aria-label={t('renewals.title')}>
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
                  return (
                    <Group
                      key={`g-${item.group.key}`}
                      role="listitem"
                      style={{ ...style, background: 'var(--mantine-color-default-hover)' }}
                      px="md"
                      justify="space-between"
                      wrap="nowrap"
                    >
                      <Text fw={600} truncate role="heading" aria-level={2}>
                        {item.group.label}
                      </Text>
                      <Group gap={6} wrap="nowrap">
                        {item.group.expired > 0 && <Badge color="red">{item.group.expired}</Badge>}
                        {item.group.underCutoff > 0 && <Badge color="orange">{item.group.underCutoff}</Badge>}
                        <Badge variant="default">{item.group.rows.length}</Badge>
                      </Group>
                    </Group>
                  )
                }
                const r = item.row
                return (
                  <Group
                    key={`r-${r.accountId}-${r.productId}`}
                    style={{ ...style, borderBottom: '1px solid var(--mantine-color-default-border)' }}
                    px="md"
                    gap="md"
                    wrap="nowrap"
                    role="listitem"
                    data-testid="renewal-row"
                  >
                    <Text size="sm" w={110} style={{ flexShrink: 0 }}>
                      {formatDate(r.expiredAt * 1000, i18n.language)}
                    </Text>
                    <Text size="sm" fw={500} style={{ flex: 2, minWidth: 0 }} truncate title={r.customerName}>
                      {r.customerName}
                    </Text>
                    <UnstyledButton
                      style={{ flex: 2, minWidth: 0 }}
                      onClick={() => void navigate(orgPath({ accountId: r.accountId, orgId: r.orgId }, 'products'))}
                      aria-label={t('renewals.openOrg', { org: r.orgName })}
                    >
                      <Group gap={6} wrap="nowrap">
                        <span
                          aria-hidden
                          style={{
                            width: 10,
                            height: 10,
                            borderRadius: 5,
                            flexShrink: 0,
                            background: `var(--mantine-color-${orgColor(r.accountId, r.orgId)}-6)`,
                          }}
                        />
                        <Text size="sm" truncate title={r.orgName}>
                          {r.orgName}
                        </Text>
                      </Group>
                    </UnstyledButton>
                    <div style={{ width: 150, flexShrink: 0, minWidth: 0 }}>
                      <ServiceName service={r.serviceName} c="dimmed" />
                    </div>
                    <div style={{ width: 260, flexShrink: 0, display: 'flex', justifyContent: 'flex-end' }}>
                      <StatusBadge row={r} />
                    </div>
                  </Group>
                )
              })}
            </div>
          </div>
        </Card>
      )}
    </Stack>
  )
}
