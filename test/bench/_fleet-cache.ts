/**
 * A fleet cache built FAST, without HTTP, for the benchmarks: the sandbox generator's data (scale
 * 'large') goes through the sandbox's own serializers (the exact API DTO shapes), the client's zod
 * schemas, and the sync's CacheWriter, one transaction per job as a sync would.
 */
import type Database from 'better-sqlite3'
import { OrgSchema, OrgUserSchema, ProductSchema, TeamSchema } from '../../electron/main/api/schemas'
import { CacheWriter } from '../../electron/main/store/repos/cache-writer'
import { AccountsRepo } from '../../electron/main/store/repos/accounts-repo'
import { generate } from '../../electron/sandbox/generate'
import type { SandboxData } from '../../electron/sandbox/model'
import * as S from '../../electron/sandbox/serialize'
import { Store } from '../../electron/sandbox/store'
import { viewerRights } from '../../electron/sandbox/truth'

const USER_EXPANSIONS = new Set(['security', 'teams', 'invitation_details'])

export interface FleetCacheOptions {
  orgs: number
  seed: number
  /** The data's "now" (unix ms): expiry dates and sync times are relative to it. */
  referenceTime: number
  accountId: string
  /**
   * The account's API address. Benchmarks that start a core on the cache give a loopback address
   * nothing listens on, so nothing ever leaves the machine.
   */
  baseUrl: string
}

export interface FleetCache {
  data: SandboxData
  orgIds: number[]
  ms: {
    generate: number
    serializeAndParseDtos: number
    writeThroughCacheWriter: number
    writePhases: Record<string, number>
  }
}

/** Generates the fleet and writes it into `db` (a store connection: user.sqlite with the cache attached). */
export function buildFleetCache(db: Database.Database, o: FleetCacheOptions): FleetCache {
  const t0 = performance.now()
  const data = generate({ seed: o.seed, referenceTime: o.referenceTime, scale: 'large', orgs: o.orgs })
  const store = new Store(data)
  const owner = data.tokens.find((t) => t.name === 'owner')
  if (!owner) throw new Error('no owner token in the generated data')
  const user = store.ix.users.get(owner.userId)!
  const access = store.access(owner.userId)
  const generatedMs = performance.now() - t0

  const t1 = performance.now()
  const orgDtos = [...access.values()].map((a) =>
    OrgSchema.parse(S.account(store, store.ix.orgs.get(a.orgId)!, a, new Set(), false)),
  )
  const productDtos = [...access.values()].flatMap((a) => {
    const teams = store.ix.teamsByOrg.get(a.orgId) ?? []
    return (store.ix.productsByOrg.get(a.orgId) ?? []).flatMap((p) => {
      const rights = viewerRights(a, p, teams)
      return rights ? [ProductSchema.parse(S.product(store, p, rights))] : []
    })
  })
  const perOrg = [...access.values()].map((a) => {
    const c = { store, accountId: a.orgId, expand: USER_EXPANSIONS }
    const members = [...(store.ix.membersByOrg.get(a.orgId)?.values() ?? [])].sort((x, y) => x.userId - y.userId)
    const users = [
      ...members.map((m) => S.memberRow(c, m, store.ix.users.get(m.userId)!)),
      ...(store.ix.invitationsByOrg.get(a.orgId) ?? [])
        .filter((i) => i.status === 'pending')
        .map((i) => S.pendingRow(c, i)),
    ].map((u) => OrgUserSchema.parse(u))
    const teams = (store.ix.teamsByOrg.get(a.orgId) ?? []).map((t, i) =>
      TeamSchema.parse(S.team(store, t, new Set(), i)),
    )
    return { orgId: a.orgId, users, teams }
  })
  const dtoMs = performance.now() - t1

  const { accountId, referenceTime } = o
  new AccountsRepo(db).insert({
    id: accountId,
    label: 'Bench',
    baseUrl: o.baseUrl,
    tokenEnv: null,
    userId: user.id,
    displayName: `${user.firstName} ${user.lastName}`,
    email: user.email,
    isDemo: false,
    scopes: [],
    createdAt: referenceTime,
  })
  const state = db.prepare(
    `INSERT INTO sync_state (account_id, org_id, resource, status, synced_at, attempted_at, item_count, request_count)
     VALUES (?, ?, ?, 'ok', ?, ?, ?, 1)`,
  )
  const t2 = performance.now()
  const phases = { orgs: 0, products: 0, usersPerOrg: 0, teamsPerOrg: 0 }
  const phase = (name: keyof typeof phases, fn: () => void): void => {
    const start = performance.now()
    fn()
    phases[name] += performance.now() - start
  }
  const ownerRef = { key: `u:${user.id}`, email: user.email, name: `${user.firstName} ${user.lastName}` }
  // One transaction per job, as the sync engine does.
  phase('orgs', () =>
    db.transaction(() => {
      new CacheWriter(db, accountId, referenceTime).writeOrgs(orgDtos, ownerRef, true)
      state.run(accountId, 0, 'orgs', referenceTime, referenceTime, orgDtos.length)
    })(),
  )
  phase('products', () =>
    db.transaction(() => {
      // As the sync engine's listing does: pages of products, then the end of the listing.
      const writer = new CacheWriter(db, accountId, referenceTime)
      writer.writeProductPage(productDtos, true)
      writer.finishProducts(referenceTime, true, null)
      state.run(accountId, 0, 'products', referenceTime, referenceTime, productDtos.length)
    })(),
  )
  for (const org of perOrg) {
    phase('usersPerOrg', () =>
      db.transaction(() => {
        new CacheWriter(db, accountId, referenceTime).writeOrgUsers(org.orgId, org.users, true)
        state.run(accountId, org.orgId, 'users', referenceTime, referenceTime, org.users.length)
      })(),
    )
    phase('teamsPerOrg', () =>
      db.transaction(() => {
        new CacheWriter(db, accountId, referenceTime).writeTeams(org.orgId, org.teams)
        state.run(accountId, org.orgId, 'teams', referenceTime, referenceTime, org.teams.length)
      })(),
    )
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.pragma('optimize')
  return {
    data,
    orgIds: orgDtos.map((d) => d.id),
    ms: {
      generate: Math.round(generatedMs),
      serializeAndParseDtos: Math.round(dtoMs),
      writeThroughCacheWriter: Math.round(performance.now() - t2),
      writePhases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])),
    },
  }
}
