import { useState } from 'react'
import { Group, Select, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconReceipt } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { PeriodInputs } from './PeriodInputs'
import { useSearchParams } from 'react-router'
import { EmptyState } from '../../components/EmptyState'
import { accountsQueries } from '../accounts/accounts-queries'
import { currentYear } from './billing-model'
import { ExportTab } from './ExportTab'
import { ForecastTab } from './ForecastTab'
import { GaugeTab } from './GaugeTab'
import { MarginsTab } from './MarginsTab'
import { InvoicesTab } from './InvoicesTab'
import { OverviewTab } from './OverviewTab'
import { PricesTab } from './PricesTab'

/** Tabs that read the page's period (the forecast has its own, from today). */
const PERIOD_TABS: ReadonlySet<string> = new Set(['overview', 'invoices', 'export'])

/** Billing: ledger and import, overview, renewal forecast, price list and exports, per account and period. */
export function BillingPage() {
  const { t } = useTranslation()
  const accounts = useQuery(accountsQueries.list())
  const [picked, setPicked] = useState<string | null>(null)
  const [period, setPeriod] = useState(currentYear)
  // `?tab=invoices` (from Home's unpaid column) opens that tab.
  const [params] = useSearchParams()
  const [tab, setTab] = useState<string | null>(params.get('tab') ?? 'overview')

  const list = (accounts.data ?? []).filter((a) => a.state !== 'signed_out')
  const accountId = list.some((a) => a.id === picked) ? picked : (list[0]?.id ?? null)

  if (accounts.data && list.length === 0)
    return (
      <EmptyState
        icon={<IconReceipt size={28} />}
        title={t('billingPage.noAccountTitle')}
        body={t('billingPage.noAccountBody')}
      />
    )

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('billingPage.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('billingPage.subtitle')}
        </Text>
      </div>
      <Group align="flex-end">
        {list.length > 1 && (
          <Select
            label={t('billingPage.account')}
            data={list.map((a) => ({ value: a.id, label: a.label }))}
            value={accountId}
            onChange={setPicked}
            allowDeselect={false}
          />
        )}
        {PERIOD_TABS.has(tab ?? '') && <PeriodInputs period={period} onChange={setPeriod} testIdPrefix="period" />}
      </Group>
      {accountId && (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="overview">{t('billingPage.tabs.overview')}</Tabs.Tab>
            <Tabs.Tab value="invoices">{t('billingPage.tabs.invoices')}</Tabs.Tab>
            <Tabs.Tab value="forecast">{t('billingPage.tabs.forecast')}</Tabs.Tab>
            <Tabs.Tab value="gauge">{t('billingPage.tabs.gauge')}</Tabs.Tab>
            <Tabs.Tab value="margins">{t('billingPage.tabs.margins')}</Tabs.Tab>
            <Tabs.Tab value="prices">{t('billingPage.tabs.prices')}</Tabs.Tab>
            <Tabs.Tab value="export">{t('billingPage.tabs.export')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <OverviewTab accountId={accountId} from={period.from} to={period.to} />
          </Tabs.Panel>
          <Tabs.Panel value="invoices" pt="md">
            <InvoicesTab accountId={accountId} from={period.from} to={period.to} />
          </Tabs.Panel>
          <Tabs.Panel value="forecast" pt="md">
            <ForecastTab accountId={accountId} />
          </Tabs.Panel>
          <Tabs.Panel value="gauge" pt="md">
            <GaugeTab accountId={accountId} />
          </Tabs.Panel>
          <Tabs.Panel value="margins" pt="md">
            <MarginsTab accountId={accountId} />
          </Tabs.Panel>
          <Tabs.Panel value="prices" pt="md">
            <PricesTab accountId={accountId} />
          </Tabs.Panel>
          <Tabs.Panel value="export" pt="md">
            <ExportTab accountId={accountId} from={period.from} to={period.to} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  )
}
