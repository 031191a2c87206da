import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../renderer/src/app/App'
import { coreBanner } from '../../../renderer/src/features/core-host/core-status-model'
import { resetOrgPrefsForTests } from '../../../renderer/src/features/orgs/org-prefs'
import { account, org, stubDailyBridge } from './daily-fixtures'

describe('background engine banner', () => {
  beforeEach(() => {
    window.localStorage.clear()
    resetOrgPrefsForTests()
  })
  afterEach(() => {
    delete window.api
    window.location.hash = ''
  })

  it('maps statuses to banners (a dismissed notice stays hidden until the next restart)', () => {
    const at = 1_000
    expect(coreBanner(null, null)).toBeNull()
    expect(coreBanner({ state: 'running', restarts: 0, at, reason: null }, null)).toBeNull()
    expect(coreBanner({ state: 'restarting', restarts: 1, at, reason: 'crashed' }, null)).toBe('restarting')
    expect(coreBanner({ state: 'running', restarts: 1, at, reason: 'crashed' }, null)).toBe('restarted')
    expect(coreBanner({ state: 'running', restarts: 1, at, reason: 'crashed' }, at)).toBeNull()
    expect(coreBanner({ state: 'running', restarts: 2, at: at + 5, reason: 'crashed' }, at)).toBe('restarted')
    expect(coreBanner({ state: 'failed', restarts: 3, at, reason: 'crashed' }, at)).toBe('failed')
  })

  it('says the engine is restarting, then that it restarted (refetching), and can be dismissed', async () => {
    const bridge = stubDailyBridge({ accounts: [account()], orgs: [org(2, 'Acme SA')] })
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    await screen.findByRole('heading', { name: 'Settings' }, { timeout: 5000 })
    expect(screen.queryByTestId('core-status-banner')).toBeNull()

    act(() => bridge.emit('app:core-status', { state: 'restarting', restarts: 1, at: 10, reason: 'crashed' }))
    expect(await screen.findByTestId('core-status-banner')).toHaveTextContent('Restarting the background engine')

    const calls = bridge.invoke.mock.calls.length
    act(() => bridge.emit('app:core-status', { state: 'running', restarts: 1, at: 20, reason: 'crashed' }))
    await waitFor(() =>
      expect(screen.getByTestId('core-status-banner')).toHaveTextContent('The sync continues where it stopped.'),
    )
    // Everything is asked again from the new engine.
    await waitFor(() => expect(bridge.invoke.mock.calls.length).toBeGreaterThan(calls))
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByTestId('core-status-banner')).toBeNull()

    act(() => bridge.emit('app:core-status', { state: 'failed', restarts: 3, at: 30, reason: 'crashed' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Quit and reopen the app')
  })
})
