import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../renderer/src/app/App'
import { resetOrgPrefsForTests } from '../../../renderer/src/features/orgs/org-prefs'
import { account, org, stubDailyBridge, syncStatus } from './daily-fixtures'

describe('sync panel in Settings', () => {
  beforeEach(() => {
    window.localStorage.clear()
    resetOrgPrefsForTests()
  })
  afterEach(() => {
    delete window.api
    window.location.hash = ''
  })

  it('shows the queue, current job, last error and scopes needed; syncs, cancels, syncs everything', async () => {
    const syncing = syncStatus({
      state: 'syncing',
      planned: 40,
      done: 10,
      etaMs: 120_000,
      current: { resource: 'products', orgId: 2, orgName: 'Genève Événements SA' },
      lastSyncAt: Date.now() - 3 * 3_600_000,
      lastError: { reason: 'api.server', params: { status: 500 } },
      issues: [{ resource: 'teams', orgId: 2, status: 'needs_scope', scope: 'workspace', problem: null }],
    })
    const idle = syncStatus({
      lastSyncAt: Date.now() - 60_000,
      // What the core read back from the cache store (e.g. after a restart): the last run, an organisation's.
      lastRun: {
        kind: 'org',
        orgId: 2,
        startedAt: Date.now() - 2 * 3_600_000 - 5_000,
        finishedAt: Date.now() - 2 * 3_600_000,
        outcome: 'done',
        complete: false,
        requests: 12,
        jobErrors: 1,
        skippedCount: 0,
        problem: { reason: 'sync.partsFailed', params: { count: 1 } },
      },
    })
    const bridge = stubDailyBridge(
      { accounts: [account()], orgs: [org(2, 'Genève Événements SA')], status: [syncing] },
      {
        'sync:cancel': () => ({ ok: true, value: [idle] }),
        // A small fleet: a full sync takes two minutes, nothing to ask.
        'sync:estimate': () => ({
          ok: true,
          value: { requests: 120, etaMs: 120_000, accounts: [{ accountId: 'acc-1', requests: 120, etaMs: 120_000 }] },
        }),
      },
    )
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    const row = await screen.findByTestId('account-row', {}, { timeout: 5000 })
    expect(within(row).getByTestId('sync-queue')).toHaveTextContent('Syncing · 10/40 requests done · about 2 mins left')
    expect(within(row).getByTestId('sync-current')).toHaveTextContent('Now: products of Genève Événements SA')
    expect(within(row).getByTestId('sync-error')).toHaveTextContent(
      'Last error: The Infomaniak API had a server error (HTTP 500). Try again later.',
    )
    expect(within(row).getByTestId('sync-scopes')).toHaveTextContent('workspace')
    expect(within(row).getByTestId('sync-scopes')).toHaveTextContent('create a new API token with it in the Manager')
    expect(within(row).getByTestId('sync-last')).toHaveTextContent('Last full sync 3 hours ago')
    expect(within(row).getByTestId('sync-account-now')).toBeDisabled()
    expect(within(row).queryByTestId('sync-last-run')).toBeNull()

    await userEvent.click(within(row).getByRole('button', { name: 'Cancel the sync of Agency staff' }))
    expect(bridge.invoke).toHaveBeenCalledWith('sync:cancel', { accountId: 'acc-1' })
    await waitFor(() => expect(within(row).getByTestId('sync-queue')).toHaveTextContent('Up to date'))
    expect(within(row).getByTestId('sync-last-run')).toHaveTextContent(
      'Last run 2 hours ago (one organisation): some parts failed',
    )
    expect(within(row).queryByTestId('sync-account-cancel')).toBeNull()

    await userEvent.click(within(row).getByRole('button', { name: 'Sync now: Agency staff' }))
    expect(bridge.invoke).toHaveBeenCalledWith('sync:start', { accountId: 'acc-1' })
    await userEvent.click(screen.getByRole('button', { name: 'Sync everything now' }))
    await waitFor(() => expect(bridge.invoke).toHaveBeenCalledWith('sync:start', {}))
    expect(bridge.invoke).toHaveBeenCalledWith('sync:estimate', {})
    expect(screen.queryByTestId('sync-confirm-eta')).toBeNull()
  })

  it('asks before re-reading a large fleet, with the requests and the time at the real pace', async () => {
    const idle = syncStatus({ lastSyncAt: Date.now() - 60_000 })
    const big = { accountId: 'acc-1', requests: 9_204, etaMs: 9_204_000 }
    const bridge = stubDailyBridge(
      { accounts: [account()], orgs: [org(2, 'Genève Événements SA')], status: [idle] },
      { 'sync:estimate': () => ({ ok: true, value: { requests: 9_204, etaMs: 9_204_000, accounts: [big] } }) },
    )
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    await userEvent.click(await screen.findByRole('button', { name: 'Sync everything now' }, { timeout: 5000 }))
    const eta = await screen.findByTestId('sync-confirm-eta')
    expect(eta).toHaveTextContent(
      "A full sync of Agency staff makes about 9'204 requests. At Infomaniak’s limit of 60 requests per minute, that takes about 2.6 hrs.",
    )
    expect(bridge.invoke).not.toHaveBeenCalledWith('sync:start', {})
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(bridge.invoke).not.toHaveBeenCalledWith('sync:start', {})
    await userEvent.click(screen.getByRole('button', { name: 'Sync everything now' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Sync everything' }))
    await waitFor(() => expect(bridge.invoke).toHaveBeenCalledWith('sync:start', {}))
  })
})
