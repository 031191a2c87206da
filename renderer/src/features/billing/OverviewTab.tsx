import { Alert, Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconReceipt } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { BillingOverview, Currency } from '../../../../shared/domain/billing'
import { EmptyState } from '../../components/EmptyState'
import { billingQueries } from './billing-queries'
import { formatMoney, formatMonth, monthBars, type MonthBar } from './billing-model'

const COLORS: Record<Currency, string> = { CHF: 'var(--mantine-color-red-6)', EUR: 'var(--mantine-color-blue-6)' }

/** A simple SVG bar chart of one currency per month. */
function MonthChart({ currency, bars, language }: { currency: Currency; bars: MonthBar[]; language: string }) {
  const { t } = useTranslation()
  const width = Math.max(240, bars.length * 48)
  const height = 140
  const barWidth = 32
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('billingPage.overview.chartLabel', { currency })}
      </Text>
      <svg
        role="img"
        aria-label={t('billingPage.overview.chartLabel', { currency })}
        width={width}
        height={height + 20}
        data-testid={`chart-${currency}`}
      >
        {bars.map((b, i) => {
          const h = Math.round(b.ratio * height)
          return (
            <g key={b.month}>
              <title>{`${b.month}: ${formatMoney(b.cents, currency, language)}`}</title>
              <rect x={i * 48 + 8} y={height - h} width={barWidth} height={h} rx={3} fill={COLORS[currency]} />
              <text x={i * 48 + 8 + barWidth / 2} y={height + 14} fontSize={10} textAnchor="middle" fill="currentColor">
                {formatMonth(b.month, language)}
              </text>
            </g>
          )
        })}
      </svg>
    </Stack>
  )
}

function Gauge({ overview, language }: { overview: BillingOverview; language: string }) {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="md" data-testid="partner-gauge">
      <Title order={2} size="h4">
        {t('billingPage.gauge.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('billingPage.gauge.help')}
      </Text>
      <Stack gap="sm">
        {overview.gauge.map((g) => (
          <div key={g.currency}>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={500}>
                {t('billingPage.gauge.value', {
                  value: formatMoney(g.yearlyCents, g.currency, language),
                  threshold: formatMoney(g.thresholdCents, g.currency, language),
                })}
              </Text>
              <Badge color={g.reached ? 'green' : 'gray'} variant="light">
                {g.reached ? t('billingPage.gauge.reached') : t('billingPage.gauge.notReached')}
              </Badge>
            </Group>
            <Progress
              value={Math.min(100, (g.yearlyCents / g.thresholdCents) * 100)}
              color={g.reached ? 'green' : 'blue'}
              aria-label={g.currency}
            />
          </div>
        ))}
        {overview.gaugeMissingPrices.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('billingPage.gauge.missing', { services: overview.gaugeMissingPrices.join(', ') })}
          </Text>
        )}
      </Stack>
    </Card>
  )
}

export function OverviewTab({ accountId, from, to }: { accountId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const overview = useQuery(billingQueries.overview(accountId, from, to))
  if (!overview.data) return <Text c="dimmed">{overview.isError ? t('errors.loadFailed') : t('common.loading')}</Text>
  const o = overview.data
  const bars = monthBars(o.perMonth)
  return (
    <Stack gap="lg">
      {o.invoiceCount === 0 ? (
        <EmptyState
          icon={<IconReceipt size={28} />}
          title={t('billingPage.overview.emptyTitle')}
          body={t('billingPage.overview.emptyBody')}
        />
      ) : (
        <>
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
              </Card>
            ))}
          </SimpleGrid>
          <Card withBorder padding="md">
            <Title order={2} size="h4" mb="sm">
              {t('billingPage.overview.perMonth')}
            </Title>
            <Group align="flex-start" gap="xl">
              {[...bars.entries()].map(([currency, list]) => (
                <MonthChart key={currency} currency={currency} bars={list} language={language} />
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
                {o.perClient.map((c) => (
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
          </Card>
        </>
      )}
      <Gauge overview={o} language={language} />
      {o.invoiceCount === 0 && <Alert variant="light">{t('billingPage.overview.separateCurrencies')}</Alert>}
    </Stack>
  )
}
