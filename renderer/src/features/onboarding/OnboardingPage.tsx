import { useState } from 'react'
import { Alert, Button, Card, Divider, Group, Loader, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertCircle, IconCircleCheck, IconFlask, IconKey } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { AccountSummary } from '../../../../shared/domain/cache'
import { accountsQueries, useStartDemo } from '../accounts/accounts-queries'
import { AddAccountForm } from './AddAccountForm'
import { ScopeList } from './ScopeList'

/** "Explore with demo data": starts the sandbox and adds the demo agency. */
export function DemoCard() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const demo = useStartDemo()
  const accounts = useQuery(accountsQueries.list())
  const hasDemo = accounts.data?.some((a) => a.isDemo) ?? false
  return (
    <Card withBorder padding="lg" h="100%">
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="xl" variant="light" color="orange">
            <IconFlask size={22} />
          </ThemeIcon>
          <Title order={2} size="h3">
            {t('demo.title')}
          </Title>
        </Group>
        <Text c="dimmed">{t('demo.body')}</Text>
        <Text size="sm" c="dimmed">
          {t('demo.note')}
        </Text>
        {demo.isError && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {t('demo.failed')}
          </Alert>
        )}
        <Button
          mt="auto"
          size="lg"
          color="orange"
          loading={demo.isPending}
          leftSection={<IconFlask size={20} />}
          data-testid="start-demo"
          onClick={() => demo.mutate(undefined, { onSuccess: () => void navigate('/home') })}
        >
          {hasDemo ? t('demo.open') : t('demo.start')}
        </Button>
      </Stack>
    </Card>
  )
}

/** After adding: who the token belongs to and what each scope unlocks. */
function AccountAdded({ account, onAnother }: { account: AccountSummary; onAnother: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Card withBorder padding="lg" data-testid="account-added">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="xl" variant="light" color="green">
            <IconCircleCheck size={22} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h3">
              {t('onboarding.addedTitle', { label: account.label })}
            </Title>
            {account.email && (
              <Text size="sm" c="dimmed" truncate>
                {account.email}
              </Text>
            )}
          </div>
        </Group>
        <Text>{t('onboarding.addedBody')}</Text>
        <ScopeList scopes={account.scopes} />
        <Group>
          <Button onClick={() => void navigate('/home')} data-testid="onboarding-continue">
            {t('onboarding.continue')}
          </Button>
          <Button variant="default" onClick={onAnother}>
            {t('onboarding.addAnother')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

/** The first screen without any account, and "Add account" from Settings. */
export function OnboardingPage() {
  const { t } = useTranslation()
  const accounts = useQuery(accountsQueries.list())
  const [added, setAdded] = useState<AccountSummary | null>(null)
  const first = accounts.data?.length === 0
  if (accounts.isPending)
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text>{t('common.loading')}</Text>
      </Group>
    )
  return (
    <Stack gap="lg" maw={1040}>
      <div>
        <Title order={1} size="h2">
          {first || added ? t('onboarding.title') : t('onboarding.addTitle')}
        </Title>
        <Text c="dimmed" mt={4}>
          {t('onboarding.intro')}
        </Text>
      </div>
      {added ? (
        <AccountAdded account={added} onAnother={() => setAdded(null)} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon size={40} radius="xl" variant="light">
                  <IconKey size={22} />
                </ThemeIcon>
                <Title order={2} size="h3">
                  {t('onboarding.tokenTitle')}
                </Title>
              </Group>
              <Text size="sm" c="dimmed">
                {t('onboarding.tokenIntro')}
              </Text>
              <Divider />
              <AddAccountForm onAdded={setAdded} />
            </Stack>
          </Card>
          <DemoCard />
        </SimpleGrid>
      )}
    </Stack>
  )
}
