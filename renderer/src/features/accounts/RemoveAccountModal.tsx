import { ConfirmFooter } from '../../components/ConfirmFooter'
import { useState } from 'react'
import { Checkbox, Group, List, Loader, Modal, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../../shared/domain/cache'
import { accountsQueries, useRemoveAccount } from './accounts-queries'
import { formatCount } from '../../lib/format'

/**
 * Confirms removing an account: what goes (its token, its cached data) and what stays (ledger,
 * prices, history, audit, offboarding reports), with deleting the latter as a separate choice.
 */
export function RemoveAccountModal({ account, onClose }: { account: AccountSummary; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const [deleteUserData, setDeleteUserData] = useState(false)
  const preview = useQuery(accountsQueries.removalPreview(account.id))
  const remove = useRemoveAccount()
  const n = (value: number): string => formatCount(value, i18n.language)
  return (
    <Modal opened onClose={onClose} title={t('accounts.removeTitle', { label: account.label })} size="lg">
      <Stack data-testid="remove-account-dialog">
        <Text size="sm">{t('accounts.removeBody', { label: account.label })}</Text>
        {preview.isPending ? (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('common.loading')}</Text>
          </Group>
        ) : preview.isError ? (
          <Text c="red" size="sm">
            {t('accountRemoval.previewFailed')}
          </Text>
        ) : (
          <>
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('accountRemoval.goes')}
              </Title>
              <List size="sm" spacing={2} data-testid="removal-goes">
                <List.Item>
                  {preview.data.tokenSource === 'keychain'
                    ? t('accountRemoval.goesToken')
                    : t('accountRemoval.goesTokenEnv')}
                </List.Item>
                <List.Item>
                  {t('accountRemoval.goesCache', {
                    count: preview.data.cached.orgs,
                    products: n(preview.data.cached.products),
                    people: n(preview.data.cached.people),
                  })}
                </List.Item>
              </List>
            </div>
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('accountRemoval.stays')}
              </Title>
              <List size="sm" spacing={2} data-testid="removal-stays">
                <List.Item>
                  {t('accountRemoval.staysLedger', {
                    count: preview.data.kept.invoices,
                    prices: n(preview.data.kept.prices),
                  })}
                </List.Item>
                <List.Item>{t('accountRemoval.staysHistory', { count: preview.data.kept.historyEntries })}</List.Item>
                <List.Item>{t('accountRemoval.staysAudit', { count: preview.data.kept.auditEntries })}</List.Item>
                <List.Item>{t('accountRemoval.staysRuns', { count: preview.data.kept.offboardingRuns })}</List.Item>
              </List>
              <Text size="xs" c="dimmed" mt={4}>
                {t('accountRemoval.staysNote')}
              </Text>
            </div>
          </>
        )}
        <Checkbox
          checked={deleteUserData}
          onChange={(e) => setDeleteUserData(e.currentTarget.checked)}
          label={t('accountRemoval.deleteUserData')}
          description={deleteUserData ? t('accountRemoval.deleteUserDataOn') : undefined}
          color="red"
          data-testid="delete-user-data"
        />
        <ConfirmFooter
          error={remove.isError ? t('accounts.removeFailed') : null}
          onCancel={onClose}
          color="red"
          loading={remove.isPending}
          testId="confirm-remove"
          onConfirm={() =>
            remove.mutate(
              { accountId: account.id, deleteUserData },
              {
                onSuccess: () => {
                  notifications.show({ message: t('accounts.removed', { label: account.label }) })
                  onClose()
                },
              },
            )
          }
        >
          {deleteUserData ? t('accountRemoval.removeAndDelete') : t('accounts.removeConfirm', { label: account.label })}
        </ConfirmFooter>
      </Stack>
    </Modal>
  )
}
