import { useEffect } from 'react'
import { Button, Group, Stack, Text } from '@mantine/core'
import { IconBuildingOff } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Outlet, useNavigate, useOutletContext } from 'react-router'
import type { AccountSummary, OrgSummary } from '../../../../shared/domain/cache'
import { EmptyState } from '../../components/EmptyState'
import { accountsQueries } from '../accounts/accounts-queries'
import { LoadingLine } from './OrgEntry'
import { orgKey } from './org-key'
import { useOrgPrefs } from './org-prefs'
import { findOrg, orgsQueries, useOrgRefFromUrl } from './orgs-queries'

export interface OrgContext {
  org: OrgSummary
  account: AccountSummary | undefined
}

/** The organization of the current route (for pages under `/org/:accountId/:orgId`). */
export function useOrgContext(): OrgContext {
  return useOutletContext<OrgContext>()
}

/** Resolves the organization named in the URL from the cache; remembers it as the most recent. */
export function OrgScope() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const ref = useOrgRefFromUrl()
  const orgs = useQuery(orgsQueries.all())
  const accounts = useQuery(accountsQueries.list())
  const { markRecent } = useOrgPrefs()
  const org = findOrg(orgs.data, ref)
  const key = org ? orgKey({ accountId: org.accountId, orgId: org.id }) : null

  useEffect(() => {
    if (key) markRecent(key)
  }, [key, markRecent])

  if (orgs.isPending) return <LoadingLine />
  if (orgs.isError)
    return (
      <Text c="red" p="md">
        {t('errors.loadFailed')}
      </Text>
    )
  if (!org)
    return (
      <EmptyState
        icon={<IconBuildingOff size={28} />}
        title={t('orgs.notFoundTitle')}
        body={t('orgs.notFoundBody')}
        action={
          <Group>
            <Button onClick={() => void navigate('/overview')}>{t('errors.backHome')}</Button>
          </Group>
        }
      />
    )
  const context: OrgContext = { org, account: accounts.data?.find((a) => a.id === org.accountId) }
  return (
    <Stack gap="lg">
      <Outlet context={context} />
    </Stack>
  )
}
