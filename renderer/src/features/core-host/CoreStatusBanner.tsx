import { Alert, Button, Group, Text } from '@mantine/core'
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CoreStatus } from '../../../../shared/ipc/contracts/core-host'
import { onEvent } from '../../lib/ipc'
import { coreBanner } from './core-status-model'

/**
 * Tells the user when the core host (the background process with the cache and the sync) crashed:
 * while it restarts, once it runs again (every query is refetched from the new one), or when it
 * keeps crashing and was not restarted.
 */
export function CoreStatusBanner() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<CoreStatus | null>(null)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  useEffect(
    () =>
      onEvent('app:core-status', (next) => {
        setStatus(next)
        // A new host: what the renderer holds may predate the crash.
        if (next.state === 'running' && next.restarts > 0) void queryClient.invalidateQueries()
      }),
    [queryClient],
  )
  const banner = coreBanner(status, dismissedAt)
  if (banner === null) return null
  const failed = banner === 'failed'
  return (
    <Alert
      color={failed ? 'red' : banner === 'restarting' ? 'yellow' : 'blue'}
      variant="light"
      icon={failed ? <IconAlertTriangle size={20} /> : <IconRefresh size={20} />}
      title={t(`coreHost.${banner}Title`)}
      mb="md"
      role={failed ? 'alert' : 'status'}
      data-testid="core-status-banner"
      data-state={banner}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">{t(`coreHost.${banner}Body`)}</Text>
        {banner === 'restarted' && (
          <Button size="xs" variant="white" onClick={() => setDismissedAt(status?.at ?? Date.now())}>
            {t('coreHost.dismiss')}
          </Button>
        )}
      </Group>
    </Alert>
  )
}
