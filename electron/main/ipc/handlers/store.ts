import type { InvokeChannel } from '../../../../shared/ipc/channels'
import type { CoreServices } from '../../core'
import type { Handlers } from '../dispatch'

type StoreChannel = Extract<InvokeChannel, `store:${string}` | `backups:${string}` | 'logs:open-folder'>

/** Handlers of the data-file channels (status, notices, backups, read-only mode). */
export function storeHandlers(services: Pick<CoreServices, 'store'>): Pick<Handlers, StoreChannel> {
  const s = services.store
  return {
    'store:status': () => s.status(),
    'store:acknowledge': ({ kind }) => s.acknowledge(kind),
    'store:keep-recovered': () => s.keepRecovered(),
    'backups:list': () => s.listBackups(),
    'backups:create': () => s.createBackup('manual'),
    'backups:restore': ({ id }) => s.restore(id),
    'logs:open-folder': async () => ({ opened: await s.openLogFolder() }),
  }
}
