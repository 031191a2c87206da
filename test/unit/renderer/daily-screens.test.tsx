import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../renderer/src/app/App'
import { resetOrgPrefsForTests } from '../../../renderer/src/features/orgs/org-prefs'
import { account, org, product, stubDailyBridge, syncStatus } from './daily-fixtures'

const DAY = 86_400_000

describe('onboarding', () => {
  beforeEach(() => {
    window.localStorage.clear()
    resetOrgPrefsForTests()
  })
  afterEach(() => {
    delete window.api
    window.location.hash = ''
  })

  it('names the missing scope and the Manager page', async () => {
    const bridge = stubDailyBridge(
      {},
      {
        'accounts:add': () => ({
          ok: false,
          error: {
            code: 'MISSING_SCOPE',
            reason: 'accounts.missingScope',
            params: { scopes: 'accounts' },
            details: { scopes: ['accounts'], manageUrl: 'https://manager.infomaniak.com/x' },
          },
        }),
      },
    )
    window.location.hash = '#/overview'
    render(<App mantineEnv="test" />)
    await userEvent.click(await screen.findByRole('button', { name: 'Add account' }, { timeout: 15000 }))
    expect(await screen.findByText('Paste a token first.')).toBeInTheDocument()
    expect(bridge.invoke).not.toHaveBeenCalledWith('accounts:add', expect.anything())

    await userEvent.type(screen.getByLabelText(/Personal API token/), '  tok  ')
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('A scope is missing')
    expect(alert).toHaveTextContent('“accounts”')
    expect(alert).toHaveTextContent('https://manager.infomaniak.com/x')
    expect(bridge.invoke).toHaveBeenCalledWith('accounts:add', { token: 'tok' })
  })

  it('refuses a remote http API address before calling main, and sends a valid one', async () => {
    const added = account({ label: 'Claire' })
    const bridge = stubDailyBridge({}, { 'accounts:add': () => ({ ok: true, value: added }) })
    window.location.hash = '#/welcome'
    render(<App mantineEnv="test" />)
    await userEvent.type(await screen.findByLabelText(/Personal API token/, {}, { timeout: 5000 }), 'x'.repeat(64))
    await userEvent.click(screen.getByRole('button', { name: 'Advanced' }))
    const url = screen.getByLabelText(/API address/)
    await userEvent.type(url, 'http://api.example.ch')
    expect(await screen.findByText(/Use an https address/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }))
    expect(bridge.invoke).not.toHaveBeenCalledWith('accounts:add', expect.anything())
    await userEvent.clear(url)
    await userEvent.type(url, 'http://127.0.0.1:4010')
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }))
    // After success: what each scope unlocks.
    const result = await screen.findByTestId('account-added')
    expect(result).toHaveTextContent('Claire is added')
    const scopes = within(screen.getByTestId('scope-list'))
    expect(scopes.getByText('domain:read')).toBeInTheDocument()
    expect(scopes.getByText('Missing')).toBeInTheDocument()
    expect(scopes.getByText(/Domains with expiry dates/)).toBeInTheDocument()
    expect(bridge.invoke).toHaveBeenCalledWith('accounts:add', {
      token: 'x'.repeat(64),
      baseUrl: 'http://127.0.0.1:4010',
    })
  })

  it('in the desktop app, opens the Manager token page through the safe opener', async () => {
    const bridge = stubDailyBridge(
      {},
      {
        'app:info': () => ({
          ok: true,
          value: { name: 'Switchboard', version: '1', platform: 'linux', dataDir: '/x', host: 'electron' },
        }),
        'accounts:add': () => ({
          ok: false,
          error: {
            code: 'TOKEN_REJECTED',
            reason: 'accounts.tokenRejected',
            details: { manageUrl: 'https://manager.infomaniak.com/t' },
          },
        }),
        'app:open-external': () => ({ ok: true, value: { opened: false } }),
      },
    )
    window.location.hash = '#/welcome'
    render(<App mantineEnv="test" />)
    await userEvent.type(await screen.findByLabelText(/Personal API token/, {}, { timeout: 5000 }), 'y'.repeat(70))
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Token rejected')
    await userEvent.click(await screen.findByRole('button', { name: 'Open in the browser' }))
    expect(bridge.invoke).toHaveBeenCalledWith('app:open-external', { url: 'https://manager.infomaniak.com/t' })
    expect(await screen.findByText(/could not be opened/)).toBeInTheDocument()
  })

  it('starts the demo', async () => {
    const demo = account({ id: 'demo', label: 'Demo agency', isDemo: true })
    const bridge = stubDailyBridge(
      {},
      {
        'demo:start': () => {
          bridge.state.accounts = [demo]
          bridge.state.orgs = [org(7, 'Boulangerie Favre Sàrl', { accountId: 'demo' })]
          return { ok: true, value: demo }
        },
      },
    )
    window.location.hash = '#/overview'
    render(<App mantineEnv="test" />)
    await userEvent.click(await screen.findByRole('button', { name: 'Explore with demo data' }, { timeout: 5000 }))
    // Home (all clients) is the first screen once an account exists.
    expect(await screen.findByRole('heading', { level: 1, name: 'All clients' })).toBeInTheDocument()
    expect(window.location.hash).toBe('#/home')
  })
})

