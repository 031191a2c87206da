import type Database from 'better-sqlite3'
import type { ApiOrg, ApiOrgUser, Product, Team } from '../../../api/schemas'
import { WriterContext } from './context'
import { writeOrgs, type OrgOwner } from './orgs'
import { finishProducts, writeProductPage } from './products'
import { writeTeamMembers, writeTeams } from './teams'
import { writeOrgUsers } from './users'

export type { HistoryEntry, HistoryKind } from './context'
export { memberKey } from './users'

/**
 * Writes one fetched resource set for one account: upserts what changed, deletes what vanished, and
 * appends access-history rows for every gained or lost access. Callers run each method inside the
 * job's (or the page's) transaction. One file per resource: `orgs.ts`, `products.ts`, `users.ts`,
 * `teams.ts`; what they share (history, search entries, counts, prepared statements) is in `context.ts`.
 *
 * `baseline` is true on the first successful sync of a resource: the state is recorded without history
 * (otherwise a first sync would "gain" everything).
 */
export class CacheWriter {
  private readonly c: WriterContext
  constructor(db: Database.Database, accountId: string, at: number) {
    this.c = new WriterContext(db, accountId, at)
  }

  /** Number of history rows written by this writer. */
  get historyCount(): number {
    return this.c.historyCount
  }

  /** `/1/accounts`: the organizations and the token owner's role in each. */
  writeOrgs(orgs: readonly ApiOrg[], owner: OrgOwner, baseline: boolean): void {
    writeOrgs(this.c, orgs, owner, baseline)
  }

  /** One page of a products listing; see {@link writeProductPage}. Returns the number of products stored. */
  writeProductPage(products: readonly Product[], baseline: boolean): number {
    return writeProductPage(this.c, products, baseline)
  }

  /** Ends a products listing that completed; see {@link finishProducts}. Returns the number removed. */
  finishProducts(since: number, baseline: boolean, orgId: number | null): number {
    return finishProducts(this.c, since, baseline, orgId)
  }

  /** `/2/accounts/{id}/users`: members, invitees, team membership. */
  writeOrgUsers(orgId: number, users: readonly ApiOrgUser[], baseline: boolean): void {
    writeOrgUsers(this.c, orgId, users, baseline)
  }

  /** Team memberships read from each team's member list (users came without their `teams`). */
  writeTeamMembers(
    orgId: number,
    teams: readonly { teamId: number; userIds: readonly number[] }[],
    baseline: boolean,
  ): void {
    writeTeamMembers(this.c, orgId, teams, baseline)
  }

  /** `/1/accounts/{id}/teams`: teams with leader and permissions. */
  writeTeams(orgId: number, teams: readonly Team[]): void {
    writeTeams(this.c, orgId, teams)
  }
}
