import { Button, Card, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileExport } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { isCancelled, openDelivered } from '../../lib/download'
import { invoke } from '../../lib/ipc'

/** Settings → API diagnostics: exports the shape report (no values, names, e-mails, ids or tokens). */
export function DiagnosticsSection() {
  const { t } = useTranslation()
  const exportReport = useMutation({
    mutationFn: () => invoke('diagnostics:export', {}),
    onSuccess: (file) => {
      openDelivered(file)
      notifications.show({ color: 'green', message: t('coverage.diagnostics.exported', { file: file.fileName }) })
    },
    onError: (e) => {
      if (!isCancelled(e)) notifications.show({ color: 'red', message: t('coverage.diagnostics.failed') })
    },
  })
  return (
    <Card withBorder padding="lg" data-testid="diagnostics-section">
      <Title order={2} size="h4" mb="xs">
        {t('coverage.diagnostics.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('coverage.diagnostics.body')}
      </Text>
      <Button
        variant="light"
        leftSection={<IconFileExport size={16} aria-hidden />}
        loading={exportReport.isPending}
        onClick={() => exportReport.mutate()}
        data-testid="diagnostics-export"
      >
        {t('coverage.diagnostics.export')}
      </Button>
    </Card>
  )
}
