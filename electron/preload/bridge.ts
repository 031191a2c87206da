import type { EventChannel, InvokeChannel } from '../../shared/ipc/channels'
import type { DesktopBridge } from '../../shared/ipc/bridge'
import type { IpcResult } from '../../shared/ipc/result'

export interface BridgeTransport {
  invoke(channel: InvokeChannel, input: unknown): Promise<unknown>
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void
  isInvokeChannel(channel: unknown): channel is InvokeChannel
  isEventChannel(channel: unknown): channel is EventChannel
}

/**
 * Builds the allowlisted bridge over a transport (ipcRenderer in the preload).
 * Kept free of `electron` so it is unit-tested directly.
 */
export function createBridge(transport: BridgeTransport): DesktopBridge {
  return {
    invoke(channel, input) {
      if (!transport.isInvokeChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', reason: 'app.unknownChannel' },
        } satisfies IpcResult<never>)
      }
      return transport.invoke(channel, input) as Promise<IpcResult<unknown>>
    },
    on(channel, listener) {
      if (!transport.isEventChannel(channel)) {
        throw new Error('This event channel is not allowed.')
      }
      return transport.on(channel, listener)
    },
  }
}
