import { Badge, Group, Loader, Text, Tooltip } from '@mantine/core'
import { IconCircleCheck, IconCloudOff, IconKeyOff, IconRefreshAlert } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { formatCount, formatDuration, relativeTime } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { accountsQueries } from '../accounts/accounts-queries'
import type { SyncStatus } from '../../../../shared/domain/cache'
import { firstSyncProgress, summarizeSync, type SyncSummary } from './sync-model'
import { syncQueries, useSyncProgress } from './sync-queries'
import { useOnline, useSettledKind } from './use-sync-line'

/**
 * Header: one status line for every account together. One state by precedence (token rejected, offline,
 * syncing, up to date), debounced so that it does not flip between offline and syncing at each retry.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  useSyncProgress()
  const now = useNow(15_000)
  const online = useOnline()
  const status = useQuery(syncQueries.status())
  const accounts = useQuery(accountsQueries.list())
  const summary = status.data && accounts.data ? summarizeSync(status.data, accounts.data, online) : null
  const shown = useSettledKind(summary?.kind ?? null)
  if (!summary || !status.data || shown === null) return null
  // Still shown offline while a retry is confirming itself: since when, from the accounts' statuses.
  const s = shown === 'offline' && summary.kind !== 'offline' ? offlineOf(summary, status.data) : summary
  const names = s.accounts.join(', ')
  const lang = i18n.language
  const line = (content: ReactNode) => (
    <Group gap={6} wrap="nowrap" data-testid="sync-status" data-state={shown} style={{ minWidth: 0 }}>
      {content}
    </Group>
  )
  if (shown === 'token_rejected')
    return line(
      <Tooltip label={t('sync.rejectedHint', { accounts: names })} multiline w={280}>
        <Badge
          component="button"
          color="red"
          variant="light"
          leftSection={<IconKeyOff size={14} aria-hidden />}
          onClick={() => void navigate('/settings')}
          style={{ cursor: 'pointer' }}
          data-testid="sync-indicator"
        >
          {t('sync.rejected')}
        </Badge>
      </Tooltip>,
    )
  if (shown === 'offline') {
    const next = status.data
      .map((x) => x.nextAttemptAt)
      .filter((n): n is number => n !== null && n > now)
      .sort((a, b) => a - b)[0]
    return line(
      <Tooltip label={t('sync.offlineHint', { accounts: names })} multiline w={280}>
        <Badge
          color="orange"
          variant="light"
          leftSection={<IconCloudOff size={14} aria-hidden />}
          data-testid="sync-indicator"
          role="status"
        >
          {s.offlineSince !== null
            ? t('sync.offlineSince', { when: relativeTime(s.offlineSince, now, lang) })
            : t('sync.offline')}
          {next !== undefined ? ` · ${t('syncLine.retrying', { when: relativeTime(next, now, lang) })}` : ''}
        </Badge>
      </Tooltip>,
    )
  }
  if (shown === 'syncing') {
    const first = firstSyncProgress(status.data)
    return line(
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
          <Loader size={14} aria-hidden />
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {s.planned > 0
              ? t('sync.progress', { done: formatCount(s.done, lang), planned: formatCount(s.planned, lang) })
              : t('sync.starting')}
            {s.etaMs !== null && s.etaMs > 0 ? ` · ${t('sync.eta', { eta: formatDuration(s.etaMs, lang) })}` : ''}
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
      </Tooltip>,
    )
  }
  // Up to date: when every account last completed a full sync (the oldest of them).
  if ((accounts.data ?? []).every((a) => a.state === 'signed_out')) return null
  const lastSyncAt = s.lastSyncAt ?? null
  return line(
    <Tooltip label={lastSyncAt !== null ? t('syncLine.upToDateHint') : t('syncLine.notCompleteHint')} multiline w={280}>
      <Group gap={6} wrap="nowrap" role="status" data-testid="sync-status-idle">
        {lastSyncAt !== null ? (
          <IconCircleCheck size={16} aria-hidden color="var(--mantine-color-teal-text)" />
        ) : (
          <IconRefreshAlert size={16} aria-hidden color="var(--mantine-color-orange-text)" />
        )}
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {lastSyncAt !== null
            ? t('syncLine.upToDate', { when: relativeTime(lastSyncAt, now, lang) })
            : t('syncLine.notComplete')}
        </Text>
      </Group>
    </Tooltip>,
  )
}

function offlineOf(summary: SyncSummary, statuses: readonly SyncStatus[]): SyncSummary {
  const since = statuses.map((x) => x.offlineSince).filter((n): n is number => n !== null)
  return { ...summary, kind: 'offline', offlineSince: since.length > 0 ? Math.min(...since) : null }
}
