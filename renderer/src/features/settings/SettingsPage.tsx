import { Card, Group, Loader, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, Language, ThemePreference } from '../../../../shared/domain/settings'
import { appQueries, settingsQueries, useUpdateSettings } from './settings-queries'
import { AccountsSection } from '../accounts/AccountsSection'
import { BackupsSection } from '../store/BackupsSection'
import { DiagnosticsSection } from '../coverage/DiagnosticsSection'
import { NotificationSettingsSection } from '../notifications/NotificationSettingsSection'
import { SyncScheduleSection } from '../notifications/SyncScheduleSection'

export function SettingsPage() {
  const { t } = useTranslation()
  const settings = useQuery(settingsQueries.current())
  const info = useQuery(appQueries.info())
  const update = useUpdateSettings()

  const save = (patch: Parameters<typeof update.mutate>[0]): void =>
    update.mutate(patch, {
      onError: () => notifications.show({ color: 'red', message: t('settings.saveFailed') }),
    })

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <AccountsSection />
      <DiagnosticsSection />
      <SyncScheduleSection />
      <NotificationSettingsSection />
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('settings.appearance')}
        </Title>
        {settings.data ? (
          <Stack gap="md">
            <Select
              label={t('settings.language')}
              description={t('settings.languageHelp')}
              data={LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
              value={settings.data.language}
              allowDeselect={false}
              onChange={(value) => {
                const parsed = Language.safeParse(value)
                if (parsed.success) save({ language: parsed.data })
              }}
              maw={320}
              data-testid="language-select"
            />
            <div>
              <Text size="sm" fw={500} mb={4} id="theme-label">
                {t('settings.theme')}
              </Text>
              <SegmentedControl
                aria-labelledby="theme-label"
                value={settings.data.theme}
                onChange={(value) => {
                  const parsed = ThemePreference.safeParse(value)
                  if (parsed.success) save({ theme: parsed.data })
                }}
                data={[
                  { value: 'light', label: t('settings.themeLight') },
                  { value: 'dark', label: t('settings.themeDark') },
                  { value: 'system', label: t('settings.themeSystem') },
                ]}
              />
            </div>
          </Stack>
        ) : settings.isError ? (
          <Text c="red">{t('errors.loadFailed')}</Text>
        ) : (
          <Group>
            <Loader size="sm" />
            <Text>{t('common.loading')}</Text>
          </Group>
        )}
      </Card>
      <BackupsSection />
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('settings.about')}
        </Title>
        {info.data && (
          <Table variant="vertical" layout="fixed" withTableBorder={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={160}>{t('settings.version')}</Table.Th>
                <Table.Td>{info.data.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.platform')}</Table.Th>
                <Table.Td>{info.data.platform}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.dataDir')}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-all' }}>{info.data.dataDir}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  )
}
