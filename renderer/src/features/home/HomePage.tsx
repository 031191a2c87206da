import { useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  ColorSwatch,
  Group,
  MultiSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { IconAlertTriangle, IconBuildingSkyscraper, IconCloudOff, IconPinFilled, IconSearch } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, Navigate } from 'react-router'
import type { HomeRow } from '../../../../shared/domain/fleet'
import { billingPath, hygienePath, inventoryPath, orgInvitationsPath, renewalsPath } from '../../app/links'
import { EmptyState } from '../../components/EmptyState'
import { formatCount, formatDateTime, relativeTime } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { useVirtualRows } from '../../lib/virtual'
import { accountsQueries } from '../accounts/accounts-queries'
import { formatMoney } from '../billing/billing-model'
import { fleetQueries } from '../fleet/fleet-queries'
import { LoadingLine } from '../orgs/OrgEntry'
import { orgColor } from '../orgs/org-color'
import { orgKey, orgPath } from '../orgs/org-key'
import { useOrgPrefs } from '../orgs/org-prefs'
import { RoleBadge, useRoleLabel } from '../orgs/RoleBadge'
import { SortableTh } from '../../components/SortableTh'
import {
  NO_HOME_FILTERS,
  filterHomeRows,
  homeChoices,
  homeTiles,
  sortHomeRows,
  type HomeFilters,
  type HomeSortKey,
} from './home-model'

const ROW = 52

/** A summary number that opens the screen behind it. */
function Tile(props: {
  label: string
  value: ReactNode
  hint: string
  to: string
  tone?: string | undefined
  testId: string
  /** A longer value (several currencies): smaller, may wrap. */
  compact?: boolean
}) {
  return (
    <UnstyledButton
      component={Link}
      to={props.to}
      data-testid={props.testId}
      style={{
        display: 'block',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
        padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-md)',
        borderLeft: props.tone ? `4px solid var(--mantine-color-${props.tone}-filled)` : undefined,
        minWidth: 0,
      }}
    >
      <Text size="sm" c="dimmed" truncate>
        {props.label}
      </Text>
      <Text fz={props.compact ? 17 : 24} fw={700} lh={1.3} truncate={!props.compact} style={{ minHeight: 31 }}>
        {props.value}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {props.hint}
      </Text>
    </UnstyledButton>
  )
}

/** A number in the table: a link to the filtered screen, or a dimmed zero. */
function NumberLink({ n, to, label }: { n: number; to: string; label: string }) {
  const { i18n } = useTranslation()
  if (n === 0)
    return (
      <Text size="sm" c="dimmed" ta="right">
        0
      </Text>
    )
  return (
    <Anchor
      component={Link}
      to={to}
      size="sm"
      fw={600}
      aria-label={label}
      style={{ display: 'block', textAlign: 'right' }}
    >
      {formatCount(n, i18n.language)}
    </Anchor>
  )
}

function scoreTone(score: number): string {
  return score >= 85 ? 'green' : score >= 70 ? 'yellow' : 'red'
}

/**
 * Home: every client organization at a glance. Tiles sum what the filters keep; every number opens
 * the filtered screen behind it; the table is virtualized and sortable (1,000 clients scroll smoothly).
 */
