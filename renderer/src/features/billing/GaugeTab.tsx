import { useState } from 'react'
import { Badge, Card, Group, List, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { GaugeExclusion, PartnerGauge } from '../../../../shared/domain/billing'
import { serviceLabel } from '../../../../shared/domain/service-catalogue'
import { billingQueries } from './billing-queries'
import { formatMoney } from './billing-model'

const SHOWN = 200

/** Threshold per currency, what was counted, what was left out and why, and the products behind it. */
export function GaugeView({ gauge }: { gauge: PartnerGauge }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const [filter, setFilter] = useState<'counted' | GaugeExclusion>('counted')
  const items = gauge.items.filter((i) => (filter === 'counted' ? i.excluded === null : i.excluded === filter))
  return (
    <Stack gap="lg">
      <Card withBorder padding="md" data-testid="partner-gauge">
        <Title order={2} size="h4">
          {t('billingPage.gauge.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('billingPage.gauge.help')}
        </Text>
        <Stack gap="md">
          {gauge.entries.map((g) => (
            <div key={g.currency} data-testid={`gauge-${g.currency}`}>
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={500}>
                  {t('billingPage.gauge.value', {
                    value: formatMoney(g.yearlyCents, g.currency, language),
                    threshold: formatMoney(g.thresholdCents, g.currency, language),
                  })}
                </Text>
                <Badge color={g.reached ? 'teal' : 'gray'} variant="light">
                  {g.reached ? t('billingPage.gauge.reached') : t('billingPage.gauge.notReached')}
                </Badge>
              </Group>
              <Progress
                value={Math.min(100, (g.yearlyCents / g.thresholdCents) * 100)}
                color={g.reached ? 'teal' : 'indigo'}
                aria-label={t('billingPage.gauge.progress', { currency: g.currency })}
              />
            </div>
          ))}
        </Stack>
      </Card>
      <Card withBorder padding="md" data-testid="gauge-explain">
        <Title order={2} size="h4" mb="xs">
          {t('billingPage.gauge.whatCounts')}
        </Title>
        <Text size="sm">
          {t('billingPage.gauge.counted', { products: gauge.countedProducts, orgs: gauge.clientOrgs })}
        </Text>
        {gauge.excluded.length > 0 && (
          <>
            <Text size="sm" mt="sm">
              {t('billingPage.gauge.leftOut')}
            </Text>
            <List size="sm" mt={4}>
              {gauge.excluded.map((e) => (
                <List.Item key={e.reason}>
                  {t(`billingPage.gauge.reasons.${e.reason}`)}: {e.products}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {gauge.missingPrices.length > 0 && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('billingPage.gauge.missing', {
              services: gauge.missingPrices
                .map((m) =>
                  t('billingPage.noPriceIn', { currency: m.currency, service: serviceLabel(m.serviceName, language) }),
                )
                .join(' · '),
            })}
          </Text>
        )}
      </Card>
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('billingPage.gauge.drillDown')}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t('billingPage.gauge.drillDown')}
            value={filter}
            onChange={(v) => setFilter(v as typeof filter)}
            data={[
              { value: 'counted', label: t('billingPage.gauge.countedShort', { count: gauge.countedProducts }) },
              ...gauge.excluded.map((e) => ({
                value: e.reason,
                label: `${t(`billingPage.gauge.reasonsShort.${e.reason}`)} (${e.products})`,
              })),
            ]}
          />
        </Group>
        <Table striped data-testid="gauge-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('billingPage.overview.client')}</Table.Th>
              <Table.Th>{t('billingPage.forecast.product')}</Table.Th>
              <Table.Th>{t('billingPage.forecast.service')}</Table.Th>
              <Table.Th ta="right">{t('billingPage.gauge.yearly')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.slice(0, SHOWN).map((i) => (
              <Table.Tr key={i.productId}>
                <Table.Td>{i.orgName}</Table.Td>
                <Table.Td>{i.productName}</Table.Td>
                <Table.Td>{serviceLabel(i.serviceName, language)}</Table.Td>
                <Table.Td ta="right">
                  {i.yearlyCents === null ? (
                    <Text span size="sm" c="dimmed">
                      {t('billingPage.forecast.noPrice')}
                    </Text>
                  ) : (
                    formatMoney(i.yearlyCents, i.currency, language)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {(items.length > SHOWN || gauge.itemsTruncated) && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('billingPage.shownFirst', { shown: Math.min(SHOWN, items.length), total: items.length })}
          </Text>
        )}
      </Card>
    </Stack>
  )
}

export function GaugeTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation()
  const gauge = useQuery(billingQueries.gauge(accountId))
  if (!gauge.data) return <Text c="dimmed">{gauge.isError ? t('errors.loadFailed') : t('common.loading')}</Text>
  return <GaugeView gauge={gauge.data} />
}
