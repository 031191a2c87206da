import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncEstimate } from '../../../../shared/ipc/contracts/sync-estimate'
import { formatCount, formatDuration, formatList } from '../../lib/format'
import { invoke } from '../../lib/ipc'
import { accountsQueries } from '../accounts/accounts-queries'
import { needsSyncConfirmation } from './sync-model'
import { useStartSync } from './sync-queries'

/**
 * "Sync everything now": asks the core what a full re-read costs (requests from the plan, at the real pace)
 * and, above five minutes, says so and asks before starting.
 */
export function SyncEverythingButton({ disabled }: { disabled: boolean }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const accounts = useQuery(accountsQueries.list())
  const start = useStartSync()
  const [checking, setChecking] = useState(false)
  const [asking, setAsking] = useState<SyncEstimate | 'unknown' | null>(null)
  const lang = i18n.language

  const onClick = async (): Promise<void> => {
    setChecking(true)
    try {
      const estimate = await queryClient.fetchQuery({
        queryKey: ['sync', 'estimate'],
        queryFn: () => invoke('sync:estimate', {}),
        staleTime: 0,
      })
      if (needsSyncConfirmation(estimate.etaMs)) setAsking(estimate)
      else start.mutate({})
    } catch {
      setAsking('unknown')
    } finally {
      setChecking(false)
    }
  }
  const confirm = (): void => {
    setAsking(null)
    start.mutate({})
  }
  const labels = (e: SyncEstimate): string =>
    formatList(
      e.accounts.map((a) => accounts.data?.find((x) => x.id === a.accountId)?.label ?? a.accountId),
      lang,
    )

  return (
    <>
      <Button
        leftSection={<IconRefresh size={16} aria-hidden />}
        variant="default"
        loading={checking || start.isPending}
        disabled={disabled}
        onClick={() => void onClick()}
        data-testid="sync-everything"
      >
        {t('syncPanel.everything')}
      </Button>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking === 'unknown' ? t('syncPanel.everything') : t('syncLine.confirmTitle')}
        size="md"
        data-testid="sync-confirm"
      >
        <Stack gap="sm">
          {asking !== null && asking !== 'unknown' ? (
            <>
              <Text data-testid="sync-confirm-eta">
                {t('syncLine.confirmBody', {
                  accounts: labels(asking),
                  requests: formatCount(asking.requests, lang),
                  eta: formatDuration(asking.etaMs, lang),
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('syncLine.confirmNote')}
              </Text>
            </>
          ) : (
            <Text>{t('syncLine.estimateFailed')}</Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('syncLine.cancel')}
            </Button>
            <Button onClick={confirm} data-testid="sync-confirm-start">
              {t('syncLine.confirmStart')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