export function HomePage() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const now = useNow(60_000)
  const accounts = useQuery(accountsQueries.list())
  // Asked at once, with the accounts (not after them): only skipped once there is known to be none.
  const home = useQuery({ ...fleetQueries.home(), enabled: accounts.data === undefined || accounts.data.length > 0 })
  const { prefs } = useOrgPrefs()
  const roleLabel = useRoleLabel()
  const [filters, setFilters] = useState<HomeFilters>(NO_HOME_FILTERS)
  const deferred = useDeferredValue(filters)
  const [sort, setSort] = useState<{ key: HomeSortKey; direction: 'asc' | 'desc' }>({ key: 'name', direction: 'asc' })
  const scrollRef = useRef<HTMLDivElement>(null)

  const rows = useMemo(
    () => sortHomeRows(filterHomeRows(home.data?.rows ?? [], deferred, prefs.pins), sort.key, sort.direction, lang),
    [home.data, deferred, prefs.pins, sort, lang],
  )
  const tiles = useMemo(() => homeTiles(rows), [rows])
  const choices = useMemo(() => homeChoices(home.data?.rows ?? []), [home.data])
  const virtual = useVirtualRows({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 10,
  })

  if (accounts.data && accounts.data.length === 0) return <Navigate to="/welcome" replace />
  const set = (patch: Partial<HomeFilters>) => setFilters((f) => ({ ...f, ...patch }))
  const sortBy = (key: HomeSortKey) =>
    setSort((s) => ({
      key,
      // Numbers open highest first; names A→Z.
      direction:
        s.key === key ? (s.direction === 'asc' ? 'desc' : 'asc') : key === 'name' || key === 'score' ? 'asc' : 'desc',
    }))
  const filtered =
    filters.text !== '' ||
    filters.accounts.length + filters.roles.length + filters.tags.length > 0 ||
    filters.pinnedOnly ||
    filters.attentionOnly
  const clients = rows.map((r) => ({ accountId: r.accountId, orgId: r.orgId }))
  // Links from the tiles carry the filtered clients when the filters narrow the fleet.
  const scope = filtered && clients.length <= 500 ? clients : undefined
  const oldest = (home.data?.rows ?? [])
    .map((r) => r.syncedAt)
    .filter((x): x is number => x !== null)
    .reduce((m, x) => Math.min(m, x), Number.POSITIVE_INFINITY)
  const multipleAccounts = (accounts.data?.length ?? 0) > 1
  const money = (list: NonNullable<HomeRow['unpaid']>) =>
    list.map((u) => formatMoney(u.cents, u.currency, lang)).join(' · ')

  const items = virtual.getVirtualItems()
  const before = items[0]?.start ?? 0
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0)
  const th = (key: HomeSortKey, width: number | undefined, align: 'left' | 'right' = 'right', help?: string) => (
    <SortableTh
      label={t(`home.columns.${key === 'name' ? 'client' : key}`)}
      active={sort.key === key}
      direction={sort.direction}
      onSort={() => sortBy(key)}
      {...(width !== undefined ? { width } : {})}
      align={align}
      {...(help ? { help } : {})}
    />
  )

  return (
    <Stack gap="md" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))">
      <div>
        <Title order={1} size="h2">
          {t('home.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('home.subtitle')}
          {Number.isFinite(oldest) && (
            <>
              {' · '}
              <Tooltip label={formatDateTime(oldest, lang)}>
                <span data-testid="home-as-of">{t('home.asOf', { when: relativeTime(oldest, now, lang) })}</span>
              </Tooltip>
            </>
          )}
        </Text>
      </div>

      {home.isPending ? (
        <SimpleGrid cols={{ base: 2, sm: 4, xl: 8 }} spacing="sm">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} h={84} />
          ))}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4, xl: 8 }} spacing="sm" data-testid="home-tiles">
          <Tile
            label={t('home.tiles.clients')}
            value={formatCount(tiles.clients, lang)}
            hint={t('home.tiles.clientsHint', { attention: formatCount(tiles.attention, lang) })}
            to="/home"
            testId="tile-clients"
          />
          <Tile
            label={t('home.tiles.products')}
            value={formatCount(tiles.products, lang)}
            hint={t('home.tiles.productsHint')}
            to={inventoryPath({ ...(scope ? { clients: scope } : {}) })}
            testId="tile-products"
          />
          <Tile
            label={t('home.tiles.expiring')}
            value={formatCount(tiles.expiring30, lang)}
            hint={t('home.tiles.expiringHint')}
            to={renewalsPath({ within: 30, ...(scope ? { clients: scope } : {}) })}
            tone={tiles.expiring30 > 0 ? 'orange' : undefined}
            testId="tile-expiring"
          />
          <Tile
            label={t('home.tiles.expired')}
            value={formatCount(tiles.expired, lang)}
            hint={t('home.tiles.expiredHint')}
            to={inventoryPath({ expiry: 'expired', ...(scope ? { clients: scope } : {}) })}
            tone={tiles.expired > 0 ? 'red' : undefined}
            testId="tile-expired"
          />
          <Tile
            label={t('home.tiles.findings')}
            value={formatCount(tiles.openFindings, lang)}
            hint={t('home.tiles.findingsHint', { low: formatCount(tiles.lowScores, lang) })}
            to={hygienePath({ ...(scope ? { clients: scope } : {}) })}
            testId="tile-findings"
          />
          <Tile
            label={t('home.tiles.no2fa')}
            value={formatCount(tiles.no2fa, lang)}
            hint={t('home.tiles.no2faHint')}
            to={hygienePath({ rules: ['no_2fa'], ...(scope ? { clients: scope } : {}) })}
            tone={tiles.no2fa > 0 ? 'orange' : undefined}
            testId="tile-no2fa"
          />
          <Tile
            label={t('home.tiles.invitations')}
            value={formatCount(tiles.staleInvitations, lang)}
            hint={t('home.tiles.invitationsHint')}
            to={hygienePath({ rules: ['stale_invitation'], ...(scope ? { clients: scope } : {}) })}
            testId="tile-invitations"
          />
          <Tile
            label={t('home.tiles.unpaid')}
            value={tiles.unpaid.length === 0 ? '—' : money(tiles.unpaid)}
            compact={tiles.unpaid.length > 1}
            hint={
              !home.data?.ledgerKnown
                ? t('home.tiles.unpaidUnknown')
                : tiles.unpaid.length === 0
                  ? t('home.tiles.unpaidNone')
                  : (() => {
                      const n = tiles.unpaid.reduce((sum, u) => sum + u.count, 0)
                      return t('home.tiles.unpaidCount', { count: n, formatted: formatCount(n, lang) })
                    })()
            }
            to={billingPath('invoices')}
            tone={tiles.unpaid.length > 0 ? 'red' : undefined}
            testId="tile-unpaid"
          />
        </SimpleGrid>
      )}

      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('home.filters.label')}>
        <TextInput
          leftSection={<IconSearch size={16} aria-hidden />}
          placeholder={t('home.filters.search')}
          aria-label={t('home.filters.search')}
          value={filters.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          w={220}
          data-testid="home-search"
        />
        {multipleAccounts && (
          <MultiSelect
            aria-label={t('home.filters.account')}
            placeholder={filters.accounts.length === 0 ? t('home.filters.allAccounts') : undefined}
            data={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.label }))}
            value={[...filters.accounts]}
            onChange={(v) => set({ accounts: v })}
            clearable
            w={200}
          />
        )}
        <MultiSelect
          aria-label={t('home.filters.role')}
          placeholder={filters.roles.length === 0 ? t('home.filters.allRoles') : undefined}
          data={choices.roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          value={[...filters.roles]}
          onChange={(v) => set({ roles: v })}
          clearable
          w={170}
          data-testid="home-role"
        />
        {choices.tags.length > 0 && (
          <MultiSelect
            aria-label={t('home.filters.tag')}
            placeholder={filters.tags.length === 0 ? t('home.filters.allTags') : undefined}
            data={choices.tags}
            value={[...filters.tags]}
            onChange={(v) => set({ tags: v })}
            searchable
            clearable
            w={170}
            data-testid="home-tag"
          />
        )}
        <Chip
          checked={filters.pinnedOnly}
          onChange={(v) => set({ pinnedOnly: v })}
          icon={<IconPinFilled size={12} />}
          data-testid="home-pinned"
        >
          {t('home.filters.pinned')}
        </Chip>
        <Chip
          checked={filters.attentionOnly}
          onChange={(v) => set({ attentionOnly: v })}
          color="orange"
          data-testid="home-attention"
        >
          {t('home.filters.attention')}
        </Chip>
        {filtered && (
          <Button variant="subtle" size="xs" onClick={() => setFilters(NO_HOME_FILTERS)}>
            {t('home.filters.clear')}
          </Button>
        )}
        <Text size="sm" c="dimmed" ml="auto" data-testid="home-count" aria-live="polite">
          {filtered
            ? t('home.countOf', {
                shown: formatCount(rows.length, lang),
                total: formatCount(home.data?.rows.length ?? 0, lang),
              })
            : t('home.count', { count: rows.length, formatted: formatCount(rows.length, lang) })}
        </Text>
      </Group>

      {home.isPending ? (
        <LoadingLine />
      ) : home.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : home.data.rows.length === 0 ? (
        <EmptyState
          icon={<IconBuildingSkyscraper size={28} />}
          title={t('home.emptyTitle')}
          body={t('home.emptyBody')}
        />
      ) : (
        <Card withBorder padding={0} style={{ flex: 1, minHeight: 240, display: 'flex', flexDirection: 'column' }}>
          <div ref={scrollRef} style={{ overflow: 'auto', flex: 1 }} data-testid="home-scroll">
            <Table
              layout="fixed"
              highlightOnHover
              verticalSpacing={0}
              aria-label={t('home.tableLabel')}
              aria-rowcount={rows.length + 1}
              data-testid="home-table"
              miw={940}
            >
              <Table.Thead>
                <Table.Tr>
                  {th('name', undefined, 'left')}
                  {th('products', 88)}
                  {th('expiring30', 84, 'right', t('home.columnHelp.expiring30'))}
                  {th('expired', 80)}
                  {th('score', 84, 'right', t('home.columnHelp.score'))}
                  {th('no2fa', 84, 'right', t('home.columnHelp.no2fa'))}
                  {th('staleInvitations', 108, 'right', t('home.columnHelp.staleInvitations'))}
                  {th('unpaid', 124)}
                  {th('syncedAt', 136, 'left')}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {before > 0 && <tr style={{ height: before }} aria-hidden />}
                {items.map((v) => {
                  const r = rows[v.index]!
                  const ref = { accountId: r.accountId, orgId: r.orgId }
                  const pinned = prefs.pins.includes(orgKey(ref))
                  return (
                    <Table.Tr key={v.key} h={ROW} aria-rowindex={v.index + 2} data-testid="home-row">
                      <Table.Td>
                        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                          <ColorSwatch
                            color={`var(--mantine-color-${orgColor(r.accountId, r.orgId)}-filled)`}
                            size={12}
                            aria-hidden
                            style={{ flexShrink: 0 }}
                          />
                          <div style={{ minWidth: 0, flex: 1 }}>
                            <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
                              <Anchor
                                component={Link}
                                to={orgPath(ref, 'overview')}
                                size="sm"
                                fw={600}
                                c="var(--mantine-color-text)"
                                style={{
                                  minWidth: 0,
                                  overflow: 'hidden',
                                  textOverflow: 'ellipsis',
                                  whiteSpace: 'nowrap',
                                }}
                                title={r.name}
                                data-testid="home-client"
                              >
                                {r.name}
                              </Anchor>
                              {pinned && (
                                <IconPinFilled
                                  size={12}
                                  aria-label={t('orgBrowser.pinnedMark')}
                                  style={{ flexShrink: 0 }}
                                />
                              )}
                            </Group>
                            <Group gap={6} wrap="nowrap" style={{ minWidth: 0, overflow: 'hidden' }}>
                              <RoleBadge role={r.role} size="xs" />
                              {multipleAccounts && (
                                <Text size="xs" c="dimmed" truncate style={{ flexShrink: 1 }}>
                                  {r.accountLabel}
                                </Text>
                              )}
                            </Group>
                          </div>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <NumberLink
                          n={r.products}
                          to={inventoryPath({ clients: [ref] })}
                          label={t('home.links.products', { count: r.products, org: r.name })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberLink
                          n={r.expiring30}
                          to={renewalsPath({ clients: [ref], within: 30 })}
                          label={t('home.links.expiring30', { count: r.expiring30, org: r.name })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberLink
                          n={r.expired}
                          to={inventoryPath({ clients: [ref], expiry: 'expired' })}
                          label={t('home.links.expired', { count: r.expired, org: r.name })}
                        />
                      </Table.Td>
                      <Table.Td ta="right">
                        {r.score === null ? (
                          <Tooltip label={t('home.notSyncedYet')}>
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          </Tooltip>
                        ) : (
                          <Anchor
                            component={Link}
                            to={hygienePath({ clients: [ref] })}
                            aria-label={t('home.links.score', { score: r.score, org: r.name })}
                            underline="never"
                          >
                            <Badge variant="light" color={scoreTone(r.score)} style={{ cursor: 'pointer' }}>
                              {r.score}
                            </Badge>
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.no2fa === null ? (
                          <Tooltip label={t('home.no2faUnknown')}>
                            <Text size="sm" c="dimmed" ta="right">
                              ?
                            </Text>
                          </Tooltip>
                        ) : (
                          <NumberLink
                            n={r.no2fa}
                            to={hygienePath({ clients: [ref], rules: ['no_2fa'] })}
                            label={t('home.links.no2fa', { count: r.no2fa, org: r.name })}
                          />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <NumberLink
                          n={r.staleInvitations}
                          to={orgInvitationsPath(ref)}
                          label={t('home.links.staleInvitations', { count: r.staleInvitations, org: r.name })}
                        />
                      </Table.Td>
                      <Table.Td ta="right">
                        {r.unpaid === null ? (
                          <Tooltip label={t('home.noLedger')}>
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          </Tooltip>
                        ) : r.unpaid.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            0
                          </Text>
                        ) : (
                          <Anchor
                            component={Link}
                            to={billingPath('invoices')}
                            size="sm"
                            fw={600}
                            c="red"
                            aria-label={t('home.links.unpaid', { amount: money(r.unpaid), org: r.name })}
                          >
                            {money(r.unpaid)}
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {r.coverage === 'partial' && (
                            <Tooltip label={t('home.partial')}>
                              <IconAlertTriangle
                                size={14}
                                color="var(--mantine-color-orange-text)"
                                aria-label={t('home.partial')}
                              />
                            </Tooltip>
                          )}
                          {r.coverage === 'never_synced' && <IconCloudOff size={14} aria-hidden />}
                          <Text size="sm" c="dimmed" truncate>
                            {r.syncedAt === null ? t('home.neverSynced') : relativeTime(r.syncedAt, now, lang)}
                          </Text>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
                {after > 0 && <tr style={{ height: after }} aria-hidden />}
              </Table.Tbody>
            </Table>
            {rows.length === 0 && (
              <Text c="dimmed" p="md" ta="center">
                {t('home.noMatch')}
              </Text>
            )}
          </div>
        </Card>
      )}
    </Stack>
  )
}
