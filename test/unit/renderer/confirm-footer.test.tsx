import { MantineProvider } from '@mantine/core'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from '../../../renderer/src/app/i18n'
import { ConfirmFooter } from '../../../renderer/src/components/ConfirmFooter'

function renderFooter(error: string | null) {
  const onCancel = vi.fn()
  const onConfirm = vi.fn()
  render(
    <MantineProvider>
      <I18nextProvider i18n={createI18n('en')}>
        <ConfirmFooter error={error} onCancel={onCancel} onConfirm={onConfirm} loading={false} color="red" testId="go">
          Remove it
        </ConfirmFooter>
      </I18nextProvider>
    </MantineProvider>,
  )
  return { onCancel, onConfirm }
}

describe('ConfirmFooter (the end of the remove, delete-data and restore dialogs)', () => {
  afterEach(cleanup)

  it('shows the failure as an alert only when there is one', () => {
    renderFooter(null)
    expect(screen.queryByRole('alert')).toBeNull()
    cleanup()
    renderFooter('Could not remove the account.')
    expect(screen.getByRole('alert')).toHaveTextContent('Could not remove the account.')
  })

  it('cancels and confirms through the two buttons, the confirming one labelled by its children', async () => {
    const { onCancel, onConfirm } = renderFooter(null)
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onConfirm).not.toHaveBeenCalled()
    await userEvent.click(screen.getByTestId('go'))
    expect(screen.getByTestId('go')).toHaveTextContent('Remove it')
    expect(onConfirm).toHaveBeenCalledTimes(1)
  })
})
