import type { InvokeChannel } from '../../../../shared/ipc/channels'
import type { CoreServices } from '../../core'
import type { Handlers } from '../dispatch'

type CoverageChannel = Extract<InvokeChannel, 'coverage:list' | 'diagnostics:export'>

/** Handlers of data coverage and API diagnostics. */
export function coverageHandlers(
  services: Pick<CoreServices, 'diagnostics' | 'files'>,
): Pick<Handlers, CoverageChannel> {
  const d = services.diagnostics
  return {
    'coverage:list': ({ accountId, orgId }) => d.coverage(accountId, orgId),
    // Written to disk by the core and handed over (save dialog / download), never sent over IPC.
    'diagnostics:export': ({ accountId }) => services.files.deliver(d.export(accountId)),
  }
}
