import { MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from '../../../renderer/src/app/i18n'
import { MatrixCellDrawer } from '../../../renderer/src/features/access/MatrixCellDrawer'
import { MatrixLegend } from '../../../renderer/src/features/access/MatrixLegend'
import { DEFAULT_FILTERS, viewOf } from '../../../renderer/src/features/access/matrix-model'
import type { MatrixData } from '../../../shared/domain/access'
import type { IpcResult } from '../../../shared/ipc/result'

const user = (i: number, name: string, role: string) => ({
  memberKey: `u:${i}`,
  userId: i,
  invitationId: null,
  email: `${name.toLowerCase()}@x.ch`,
  displayName: name,
  roleType: role,
  pending: false,
  billing: false,
  correspondent: false,
  correspondentBilling: false,
  has2fa: true,
  lastLoginAt: null,
  invitedAt: null,
  teamIds: [],
})

const data: MatrixData = {
  accountId: 'a',
  orgId: 42,
  orgName: 'Org',
  myRole: 'owner',
  syncedAt: null,
  products: [{ id: 10, serviceId: 23, serviceName: 'email_hosting', name: 'mail.example.ch' }],
  users: [user(1, 'Ann', 'owner'), user(2, 'Bob', 'normal'), user(3, 'Cid', 'normal')],
  teams: [{ id: 9, name: 'Support' }],
  cells: [[1, 0, 3, 1, [9]]],
}
const view = viewOf(data, DEFAULT_FILTERS)

function mount(cell: { user: number; product: number }, rightsAvailable = true) {
  const invoke = vi.fn(async (): Promise<IpcResult<unknown>> => ({ ok: true, value: { opened: true } }))
  window.api = { invoke, on: () => () => undefined }
  const onClose = vi.fn()
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nextProvider i18n={createI18n('en')}>
        <MantineProvider env="test">
          <MatrixLegend />
          <MatrixCellDrawer data={data} view={view} cell={cell} rightsAvailable={rightsAvailable} onClose={onClose} />
        </MantineProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  )
  return { invoke, onClose }
}

describe('matrix cell drawer and legend', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('explains a right given directly and through a team, with the service name and a Manager link', async () => {
    const { invoke } = mount({ user: 1, product: 0 })
    const sources = await screen.findByTestId('matrix-cell-sources')
    expect(within(sources).getByText('Given directly: Technical')).toBeTruthy()
    expect(within(sources).getByText('Through the team Support')).toBeTruthy()
    expect(within(sources).queryByText(/every right/)).toBeNull()
    expect(screen.getByTestId('matrix-cell-rights').textContent).toBe('Technical, Statistics')
    expect(screen.getByText('Mail service')).toBeTruthy()
    await userEvent.click(screen.getByTestId('matrix-open-manager'))
    expect(invoke).toHaveBeenCalledWith('app:open-external', { url: 'https://manager.infomaniak.com/v3/42/ng/home' })
  })

  it('says a legal representative holds every right through the role, never "no right"', async () => {
    mount({ user: 0, product: 0 })
    const sources = await screen.findByTestId('matrix-cell-sources')
    expect(within(sources).getByText(/As Legal representative, this person holds every right/)).toBeTruthy()
    expect(screen.getByTestId('matrix-cell-rights').textContent).toBe('Technical, Statistics, Monitoring, Sales')
  })

  it('says when per-product rights are not available from the API', async () => {
    mount({ user: 2, product: 0 }, false)
    const sources = await screen.findByTestId('matrix-cell-sources')
    expect(within(sources).getByText(/does not give per-product rights/)).toBeTruthy()
    expect(screen.getByTestId('matrix-cell-explanation').getAttribute('data-kind')).toBe('unavailable')
  })

  it('names every kind of cell in the legend, in words', () => {
    mount({ user: 2, product: 0 })
    const kinds = screen.getAllByTestId('matrix-legend-item').map((e) => [e.getAttribute('data-kind'), e.textContent])
    expect(kinds).toEqual([
      ['direct', 'TSDirect right'],
      ['team', 'VThrough a team'],
      ['role', 'by roleBy role (legal representatives and administrators: every product)'],
      ['none', 'No right'],
      ['unavailable', 'n/aNot available from the API'],
    ])
  })
})
