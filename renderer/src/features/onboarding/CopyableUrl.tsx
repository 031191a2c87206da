import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { invoke } from '../../lib/ipc'
import { appQueries } from '../settings/settings-queries'

/**
 * A Manager URL shown as text with a copy button; in the desktop app also an "open" button
 * (through the host's safe external opener, which only allows Infomaniak pages).
 */
export function CopyableUrl({ url }: { url: string }) {
  const { t } = useTranslation()
  const info = useQuery(appQueries.info())
  const open = useMutation({
    mutationFn: () => invoke('app:open-external', { url }),
    onSettled: (result) => {
      if (!result?.opened) notifications.show({ color: 'red', message: t('common.openFailed') })
    },
  })
  return (
    <Group gap={4} wrap="nowrap">
      <Code style={{ wordBreak: 'break-all' }}>{url}</Code>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
            <ActionIcon variant="subtle" onClick={copy} aria-label={t('common.copyUrl')}>
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
      {info.data?.host === 'electron' && (
        <Tooltip label={t('common.openInBrowser')}>
          <ActionIcon
            variant="subtle"
            loading={open.isPending}
            onClick={() => open.mutate()}
            aria-label={t('common.openInBrowser')}
          >
            <IconExternalLink size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  )
}
