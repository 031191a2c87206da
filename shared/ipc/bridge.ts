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
  /**
   * The browser shell only: streams a file the user picked to the shell, which hands it to the core
   * and answers a reference (`{ fileId, fileName, byteLength }`). The app has no such method: there
   * the core reads the file the open dialog returned (`files:choose-import`).
   */
  uploadFile?(file: UploadableFile, purpose: 'billing-import'): Promise<IpcResult<unknown>>
}

/** What `uploadFile` needs of a picked file (a DOM `File` is one). */
export interface UploadableFile {
  readonly name: string
  readonly size: number
}
