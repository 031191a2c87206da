import { Button, Group, Stack, Text, Tooltip } from '@mantine/core'
import { IconPlayerStop, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { problemText } from '../../lib/problem'
import type { AccountSummary, SyncStatus } from '../../../../shared/domain/cache'
import { formatDateTime, formatDuration, formatList, relativeTime } from '../../lib/format'
import { neededScopes } from './sync-model'
import { useCancelSync, useStartSync } from './sync-queries'

/** Whether an account's sync is running or queued (so it can be cancelled). */
export function isSyncBusy(status: SyncStatus | undefined): boolean {
  return status?.state === 'syncing' || status?.state === 'waiting'
}

/** Settings → one account's sync: queue, current job, last error, scopes needed, last full sync; sync now / cancel. */
export function SyncPanel({
  account,
  status,
  now,
}: {
  account: AccountSummary
  status: SyncStatus | undefined
  now: number
}) {
  const { t, i18n } = useTranslation()
  const start = useStartSync()
  const cancel = useCancelSync()
  const lang = i18n.language
  const busy = isSyncBusy(status)
  const scopes = neededScopes(status)
  const lastSync = status?.lastSyncAt ?? account.lastSyncAt
  const current = status?.current ?? null
  // The last run that ended (kept in the cache store, so shown after a restart too); not while one runs.
  const lastRun = busy ? null : (status?.lastRun ?? null)
  const signedOut = account.state === 'signed_out'
  return (
    <Stack gap={4} mt="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Text size="sm" fw={600}>
        {t('syncPanel.title')}
      </Text>
      <Text size="sm" data-testid="sync-queue">
        {t(`syncPanel.state.${status?.state ?? 'idle'}`)}
        {busy && status && status.planned > 0
          ? ` · ${t('syncPanel.queue', { done: status.done, planned: status.planned })}`
          : ''}
        {busy && status?.etaMs != null && status.etaMs > 0
          ? ` · ${t('sync.eta', { eta: formatDuration(status.etaMs, lang) })}`
          : ''}
      </Text>
      {busy && current && (
        <Text size="sm" c="dimmed" data-testid="sync-current">
          {t('syncPanel.current', {
            resource: current.resource,
            org: current.orgName ?? t('syncPanel.accountWide'),
          })}
        </Text>
      )}
      {status?.state === 'offline' && status.nextAttemptAt !== null && (
        <Text size="sm" c="dimmed">
          {t('syncPanel.nextAttempt', { when: relativeTime(status.nextAttemptAt, now, lang) })}
        </Text>
      )}
      <Text size="sm" c="dimmed" data-testid="sync-last">
        {lastSync === null ? (
          t('accounts.neverSynced')
        ) : (
          <Tooltip label={formatDateTime(lastSync, lang)}>
            <span>{t('syncPanel.lastFull', { when: relativeTime(lastSync, now, lang) })}</span>
          </Tooltip>
        )}
      </Text>
      {lastRun && (
        <Text size="sm" c="dimmed" data-testid="sync-last-run">
          <Tooltip label={formatDateTime(lastRun.finishedAt, lang)}>
            <span>
              {t('syncPanel.lastRun', {
                when: relativeTime(lastRun.finishedAt, now, lang),
                kind: t(`syncPanel.lastRunKind.${lastRun.kind}`),
                outcome: t(
                  `syncPanel.lastRunOutcome.${lastRun.outcome === 'done' ? (lastRun.complete ? 'complete' : 'partial') : lastRun.outcome}`,
                ),
              })}
            </span>
          </Tooltip>
        </Text>
      )}
      {status?.lastError && (
        <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }} data-testid="sync-error">
          {t('syncPanel.lastError', { error: problemText(t, status.lastError) })}
        </Text>
      )}
      {status && status.skippedCount > 0 && (
        <Stack gap={2} data-testid="sync-skipped">
          <Text size="sm" c="yellow.9">
            {t('coverage.skipped.summary', { count: status.skippedCount })}
          </Text>
          {status.skipped.slice(0, 5).map((s) => (
            <Text
              key={`${s.resource}:${s.orgId}:${s.endpoint}:${s.path}:${s.seen}`}
              size="xs"
              c="dimmed"
              ff="monospace"
              style={{ overflowWrap: 'anywhere' }}
            >
              {t('coverage.skipped.line', {
                resource: s.resource,
                endpoint: s.endpoint,
                path: s.path,
                expected: s.expected,
                seen: s.seen,
                count: s.count,
              })}
            </Text>
          ))}
        </Stack>
      )}
      {scopes.length > 0 && (
        <Text size="sm" c="yellow.8" data-testid="sync-scopes">
          {t('accounts.needsScopes', { scopes: formatList(scopes, i18n.language), count: scopes.length })}{' '}
          {t('syncPanel.addScope')}
        </Text>
      )}
      <Group gap="xs" mt={4}>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          loading={start.isPending}
          disabled={signedOut || busy}
          onClick={() => start.mutate({ accountId: account.id })}
          aria-label={t('syncPanel.nowAria', { label: account.label })}
          data-testid="sync-account-now"
        >
          {t('sync.now')}
        </Button>
        {busy && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlayerStop size={14} />}
            loading={cancel.isPending}
            onClick={() => cancel.mutate({ accountId: account.id })}
            aria-label={t('syncPanel.cancelAria', { label: account.label })}
            data-testid="sync-account-cancel"
          >
            {t('common.cancel')}
          </Button>
        )}
      </Group>
      {(start.isError || cancel.isError) && (
        <Text size="sm" c="red">
          {t('syncPanel.failed')}
        </Text>
      )}
    </Stack>
  )
}
