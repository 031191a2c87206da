import type { InvokeChannel } from '../../../../shared/ipc/channels'
import type { CoreServices } from '../../core'
import type { Handlers } from '../dispatch'

type FilesChannel = Extract<InvokeChannel, `files:${string}`>

/** Files chosen for imports: the host's open dialog, registered in the inbox (the renderer gets an id). */
export function filesHandlers(services: Pick<CoreServices, 'fileHost' | 'inbox'>): Pick<Handlers, FilesChannel> {
  return {
    'files:choose-import': async ({ purpose }) => {
      const choose = services.fileHost.chooseOpenPath
      // The browser shell has no dialog: its renderer uploads the file instead.
      if (!choose) return null
      const path = await choose(purpose)
      return path === null ? null : services.inbox.register(path, { owned: false })
    },
  }
}
