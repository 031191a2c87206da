import { MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from '../../../renderer/src/app/i18n'
import { PastOffboardingRuns } from '../../../renderer/src/features/access/PastOffboardingRuns'
import type { OffboardingRunSummary } from '../../../shared/domain/access'
import type { IpcResult } from '../../../shared/ipc/result'

const run: OffboardingRunSummary = {
  runId: 'off-1',
  email: 'quentin@example.ch',
  displayName: 'Quentin Départ',
  startedAt: Date.UTC(2026, 10, 2, 14, 5),
  finishedAt: null,
  state: 'interrupted',
  orgs: [
    { accountId: 'acc', orgId: 1, orgName: 'Café Müller SA' },
    { accountId: 'acc', orgId: 2, orgName: 'Acme GmbH' },
  ],
  steps: { total: 5, applied: 2, failed: 1, manual: 2, verified: 1 },
}

function mount(node: React.ReactNode, runs: OffboardingRunSummary[]) {
  const invoke = vi.fn(async (channel: string): Promise<IpcResult<unknown>> => {
    if (channel === 'offboarding:runs') return { ok: true, value: runs }
    if (channel === 'access:offboarding-report')
      return { ok: true, value: { fileName: 'r.csv', mimeType: 'text/csv', contentBase64: '', byteLength: 0 } }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', reason: 'app.unknownChannel' } }
  })
  window.api = { invoke, on: () => () => undefined }
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nextProvider i18n={createI18n('en')}>
        <MantineProvider env="test">{node}</MantineProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  )
  return invoke
}

describe('past offboarding runs', () => {
  afterEach(() => {
    delete window.api
  })

  it('lists a person’s runs with organizations, result and reports', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const invoke = mount(<PastOffboardingRuns email="quentin@example.ch" />, [run])
    const row = await screen.findByTestId('past-offboarding')
    expect(invoke).toHaveBeenCalledWith('offboarding:runs', { email: 'quentin@example.ch' })
    expect(row).toHaveTextContent('Café Müller SA, Acme GmbH')
    expect(row).toHaveTextContent('Interrupted (the app stopped)')
    expect(row).toHaveTextContent('2 of 5 applied · 1 verified · 1 failed · 2 to do in the Manager')
    await userEvent.click(within(row).getByRole('button', { name: /as PDF/ }))
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('access:offboarding-report', { runId: 'off-1', format: 'pdf' }),
    )
  })

  it('per organization shows the person, and says when there is none', async () => {
    const invoke = mount(<PastOffboardingRuns accountId="acc" orgId={2} />, [])
    expect(await screen.findByText('No offboarding was run here yet.')).toBeInTheDocument()
    expect(invoke).toHaveBeenCalledWith('offboarding:runs', { accountId: 'acc', orgId: 2 })
  })
})
