import { beforeEach, describe, expect, it, vi } from 'vitest'

type Handler = (event: unknown, raw: unknown) => Promise<unknown>
const handlers = new Map<string, Handler>()
const openExternal = vi.fn().mockResolvedValue(undefined)

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) },
  shell: { openExternal },
}))

const { IpcAdapter } = await import('../../../electron/main/shell/ipc-adapter')
const { safeOpenExternal } = await import('../../../electron/main/shell/safe-open-external')

function fakeContents(id: number) {
  const listeners = new Map<string, () => void>()
  return {
    id,
    sent: [] as unknown[],
    isDestroyed: () => false,
    send(channel: string, payload: unknown) {
      this.sent.push({ channel, payload })
    },
    once: (event: string, fn: () => void) => listeners.set(event, fn),
    destroy: () => listeners.get('destroyed')?.(),
  }
}

describe('IpcAdapter (electron mocked)', () => {
  const dispatch = vi.fn().mockResolvedValue({ ok: true, value: 'dispatched' })
  let emit: ((channel: string, payload: unknown) => void) | undefined
  const core = {
    dispatch,
    onEvent: (listener: (c: string, p: unknown) => void) => {
      emit = listener
      return () => {
        emit = undefined
      }
    },
  }

  beforeEach(() => {
    handlers.clear()
    dispatch.mockClear()
  })

  it('dispatches only for registered windows showing the app origin', async () => {
    const adapter = new IpcAdapter(core as never, undefined)
    adapter.register()
    const contents = fakeContents(7)
    adapter.attach(contents as never)
    const handle = handlers.get('settings:get')!

    const trusted = { sender: { id: 7 }, senderFrame: { url: 'app://switchboard/index.html#/settings' } }
    await expect(handle(trusted, {})).resolves.toEqual({ ok: true, value: 'dispatched' })
    expect(dispatch).toHaveBeenCalledWith('settings:get', {}, { transport: 'electron' })

    const otherWindow = { sender: { id: 8 }, senderFrame: { url: 'app://switchboard/index.html' } }
    await expect(handle(otherWindow, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const foreignFrame = { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } }
    await expect(handle(foreignFrame, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const noFrame = { sender: { id: 7 }, senderFrame: null }
    await expect(handle(noFrame, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(dispatch).toHaveBeenCalledTimes(1)
  })

  it('forwards events to attached windows and forgets destroyed ones', async () => {
    const adapter = new IpcAdapter(core as never, undefined)
    adapter.register()
    const contents = fakeContents(3)
    adapter.attach(contents as never)
    emit?.('cache:changed', { scopes: ['orgs'] })
    expect(contents.sent).toEqual([{ channel: 'cache:changed', payload: { scopes: ['orgs'] } }])
    contents.destroy()
    expect(emit).toBeUndefined()
    const trusted = { sender: { id: 3 }, senderFrame: { url: 'app://switchboard/' } }
    await expect(handlers.get('app:info')!(trusted, {})).resolves.toMatchObject({ ok: false })
  })

  it('sends shell events (app:navigate after a notification click) to the attached windows only', () => {
    const adapter = new IpcAdapter(core as never, undefined)
    const a = fakeContents(4)
    const b = fakeContents(5)
    adapter.attach(a as never)
    adapter.attach(b as never)
    b.destroy()
    adapter.emit('app:navigate', { path: '/notifications' })
    expect(a.sent).toEqual([{ channel: 'app:navigate', payload: { path: '/notifications' } }])
    expect(b.sent).toEqual([])
  })
})

describe('safeOpenExternal (electron mocked)', () => {
  it('opens Manager links and refuses everything else', async () => {
    await expect(safeOpenExternal('https://manager.infomaniak.com/v3/ng/profile/user/token/list')).resolves.toBe(true)
    await expect(safeOpenExternal('file:///etc/passwd')).resolves.toBe(false)
    await expect(safeOpenExternal('https://evil.example/')).resolves.toBe(false)
    expect(openExternal).toHaveBeenCalledTimes(1)
  })
})
