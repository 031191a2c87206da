import { Alert, Group, Loader, Text, Tooltip } from '@mantine/core'
import { IconHourglassHigh } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrgSummary, SyncStatus } from '../../../../shared/domain/cache'
import { formatDateTime, relativeTime } from '../../lib/format'
import { useStartSync } from './sync-queries'

/**
 * One organisation's products freshness (issue 18): while its products are still arriving, a notice, and the
 * organisation is put first in the running sync (its own products listing jumps the queue, once per visit);
 * once complete, "products as of" and, after a refresh of this organisation, "organisation refreshed".
 */
export function OrgProductsFreshness({
  org,
  status,
  now,
}: {
  org: OrgSummary
  status: SyncStatus | undefined
  now: number
}) {
  const { t, i18n } = useTranslation()
  const focus = useStartSync()
  const asked = useRef<string | null>(null)
  const syncing = status?.state === 'syncing' || status?.state === 'waiting'
  const incomplete = org.productsComplete === false
  const key = `${org.accountId}:${org.id}`
  const { mutate } = focus
  useEffect(() => {
    if (!incomplete || !syncing || asked.current === key) return
    asked.current = key
    mutate({ accountId: org.accountId, focusOrgId: org.id })
  }, [incomplete, syncing, key, mutate, org.accountId, org.id])

  const lang = i18n.language
  if (incomplete) {
    const fetching = status?.current?.resource === 'products' && status.current.orgId === org.id
    return (
      <Alert
        color="blue"
        variant="light"
        icon={syncing ? <Loader size={16} /> : <IconHourglassHigh size={18} />}
        data-testid="org-products-arriving"
      >
        {fetching ? t('firstSync.orgFetching') : t('firstSync.orgArriving')}
      </Alert>
    )
  }
  const refreshed =
    status?.lastRun?.kind === 'org' && status.lastRun.orgId === org.id && status.lastRun.complete
      ? status.lastRun.finishedAt
      : null
  if (org.productsAsOf == null && refreshed === null) return null
  return (
    <Group gap="md" data-testid="org-products-freshness">
      {org.productsAsOf != null && (
        <Tooltip label={formatDateTime(org.productsAsOf, lang)}>
          <Text size="xs" c="dimmed">
            {t('firstSync.productsAsOf', { time: relativeTime(org.productsAsOf, now, lang) })}
          </Text>
        </Tooltip>
      )}
      {refreshed !== null && (
        <Text size="xs" c="dimmed" data-testid="org-refreshed">
          {t('firstSync.orgRefreshed', { when: relativeTime(refreshed, now, lang) })}
        </Text>
      )}
    </Group>
  )
}
