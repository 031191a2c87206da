/**
 * Access benchmarks (`npm run bench -- access [--n=50] [--users=300] [--products=2000] [--orgs=1000]`):
 * 1. the permission matrix of one organization with 300 users × 2,000 products (goal p95 < 100 ms);
 * 2. person look-up (by e-mail, full person page) and people search across 1,000 organizations (goal p95 < 20 ms).
 * The cache is written directly (SQL), not through HTTP.
 */
import { testCore } from '../helpers/core'
import { CacheSeed, seedLargeOrg } from '../integration/access/seed'
import { summarize } from './_stats'

function arg(argv: string[], name: string, fallback: number): number {
  const v = argv.find((a) => a.startsWith(`--${name}=`))
  return v ? Number(v.slice(name.length + 3)) : fallback
}

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const n = arg(argv, 'n', 50)
  const nUsers = arg(argv, 'users', 300)
  const nProducts = arg(argv, 'products', 2000)
  const nOrgs = arg(argv, 'orgs', 1000)
  const ctx = testCore()
  try {
    const db = ctx.core.db
    const access = ctx.core.services.access

    // 1. One large organization.
    seedLargeOrg(db, { accountId: 'big', orgId: 1, users: nUsers, products: nProducts })
    const build: number[] = []
    const dispatchMs: number[] = []
    let cells = 0
    let bytes = 0
    for (let i = 0; i < n; i++) {
      let t = performance.now()
      const m = access.matrix('big', 1)
      build.push(performance.now() - t)
      cells = m.cells.length
      t = performance.now()
      bytes = JSON.stringify(m).length
      dispatchMs.push(performance.now() - t + build.at(-1)!)
    }

    // 2. A thousand organizations; one agency staff member in all of them, a typical person in three.
    const many = CacheSeed.account(db, 'many')
    db.transaction(() => {
      for (let o = 1; o <= nOrgs; o++) {
        many.org(o, `Client ${o}`, o % 3 === 0 ? 'admin' : 'owner')
        for (let p = 0; p < 10; p++) many.product(o, o * 100 + p, 1 + (p % 5))
        many.user(o, { userId: 1, email: 'staff@agency.ch', name: 'Agency Staff', role: 'admin', lastLoginAt: 1 })
        many.right(o, o * 100, 1, 15)
        for (let u = 0; u < 15; u++) {
          const userId = o * 1000 + u
          many.user(o, {
            userId,
            email: `person${o}-${u}@client${o}.ch`,
            name: `Person ${o} ${u}`,
            role: u === 0 ? 'owner' : 'normal',
          })
          if (u < 5) many.right(o, o * 100 + u, userId, 3)
        }
        many.team(o, o * 10, 'Web', 1, [{ service_id: 1, product_id: null, rights: ['technical'] }], [1, o * 1000 + 1])
      }
      for (const o of [5, 50, 500]) many.user(o, { userId: 42, email: 'typical@person.ch', name: 'Typical Person' })
    })()
    const typical: number[] = []
    const staff: number[] = []
    const search: number[] = []
    let staffOrgs = 0
    for (let i = 0; i < n; i++) {
      let t = performance.now()
      access.person('typical@person.ch')
      typical.push(performance.now() - t)
      t = performance.now()
      staffOrgs = access.person('staff@agency.ch').orgs.length
      staff.push(performance.now() - t)
      t = performance.now()
      access.searchPeople('person5')
      search.push(performance.now() - t)
    }
    return {
      matrix: { users: nUsers + 30, products: nProducts, cells, jsonBytes: bytes },
      matrixBuildMs: summarize(build),
      matrixBuildAndSerializeMs: summarize(dispatchMs),
      people: {
        orgs: nOrgs,
        rows: (db.prepare('SELECT count(*) AS c FROM org_users').get() as { c: number }).c,
        staffOrgs,
      },
      personLookupTypicalMs: summarize(typical),
      personLookupAgencyStaffMs: summarize(staff),
      peopleSearchMs: summarize(search),
    }
  } finally {
    ctx.dispose()
  }
}
