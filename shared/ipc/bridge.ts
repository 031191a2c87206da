import type { EventChannel, InvokeChannel } from './channels'
import type { IpcResult } from './result'

/**
 * The object the preload exposes as `window.api` (and the browser shell imitates).
 * It is deliberately generic: intent lives in channel names and the renderer's feature hooks.
 */
export interface DesktopBridge {
  invoke(channel: InvokeChannel, input: unknown): Promise<IpcResult<unknown>>
  /** Subscribes to an event channel; returns the function that unsubscribes. */
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void
}
