import { useEffect, type ReactNode } from 'react'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDatabaseExclamation, IconInfoCircle, IconLock } from '@tabler/icons-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { StoreNotice } from '../../../../shared/domain/store'
import { formatCount, formatDateTime } from '../../lib/format'
import { IpcError } from '../../lib/ipc'
import { storeQueries, useAcknowledgeNotice, useKeepRecovered } from './store-queries'

function Notice({ notice }: { notice: StoreNotice }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const acknowledge = useAcknowledgeNotice()
  const keep = useKeepRecovered()
  const dismiss =
    notice.kind === 'user_read_only' ? null : (
      <Button
        size="xs"
        variant="white"
        color="gray"
        loading={acknowledge.isPending}
        onClick={() => acknowledge.mutate(notice.kind)}
      >
        {t('store.notices.dismiss')}
      </Button>
    )
  switch (notice.kind) {
    case 'user_read_only':
      return (
        <Alert
          color="red"
          variant="light"
          icon={<IconLock size={20} />}
          title={t('store.notices.user_read_only.title')}
          role="alert"
          data-testid="store-notice-user_read_only"
        >
          <Stack gap="xs">
            <Text size="sm">
              {t('store.notices.user_read_only.body', {
                when: formatDateTime(notice.at, i18n.language),
                rows: formatCount(notice.copiedRows, i18n.language),
                file: notice.damagedKeptAs,
              })}
              {notice.damagedTables.length > 0 &&
                ` ${t('store.notices.user_read_only.damagedTables', { tables: notice.damagedTables.join(', ') })}`}
            </Text>
            <Group gap="xs">
              <Button size="xs" color="red" loading={keep.isPending} onClick={() => keep.mutate()}>
                {t('store.notices.user_read_only.keep')}
              </Button>
              <Button size="xs" variant="white" color="red" onClick={() => void navigate('/settings#backups')}>
                {t('store.notices.user_read_only.restore')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )
    case 'user_restored':
      return (
        <InfoNotice kind={notice.kind} color="orange" icon={<IconDatabaseExclamation size={20} />} dismiss={dismiss}>
          {t('store.notices.user_restored.body', {
            when: formatDateTime(notice.backupAt, i18n.language),
            file: notice.damagedKeptAs,
          })}
        </InfoNotice>
      )
    case 'cache_rebuilt':
      return (
        <InfoNotice kind={notice.kind} color="blue" icon={<IconInfoCircle size={20} />} dismiss={dismiss}>
          {t('store.notices.cache_rebuilt.body', {
            reason: t(`store.notices.cache_rebuilt.reason.${notice.reason}`),
            file: notice.movedTo,
          })}
        </InfoNotice>
      )
    case 'split':
      return (
        <InfoNotice kind={notice.kind} color="blue" icon={<IconInfoCircle size={20} />} dismiss={dismiss}>
          {t('store.notices.split.body', { file: notice.keptAs })}
          {notice.skippedRows > 0 && ` ${t('store.notices.split.skipped', { count: notice.skippedRows })}`}
        </InfoNotice>
      )
  }
}

/** A notice the user reads and dismisses (everything but read-only user data, which needs a decision). */
function InfoNotice({
  kind,
  color,
  icon,
  dismiss,
  children,
}: {
  kind: Exclude<StoreNotice['kind'], 'user_read_only'>
  color: 'orange' | 'blue'
  icon: ReactNode
  dismiss: ReactNode
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Alert
      color={color}
      variant="light"
      icon={icon}
      title={t(`store.notices.${kind}.title`)}
      role="status"
      data-testid={`store-notice-${kind}`}
    >
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-end">
        <Text size="sm" style={{ flex: '1 1 420px', wordBreak: 'break-word' }}>
          {children}
        </Text>
        {dismiss}
      </Group>
    </Alert>
  )
}

const STORE_ERRORS = ['DISK_FULL', 'READ_ONLY', 'STORE_CORRUPT'] as const
type StoreErrorCode = (typeof STORE_ERRORS)[number]

function storeErrorCode(error: unknown): StoreErrorCode | null {
  if (!(error instanceof IpcError)) return null
  return (STORE_ERRORS as readonly string[]).includes(error.code) ? (error.code as StoreErrorCode) : null
}

/**
 * Any change that fails because the disk is full, the data is read-only or a file is damaged says
 * so in words (one notification per cause at a time), wherever it was made.
 */
function useStoreErrorNotifications(): void {
  const queryClient = useQueryClient()
  const { t } = useTranslation()
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return
        const code = storeErrorCode(event.action.error)
        if (code === null) return
        notifications.show({
          id: `store-error-${code}`,
          color: 'red',
          autoClose: 10_000,
          message: t(`store.errors.${code}`),
        })
      }),
    [queryClient, t],
  )
}

/**
 * What opening the data files found (typed notices from main, worded here): a cache rebuilt, user
 * data restored from a backup, user data read-only without a backup, the split of an old file.
 */
export function StoreBanner() {
  const status = useQuery(storeQueries.status())
  useStoreErrorNotifications()
  if (!status.data || status.data.notices.length === 0) return null
  return (
    <Stack gap="xs" mb="md" data-testid="store-banner">
      {status.data.notices.map((n) => (
        <Notice key={n.kind} notice={n} />
      ))}
    </Stack>
  )
}
