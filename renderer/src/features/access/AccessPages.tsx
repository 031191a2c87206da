import { Button, Stack, Tabs, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { useOrgContext } from '../orgs/OrgScope'
import { OrgTitle } from '../orgs/OrgTitle'
import { useCurrentOrg } from '../orgs/orgs-queries'
import { HistoryPanel } from './HistoryPanel'
import { PastOffboardingRuns } from './PastOffboardingRuns'
import { HygieneReportPanel } from '../hygiene/HygieneReportPanel'
import { InvitationsPanel } from './InvitationsPanel'
import { MatrixPanel } from './MatrixPanel'
import { PeoplePanel } from './PeoplePanel'
import { TeamsPanel } from './TeamsPanel'

const ORG_TABS = ['matrix', 'teams', 'invitations', 'history'] as const
const HOME_TABS = ['people', 'hygiene', 'invitations', 'history'] as const

function pick<T extends string>(tabs: readonly T[], value: string | undefined): T {
  return tabs.find((x) => x === value) ?? tabs[0]!
}

/** Access of one organization: permission matrix, teams, invitations, history (`/org/:a/:o/access/:tab?`). */
export function AccessOrgPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { org, account } = useOrgContext()
  const tab = pick(ORG_TABS, useParams().tab)
  const base = `/org/${encodeURIComponent(org.accountId)}/${org.id}/access`
  return (
    <Stack gap="md">
      <OrgTitle org={org} account={account} section={t('nav.access')} />
      <Tabs
        value={tab}
        onChange={(v) => void navigate(v === 'matrix' ? base : `${base}/${v ?? ''}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {ORG_TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`accessPage.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="matrix" pt="md">
          <MatrixPanel accountId={org.accountId} orgId={org.id} />
        </Tabs.Panel>
        <Tabs.Panel value="teams" pt="md">
          <TeamsPanel accountId={org.accountId} orgId={org.id} orgName={org.name} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsPanel accountId={org.accountId} orgId={org.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel accountId={org.accountId} orgId={org.id} />
          <PastOffboardingRuns accountId={org.accountId} orgId={org.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

/** Access across every organization: people, hygiene, pending invitations, history (`/access/:tab?`). */
export function AccessHomePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const tab = pick(HOME_TABS, useParams().tab)
  const current = useCurrentOrg()
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('accessPage.title')}
        </Title>
        <Text c="dimmed">{t('accessPage.subtitle')}</Text>
      </div>
      {current.org ? (
        <div>
          <Button
            variant="light"
            onClick={() =>
              void navigate(`/org/${encodeURIComponent(current.org!.accountId)}/${current.org!.id}/access`)
            }
            data-testid="open-org-access"
          >
            {t('accessPage.openOrgAccess', { org: current.org.name })}
          </Button>
        </div>
      ) : (
        <Text size="sm" c="dimmed">
          {t('accessPage.chooseOrg')}
        </Text>
      )}
      <Tabs
        value={tab}
        onChange={(v) => void navigate(v === 'people' ? '/access' : `/access/${v ?? ''}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {HOME_TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`accessPage.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="people" pt="md">
          <PeoplePanel />
        </Tabs.Panel>
        <Tabs.Panel value="hygiene" pt="md">
          <HygieneReportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
