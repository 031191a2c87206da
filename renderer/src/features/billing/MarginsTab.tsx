import { useState } from 'react'
import { Alert, Badge, Card, List, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Currency } from '../../../../shared/domain/billing'
import { serviceLabel } from '../../../../shared/domain/service-catalogue'
import { billingQueries, useSetCurrency } from './billing-queries'
import { formatMoney, marginPercent } from './billing-model'
import { MarginCard } from './ForecastTab'

const SHOWN = 300

/** Each client's currency: automatic (from its invoices, else CHF) or set by hand. */
function ClientCurrencies({ accountId }: { accountId: string }) {
  const { t } = useTranslation()
  const currencies = useQuery(billingQueries.currencies(accountId))
  const save = useSetCurrency()
  const [search, setSearch] = useState('')
  const list = (currencies.data ?? []).filter((c) => c.orgName.toLowerCase().includes(search.trim().toLowerCase()))
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4">
        {t('billingPage.currencies.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('billingPage.currencies.help')}
      </Text>
      <TextInput
        label={t('billingPage.currencies.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={320}
        mb="sm"
      />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billingPage.overview.client')}</Table.Th>
            <Table.Th>{t('billingPage.currencies.current')}</Table.Th>
            <Table.Th>{t('billingPage.currencies.setting')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.slice(0, 50).map((c) => (
            <Table.Tr key={c.orgId}>
              <Table.Td>{c.orgName}</Table.Td>
              <Table.Td>
                {c.currency}{' '}
                <Badge size="xs" variant="light" color="gray">
                  {t(`billingPage.currencies.sources.${c.source}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={t('billingPage.currencies.settingFor', { client: c.orgName })}
                  data={[
                    { value: 'auto', label: t('billingPage.currencies.auto') },
                    { value: 'CHF', label: 'CHF' },
                    { value: 'EUR', label: 'EUR' },
                  ]}
                  value={c.setting ?? 'auto'}
                  allowDeselect={false}
                  onChange={(v) => {
                    const parsed = Currency.safeParse(v)
                    save.mutate(
                      { accountId, orgId: c.orgId, currency: parsed.success ? parsed.data : null },
                      { onError: () => notifications.show({ color: 'red', message: t('billingPage.prices.failed') }) },
                    )
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.length > 50 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('billingPage.shownFirst', { shown: 50, total: list.length })}
        </Text>
      )}
    </Card>
  )
}

/** Yearly revenue, cost and margin per client and currency, from the price list's resale and purchase prices. */
export function MarginsTab({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const margins = useQuery(billingQueries.margins(accountId))
  if (!margins.data) return <Text c="dimmed">{margins.isError ? t('errors.loadFailed') : t('common.loading')}</Text>
  const m = margins.data
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('billingPage.margins.help')}
      </Text>
      {m.totals.length === 0 ? (
        <Alert variant="light">{t('billingPage.margins.empty')}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {m.totals.map((c) => (
            <MarginCard
              key={c.currency}
              total={c}
              title={t('billingPage.margins.yearly')}
              testId={`margin-total-${c.currency}`}
            />
          ))}
        </SimpleGrid>
      )}
      {(m.missingCosts.length > 0 || m.missingPrices.length > 0) && (
        <Alert color="yellow" title={t('billingPage.margins.incomplete')}>
          <List size="sm">
            {m.missingPrices.map((x) => (
              <List.Item key={`p-${x.currency}-${x.serviceName}`}>
                {t('billingPage.noPriceIn', { currency: x.currency, service: serviceLabel(x.serviceName, language) })} (
                {t('billingPage.products', { count: x.products })})
              </List.Item>
            ))}
            {m.missingCosts.map((x) => (
              <List.Item key={`c-${x.currency}-${x.serviceName}`}>
                {t('billingPage.margins.noCostIn', {
                  currency: x.currency,
                  service: serviceLabel(x.serviceName, language),
                })}{' '}
                ({t('billingPage.products', { count: x.products })})
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {m.perClient.length > 0 && (
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            {t('billingPage.margins.perClient')}
          </Title>
          <Table striped data-testid="margins-per-client">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billingPage.overview.client')}</Table.Th>
                <Table.Th>{t('billingPage.overview.currency')}</Table.Th>
                <Table.Th ta="right">{t('billingPage.margins.revenue')}</Table.Th>
                <Table.Th ta="right">{t('billingPage.margins.cost')}</Table.Th>
                <Table.Th ta="right">{t('billingPage.margins.margin')}</Table.Th>
                <Table.Th ta="right">%</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.perClient.slice(0, SHOWN).map((c) => {
                const x = c.totals
                const costed = x.itemsWithoutCost < x.items
                return (
                  <Table.Tr key={`${c.orgId}-${c.currency}`}>
                    <Table.Td>{c.orgName}</Table.Td>
                    <Table.Td>{c.currency}</Table.Td>
                    <Table.Td ta="right">{formatMoney(x.revenueCents, x.currency, language)}</Table.Td>
                    <Table.Td ta="right">{costed ? formatMoney(x.costCents, x.currency, language) : '—'}</Table.Td>
                    <Table.Td ta="right">{costed ? formatMoney(x.marginCents, x.currency, language) : '—'}</Table.Td>
                    <Table.Td ta="right">
                      {(costed && marginPercent(x.marginCents, x.costedRevenueCents, language)) || '—'}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
          {m.perClient.length > SHOWN && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('billingPage.shownFirst', { shown: SHOWN, total: m.perClient.length })}
            </Text>
          )}
        </Card>
      )}
      <ClientCurrencies accountId={accountId} />
    </Stack>
  )
}
