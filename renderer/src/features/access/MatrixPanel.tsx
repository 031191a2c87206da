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
import { DEFAULT_FILTERS, serviceNames, viewOf, type AccessFilter, type MatrixFilters } from './matrix-model'

/** Filters, export and the permission matrix of one organization. */
export function MatrixPanel({ accountId, orgId }: { accountId: string; orgId: number }) {
  const { t, i18n } = useTranslation()
  const matrix = useQuery(accessQueries.matrix(accountId, orgId))
  const [filters, setFilters] = useState<MatrixFilters>(DEFAULT_FILTERS)
  const set = (patch: Partial<MatrixFilters>) => setFilters((f) => ({ ...f, ...patch }))
  const view = useMemo(() => (matrix.data ? viewOf(matrix.data, filters) : null), [matrix.data, filters])
  const types = useMemo(() => (matrix.data ? serviceNames(matrix.data) : []), [matrix.data])
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
    <Stack gap="sm">
      <CoverageNotice
        accountId={accountId}
        orgId={orgId}
        datasets={['product_rights', 'team_memberships', 'two_factor']}
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          leftSection={<IconSearch size={14} />}
          placeholder={t('accessPage.matrix.search')}
          aria-label={t('accessPage.matrix.search')}
          value={filters.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          w={260}
          data-testid="matrix-search"
        />
        <Select
          label={t('accessPage.matrix.role')}
          data={[
            { value: '', label: t('accessPage.matrix.allRoles') },
            ...(['owner', 'admin', 'normal'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) })),
          ]}
          value={filters.role ?? ''}
          onChange={(v) => set({ role: v ? v : null })}
          allowDeselect={false}
          w={190}
          data-testid="matrix-role"
        />
        <Select
          label={t('accessPage.matrix.productType')}
          data={[{ value: '', label: t('accessPage.matrix.allTypes') }, ...types.map((s) => ({ value: s, label: s }))]}
          value={filters.serviceName ?? ''}
          onChange={(v) => set({ serviceName: v ? v : null })}
          allowDeselect={false}
          searchable
          w={200}
          data-testid="matrix-type"
        />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('accessPage.matrix.access')}
          </Text>
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
        </Stack>
        <Checkbox
          label={t('accessPage.matrix.pending')}
          checked={filters.showPending}
          onChange={(e) => set({ showPending: e.currentTarget.checked })}
          data-testid="matrix-pending"
        />
        <Group gap="xs" ml="auto">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconFileSpreadsheet size={14} />}
            loading={exportFile.isPending && exportFile.variables === 'csv'}
            onClick={() => exportFile.mutate('csv')}
          >
            {t('accessPage.matrix.exportCsv')}
          </Button>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconFileSpreadsheet size={14} />}
            loading={exportFile.isPending && exportFile.variables === 'xlsx'}
            onClick={() => exportFile.mutate('xlsx')}
          >
            {t('accessPage.matrix.exportXlsx')}
          </Button>
        </Group>
      </Group>
      <Group gap="md">
        <Text size="sm" data-testid="matrix-summary">
          {t('accessPage.matrix.summary', { users: userRows, products: view.columns.length })}
        </Text>
        <Text size="xs" c="dimmed">
          {data.syncedAt === null
            ? t('accessPage.neverSynced')
            : t('accessPage.asOf', { time: formatDateTime(data.syncedAt, i18n.language) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('accessPage.rightsLegend')} {t('accessPage.matrix.roleImplied')}
        </Text>
      </Group>
      {data.users.length === 0 ? (
        <Text c="dimmed">{t('accessPage.matrix.empty')}</Text>
      ) : (
        <MatrixGrid data={data} view={view} />
      )}
      <Text size="xs" c="dimmed">
        {t('accessPage.matrix.keyboardHelp')}
      </Text>
    </Stack>
  )
}
