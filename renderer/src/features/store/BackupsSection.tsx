import { ConfirmFooter } from '../../components/ConfirmFooter'
import { useEffect, useRef, useState } from 'react'
import { Button, Card, Group, Loader, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDatabaseExport, IconFolderOpen, IconRestore } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import type { BackupInfo } from '../../../../shared/domain/store'
import { formatDateTime } from '../../lib/format'
import { invoke } from '../../lib/ipc'
import { appQueries } from '../settings/settings-queries'
import { formatBytes, storeQueries, useCreateBackup, useRestoreBackup } from './store-queries'

function RestoreModal({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const restore = useRestoreBackup()
  const when = formatDateTime(backup.at, i18n.language)
  return (
    <Modal opened onClose={onClose} title={t('store.backups.restoreTitle', { when })}>
      <Stack>
        <Text size="sm">{t('store.backups.restoreBody', { when })}</Text>
        <Text size="sm" c="dimmed">
          {t('store.backups.restoreCachedNote')}
        </Text>
        <ConfirmFooter
          error={restore.isError ? t('store.backups.restoreFailed') : null}
          onCancel={onClose}
          color="orange"
          loading={restore.isPending}
          testId="confirm-restore"
          onConfirm={() =>
            restore.mutate(backup.id, {
              onSuccess: () => {
                notifications.show({ message: t('store.backups.restored', { when }) })
                onClose()
              },
            })
          }
        >
          {t('store.backups.restoreConfirm')}
        </ConfirmFooter>
      </Stack>
    </Modal>
  )
}

/** Settings → Backups: the backups of the user data with date and size, "back up now" and restore. */
export function BackupsSection() {
  const { t, i18n } = useTranslation()
  const backups = useQuery(storeQueries.backups())
  const status = useQuery(storeQueries.status())
  const create = useCreateBackup()
  const app = useQuery(appQueries.info())
  const openLogs = useMutation({
    mutationFn: () => invoke('logs:open-folder', {}),
    onSuccess: ({ opened }) => {
      if (!opened) notifications.show({ color: 'red', message: t('store.logs.openFailed') })
    },
    onError: () => notifications.show({ color: 'red', message: t('store.logs.openFailed') }),
  })
  const [restoring, setRestoring] = useState<BackupInfo | null>(null)
  const location = useLocation()
  const card = useRef<HTMLDivElement>(null)
  // "Restore a backup…" from the read-only notice leads here.
  useEffect(() => {
    if (location.hash === '#backups') card.current?.scrollIntoView({ block: 'start' })
  }, [location.hash])
  return (
    <Card withBorder padding="lg" id="backups" ref={card} data-testid="backups-section">
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <Title order={2} size="h4">
          {t('store.backups.title')}
        </Title>
        <Button
          leftSection={<IconDatabaseExport size={16} />}
          variant="light"
          loading={create.isPending}
          disabled={status.data?.readOnly === true}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: () => notifications.show({ message: t('store.backups.created') }),
              onError: () => notifications.show({ color: 'red', message: t('store.backups.createFailed') }),
            })
          }
          data-testid="backup-now"
        >
          {t('store.backups.create')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('store.backups.description')}
      </Text>
      {backups.isPending ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text>{t('common.loading')}</Text>
        </Group>
      ) : backups.isError ? (
        <Text c="red">{t('store.backups.loadFailed')}</Text>
      ) : backups.data.length === 0 ? (
        <Text c="dimmed">{t('store.backups.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480} mah={320}>
          <Table striped highlightOnHover stickyHeader data-testid="backups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('store.backups.taken')}</Table.Th>
                <Table.Th>{t('store.backups.reason')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('store.backups.size')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('store.backups.restore')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.data.map((b) => {
                const when = formatDateTime(b.at, i18n.language)
                return (
                  <Table.Tr key={b.id}>
                    <Table.Td>{when}</Table.Td>
                    <Table.Td>{t(`store.backups.reasons.${b.reason}`)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                      {formatBytes(b.size, i18n.language)}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconRestore size={14} />}
                        aria-label={t('store.backups.restoreAria', { when })}
                        onClick={() => setRestoring(b)}
                      >
                        {t('store.backups.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {status.data && (
        <Text size="xs" c="dimmed" mt="sm" style={{ wordBreak: 'break-all' }}>
          {t('store.backups.folder')}: {status.data.backupDir}
        </Text>
      )}
      {status.data && (
        <Group gap="xs" mt="xs" wrap="nowrap" justify="space-between" data-testid="log-folder">
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('store.logs.folder')}: {status.data.logDir}
          </Text>
          {app.data?.host === 'electron' && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconFolderOpen size={14} />}
              loading={openLogs.isPending}
              onClick={() => openLogs.mutate()}
            >
              {t('store.logs.open')}
            </Button>
          )}
        </Group>
      )}
      {restoring && <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />}
    </Card>
  )
}
