import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconReceipt } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { billingQueries } from './billing-queries'
import { formatMoney, monthBars } from './billing-model'
import { MonthChart } from './MonthChart'

export function OverviewTab({ accountId, from, to }: { accountId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const overview = useQuery(billingQueries.overview(accountId, from, to))
  if (!overview.data) return <Text c="dimmed">{overview.isError ? t('errors.loadFailed') : t('common.loading')}</Text>
  const o = overview.data
  const bars = monthBars(o.perMonth)
  if (o.invoiceCount === 0)
    return (
      <EmptyState
        icon={<IconReceipt size={28} />}
        title={t('billingPage.overview.emptyTitle')}
        body={t('billingPage.overview.emptyBody')}
      />
    )
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('billingPage.overview.invoiceCount', { count: o.invoiceCount })} ·{' '}
        {t('billingPage.overview.separateCurrencies')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {o.perCurrency.map((c) => (
          <Card withBorder padding="md" key={c.currency} data-testid={`total-${c.currency}`}>
            <Text size="sm" c="dimmed">
              {t('billingPage.overview.totalIncl')} · {c.currency}
            </Text>
            <Text size="xl" fw={700}>
              {formatMoney(c.inclCents, c.currency, language)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('billingPage.overview.totalExcl')} {formatMoney(c.exclCents, c.currency, language)} ·{' '}
              {t('billingPage.overview.unpaid')} {formatMoney(c.unpaidCents, c.currency, language)}
            </Text>
            {c.vatUnknownCount > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('billingPage.overview.vatUnknown', { count: c.vatUnknownCount })}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('billingPage.overview.perMonth')}
        </Title>
        <Group align="flex-start" gap="xl">
          {[...bars.entries()].map(([currency, list]) => (
            <MonthChart
              key={currency}
              currency={currency}
              values={list}
              language={language}
              label={t('billingPage.overview.chartLabel', { currency })}
              testId={`chart-${currency}`}
            />
          ))}
        </Group>
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('billingPage.overview.perClient')}
        </Title>
        <Table striped data-testid="per-client">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('billingPage.overview.client')}</Table.Th>
              <Table.Th>{t('billingPage.overview.currency')}</Table.Th>
              <Table.Th ta="right">{t('billingPage.overview.count')}</Table.Th>
              <Table.Th ta="right">{t('billingPage.overview.totalExcl')}</Table.Th>
              <Table.Th ta="right">{t('billingPage.overview.totalIncl')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.perClient.slice(0, 500).map((c) => (
              <Table.Tr key={`${c.orgId}-${c.currency}`}>
                <Table.Td>{c.orgName}</Table.Td>
                <Table.Td>{c.currency}</Table.Td>
                <Table.Td ta="right">{c.count}</Table.Td>
                <Table.Td ta="right">{formatMoney(c.exclCents, c.currency, language)}</Table.Td>
                <Table.Td ta="right">{formatMoney(c.inclCents, c.currency, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {o.perClient.length > 500 && (
          <Alert variant="light" mt="sm">
            {t('billingPage.shownFirst', { shown: 500, total: o.perClient.length })}
          </Alert>
        )}
      </Card>
    </Stack>
  )
}
