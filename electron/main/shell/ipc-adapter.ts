import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { INVOKE_CHANNELS, type EventChannel } from '../../../shared/ipc/channels'
import type { EventPayload } from '../../../shared/ipc/contract'
import { fail } from '../../../shared/ipc/result'
import type { CoreEndpoint } from '../host/client'
import { isInternalUrl } from './url-policy'

/**
 * The ipcMain side of typed IPC: a trusted-sender check in front of the core's
 * transport-agnostic dispatch (in the core host process), and event forwarding to the app's windows.
 */
export class IpcAdapter {
  private readonly trusted = new Set<number>()
  private readonly attached = new Set<WebContents>()

  constructor(
    private readonly core: CoreEndpoint,
    private readonly devServerUrl: string | undefined,
  ) {}

  /** Only frames of registered windows showing the app's own origin may call. */
  private isTrusted(event: IpcMainInvokeEvent): boolean {
    if (!this.trusted.has(event.sender.id)) return false
    const frameUrl = event.senderFrame?.url
    return frameUrl !== undefined && isInternalUrl(frameUrl, this.devServerUrl)
  }

  register(): void {
    for (const channel of INVOKE_CHANNELS) {
      ipcMain.handle(channel, async (event, raw: unknown) => {
        if (!this.isTrusted(event)) return fail('FORBIDDEN', 'app.untrustedSender')
        return this.core.dispatch(channel, raw, { transport: 'electron' })
      })
    }
  }

  /** Lets a window call IPC and receive events until it is destroyed. */
  attach(contents: WebContents): void {
    this.trusted.add(contents.id)
    this.attached.add(contents)
    const unsubscribe = this.core.onEvent((channel, payload) => {
      if (!contents.isDestroyed()) contents.send(channel, payload)
    })
    contents.once('destroyed', () => {
      this.trusted.delete(contents.id)
      this.attached.delete(contents)
      unsubscribe()
    })
  }

  /** Sends a shell event (e.g. `app:navigate` after a notification click) to every app window. */
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    for (const contents of this.attached) if (!contents.isDestroyed()) contents.send(channel, payload)
  }
}
