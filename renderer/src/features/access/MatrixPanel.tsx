import { useMemo, useState } from 'react'
import { Button, Checkbox, Group, Loader, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core'
import { CoverageNotice } from '../../components/CoverageNotice'
import { notifications } from '@mantine/notifications'
import { IconFileSpreadsheet, IconSearch } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { isCancelled, openDelivered } from '../../lib/download'
import { formatDateTime } from '../../lib/format'
import { invoke } from '../../lib/ipc'
import { accessQueries } from './access-queries'
import { MatrixGrid } from './MatrixGrid'
import { MatrixCellDrawer } from './MatrixCellDrawer'
import { MatrixLegend } from './MatrixLegend'
import { coverageQueries } from '../coverage/coverage-queries'
import { settingsQueries, useUpdateSettings } from '../settings/settings-queries'
import { useServiceLabel } from '../../components/ServiceName'
import type { MatrixLayout } from '../../../../shared/domain/settings'
import type { CoverageState } from '../../../../shared/domain/coverage'
import { DEFAULT_FILTERS, serviceNames, viewOf, type AccessFilter, type MatrixFilters } from './matrix-model'

/** Filters, export and the permission matrix of one organization. */
export function MatrixPanel({ accountId, orgId }: { accountId: string; orgId: number }) {
  const { t, i18n } = useTranslation()
  const matrix = useQuery(accessQueries.matrix(accountId, orgId))
  const [filters, setFilters] = useState<MatrixFilters>(DEFAULT_FILTERS)
  const set = (patch: Partial<MatrixFilters>) => setFilters((f) => ({ ...f, ...patch }))
  const view = useMemo(() => (matrix.data ? viewOf(matrix.data, filters) : null), [matrix.data, filters])
  const types = useMemo(() => (matrix.data ? serviceNames(matrix.data) : []), [matrix.data])
  const serviceLabel = useServiceLabel()
  const typeOptions = useMemo(() => {
    const ids = new Map(matrix.data?.products.map((p) => [p.serviceName, p.serviceId]))
    return types
      .map((s) => ({ value: s, label: serviceLabel({ name: s, id: ids.get(s) ?? null }) }))
      .sort((a, b) => a.label.localeCompare(b.label, i18n.language))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the label follows the language
  }, [types, matrix.data, i18n.language])
  const settings = useQuery(settingsQueries.current())
  const updateSettings = useUpdateSettings()
  const layout: MatrixLayout = settings.data?.matrixLayout ?? 'people'
  const [details, setDetails] = useState(false)
  const [openCell, setOpenCell] = useState<{ user: number; product: number } | null>(null)
  const coverage = useQuery(coverageQueries.org(accountId, orgId))
  const stateOf = (dataset: string): CoverageState | undefined =>
    coverage.data?.[0]?.datasets.find((d) => d.dataset === dataset)?.state
  const missing = (state: CoverageState | undefined) => state === 'not_offered' || state === 'needs_scope'
  const rightsAvailable = !missing(stateOf('product_rights'))
  const twoFactorAvailable = !missing(stateOf('two_factor'))
  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => invoke('access:matrix-export', { accountId, orgId, format }),
    onSuccess: (file) => {
      openDelivered(file)
      notifications.show({ color: 'green', message: t('accessPage.matrix.exported', { file: file.fileName }) })
    },
    onError: (e) => {
      if (!isCancelled(e)) notifications.show({ color: 'red', message: t('accessPage.matrix.exportFailed') })
    },
  })

  if (matrix.isPending) return <Loader size="sm" />
  if (matrix.isError || !matrix.data || !view) return <Text c="red">{t('accessPage.loadFailed')}</Text>
  const data = matrix.data
  const userRows = view.rows.filter((r) => r.kind === 'user').length
  return (
    <Stack gap={8}>
      <CoverageNotice
        accountId={accountId}
        orgId={orgId}
        datasets={['product_rights', 'team_memberships', 'two_factor']}
      />
      <Group gap="xs" align="center" wrap="wrap">
        <TextInput
          size="xs"
          leftSection={<IconSearch size={14} />}
          placeholder={t('accessPage.matrix.search')}
          aria-label={t('accessPage.matrix.search')}
          value={filters.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          w={210}
          data-testid="matrix-search"
        />
        <Select
          size="xs"
          aria-label={t('accessPage.matrix.role')}
          data={[
            { value: '', label: t('accessPage.matrix.allRoles') },
            ...(['owner', 'admin', 'normal'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) })),
          ]}
          value={filters.role ?? ''}
          onChange={(v) => set({ role: v ? v : null })}
          allowDeselect={false}
          w={160}
          data-testid="matrix-role"
        />
        <Select
          size="xs"
          aria-label={t('accessPage.matrix.productType')}
          data={[{ value: '', label: t('accessPage.matrix.allTypes') }, ...typeOptions]}
          value={filters.serviceName ?? ''}
          onChange={(v) => set({ serviceName: v ? v : null })}
          allowDeselect={false}
          searchable
          w={160}
          data-testid="matrix-type"
        />
        <div role="group" aria-label={t('accessPage.matrix.access')}>
          <SegmentedControl
            size="xs"
            value={filters.access}
            onChange={(v) => set({ access: v as AccessFilter })}
            data={[
              { value: 'all', label: t('accessPage.matrix.accessAll') },
              { value: 'has', label: t('accessPage.matrix.accessHas') },
              { value: 'lacks', label: t('accessPage.matrix.accessLacks') },
            ]}
            data-testid="matrix-access"
          />
        </div>
        <Checkbox
          size="xs"
          label={t('accessPage.matrix.pending')}
          checked={filters.showPending}
          onChange={(e) => set({ showPending: e.currentTarget.checked })}
          data-testid="matrix-pending"
        />
      </Group>
      <Group gap="xs" align="center" wrap="wrap">
        <div role="group" aria-label={t('matrix.layout.label')}>
          <SegmentedControl
            size="xs"
            value={layout}
            onChange={(v) => updateSettings.mutate({ matrixLayout: v as MatrixLayout })}
            data={[
              { value: 'people', label: t('matrix.layout.people') },
              { value: 'products', label: t('matrix.layout.products') },
            ]}
            data-testid="matrix-layout"
          />
        </div>
        {layout === 'people' && (
          <Checkbox
            size="xs"
            label={t('matrix.details')}
            checked={details}
            onChange={(e) => setDetails(e.currentTarget.checked)}
            data-testid="matrix-details"
          />
        )}
        <Text size="sm" data-testid="matrix-summary">
          {t('accessPage.matrix.summary', { users: userRows, products: view.columns.length })}
        </Text>
        <Text size="xs" c="dimmed">
          {data.syncedAt === null
            ? t('accessPage.neverSynced')
            : t('accessPage.asOf', { time: formatDateTime(data.syncedAt, i18n.language) })}
        </Text>
        <Group gap="xs" ml="auto">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconFileSpreadsheet size={14} />}
            loading={exportFile.isPending && exportFile.variables === 'csv'}
            onClick={() => exportFile.mutate('csv')}
            aria-label={t('accessPage.matrix.exportCsv')}
            title={t('accessPage.matrix.exportCsv')}
          >
            {t('matrix.csv')}
          </Button>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconFileSpreadsheet size={14} />}
            loading={exportFile.isPending && exportFile.variables === 'xlsx'}
            onClick={() => exportFile.mutate('xlsx')}
            aria-label={t('accessPage.matrix.exportXlsx')}
            title={t('accessPage.matrix.exportXlsx')}
          >
            {t('matrix.xlsx')}
          </Button>
        </Group>
      </Group>
      <MatrixLegend />
      {data.users.length === 0 ? (
        <Text c="dimmed">{t('accessPage.matrix.empty')}</Text>
      ) : (
        <MatrixGrid
          key={layout}
          data={data}
          view={view}
          layout={layout}
          details={details}
          rightsAvailable={rightsAvailable}
          twoFactorAvailable={twoFactorAvailable}
          onOpenCell={setOpenCell}
        />
      )}
      <Text size="xs" c="dimmed">
        {t('matrix.keyboardHelp')}
      </Text>
      <MatrixCellDrawer
        data={data}
        view={view}
        cell={openCell}
        rightsAvailable={rightsAvailable}
        onClose={() => setOpenCell(null)}
      />
    </Stack>
  )
}
