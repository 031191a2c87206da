import { ConfirmFooter } from '../../components/ConfirmFooter'
import { useState } from 'react'
import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { RemovedAccount } from '../../../../shared/domain/account-removal'
import { formatDateTime } from '../../lib/format'
import { accountsQueries, useDeleteRemovedData } from './accounts-queries'

function DeleteDataModal({ account, onClose }: { account: RemovedAccount; onClose: () => void }) {
  const { t } = useTranslation()
  const del = useDeleteRemovedData()
  return (
    <Modal opened onClose={onClose} title={t('accountRemoval.deleteDataTitle', { label: account.label })}>
      <Stack>
        <Text size="sm">{t('accountRemoval.deleteDataBody')}</Text>
        <ConfirmFooter
          error={del.isError ? t('accountRemoval.deleteFailed') : null}
          onCancel={onClose}
          color="red"
          loading={del.isPending}
          onConfirm={() =>
            del.mutate(account.id, {
              onSuccess: () => {
                notifications.show({ message: t('accountRemoval.deleted', { label: account.label }) })
                onClose()
              },
            })
          }
        >
          {t('accountRemoval.deleteDataConfirm')}
        </ConfirmFooter>
      </Stack>
    </Modal>
  )
}

/** Accounts removed with their data kept, and the explicit "delete its data". Nothing when there are none. */
export function RemovedAccounts() {
  const { t, i18n } = useTranslation()
  const removed = useQuery(accountsQueries.removed())
  const [deleting, setDeleting] = useState<RemovedAccount | null>(null)
  if (!removed.data || removed.data.length === 0) return null
  return (
    <Stack gap="xs" mt="md" data-testid="removed-accounts">
      <Title order={3} size="h5">
        {t('accountRemoval.removedTitle')}
      </Title>
      {removed.data.map((a) => (
        <Card key={a.id} withBorder padding="sm">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600} truncate>
                {a.label}
              </Text>
              <Text size="sm" c="dimmed">
                {[a.email, t('accountRemoval.removedWhen', { when: formatDateTime(a.removedAt, i18n.language) })]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('accountRemoval.removedKept', {
                  invoices: a.kept.invoices,
                  history: a.kept.historyEntries,
                  audit: a.kept.auditEntries,
                })}
              </Text>
            </Stack>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              aria-label={t('accountRemoval.deleteDataAria', { label: a.label })}
              onClick={() => setDeleting(a)}
            >
              {t('accountRemoval.deleteData')}
            </Button>
          </Group>
        </Card>
      ))}
      {deleting && <DeleteDataModal account={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  )
}
