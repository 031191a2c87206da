import { useState } from 'react'
import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCalendarDollar, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { PeriodInputs } from './PeriodInputs'
import type { Currency, DocumentLanguage, MarginTotal } from '../../../../shared/domain/billing'
import { serviceName } from '../../../../shared/i18n/terms'
import { EmptyState } from '../../components/EmptyState'
import { isCancelled, openDelivered } from '../../lib/download'
import { billingQueries, useForecastExport } from './billing-queries'
import { formatIsoDate, formatMoney, marginPercent, nextTwelveMonths } from './billing-model'
import { MonthChart } from './MonthChart'

/** Revenue, cost and margin of one currency. */
export function MarginCard({ total, title, testId }: { total: MarginTotal; title: string; testId?: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const pct = marginPercent(total.marginCents, total.costedRevenueCents, language)
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {title} · {total.currency}
      </Text>
      <Text fw={700} size="lg">
        {formatMoney(total.revenueCents, total.currency, language)}
      </Text>
      {total.itemsWithoutCost === total.items ? (
        <Text size="sm" c="dimmed">
          {t('billingPage.margins.costUnknown')}
        </Text>
      ) : (
        <Text size="sm">
          {t('billingPage.margins.cost')} {formatMoney(total.costCents, total.currency, language)} ·{' '}
          {t('billingPage.margins.margin')} {formatMoney(total.marginCents, total.currency, language)}
          {pct ? ` (${pct})` : ''}
        </Text>
      )}
      {total.itemsWithoutCost > 0 && total.itemsWithoutCost < total.items && (
        <Text size="xs" c="dimmed">
          {t('billingPage.margins.withoutCost', { count: total.itemsWithoutCost })}
        </Text>
      )}
    </Card>
  )
}

