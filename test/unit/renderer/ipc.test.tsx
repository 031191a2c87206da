import { afterEach, describe, expect, it, vi } from 'vitest'
import { IpcError, invoke, onEvent } from '../../../renderer/src/lib/ipc'

describe('renderer invoke', () => {
  afterEach(() => {
    delete window.api
  })

  it('unwraps ok results', async () => {
    window.api = {
      invoke: vi.fn().mockResolvedValue({ ok: true, value: { language: 'fr', theme: 'dark' } }),
      on: vi.fn(),
    }
    await expect(invoke('settings:get', {})).resolves.toEqual({ language: 'fr', theme: 'dark' })
  })

  it('throws a typed IpcError for failed results', async () => {
    window.api = {
      invoke: vi.fn().mockResolvedValue({
        ok: false,
        error: { code: 'INVALID_INPUT', reason: 'app.invalidInput', params: { n: 1 }, details: [1] },
      }),
      on: vi.fn(),
    }
    const error = await invoke('settings:get', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IpcError)
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      problem: { reason: 'app.invalidInput', params: { n: 1 } },
      details: [1],
    })
  })

  it('throws NO_BRIDGE without window.api and subscribes to events through it', async () => {
    await expect(invoke('app:info', {})).rejects.toMatchObject({ code: 'NO_BRIDGE' })
    const off = vi.fn()
    const on = vi.fn().mockReturnValue(off)
    window.api = { invoke: vi.fn(), on }
    const listener = vi.fn()
    const unsubscribe = onEvent('cache:changed', listener)
    const forwarded = on.mock.calls[0]![1] as (p: unknown) => void
    forwarded({ scopes: ['orgs'] })
    expect(listener).toHaveBeenCalledWith({ scopes: ['orgs'] })
    unsubscribe()
    expect(off).toHaveBeenCalled()
  })
})
