import { useState } from 'react'
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { AccountSummary, SyncStatus } from '../../../../shared/domain/cache'
import { formatDateTime, relativeTime } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { DemoBadge } from '../orgs/RoleBadge'
import { accountHealth, type AccountHealth } from '../sync/sync-model'
import { SyncPanel } from '../sync/SyncPanel'
import { SyncEverythingButton } from '../sync/SyncEverythingButton'
import { syncQueries } from '../sync/sync-queries'
import { accountsQueries, useRenameAccount } from './accounts-queries'
import { RemoveAccountModal } from './RemoveAccountModal'
import { RemovedAccounts } from './RemovedAccounts'

const HEALTH_COLOR: Record<AccountHealth, string> = {
  working: 'green',
  syncing: 'blue',
  token_rejected: 'red',
  offline: 'orange',
  signed_out: 'gray',
  needs_scopes: 'yellow',
}

function RenameModal({ account, onClose }: { account: AccountSummary; onClose: () => void }) {
  const { t } = useTranslation()
  const [label, setLabel] = useState(account.label)
  const rename = useRenameAccount()
  const trimmed = label.trim()
  return (
    <Modal opened onClose={onClose} title={t('accounts.renameTitle', { label: account.label })}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (trimmed === '') return
          rename.mutate({ accountId: account.id, label: trimmed }, { onSuccess: onClose })
        }}
      >
        <Stack>
          <TextInput
            data-autofocus
            label={t('accounts.label')}
            value={label}
            maxLength={120}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={
              trimmed === '' ? t('accounts.labelRequired') : rename.isError ? t('accounts.renameFailed') : undefined
            }
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={rename.isPending} disabled={trimmed === ''}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function AccountRow({
  account,
  status,
  now,
}: {
  account: AccountSummary
  status: SyncStatus | undefined
  now: number
}) {
  const { t, i18n } = useTranslation()
  const [renaming, setRenaming] = useState(false)
  const [removing, setRemoving] = useState(false)
  const health = accountHealth(account, status)
  const lastSync = status?.lastSyncAt ?? account.lastSyncAt
  return (
    <Card withBorder padding="md" data-testid="account-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} truncate>
              {account.label}
            </Text>
            {account.isDemo && <DemoBadge />}
            <Badge variant="light" color={HEALTH_COLOR[health]} style={{ flexShrink: 0 }} data-testid="account-state">
              {t(`accounts.state.${health}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" truncate>
            {[account.email, account.isDemo ? t('demo.sandboxNote') : account.baseUrl].filter(Boolean).join(' · ')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('accounts.orgCount', { count: account.orgCount })} ·{' '}
            {lastSync === null ? (
              t('accounts.neverSynced')
            ) : (
              <Tooltip label={formatDateTime(lastSync, i18n.language)}>
                <span>{t('orgs.asOf', { when: relativeTime(lastSync, now, i18n.language) })}</span>
              </Tooltip>
            )}
          </Text>
          {(health === 'token_rejected' || health === 'offline' || health === 'signed_out') && (
            <Text size="sm" c={health === 'signed_out' ? 'dimmed' : 'red'}>
              {t(`accounts.fix.${health}`)}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('accounts.rename')}>
            <ActionIcon
              variant="subtle"
              onClick={() => setRenaming(true)}
              aria-label={t('accounts.renameAria', { label: account.label })}
            >
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('accounts.remove')}>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => setRemoving(true)}
              aria-label={t('accounts.removeAria', { label: account.label })}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <SyncPanel account={account} status={status} now={now} />
      {renaming && <RenameModal account={account} onClose={() => setRenaming(false)} />}
      {removing && <RemoveAccountModal account={account} onClose={() => setRemoving(false)} />}
    </Card>
  )
}

/** Settings → Accounts: every account with its state, last sync, rename and remove. */
export function AccountsSection() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const now = useNow()
  const accounts = useQuery(accountsQueries.list())
  const status = useQuery(syncQueries.status())
  const anyActive = accounts.data?.some((a) => a.state !== 'signed_out') ?? false
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('accounts.title')}
        </Title>
        <Group gap="xs">
          <SyncEverythingButton disabled={!anyActive} />
          <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => void navigate('/welcome')}>
            {t('accounts.add')}
          </Button>
        </Group>
      </Group>
      {accounts.isPending ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text>{t('common.loading')}</Text>
        </Group>
      ) : accounts.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : accounts.data.length === 0 ? (
        <Text c="dimmed">{t('accounts.none')}</Text>
      ) : (
        <Stack gap="sm">
          {accounts.data.map((a) => (
            <AccountRow key={a.id} account={a} status={status.data?.find((s) => s.accountId === a.id)} now={now} />
          ))}
        </Stack>
      )}
      <RemovedAccounts />
    </Card>
  )
}
