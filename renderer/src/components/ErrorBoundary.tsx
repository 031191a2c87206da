import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Alert, Button, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

function Fallback({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" title={t('errors.title')} role="alert" m="md">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('errors.body')}</Text>
        <Button variant="light" color="red" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      </Stack>
    </Alert>
  )
}

/** Catches render errors of one screen so the frame (navigation, header) stays usable. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen failed', error.message, info.componentStack)
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false })
  }

  override render(): ReactNode {
    if (this.state.failed) return <Fallback onRetry={() => this.setState({ failed: false })} />
    return this.props.children
  }
}