export function ForecastTab({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const [period, setPeriod] = useState(() => nextTwelveMonths())
  const forecast = useQuery(billingQueries.forecast(accountId, period.from, period.to))
  const exporter = useForecastExport()
  const locale: DocumentLanguage = (['en', 'fr', 'de', 'it', 'es'] as const).find((l) => l === language) ?? 'en'

  const download = (format: 'csv' | 'xlsx'): void =>
    exporter.mutate(
      { accountId, format, from: period.from, to: period.to, locale, csv: { delimiter: ';', decimal: '.', bom: true } },
      {
        onSuccess: (r) => {
          openDelivered({
            fileName: r.fileName,
            mimeType: r.mimeType,
            byteLength: r.bytes,
            savedPath: r.savedPath,
            downloadUrl: r.downloadUrl,
          })
          notifications.show({
            color: 'teal',
            message: r.savedPath
              ? t('billingPage.export.saved', { path: r.savedPath })
              : t('billingPage.export.done', { file: r.fileName, rows: r.rows }),
          })
        },
        onError: (e) => {
          if (!isCancelled(e)) notifications.show({ color: 'red', message: t('billingPage.export.failed') })
        },
      },
    )

  const periodInputs = (
    <Group align="flex-end">
      <PeriodInputs period={period} onChange={setPeriod} testIdPrefix="forecast" />
      <Button variant="subtle" onClick={() => setPeriod(nextTwelveMonths())}>
        {t('billingPage.forecast.next12')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileText size={16} />}
        onClick={() => download('csv')}
        loading={exporter.isPending}
        data-testid="forecast-export-csv"
      >
        {t('billingPage.export.csv')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} />}
        onClick={() => download('xlsx')}
        loading={exporter.isPending}
        data-testid="forecast-export-xlsx"
      >
        {t('billingPage.export.xlsx')}
      </Button>
    </Group>
  )

  if (!forecast.data)
    return (
      <Stack>
        {periodInputs}
        <Text c="dimmed">{forecast.isError ? t('errors.loadFailed') : t('common.loading')}</Text>
      </Stack>
    )
  const f = forecast.data
  const currencies = f.perMonth[0]?.totals.map((x) => x.currency) ?? []
  const perMonth = (currency: Currency) =>
    f.perMonth.map((m) => ({ month: m.month, cents: m.totals.find((x) => x.currency === currency)?.cents ?? 0 }))
  const defaulted = new Set(f.rows.filter((r) => r.currencySource === 'default').map((r) => r.orgName))

  return (
    <Stack gap="lg">
      {periodInputs}
      <Text size="sm" c="dimmed">
        {t('billingPage.forecast.help')}
      </Text>
      {f.rows.length === 0 ? (
        <EmptyState
          icon={<IconCalendarDollar size={28} />}
          title={t('billingPage.forecast.emptyTitle')}
          body={t('billingPage.forecast.emptyBody')}
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {f.totals.map((c) => (
              <MarginCard
                key={c.currency}
                total={c}
                title={t('billingPage.forecast.totals')}
                testId={`forecast-total-${c.currency}`}
              />
            ))}
          </SimpleGrid>
          {f.missingPrices.length > 0 && (
            <Alert color="yellow" variant="light" p="xs" data-testid="forecast-missing">
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {t('billingPage.forecast.missingTitle')}
                </Text>{' '}
                {f.missingPrices
                  .map(
                    (m) =>
                      `${t('billingPage.noPriceIn', { currency: m.currency, service: serviceName(m.serviceName, language) })} (${t('billingPage.products', { count: m.products })})`,
                  )
                  .join(' · ')}
              </Text>
            </Alert>
          )}
          {defaulted.size > 0 && (
            <Text size="xs" c="dimmed">
              {t('billingPage.forecast.defaultCurrency', { count: defaulted.size })}
            </Text>
          )}
          {currencies.length > 0 && (
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="sm">
                {t('billingPage.overview.perMonth')}
              </Title>
              <Group align="flex-start" gap="xl">
                {currencies.map((currency) => (
                  <MonthChart
                    key={currency}
                    currency={currency}
                    values={perMonth(currency)}
                    language={language}
                    label={t('billingPage.forecast.chartLabel', { currency })}
                    testId={`forecast-chart-${currency}`}
                  />
                ))}
              </Group>
            </Card>
          )}
          {f.perClient.length > 0 && (
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="xs">
                {t('billingPage.overview.perClient')}
              </Title>
              <Table data-testid="forecast-per-client">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('billingPage.overview.client')}</Table.Th>
                    <Table.Th ta="right">{t('billingPage.margins.revenue')}</Table.Th>
                    <Table.Th ta="right">{t('billingPage.margins.cost')}</Table.Th>
                    <Table.Th ta="right">{t('billingPage.margins.margin')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {f.perClient.slice(0, 300).flatMap((c) =>
                    c.totals.map((x) => (
                      <Table.Tr key={`${c.orgId}-${x.currency}`}>
                        <Table.Td>{c.orgName}</Table.Td>
                        <Table.Td ta="right">{formatMoney(x.revenueCents, x.currency, language)}</Table.Td>
                        <Table.Td ta="right">
                          {x.itemsWithoutCost === x.items ? '—' : formatMoney(x.costCents, x.currency, language)}
                        </Table.Td>
                        <Table.Td ta="right">
                          {x.itemsWithoutCost === x.items ? '—' : formatMoney(x.marginCents, x.currency, language)}
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Card>
          )}
          <Table striped data-testid="forecast-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billingPage.forecast.renewal')}</Table.Th>
                <Table.Th>{t('billingPage.overview.client')}</Table.Th>
                <Table.Th>{t('billingPage.forecast.product')}</Table.Th>
                <Table.Th>{t('billingPage.forecast.service')}</Table.Th>
                <Table.Th ta="right">{t('billingPage.forecast.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.rows.slice(0, 500).map((r) => (
                <Table.Tr key={r.productId}>
                  <Table.Td>{formatIsoDate(r.renewalDate, language)}</Table.Td>
                  <Table.Td>{r.orgName}</Table.Td>
                  <Table.Td>{r.productName}</Table.Td>
                  <Table.Td>{serviceName(r.serviceName, language)}</Table.Td>
                  <Table.Td ta="right">
                    {r.amountCents !== null ? (
                      formatMoney(r.amountCents, r.currency, language)
                    ) : (
                      <Text span c="dimmed" size="sm">
                        {t('billingPage.forecast.noPriceCurrency', { currency: r.currency })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {f.rows.length > 500 && (
            <Text size="xs" c="dimmed">
              {t('billingPage.shownFirst', { shown: 500, total: f.rows.length })}
            </Text>
          )}
        </>
      )}
    </Stack>
  )
}
