import type { ReactNode } from 'react'
import { Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * The end of a confirmation dialog: the failure (when there is one) as an alert, then "Cancel" and the
 * confirming action, which shows its progress while the request runs.
 */
export function ConfirmFooter(props: {
  error: string | null
  onCancel: () => void
  onConfirm: () => void
  loading: boolean
  color: string
  testId?: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <>
      {props.error !== null && (
        <Text c="red" size="sm" role="alert">
          {props.error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color={props.color} loading={props.loading} data-testid={props.testId} onClick={props.onConfirm}>
          {props.children}
        </Button>
      </Group>
    </>
  )
}
