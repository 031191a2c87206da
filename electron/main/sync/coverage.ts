/**
 * Data coverage per organisation and dataset, derived on read from the sync state, the skipped items and the
 * capabilities (nothing extra to keep in step). See `shared/domain/coverage.ts`.
 */
import type Database from 'better-sqlite3'
import type { Dataset, DatasetCoverage, OrgCoverage, SkippedSummary } from '../../../shared/domain/coverage'
import { loadCapabilities, type Presence } from './capabilities'

interface StateRow {
  resource: string
  org_id: number
  status: string
  synced_at: number | null
  needed_scope: string | null
}

function fromState(
  dataset: Dataset,
  s: StateRow | undefined,
  skipped: number,
  via: DatasetCoverage['via'] = 'direct',
): DatasetCoverage {
  const base = { dataset, skipped, scope: null, via }
  if (!s) return { ...base, state: 'never_synced', via: null }
  if (s.status === 'needs_scope') return { ...base, state: 'needs_scope', scope: s.needed_scope }
  if (s.status === 'error' || s.status === 'unavailable')
    return { ...base, state: s.synced_at === null ? 'error' : skipped > 0 ? 'partial' : 'error' }
  return { ...base, state: skipped > 0 ? 'partial' : 'complete' }
}

function notOffered(dataset: Dataset): DatasetCoverage {
  return { dataset, state: 'not_offered', skipped: 0, scope: null, via: null }
}

function gated(dataset: Dataset, presence: Presence, source: DatasetCoverage): DatasetCoverage {
  if (source.state !== 'complete' && source.state !== 'partial') return { ...source, dataset }
  return presence === 'absent' ? notOffered(dataset) : { ...source, dataset }
}

/** Coverage of every organisation of an account (or of all accounts). */
export function coverage(db: Database.Database, accountId?: string, orgId?: number): OrgCoverage[] {
  const orgs = db
    .prepare<[], { account_id: string; id: number; name: string }>(
      'SELECT account_id, id, name FROM orgs ORDER BY name COLLATE NOCASE',
    )
    .all()
    .filter((o) => (accountId === undefined || o.account_id === accountId) && (orgId === undefined || o.id === orgId))
  const accounts = [...new Set(orgs.map((o) => o.account_id))]
  const out: OrgCoverage[] = []
  for (const account of accounts) {
    const caps = loadCapabilities(db, account).caps
    const states = new Map<string, StateRow>()
    for (const s of db
      .prepare<[string], StateRow>(
        'SELECT resource, org_id, status, synced_at, needed_scope FROM sync_state WHERE account_id = ?',
      )
      .all(account))
      states.set(`${s.resource}:${s.org_id}`, s)
    const skipped = new Map<string, number>()
    for (const r of db
      .prepare<[string], { resource: string; org_id: number; n: number }>(
        'SELECT resource, org_id, sum(count) AS n FROM sync_skipped WHERE account_id = ? GROUP BY resource, org_id',
      )
      .all(account))
      skipped.set(`${r.resource}:${r.org_id}`, r.n)
    const skip = (resource: string, id: number): number =>
      (skipped.get(`${resource}:${id}`) ?? 0) + (skipped.get(`${resource}:0`) ?? 0)
    for (const o of orgs.filter((x) => x.account_id === account)) {
      const products = fromState('products', states.get('products:0'), skip('products', o.id))
      const users = fromState('team_memberships', states.get(`users:${o.id}`), skip('users', o.id))
      const teams = fromState('teams', states.get(`teams:${o.id}`), skip('teams', o.id))
      const memberships =
        caps.userTeams === 'absent'
          ? fromState('team_memberships', states.get(`memberships:${o.id}`), skip('memberships', o.id), 'team_lists')
          : users
      out.push({
        accountId: account,
        orgId: o.id,
        orgName: o.name,
        datasets: [
          products,
          gated('product_rights', caps.productUsers, products),
          teams,
          memberships,
          gated('two_factor', caps.userSecurity, users),
          gated('invitation_details', caps.invitationDetails, users),
        ],
      })
    }
  }
  return out
}

/** Kinds of skipped items of an account, most frequent first (at most `limit`), and their total. */
export function skippedOf(
  db: Database.Database,
  accountId: string,
  limit = 50,
): { items: SkippedSummary[]; total: number } {
  const items = db
    .prepare<[string, number], SkippedSummary & { orgId: number }>(
      `SELECT resource, org_id AS orgId, endpoint, path, expected, seen, count FROM sync_skipped
       WHERE account_id = ? ORDER BY count DESC, endpoint, path LIMIT ?`,
    )
    .all(accountId, limit)
  const total =
    db
      .prepare<[string], { n: number | null }>('SELECT sum(count) AS n FROM sync_skipped WHERE account_id = ?')
      .get(accountId)?.n ?? 0
  return { items, total }
}