describe('organization switcher, overview and products', () => {
  beforeEach(() => {
    window.localStorage.clear()
    resetOrgPrefsForTests()
  })
  afterEach(() => {
    delete window.api
    window.location.hash = ''
  })

  const now = Date.now()
  const data = () => ({
    accounts: [account({ orgCount: 3 })],
    orgs: [
      org(1, 'Agence Lémanique', { role: 'owner' }),
      org(2, 'Genève Événements SA', { role: 'client' }),
      org(3, 'Zurich Dental AG', { role: 'normal' }),
    ],
    products: [
      product(10, { orgId: 2, customerName: 'evenements.ch', expiredAt: Math.floor((now + 10 * DAY) / 1000) }),
      product(11, { orgId: 2, customerName: 'Mail Genève', serviceName: 'email_hosting', isLocked: true }),
      product(12, { orgId: 2, customerName: 'old.ch', expiredAt: Math.floor((now - DAY) / 1000) }),
    ],
  })

  it('switches with Ctrl+K, arrows and Enter, then shows the overview of that organization', async () => {
    const bridge = stubDailyBridge(data())
    window.location.hash = '#/overview'
    render(<App mantineEnv="test" />)
    // The first organization opens by default.
    expect(await screen.findByTestId('org-title', {}, { timeout: 5000 })).toHaveTextContent('Agence Lémanique')
    expect(screen.getByTestId('org-slot')).toHaveTextContent('Legal representative')

    await userEvent.keyboard('{Control>}k{/Control}')
    const search = await screen.findByRole('combobox', { name: 'Search organizations, products and people' })
    await userEvent.type(search, 'e')
    const options = screen.getAllByTestId('org-option')
    expect(options[0]).toHaveAttribute('aria-selected', 'true')
    await userEvent.keyboard('{ArrowDown}')
    const chosen = screen.getAllByTestId('org-option')[1]!
    expect(chosen).toHaveAttribute('aria-selected', 'true')
    const name = within(chosen).getByTestId('org-option-name').textContent ?? ''
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByTestId('org-title')).toHaveTextContent(name))

    // Accent-folded search; the client role is named.
    await userEvent.keyboard('{Control>}k{/Control}')
    await userEvent.type(
      await screen.findByRole('combobox', { name: 'Search organizations, products and people' }),
      'geneve',
    )
    expect(screen.getAllByTestId('org-option')).toHaveLength(1)
    expect(screen.getByTestId('org-option')).toHaveTextContent('Client')
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(window.location.hash).toBe('#/org/acc-1/2/overview'))
    expect(await screen.findByTestId('stat-products')).toHaveTextContent('3')
    expect(screen.getByTestId('stat-expiring')).toHaveTextContent('1')
    expect(screen.getByTestId('flagged-table')).toHaveTextContent('Mail Genève')
    expect(screen.getByTestId('flagged-table')).toHaveTextContent('Locked')

    // Refresh puts this organization first.
    await userEvent.click(screen.getByTestId('refresh-org'))
    expect(bridge.invoke).toHaveBeenCalledWith('sync:start', { accountId: 'acc-1', orgId: 2 })

    // Recents: the last organization comes first next time; Alt+P pins the highlighted one.
    await userEvent.keyboard('{Control>}k{/Control}')
    await screen.findByRole('combobox', { name: 'Search organizations, products and people' })
    expect(screen.getAllByTestId('org-option')[0]).toHaveTextContent('Genève Événements SA')
    await userEvent.keyboard('{ArrowUp}')
    expect(screen.getAllByTestId('org-option')[2]).toHaveTextContent('Zurich Dental AG')
    await userEvent.keyboard('{Alt>}p{/Alt}')
    expect(screen.getAllByTestId('org-option')[0]).toHaveTextContent('Zurich Dental AG')
    expect(screen.getByRole('button', { name: 'Unpin Zurich Dental AG' })).toHaveAttribute('aria-pressed', 'true')
    // Kept in the user data through main, not in localStorage.
    await waitFor(() => expect(bridge.state.orgPrefs.pins).toEqual(['acc-1:3']))
    expect(bridge.state.orgPrefs.recents[0]).toBe('acc-1:2')
    expect(window.localStorage.getItem('switchboard.orgs.pins')).toBeNull()
  })

  it('lists, filters and opens products', async () => {
    stubDailyBridge(data())
    window.location.hash = '#/org/acc-1/2/products'
    render(<App mantineEnv="test" />)
    await waitFor(() => expect(screen.getAllByTestId('product-row')).toHaveLength(3), { timeout: 5000 })
    await userEvent.type(screen.getByRole('textbox', { name: 'Search' }), 'genève')
    await waitFor(() => expect(screen.getAllByTestId('product-row')).toHaveLength(1))
    await userEvent.clear(screen.getByRole('textbox', { name: 'Search' }))
    await waitFor(() => expect(screen.getAllByTestId('product-row')).toHaveLength(3))
    // Sort by expiry, then open a row with the keyboard.
    await userEvent.click(screen.getByRole('button', { name: /Expiry/ }))
    const rows = screen.getAllByTestId('product-row')
    expect(rows[0]).toHaveTextContent('old.ch')
    expect(rows[0]).toHaveTextContent('Expired')
    rows[1]!.focus()
    await userEvent.keyboard('{Enter}')
    const drawer = await screen.findByRole('dialog')
    expect(drawer).toHaveTextContent('evenements.ch')
    expect(drawer).toHaveTextContent('Genève Événements SA (#2)')
  })

  it('shows sync progress and problems in the header', async () => {
    const bridge = stubDailyBridge({
      ...data(),
      status: [syncStatus({ state: 'syncing', planned: 40, done: 10, etaMs: 120_000 })],
    })
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    expect(await screen.findByTestId('sync-indicator', {}, { timeout: 5000 })).toHaveTextContent(
      'Syncing 10/40 · about 2 mins left',
    )
    bridge.emit('sync:progress', syncStatus({ state: 'offline', offlineSince: Date.now() - 5 * 60_000 }))
    await waitFor(() => expect(screen.getByTestId('sync-indicator')).toHaveTextContent('Offline since 5 minutes ago'))
    bridge.emit('sync:progress', syncStatus({ state: 'token_rejected' }))
    await waitFor(() => expect(screen.getByTestId('sync-indicator')).toHaveTextContent('Token rejected'))
    expect(screen.getByTestId('account-state')).toHaveTextContent('Token rejected')
  })

  it('renames and removes an account, naming it in the confirmation', async () => {
    const bridge = stubDailyBridge(data(), {
      'accounts:rename': (input) => {
        const { label } = input as { label: string }
        bridge.state.accounts = [account({ label })]
        return { ok: true, value: bridge.state.accounts[0] }
      },
      'accounts:remove': () => {
        bridge.state.accounts = []
        return { ok: true, value: { removed: true } }
      },
      'accounts:removal-preview': () => ({
        ok: true,
        value: {
          accountId: 'acc-1',
          tokenSource: 'keychain',
          cached: { orgs: 3, products: 40, people: 12 },
          kept: { invoices: 7, prices: 2, historyEntries: 15, auditEntries: 1, offboardingRuns: 0 },
        },
      }),
    })
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    await userEvent.click(await screen.findByRole('button', { name: 'Rename Agency staff' }, { timeout: 5000 }))
    const input = await screen.findByRole('textbox', { name: 'Name' })
    await userEvent.clear(input)
    await userEvent.type(input, 'Office{Enter}')
    expect(bridge.invoke).toHaveBeenCalledWith('accounts:rename', { accountId: 'acc-1', label: 'Office' })
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Office' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove “Office”?' })
    // What goes and what stays; deleting the ledger and history is a separate, unticked choice.
    expect(
      await within(dialog).findByText(/The cached copy of 3 organizations \(40 products, 12 people\)/),
    ).toBeInTheDocument()
    expect(within(dialog).getByText('Billing ledger: 7 invoices, and the price list (2 prices)')).toBeInTheDocument()
    expect(within(dialog).getByText('Access history: 15 entries')).toBeInTheDocument()
    expect(within(dialog).getByRole('checkbox', { name: /Also delete its ledger/ })).not.toBeChecked()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove “Office”' }))
    expect(bridge.invoke).toHaveBeenCalledWith('accounts:remove', { accountId: 'acc-1', deleteUserData: false })
    expect(await screen.findByText('No account yet.')).toBeInTheDocument()
  })
})
