import { serviceName } from '../../../../shared/i18n/terms'
import { useState } from 'react'
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { BillingPeriod, Currency, type PriceEntry } from '../../../../shared/domain/billing'
import { SERVICE_CATALOGUE } from '../../../../shared/domain/service-catalogue'
import { billingQueries, useSetPrices } from './billing-queries'

interface Draft {
  key: number
  serviceName: string
  period: BillingPeriod
  currency: Currency
  price: number
  /** null: the purchase price is not known. */
  purchase: number | null
}

let nextKey = 1
const toDraft = (p: PriceEntry): Draft => ({
  key: nextKey++,
  serviceName: p.serviceName,
  period: p.period,
  currency: p.currency,
  price: p.priceCents / 100,
  purchase: p.purchaseCents === null ? null : p.purchaseCents / 100,
})

/** Edits a loaded price list; remounted (by key) when the account changes. */
function PriceEditor({
  accountId,
  initial,
  services,
}: {
  accountId: string
  initial: PriceEntry[]
  services: string[]
}) {
  const { t, i18n } = useTranslation()
  const save = useSetPrices()
  const [rows, setRows] = useState<Draft[]>(() => initial.map(toDraft))
  const update = (key: number, patch: Partial<Draft>): void =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)))
  // Services by their catalogue name: the cached ones, the whole catalogue, and any code already priced.
  const serviceOptions = [
    ...new Set([...services, ...SERVICE_CATALOGUE.map((e) => e.name), ...rows.map((r) => r.serviceName)]),
  ]
    .filter((code) => code.trim() !== '')
    .map((code) => ({ value: code, label: serviceName(code, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language))

  const submit = (): void => {
    const entries: PriceEntry[] = rows
      .filter((r) => r.serviceName.trim() !== '')
      .map((r) => ({
        serviceName: r.serviceName.trim(),
        period: r.period,
        currency: r.currency,
        priceCents: Math.round(r.price * 100),
        purchaseCents: r.purchase === null ? null : Math.round(r.purchase * 100),
      }))
    save.mutate(
      { accountId, entries },
      {
        onSuccess: (saved) => {
          setRows(saved.map(toDraft))
          notifications.show({ color: 'teal', message: t('billingPage.prices.saved') })
        },
        onError: () => notifications.show({ color: 'red', message: t('billingPage.prices.failed') }),
      },
    )
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('billingPage.prices.help')}
      </Text>
      <Table data-testid="price-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billingPage.prices.service')}</Table.Th>
            <Table.Th>{t('billingPage.prices.period')}</Table.Th>
            <Table.Th>{t('billingPage.prices.currency')}</Table.Th>
            <Table.Th>{t('billingPage.prices.price')}</Table.Th>
            <Table.Th>{t('billingPage.prices.purchase')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('billingPage.prices.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>
                <Select
                  aria-label={t('billingPage.prices.service')}
                  data={serviceOptions}
                  value={r.serviceName === '' ? null : r.serviceName}
                  onChange={(v) => update(r.key, { serviceName: v ?? '' })}
                  searchable
                  allowDeselect={false}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('billingPage.prices.period')}
                  data={[
                    { value: 'yearly', label: t('billingPage.prices.yearly') },
                    { value: 'monthly', label: t('billingPage.prices.monthly') },
                  ]}
                  value={r.period}
                  allowDeselect={false}
                  onChange={(v) => {
                    const parsed = BillingPeriod.safeParse(v)
                    if (parsed.success) update(r.key, { period: parsed.data })
                  }}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('billingPage.prices.currency')}
                  data={['CHF', 'EUR']}
                  value={r.currency}
                  allowDeselect={false}
                  onChange={(v) => {
                    const parsed = Currency.safeParse(v)
                    if (parsed.success) update(r.key, { currency: parsed.data })
                  }}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('billingPage.prices.price')}
                  min={0}
                  decimalScale={2}
                  fixedDecimalScale
                  value={r.price}
                  onChange={(v) => update(r.key, { price: typeof v === 'number' ? v : Number(v) || 0 })}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('billingPage.prices.purchase')}
                  placeholder={t('billingPage.prices.unknown')}
                  min={0}
                  decimalScale={2}
                  fixedDecimalScale
                  value={r.purchase ?? ''}
                  onChange={(v) =>
                    update(r.key, { purchase: v === '' ? null : typeof v === 'number' ? v : Number(v) || 0 })
                  }
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('billingPage.prices.remove')}
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            setRows((rs) => [
              ...rs,
              {
                key: nextKey++,
                serviceName: services[0] ?? '',
                period: 'yearly',
                currency: 'CHF',
                price: 0,
                purchase: null,
              },
            ])
          }
        >
          {t('billingPage.prices.add')}
        </Button>
        <Button onClick={submit} loading={save.isPending} data-testid="prices-save">
          {t('billingPage.prices.save')}
        </Button>
      </Group>
    </Stack>
  )
}

export function PricesTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation()
  const prices = useQuery(billingQueries.prices(accountId))
  const services = useQuery(billingQueries.services(accountId))
  if (!prices.data) return <Text c="dimmed">{prices.isError ? t('errors.loadFailed') : t('common.loading')}</Text>
  return <PriceEditor key={accountId} accountId={accountId} initial={prices.data} services={services.data ?? []} />
}
