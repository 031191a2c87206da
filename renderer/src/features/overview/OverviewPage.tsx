import { serviceName } from '../../../../shared/i18n/terms'
import { useMemo } from 'react'
import { CoverageList } from '../../components/CoverageNotice'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { orgPath } from '../orgs/org-key'
import { OrgTitle } from '../orgs/OrgTitle'
import { useOrgContext } from '../orgs/OrgScope'
import { expiryMs, productName } from '../products/products-model'
import { productsQueries, usersQueries } from '../products/products-queries'
import { OrgProductsFreshness } from '../sync/OrgProductsFreshness'
import { syncQueries, useStartSync } from '../sync/sync-queries'
import { overviewModel, peopleCounts } from './overview-model'

function Stat({
  label,
  value,
  loading,
  testId,
}: {
  label: string
  value: number | string
  loading: boolean
  testId: string
}) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {loading ? (
        <Skeleton h={32} mt={4} w={60} />
      ) : (
        <Text fz={28} fw={700} data-testid={testId}>
          {value}
        </Text>
      )}
    </Card>
  )
}

export function OverviewPage() {
  const { t, i18n } = useTranslation()
  const { org, account } = useOrgContext()
  const now = useNow(60_000)
  const ref = { accountId: org.accountId, orgId: org.id }
  const products = useQuery(productsQueries.ofOrg(ref))
  const users = useQuery(usersQueries.ofOrg(ref))
  const status = useQuery(syncQueries.status())
  const sync = useStartSync()
  const model = useMemo(() => (products.data ? overviewModel(products.data, now) : null), [products.data, now])
  const people = useMemo(() => (users.data ? peopleCounts(users.data) : null), [users.data])
  const accountStatus = status.data?.find((s) => s.accountId === org.accountId)
  const syncing = accountStatus?.state === 'syncing'
  const offline = accountStatus?.state === 'offline' || account?.state === 'offline'
  const signedOut = account?.state === 'signed_out'
  const maxType = model?.byType[0]?.count ?? 1

  const refresh = (
    <Button
      variant="light"
      leftSection={<IconRefresh size={16} />}
      loading={sync.isPending}
      disabled={signedOut}
      title={signedOut ? t('overview.refreshSignedOut') : undefined}
      onClick={() => sync.mutate({ accountId: org.accountId, orgId: org.id })}
      data-testid="refresh-org"
    >
      {syncing ? t('overview.refreshing') : t('overview.refresh')}
    </Button>
  )

  return (
    <>
      <OrgTitle org={org} account={account} section={t('nav.overview')} actions={refresh} />
      {offline && (
        <Text size="sm" c="orange">
          {t('overview.offlineNote')}
        </Text>
      )}
      <OrgProductsFreshness org={org} status={accountStatus} now={now} />
      {products.isError || users.isError ? <Text c="red">{t('errors.loadFailed')}</Text> : null}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label={t('overview.products')} value={model?.total ?? 0} loading={!model} testId="stat-products" />
        <Stat
          label={t('overview.users')}
          value={people ? (people.pending > 0 ? `${people.members} + ${people.pending}` : people.members) : 0}
          loading={!people}
          testId="stat-users"
        />
        <Stat label={t('overview.teams')} value={people?.teams ?? 0} loading={!people} testId="stat-teams" />
        <Stat
          label={t('overview.expiring30')}
          value={model?.expiring[0]?.count ?? 0}
          loading={!model}
          testId="stat-expiring"
        />
      </SimpleGrid>
      {people && people.pending > 0 && (
        <Text size="xs" c="dimmed" mt={-8}>
          {t('overview.pendingNote', { count: people.pending })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('overview.byType')}
          </Title>
          {!model ? (
            <Skeleton h={120} />
          ) : model.byType.length === 0 ? (
            <Text c="dimmed">{t('overview.noProducts')}</Text>
          ) : (
            <Stack gap={8}>
              {model.byType.map((row) => (
                <div key={row.type}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="sm" truncate>
                      {serviceName(row.type, i18n.language)}
                    </Text>
                    <Text size="sm" fw={600}>
                      {row.count}
                    </Text>
                  </Group>
                  <Progress value={(row.count / maxType) * 100} size="sm" aria-hidden />
                </div>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('overview.expiry')}
          </Title>
          {!model ? (
            <Skeleton h={120} />
          ) : (
            <Stack gap="sm">
              <Group gap="xs">
                {model.expiring.map((e) => (
                  <Badge
                    key={e.days}
                    variant="light"
                    color={e.days === 30 ? 'red' : e.days === 60 ? 'orange' : 'yellow'}
                    size="lg"
                  >
                    {t('overview.withinDays', { days: e.days, count: e.count })}
                  </Badge>
                ))}
                {model.expired > 0 && (
                  <Badge variant="filled" color="red" size="lg">
                    {t('overview.expired', { count: model.expired })}
                  </Badge>
                )}
              </Group>
              {model.soonest.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('overview.nothingExpiring')}
                </Text>
              ) : (
                <Table verticalSpacing={4} fz="sm">
                  <Table.Tbody>
                    {model.soonest.map((p) => {
                      const exp = expiryMs(p)
                      return (
                        <Table.Tr key={p.id}>
                          <Table.Td style={{ maxWidth: 0, width: '60%' }}>
                            <Text size="sm" truncate title={productName(p)}>
                              {productName(p)}
                            </Text>
                          </Table.Td>
                          <Table.Td c="dimmed">{serviceName(p.serviceName, i18n.language)}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                            {exp !== null ? formatDate(exp, i18n.language) : ''}
                          </Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              )}
              <Anchor component={Link} to={orgPath(ref, 'products')} size="sm">
                {t('overview.allProducts')}
              </Anchor>
            </Stack>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder padding="lg" data-testid="coverage-card">
        <Title order={2} size="h4">
          {t('coverage.overview.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('coverage.overview.subtitle')}
        </Text>
        <CoverageList accountId={org.accountId} orgId={org.id} />
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('overview.flagged')}
        </Title>
        {!model ? (
          <Skeleton h={60} />
        ) : model.flagged.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('overview.nothingFlagged')}
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm" data-testid="flagged-table">
            <Table.Tbody>
              {model.flagged.slice(0, 50).map(({ product, flags }) => (
                <Table.Tr key={product.id}>
                  <Table.Td style={{ maxWidth: 0, width: '50%' }}>
                    <Text size="sm" truncate title={productName(product)}>
                      {productName(product)}
                    </Text>
                  </Table.Td>
                  <Table.Td c="dimmed">{serviceName(product.serviceName, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {flags.map((f) => (
                        <Badge
                          key={f}
                          size="sm"
                          variant="light"
                          color={f === 'locked' ? 'red' : f === 'trial' ? 'cyan' : 'orange'}
                        >
                          {t(`status.${f}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {model && model.flagged.length > 50 && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('overview.moreFlagged', { count: model.flagged.length - 50 })}
          </Text>
        )}
      </Card>
    </>
  )
}
