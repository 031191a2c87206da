import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { IconBuildingSkyscraper, IconRefresh } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Navigate } from 'react-router'
import { EmptyState } from '../../components/EmptyState'
import { accountsQueries } from '../accounts/accounts-queries'
import { syncQueries, useStartSync } from '../sync/sync-queries'
import { orgKey, orgPath } from './org-key'
import { useOrgPrefs } from './org-prefs'
import { orgsQueries } from './orgs-queries'

export function LoadingLine() {
  const { t } = useTranslation()
  return (
    <Group gap="xs" p="md">
      <Loader size="sm" />
      <Text>{t('common.loading')}</Text>
    </Group>
  )
}

/**
 * `/overview` and `/products` without an organization in the URL: onboarding when there is no
 * account, a waiting state until the first organizations arrive, else the last used organization.
 */
export function OrgEntry({ section }: { section: 'overview' | 'products' }) {
  const { t } = useTranslation()
  const accounts = useQuery(accountsQueries.list())
  const orgs = useQuery(orgsQueries.all())
  const status = useQuery(syncQueries.status())
  const sync = useStartSync()
  const { prefs } = useOrgPrefs()

  if (accounts.isPending || orgs.isPending) return <LoadingLine />
  if (accounts.isError || orgs.isError)
    return (
      <Text c="red" p="md">
        {t('errors.loadFailed')}
      </Text>
    )
  if (accounts.data.length === 0) return <Navigate to="/welcome" replace />
  const active = accounts.data.filter((a) => a.state !== 'signed_out')
  if (orgs.data.length > 0) {
    const recent = orgs.data.find((o) => orgKey({ accountId: o.accountId, orgId: o.id }) === prefs.recents[0])
    const target = recent ?? orgs.data[0]
    if (target) return <Navigate to={orgPath({ accountId: target.accountId, orgId: target.id }, section)} replace />
  }
  const syncing = status.data?.some((s) => s.state === 'syncing' || s.state === 'waiting') ?? false
  return (
    <Stack gap="xs">
      <Title order={1} size="h2">
        {t(`nav.${section}`)}
      </Title>
      <EmptyState
        icon={syncing ? <Loader size={24} /> : <IconBuildingSkyscraper size={28} />}
        title={syncing ? t('orgs.waitingTitle') : t('orgs.noneTitle')}
        body={syncing ? t('orgs.waitingBody') : active.length === 0 ? t('orgs.signedOutBody') : t('orgs.noneBody')}
        action={
          !syncing && active.length > 0 ? (
            <Button leftSection={<IconRefresh size={16} />} loading={sync.isPending} onClick={() => sync.mutate({})}>
              {t('sync.now')}
            </Button>
          ) : undefined
        }
      />
    </Stack>
  )
}
