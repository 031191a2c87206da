import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../../renderer/src/app/App'
import type { IpcResult } from '../../../shared/ipc/result'

type Listener = (payload: unknown) => void

/** A stub bridge holding settings in memory, like the core would. */
function stubBridge() {
  let settings = { language: 'en', theme: 'light' }
  const listeners = new Map<string, Set<Listener>>()
  const invoke = vi.fn(async (channel: string, input: unknown): Promise<IpcResult<unknown>> => {
    if (channel === 'settings:get') return { ok: true, value: settings }
    if (channel === 'settings:set') {
      settings = { ...settings, ...(input as { patch: object }).patch }
      return { ok: true, value: settings }
    }
    if (channel === 'accounts:list' || channel === 'orgs:list' || channel === 'sync:status')
      return { ok: true, value: [] }
    if (channel === 'app:info')
      return {
        ok: true,
        value: { name: 'Switchboard', version: '1.2.3', platform: 'linux', dataDir: '/tmp/x', host: 'browser-shell' },
      }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', reason: 'app.unknownChannel' } }
  })
  window.api = {
    invoke,
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    },
  }
  return { invoke, emit: (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload)) }
}

describe('frame and settings', () => {
  afterEach(() => {
    delete window.api
    window.location.hash = ''
  })

  it('shows the navigation and switches the labels to French', async () => {
    const bridge = stubBridge()
    window.location.hash = '#/settings'
    render(<App mantineEnv="test" />)
    expect(await screen.findByRole('link', { name: 'Overview' })).toBeInTheDocument()
    expect(await screen.findByText('1.2.3')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('combobox', { name: 'Language' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Français' }))
    await waitFor(() => expect(screen.getByRole('link', { name: 'Aperçu' })).toBeInTheDocument())
    expect(bridge.invoke).toHaveBeenCalledWith('settings:set', { patch: { language: 'fr' } })
  })

  it('without an account, the overview leads to the onboarding, also reachable from Settings', async () => {
    stubBridge()
    window.location.hash = '#/overview'
    render(<App mantineEnv="test" />)
    expect(await screen.findByRole('heading', { name: 'Welcome to Switchboard' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('link', { name: 'Settings' }))
    expect(await screen.findByText('No account yet.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }))
    expect(await screen.findByRole('button', { name: 'Explore with demo data' })).toBeInTheDocument()
  })
})
