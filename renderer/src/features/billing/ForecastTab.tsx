import { Alert, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { IconCalendarDollar } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { serviceName } from '../../../../shared/i18n/terms'
import { EmptyState } from '../../components/EmptyState'
import { billingQueries } from './billing-queries'
import { formatIsoDate, formatMoney } from './billing-model'

export function ForecastTab({ accountId, from, to }: { accountId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const forecast = useQuery(billingQueries.forecast(accountId, from, to))
  if (!forecast.data) return <Text c="dimmed">{forecast.isError ? t('errors.loadFailed') : t('common.loading')}</Text>
  const f = forecast.data
  if (f.rows.length === 0)
    return (
      <EmptyState
        icon={<IconCalendarDollar size={28} />}
        title={t('billingPage.forecast.emptyTitle')}
        body={t('billingPage.forecast.emptyBody')}
      />
    )
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('billingPage.forecast.help')}
      </Text>
      <Group>
        {f.totals.map((c) => (
          <Card withBorder padding="sm" key={c.currency} data-testid={`forecast-total-${c.currency}`}>
            <Text size="sm" c="dimmed">
              {t('billingPage.forecast.totals')} · {c.currency}
            </Text>
            <Text fw={700} size="lg">
              {formatMoney(c.cents, c.currency, language)}
            </Text>
          </Card>
        ))}
      </Group>
      {f.missingPrices.length > 0 && (
        <Alert color="yellow">{t('billingPage.forecast.missing', { services: f.missingPrices.join(', ') })}</Alert>
      )}
      {f.perClient.length > 0 && (
        <Card withBorder padding="md">
          <Title order={3} size="h5" mb="xs">
            {t('billingPage.overview.perClient')}
          </Title>
          <Table>
            <Table.Tbody>
              {f.perClient.map((c) => (
                <Table.Tr key={c.orgId}>
                  <Table.Td>{c.orgName}</Table.Td>
                  <Table.Td ta="right">
                    {c.totals.map((x) => formatMoney(x.cents, x.currency, language)).join(' · ')}
                  </Table.Td>
                </Table.Tr>
              ))}
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
          {f.rows.slice(0, 1000).map((r) => (
            <Table.Tr key={r.productId}>
              <Table.Td>{formatIsoDate(r.renewalDate, language)}</Table.Td>
              <Table.Td>{r.orgName}</Table.Td>
              <Table.Td>{r.productName}</Table.Td>
              <Table.Td>{serviceName(r.serviceName, language)}</Table.Td>
              <Table.Td ta="right">
                {r.currency && r.amountCents !== null ? (
                  formatMoney(r.amountCents, r.currency, language)
                ) : (
                  <Text span c="dimmed" size="sm">
                    {t('billingPage.forecast.noPrice')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
