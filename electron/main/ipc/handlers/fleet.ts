import type { InvokeChannel } from '../../../../shared/ipc/channels'
import type { CoreServices } from '../../core'
import type { Handlers } from '../dispatch'

type FleetChannel = Extract<InvokeChannel, `fleet:${string}` | `hygiene:${string}`>

/** Handlers of the fleet channels (Home, inventory, saved views) and of the hygiene report. */
export function fleetHandlers(services: Pick<CoreServices, 'fleet' | 'files'>): Pick<Handlers, FleetChannel> {
  const f = services.fleet
  return {
    'fleet:home': () => f.home(),
    'fleet:inventory': ({ filter, offset, limit }) => f.inventoryPage(filter, offset, limit),
    'fleet:inventory-facets': () => f.inventoryFacets(),
    'fleet:inventory-export': async ({ filter, columns, format, delimiter }) =>
      services.files.deliver(await f.inventoryExport(filter, columns, format, delimiter)),
    'fleet:views': () => f.views(),
    'fleet:view-save': ({ id, name, state }) => f.saveView(name, state, id),
    'fleet:view-delete': ({ id }) => ({ deleted: f.deleteView(id) }),
    'hygiene:summary': (filter) => f.hygiene.summary(filter),
    'hygiene:findings': (input) => f.hygiene.findings(input),
    'hygiene:scores': () => f.hygiene.scoresState(true).scores,
    'hygiene:trend': ({ days, accountId, orgId }) =>
      f.hygiene.trend(days, accountId !== undefined && orgId !== undefined ? { accountId, orgId } : undefined),
    'hygiene:decide': ({ keys, kind, until, reason }) => ({ decided: f.hygiene.decide({ keys, kind, until, reason }) }),
    'hygiene:reopen': ({ keys }) => ({ reopened: f.hygiene.reopen(keys) }),
  }
}
