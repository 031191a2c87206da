import type { InvokeChannel } from '../../../../shared/ipc/channels'
import type { CoreServices } from '../../core'
import type { Handlers } from '../dispatch'

type CoverageChannel = Extract<InvokeChannel, 'coverage:list' | 'diagnostics:export'>

/** Handlers of data coverage and API diagnostics. */
export function coverageHandlers(services: Pick<CoreServices, 'diagnostics'>): Pick<Handlers, CoverageChannel> {
  const d = services.diagnostics
  return {
    'coverage:list': ({ accountId, orgId }) => d.coverage(accountId, orgId),
    'diagnostics:export': ({ accountId }) => d.export(accountId),
  }
}
