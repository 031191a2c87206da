import { Badge, Group, Loader, Text, Tooltip } from '@mantine/core'
import { IconCloudOff, IconKeyOff } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { formatCount, formatDuration, relativeTime } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { accountsQueries } from '../accounts/accounts-queries'
import { firstSyncProgress, summarizeSync } from './sync-model'
import { syncQueries, useSyncProgress } from './sync-queries'

/** Header: progress while syncing, or the problem (offline since…, token rejected). */
export function SyncIndicator() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  useSyncProgress()
  const now = useNow(15_000)
  const status = useQuery(syncQueries.status())
  const accounts = useQuery(accountsQueries.list())
  if (!status.data || !accounts.data) return null
  const s = summarizeSync(status.data, accounts.data)
  const names = s.accounts.join(', ')
  if (s.kind === 'token_rejected')
    return (
      <Tooltip label={t('sync.rejectedHint', { accounts: names })} multiline w={280}>
        <Badge
          component="button"
          color="red"
          variant="light"
          leftSection={<IconKeyOff size={14} />}
          onClick={() => void navigate('/settings')}
          style={{ cursor: 'pointer' }}
          data-testid="sync-indicator"
        >
          {t('sync.rejected')}
        </Badge>
      </Tooltip>
    )
  if (s.kind === 'offline')
    return (
      <Tooltip label={t('sync.offlineHint', { accounts: names })} multiline w={280}>
        <Badge color="orange" variant="light" leftSection={<IconCloudOff size={14} />} data-testid="sync-indicator">
          {s.offlineSince !== null
            ? t('sync.offlineSince', { when: relativeTime(s.offlineSince, now, i18n.language) })
            : t('sync.offline')}
        </Badge>
      </Tooltip>
    )
  const lang = i18n.language
  const first = s.kind === 'syncing' ? firstSyncProgress(status.data) : null
  if (s.kind === 'syncing')
    return (
      <Tooltip
        label={
          first
            ? `${t('sync.syncingHint', { accounts: names })} ${t('firstSync.productsHint')}`
            : t('sync.syncingHint', { accounts: names })
        }
        multiline
        w={320}
      >
        <Group gap={6} wrap="nowrap" data-testid="sync-indicator" role="status" aria-live="polite">
          <Loader size={14} />
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {s.planned > 0 ? t('sync.progress', { done: s.done, planned: s.planned }) : t('sync.starting')}
            {s.etaMs !== null && s.etaMs > 0
              ? ` · ${t('sync.eta', { eta: formatDuration(s.etaMs, i18n.language) })}`
              : ''}
          </Text>
          {first && first.orgs > 0 && (
            <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid="first-sync-progress">
              {t('firstSync.productsOfOrgs', {
                done: formatCount(first.orgsDone, lang),
                total: formatCount(first.orgs, lang),
              })}
              {first.pages !== null && first.pages > 0
                ? ` (${t('firstSync.pages', { done: formatCount(first.pagesDone, lang), total: formatCount(first.pages, lang) })})`
                : ''}
            </Text>
          )}
        </Group>
      </Tooltip>
    )
  return null
}
