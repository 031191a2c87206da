import { beforeEach, describe, expect, it, vi } from 'vitest'
import { isEventChannel, isInvokeChannel } from '../../../shared/ipc/channels'
import { createBridge } from '../../../electron/preload/bridge'

describe('preload bridge', () => {
  it('forwards allowlisted invoke channels and refuses others', async () => {
    const invoke = vi.fn().mockResolvedValue({ ok: true, value: 1 })
    const bridge = createBridge({ invoke, on: vi.fn(), isInvokeChannel, isEventChannel })
    await expect(bridge.invoke('settings:get', {})).resolves.toEqual({ ok: true, value: 1 })
    expect(invoke).toHaveBeenCalledWith('settings:get', {})
    // @ts-expect-error: a channel outside the allowlist, as a compromised renderer might send
    const refused = await bridge.invoke('fs:read', { path: '/etc/passwd' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(invoke).toHaveBeenCalledTimes(1)
  })

  it('refuses unknown event channels', () => {
    const bridge = createBridge({ invoke: vi.fn(), on: vi.fn(), isInvokeChannel, isEventChannel })
    // @ts-expect-error: not an event channel
    expect(() => bridge.on('secrets:leak', () => undefined)).toThrow(/not allowed/)
  })
})

const ipcRendererMock = {
  invoke: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
}
const exposed: Record<string, unknown> = {}
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: ipcRendererMock,
}))

describe('preload entry (electron mocked)', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('exposes only invoke and on, and unsubscribe removes the same listener', async () => {
    await import('../../../electron/preload/index')
    const api = exposed.api as { invoke: unknown; on: (c: string, l: (p: unknown) => void) => () => void }
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    const listener = vi.fn()
    const unsubscribe = api.on('cache:changed', listener)
    expect(ipcRendererMock.on).toHaveBeenCalledTimes(1)
    const [channel, handler] = ipcRendererMock.on.mock.calls[0] as [string, (e: unknown, p: unknown) => void]
    expect(channel).toBe('cache:changed')
    handler({}, { scopes: ['settings'] })
    expect(listener).toHaveBeenCalledWith({ scopes: ['settings'] })
    unsubscribe()
    expect(ipcRendererMock.removeListener).toHaveBeenCalledWith('cache:changed', handler)
  })
})
