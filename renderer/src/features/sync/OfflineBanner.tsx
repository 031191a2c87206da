import { Alert, Button, Group, Text } from '@mantine/core'
import { IconCloudOff } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { accountsQueries } from '../accounts/accounts-queries'
import { formatDateTime } from '../../lib/format'
import { summarizeSync } from './sync-model'
import { syncQueries, useStartSync } from './sync-queries'

/**
 * Shown on every screen while the Infomaniak API cannot be reached: since when, that the
 * cached data stays readable, and that the sync resumes by itself (or now, on request).
 */
export function OfflineBanner() {
  const { t, i18n } = useTranslation()
  const statuses = useQuery(syncQueries.status())
  const accounts = useQuery(accountsQueries.list())
  const retry = useStartSync()
  if (!statuses.data || !accounts.data) return null
  const summary = summarizeSync(statuses.data, accounts.data)
  if (summary.kind !== 'offline') return null
  const nextAttempt = statuses.data
    .filter((s) => s.state === 'offline' && s.nextAttemptAt !== null)
    .map((s) => s.nextAttemptAt as number)
    .sort((a, b) => a - b)[0]
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconCloudOff size={20} />}
      title={t('offline.title', {
        since: summary.offlineSince !== null ? formatDateTime(summary.offlineSince, i18n.language) : '—',
      })}
      mb="md"
      role="status"
      data-testid="offline-banner"
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          {t('offline.body', { accounts: summary.accounts.join(', ') })}
          {nextAttempt !== undefined && ` ${t('offline.next', { time: formatDateTime(nextAttempt, i18n.language) })}`}
        </Text>
        <Button size="xs" variant="white" color="orange" onClick={() => retry.mutate({})} loading={retry.isPending}>
          {t('offline.retry')}
        </Button>
      </Group>
    </Alert>
  )
}
