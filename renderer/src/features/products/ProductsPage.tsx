import { useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react'
import { Badge, Group, MultiSelect, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconPackageOff, IconSearch } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { ProductRow } from '../../../../shared/domain/cache'
import { EmptyState } from '../../components/EmptyState'
import { formatDate } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { LoadingLine } from '../orgs/OrgEntry'
import { OrgTitle } from '../orgs/OrgTitle'
import { useOrgContext } from '../orgs/OrgScope'
import { ProductDrawer } from './ProductDrawer'
import {
  DEFAULT_PRODUCT_QUERY,
  PRODUCT_STATUSES,
  expiryMs,
  filterProducts,
  productName,
  productStatuses,
  productTypes,
  type ProductQuery,
  type ProductStatus,
  type SortKey,
} from './products-model'
import { productsQueries } from './products-queries'
import { serviceName } from '../../../../shared/i18n/terms'
import { useScrollWindow, visibleRange } from './VirtualRows'

const ROW_HEIGHT = 41

function parseProductId(value: string | null): number | null {
  const id = Number(value)
  return value !== null && value !== '' && Number.isInteger(id) ? id : null
}

function SortHeader(props: {
  label: string
  sortKey: SortKey
  query: ProductQuery
  onSort: (key: SortKey) => void
  w?: number | string
}) {
  const active = props.query.sort === props.sortKey
  const Icon = !active ? IconArrowsSort : props.query.direction === 'asc' ? IconArrowUp : IconArrowDown
  return (
    <Table.Th
      w={props.w}
      aria-sort={active ? (props.query.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={{ position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-body)' }}
    >
      <UnstyledButton onClick={() => props.onSort(props.sortKey)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {props.label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}

export function ProductsPage() {
  const { t, i18n } = useTranslation()
  const { org, account } = useOrgContext()
  const now = useNow(60_000)
  const ref = { accountId: org.accountId, orgId: org.id }
  const products = useQuery(productsQueries.ofOrg(ref))
  const [query, setQuery] = useState<ProductQuery>(DEFAULT_PRODUCT_QUERY)
  const deferredQuery = useDeferredValue(query)
  // `?product=<id>` (from the search in the switcher) opens that product's drawer.
  const [params, setParams] = useSearchParams()
  const productParam = params.get('product')
  const [seenParam, setSeenParam] = useState(productParam)
  const [selectedId, setSelectedId] = useState<number | null>(parseProductId(productParam))
  if (productParam !== seenParam) {
    setSeenParam(productParam)
    if (productParam !== null) setSelectedId(parseProductId(productParam))
  }
  const closeDrawer = (): void => {
    setSelectedId(null)
    if (productParam !== null)
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          next.delete('product')
          return next
        },
        { replace: true },
      )
  }
  const rows = useMemo(
    () => (products.data ? filterProducts(products.data, deferredQuery, now) : []),
    [products.data, deferredQuery, now],
  )
  const types = useMemo(() => productTypes(products.data ?? []), [products.data])
  const [scrollRef, scroll] = useScrollWindow<HTMLDivElement>()
  const range = visibleRange(scroll.scrollTop, scroll.height, ROW_HEIGHT, rows.length)
  const selected = products.data?.find((p) => p.id === selectedId) ?? null

  const sortBy = (key: SortKey): void =>
    setQuery((q) => ({
      ...q,
      sort: key,
      direction: q.sort === key && q.direction === 'asc' ? 'desc' : 'asc',
    }))

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, p: ProductRow): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      setSelectedId(p.id)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const sibling =
        event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling
      if (sibling instanceof HTMLElement && sibling.tabIndex >= 0) sibling.focus()
    }
  }

  return (
    <>
      <OrgTitle org={org} account={account} section={t('nav.products')} />
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('products.search')}
          placeholder={t('products.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query.search}
          onChange={(e) => {
            const search = e.currentTarget.value
            setQuery((q) => ({ ...q, search }))
          }}
          w={280}
          data-testid="products-search"
        />
        <MultiSelect
          label={t('products.filterType')}
          placeholder={query.types.length === 0 ? t('products.allTypes') : undefined}
          data={types.map((ty) => ({ value: ty.type, label: `${serviceName(ty.type, i18n.language)} (${ty.count})` }))}
          value={[...query.types]}
          onChange={(value) => setQuery((q) => ({ ...q, types: value }))}
          clearable
          searchable
          w={260}
          data-testid="products-type-filter"
        />
        <MultiSelect
          label={t('products.filterStatus')}
          placeholder={query.statuses.length === 0 ? t('products.allStatuses') : undefined}
          data={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={[...query.statuses]}
          onChange={(value) =>
            setQuery((q) => ({
              ...q,
              statuses: value.filter((v): v is ProductStatus => (PRODUCT_STATUSES as readonly string[]).includes(v)),
            }))
          }
          clearable
          w={260}
          data-testid="products-status-filter"
        />
        {products.data && (
          <Text size="sm" c="dimmed" pb={8} data-testid="products-count">
            {t('products.count', { shown: rows.length, total: products.data.length })}
          </Text>
        )}
      </Group>
      {products.isPending ? (
        <LoadingLine />
      ) : products.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : products.data.length === 0 ? (
        <EmptyState
          icon={<IconPackageOff size={28} />}
          title={t('products.emptyTitle')}
          body={t('products.emptyBody')}
        />
      ) : (
        <Stack gap={4}>
          <div
            ref={scrollRef}
            style={{ height: 'calc(100vh - 300px)', minHeight: 240, overflow: 'auto' }}
            data-testid="products-scroll"
          >
            <Table layout="fixed" highlightOnHover striped={false} verticalSpacing={0} aria-rowcount={rows.length + 1}>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader label={t('products.colName')} sortKey="name" query={query} onSort={sortBy} />
                  <SortHeader label={t('products.colType')} sortKey="type" query={query} onSort={sortBy} w={180} />
                  <SortHeader label={t('products.colExpiry')} sortKey="expiry" query={query} onSort={sortBy} w={150} />
                  <Table.Th
                    w={240}
                    style={{ position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-body)' }}
                  >
                    {t('products.colStatus')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {range.start > 0 && <tr style={{ height: range.start * ROW_HEIGHT }} aria-hidden />}
                {rows.slice(range.start, range.end).map((p, i) => {
                  const exp = expiryMs(p)
                  return (
                    <Table.Tr
                      key={p.id}
                      h={ROW_HEIGHT}
                      tabIndex={0}
                      aria-rowindex={range.start + i + 2}
                      onClick={() => setSelectedId(p.id)}
                      onKeyDown={(e) => onRowKey(e, p)}
                      style={{ cursor: 'pointer' }}
                      data-testid="product-row"
                    >
                      <Table.Td>
                        <Text size="sm" truncate title={productName(p)}>
                          {productName(p)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" truncate>
                          {serviceName(p.serviceName, i18n.language)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{exp !== null ? formatDate(exp, i18n.language) : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
                          {productStatuses(p, now).map((s) => (
                            <Badge
                              key={s}
                              size="sm"
                              variant="light"
                              color={s === 'expired' || s === 'locked' ? 'red' : s === 'trial' ? 'cyan' : 'orange'}
                              style={{ flexShrink: 0 }}
                            >
                              {t(`status.${s}`)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
                {range.end < rows.length && (
                  <tr style={{ height: (rows.length - range.end) * ROW_HEIGHT }} aria-hidden />
                )}
              </Table.Tbody>
            </Table>
            {rows.length === 0 && (
              <Text c="dimmed" p="md" ta="center">
                {t('products.noMatch')}
              </Text>
            )}
          </div>
        </Stack>
      )}
      <ProductDrawer product={selected} org={org} now={now} onClose={closeDrawer} />
    </>
  )
}
