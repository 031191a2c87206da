import type { CoreServices } from '../../core'
import type { Handlers } from '../dispatch'

type Channel = 'accounts:removal-preview' | 'accounts:removed-list' | 'accounts:delete-data'

/** Handlers of the account-removal channels. */
export function accountRemovalHandlers(services: Pick<CoreServices, 'accounts'>): Pick<Handlers, Channel> {
  const a = services.accounts
  return {
    'accounts:removal-preview': ({ accountId }) => a.removalPreview(accountId),
    'accounts:removed-list': () => a.listRemoved(),
    'accounts:delete-data': ({ accountId }) => ({ deleted: a.deleteRemovedData(accountId) }),
  }
}
