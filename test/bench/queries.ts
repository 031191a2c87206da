/**
 * `npm run bench -- queries [--orgs 1000] [--samples 300] [--seed N] [--json]`
 *
 * Read latency of the cache at 1,000 organizations / 100,000 products (+ 20,000 users). The cache is
 * built FAST, without HTTP: the sandbox generator's data (scale 'large') goes through the sandbox's own
 * serializers (the exact API DTO shapes), the client's zod schemas, and the sync's CacheWriter, one
 * transaction per resource as a sync would. Then each read the app makes is timed through the
 * CacheQueries service (SQL + row mapping), with seeded random inputs, and its EXPLAIN QUERY PLAN shown.
 * Goal: p95 under 20 ms each.
 */
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import type Database from 'better-sqlite3'
import { testCore } from '../helpers/core'
import { buildFleetCache } from './_fleet-cache'
import { summarize } from './_stats'

const DAY_SECONDS = 86_400
const GOAL_P95_MS = 20

/** mulberry32: seeded, so every run draws the same inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

interface Captured {
  sql: string
  args: unknown[]
}

/** Records the SQL and arguments of every statement run through `db.prepare(...).all(...)`. */
function captureStatements(db: Database.Database): { last(): Captured | undefined; explain(c: Captured): string[] } {
  const original = db.prepare.bind(db)
  let last: Captured | undefined
  db.prepare = ((sql: string) => {
    const statement = original(sql)
    const all = statement.all.bind(statement)
    statement.all = ((...args: unknown[]) => {
      last = { sql, args }
      return all(...(args as []))
    }) as typeof statement.all
    return statement
  }) as typeof db.prepare
  return {
    last: () => last,
    explain: (c) =>
      (original(`EXPLAIN QUERY PLAN ${c.sql}`).all(...(c.args as [])) as { detail: string }[]).map((r) => r.detail),
  }
}

/**
 * Full table scans in a plan: `SCAN <table>` without an index. Scans of an FTS index, of an index,
 * or of a subquery's own result are not table scans.
 */
