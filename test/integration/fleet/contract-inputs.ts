import type Database from 'better-sqlite3'
import { computeHygiene } from '../../../electron/main/access/hygiene-engine'

/** One valid call per fleet and hygiene channel, for the IPC contract test. */
export function fleetInputs(ids: { accountId: string; orgId: number; db: Database.Database }) {
  const { accountId, orgId, db } = ids
  const anyFindingKey = (): string => {
    const f = computeHygiene(db, { now: Math.floor(Date.now() / 1000) }).findings[0]
    if (!f) throw new Error('contract input: the synced fleet has no hygiene finding')
    return f.key
  }
  const filter = { text: 'a', sort: 'expiry', direction: 'desc', clients: [{ accountId, orgId }] } as const
  return {
    'fleet:home': {},
    'fleet:inventory': { filter, offset: 0, limit: 50 },
    'fleet:inventory-facets': {},
    'fleet:inventory-export': { filter: {}, columns: ['name', 'client', 'type', 'expiry'], format: 'xlsx' },
    'fleet:view-save': { name: 'Expiring', state: { filter: { expiry: '30' }, columns: ['name', 'expiry'] } },
    'fleet:views': {},
    'fleet:view-delete': {
      get id() {
        return db.prepare("SELECT id FROM saved_views WHERE name = 'Expiring'").pluck().get() as number
      },
    },
    'hygiene:summary': { severities: ['high', 'medium'], status: 'all' },
    'hygiene:findings': { rule: 'no_2fa', client: { accountId, orgId }, limit: 20 },
    'hygiene:scores': {},
    'hygiene:trend': { days: 30 },
    'hygiene:decide': {
      get keys() {
        return [anyFindingKey()]
      },
      kind: 'snoozed',
      until: Date.now() + 86_400_000,
      reason: 'Client asked',
    },
    'hygiene:reopen': {
      get keys() {
        return [anyFindingKey()]
      },
    },
  }
}
