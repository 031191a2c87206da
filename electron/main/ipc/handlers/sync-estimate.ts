import type { SyncEstimate } from '../../../../shared/ipc/contracts/sync-estimate'
import type { CoreServices } from '../../core'
import type { Handlers } from '../dispatch'

/** The cost of a full sync of every account (or one), before the user starts it. */
export function syncEstimateHandlers(
  services: Pick<CoreServices, 'sync' | 'accounts'>,
): Pick<Handlers, 'sync:estimate'> {
  return {
    'sync:estimate': ({ accountId }): SyncEstimate => {
      const ids = accountId
        ? [accountId]
        : services.accounts
            .list()
            .filter((a) => a.state !== 'signed_out')
            .map((a) => a.id)
      const accounts = ids.flatMap((id) => {
        const e = services.sync.estimate(id)
        return e ? [{ accountId: id, ...e }] : []
      })
      return {
        requests: accounts.reduce((n, a) => n + a.requests, 0),
        etaMs: accounts.reduce((n, a) => Math.max(n, a.etaMs), 0),
        accounts,
      }
    },
  }
}