function scans(plan: readonly string[]): string[] {
  return plan.filter(
    (d) => /^SCAN /.test(d) && !/VIRTUAL TABLE|USING (COVERING )?INDEX|CONSTANT ROW|^SCAN \(subquery/.test(d),
  )
}

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      orgs: { type: 'string', default: '1000' },
      samples: { type: 'string', default: '300' },
      seed: { type: 'string', default: '42' },
      'save-db': { type: 'string' },
    },
    strict: true,
  })
  const orgCount = Number(values.orgs)
  const samples = Number(values.samples)
  if (!Number.isInteger(orgCount) || orgCount < 1) throw new Error('--orgs takes a positive integer')
  if (!Number.isInteger(samples) || samples < 1) throw new Error('--samples takes a positive integer')
  const random = prng(Number(values.seed))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('nothing to pick from')
    return items[Math.floor(random() * items.length)]!
  }

  const load0 = Math.round(loadavg()[0]! * 100) / 100
  // ------------------------------------------------------------------ build the cache
  const referenceTime = Date.UTC(2026, 10, 27)
  const ctx = testCore({ clock: { now: () => referenceTime, sleep: () => Promise.resolve() } })
  try {
    const db = ctx.core.db
    const accountId = 'acc-bench'
    const built = buildFleetCache(db, {
      orgs: orgCount,
      seed: Number(values.seed),
      referenceTime,
      accountId,
      baseUrl: 'https://api.infomaniak.com',
    })
    const { data } = built
    // --save-db FILE keeps a copy of the built cache for inspection (sqlite3 FILE).
    if (values['save-db']) await db.backup(values['save-db'])
    const count = (table: string): number =>
      db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0

    // ------------------------------------------------------------------ measure
    const queries = ctx.core.services.queries
    const capture = captureStatements(db)
    const orgIds = built.orgIds
    const emails = [
      ...data.users.map((u) => u.email),
      ...data.invitations.map((i) => i.email),
      // Some nobody knows.
      ...Array.from({ length: 50 }, (_, i) => `nobody${i}@example.org`),
    ]
    const words = [
      ...data.orgs.map((o) => o.name),
      ...data.products.slice(0, 5_000).map((p) => p.customerName),
      ...data.users.map((u) => `${u.firstName} ${u.lastName}`),
    ]
      .flatMap((s) => s.split(/[^\p{L}\p{N}]+/u))
      .filter((w) => w.length >= 3)
    const searchText = (): string => {
      const first = pick(words)
      const text = first.slice(0, 3 + Math.floor(random() * Math.max(1, first.length - 2)))
      return random() < 0.3 ? `${text} ${pick(words).slice(0, 3)}` : text
    }
    const nowSeconds = Math.floor(referenceTime / 1000)

    /** A change to the query or schema, measured (raw SQL) on this cache but NOT applied to the app (none pending). */
    interface Proposal {
      change: string
      statements: string[]
      run: () => number
      explain: () => string[]
    }
    const day = (): number => nowSeconds + Math.floor(random() * 60) * DAY_SECONDS

    const cases: { name: string; run: () => number; proposals: Proposal[] }[] = [
      {
        name: "one organization's products",
        run: () => queries.products({ accountId, orgId: pick(orgIds) }).length,
        proposals: [],
      },
      {
        // What a screen asks for: the total and the first page by expiry date.
        name: 'products expiring within 90 days, all organizations (count + first 200)',
        run: () => {
          const from = day()
          const total = queries.countExpiring(from, from + 90 * DAY_SECONDS)
          return Math.min(
            total,
            queries.products({ expiringFrom: from, expiringBefore: from + 90 * DAY_SECONDS, limit: 200 }).length,
          )
        },
        proposals: [],
      },
      {
        // The whole list at once (e.g. every renewal of the fleet): bound by row count, reported as is.
        name: 'products expiring within 90 days, all organizations (every row)',
        run: () => {
          const from = day()
          return queries.products({ expiringFrom: from, expiringBefore: from + 90 * DAY_SECONDS }).length
        },
        proposals: [],
      },
      {
        name: 'find a person across all organizations (personByEmail)',
        run: () => queries.personByEmail(pick(emails)).length,
        proposals: [],
      },
      {
        name: 'full-text search (search, 8 per kind)',
        run: () => queries.search(searchText(), 8).length,
        proposals: [],
      },
      {
        name: 'organization switcher (orgs)',
        run: () => queries.orgs().length,
        proposals: [],
      },
    ]

    const results: Record<string, unknown>[] = []
    const missed: string[] = []
    const rawStatements = new Map<string, Database.Statement>()
    for (const c of cases) {
      for (let i = 0; i < 20; i++) c.run() // warm-up (page cache)
      const plan = capture.explain(capture.last()!)
      const times: number[] = []
      const sqlOnly: number[] = []
      let rows = 0
      for (let i = 0; i < samples; i++) {
        const start = performance.now()
        rows += c.run()
        times.push(performance.now() - start)
        // The same statement and arguments again, SQL only (no row mapping, statement already prepared).
        const last = capture.last()!
        let raw = rawStatements.get(last.sql)
        if (!raw) rawStatements.set(last.sql, (raw = db.prepare(last.sql)))
        const rawStart = performance.now()
        raw.all(...(last.args as []))
        sqlOnly.push(performance.now() - rawStart)
      }
      const stats = summarize(times)
      if (stats.p95 > GOAL_P95_MS) missed.push(c.name)
      const measured = c.proposals.map((p) => {
        for (let i = 0; i < 20; i++) p.run()
        const ms: number[] = []
        let n = 0
        for (let i = 0; i < samples; i++) {
          const start = performance.now()
          n += p.run()
          ms.push(performance.now() - start)
        }
        return {
          change: p.change,
          sqlOnlyMs: summarize(ms),
          averageRows: Math.round(n / samples),
          plan: p.explain(),
          statements: p.statements,
        }
      })
      results.push({
        query: c.name,
        ms: stats,
        sqlOnlyMs: summarize(sqlOnly),
        meetsGoal: stats.p95 <= GOAL_P95_MS,
        averageRows: Math.round(rows / samples),
        plan,
        fullTableScans: scans(plan),
        ...(measured.length > 0 ? { proposalsNotApplied: measured } : {}),
      })
    }

    // ------------------------------------------------------------------ fleet read models (core side)
    // What the fleet screens ask the core for; the browser-shell render time comes on top.
    const fleet = ctx.core.services.fleet
    const fleetTimes = (n: number, fn: () => unknown) => {
      fn()
      const ms: number[] = []
      for (let i = 0; i < n; i++) {
        const start = performance.now()
        fn()
        ms.push(performance.now() - start)
      }
      return summarize(ms)
    }
    const coldStart = performance.now()
    fleet.hygiene.invalidate()
    const hygieneCold = fleet.hygiene.summary({})
    const fleetCore = {
      hygieneComputeColdMs: Math.round(performance.now() - coldStart),
      openFindings: hygieneCold.totals.open,
      homeMs: fleetTimes(30, () => fleet.home()),
      hygieneSummaryWarmMs: fleetTimes(30, () => fleet.hygiene.summary({})),
      inventoryFilterMs: fleetTimes(30, () => fleet.inventoryPage({ expiry: '90', sort: 'expiry' }, 0, 100)),
    }

    return {
      clock: 'real (performance.now); a fixed "now" of 2026-11-27 for the data',
      fleetCore,
      measured:
        'ms: through the CacheQueries service (prepare + SQL + row mapping); sqlOnlyMs: the same statement and arguments, SQL only',
      cache: {
        organizations: count('orgs'),
        products: count('products'),
        productRights: count('product_rights'),
        orgUsers: count('org_users'),
        teams: count('teams'),
        teamMembers: count('team_members'),
        searchEntries: count('search_docs'),
      },
      buildMs: built.ms,
      machine: { cpus: cpus().length, loadAverage1m: { atStart: load0, atEnd: Math.round(loadavg()[0]! * 100) / 100 } },
      samplesPerQuery: samples,
      goalP95Ms: GOAL_P95_MS,
      results,
      missedGoal: missed,
    }
  } finally {
    ctx.dispose()
  }
}
