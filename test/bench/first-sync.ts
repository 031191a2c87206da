/**
 * `npm run bench -- first-sync [--orgs 1000] [--scale large] [--seed N] [--open-at-page 20] [--full] [--json]`
 *
 * The first sync as a reseller lives it (issue 18), on a SIMULATED clock at the real pace: the sandbox at its
 * faithful rate limit (60 requests per 60 s) and the core at its default pace (60 per 61 s) share one FakeClock
 * that a driver jumps to the next timer whenever the process waits (see `sync.ts`); HTTP is real (loopback).
 *
 * Script: the account is added, the sync starts; once the organisations are listed and `--open-at-page` pages
 * of the cross-organisation products listing are in, the user opens the organisation the listing would reach
 * last (the focused one); at 50 % of the listing's pages the app quits (the core is closed mid-listing) and
 * starts again on the same data folder, which resumes the run. Stops when every product is cached (`--full`:
 * when the whole sync is done).
 *
 * Prints `secondsUntil` (simulated seconds from the start of the sync: organisations listed, the focused
 * organisation's products complete — counted from when it was opened —, half of the products cached, all of
 * them), `requests` (sent by the sync, both processes), and `repeatedRequestsAfterInterrupt` (requests after the
 * restart identical to one answered before it).
 */
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { createCore, type Core } from '../../electron/main/core'
import { FakeClock, type Clock } from '../../electron/main/lib/clock'
import { createLogger } from '../../electron/main/lib/logger'
import { MemorySecretStore } from '../../electron/main/secrets/memory-secret-store'
import { startSandbox, viewerRights, type Scale } from '../../electron/sandbox'
import type { SyncStatus } from '../../shared/domain/cache'
import { tempDir } from '../helpers/temp'

const seconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 100) / 10)

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      orgs: { type: 'string', default: '1000' },
      scale: { type: 'string', default: 'large' },
      seed: { type: 'string', default: '42' },
      'open-at-page': { type: 'string', default: '20' },
      full: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const orgs = Number(values.orgs)
  if (!Number.isInteger(orgs) || orgs < 1) throw new Error('--orgs takes a positive integer')
  if (!['tiny', 'demo', 'large'].includes(values.scale)) throw new Error('--scale: tiny, demo or large')
  const openAtPage = Number(values['open-at-page'])
  const wallStart = performance.now()

  const fake = new FakeClock(Date.UTC(2026, 10, 27, 8, 0, 0))
  const clock: Clock = { now: () => fake.now(), sleep: (ms, signal) => fake.sleep(Math.ceil(ms), signal) }
  const sandbox = await startSandbox({ scale: values.scale as Scale, orgs, seed: Number(values.seed), clock })
  const temp = tempDir('switchboard-bench-first-sync-')
  const secretStore = new MemorySecretStore()
  const open = (): Core =>
    createCore({
      dataDir: temp.dir,
      secretStore,
      fetch: globalThis.fetch.bind(globalThis),
      clock,
      logger: createLogger(() => undefined, 'bench'),
      app: { name: 'Switchboard', version: '0.0.0-bench', platform: process.platform, host: 'browser-shell' },
      pace: { timeoutMs: 0 },
      fleetWarmDelayMs: 0,
    })
  let driving = true
  const driver = (async () => {
    while (driving) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (fake.pendingSleepers() > 0) fake.advanceToNext()
    }
  })()

  // What the owner token sees, per organisation (the focused one: the listing reaches it last).
  const access = sandbox.truth.orgAccess('owner')
  const visibleByOrg = new Map<number, number>()
  let lastListedOrg: number | null = null
  for (const p of sandbox.data.products) {
    const a = access.get(p.accountId)
    if (!a) continue
    const teams = sandbox.data.teams.filter((t) => t.accountId === p.accountId)
    if (!viewerRights(a, p, teams)) continue
    visibleByOrg.set(p.accountId, (visibleByOrg.get(p.accountId) ?? 0) + 1)
  }
  const visibleProducts = [...visibleByOrg.values()].reduce((n, c) => n + c, 0)

  let core = open()
  try {
    const token = sandbox.tokens['owner']
    if (!token) throw new Error('no owner token')
    const added = await core.services.accounts.add({ token, baseUrl: sandbox.url })
    const accountId = added.id
    const probeRequests = sandbox.requests.count()
    const t0 = clock.now()
    const marks: Record<
      'orgsListed' | 'opened' | 'focusedOrgProducts' | 'halfOfProducts' | 'allProducts',
      number | null
    > = {
      orgsListed: null,
      opened: null,
      focusedOrgProducts: null,
      halfOfProducts: null,
      allProducts: null,
    }
    let focus: number | null = null
    let interruptedAt: { page: number; pages: number | null } | null = null
    let quit = false
    const products = (c: Core): number =>
      c.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM products WHERE account_id = ?').get(accountId)!.n

    const watch = (c: Core): (() => void) =>
      c.onEvent((channel, payload) => {
        if (quit) return
        const now = clock.now() - t0
        if (channel === 'cache:changed') {
          const scopes = (payload as { scopes: string[] }).scopes
          if (scopes[0] === 'orgs' && marks.orgsListed === null) marks.orgsListed = now
          return
        }
        if (channel !== 'sync:progress') return
        const s = payload as SyncStatus
        if (marks.halfOfProducts === null && products(c) * 2 >= visibleProducts) marks.halfOfProducts = now
        if (focus !== null && marks.focusedOrgProducts === null && c.services.sync.productsComplete(accountId, focus))
          marks.focusedOrgProducts = now
        const listing = s.products?.listing ?? null
        if (s.products?.complete && marks.allProducts === null) marks.allProducts = now
        if (!listing || listing.pages === null) return
        if (focus === null && listing.pagesDone >= openAtPage) {
          // The user opens the organisation the listing would reach last, whose products are not there yet.
          const cached = new Set(
            c.db
              .prepare<[string], { org_id: number }>('SELECT DISTINCT org_id FROM products WHERE account_id = ?')
              .all(accountId)
              .map((r) => r.org_id),
          )
          const candidates = [...visibleByOrg.keys()].filter((o) => !cached.has(o)).sort((x, y) => x - y)
          lastListedOrg = candidates.at(-1) ?? null
          focus = lastListedOrg
          if (focus !== null) {
            marks.opened = now
            c.services.sync.start(accountId, { focusOrgId: focus })
          }
        }
        if (interruptedAt === null && listing.pagesDone * 2 >= listing.pages) {
          interruptedAt = { page: listing.pagesDone, pages: listing.pages }
          quit = true
        }
      })

    let off = watch(core)
    core.services.sync.start(accountId)
    // Run until the quit at 50 % of the listing (or the end, on a listing too short to be interrupted).
    while (!quit && core.services.sync.status(accountId)[0]!.state === 'syncing')
      await new Promise<void>((resolve) => setTimeout(resolve, 5))
    const beforeRestart = sandbox.requests.count()
    if (quit) {
      off()
      core.close()
      core = open()
      quit = false
      off = watch(core)
      core.services.sync.resumeInterrupted()
    }
    const done = async (): Promise<boolean> =>
      values.full ? core.services.sync.status(accountId)[0]!.state !== 'syncing' : marks.allProducts !== null
    while (!(await done())) {
      if (core.services.sync.status(accountId)[0]!.state !== 'syncing') break
      await new Promise<void>((resolve) => setTimeout(resolve, 5))
    }
    const endedAt = clock.now()
    off()
    core.services.sync.cancel(accountId)
    await core.services.sync.whenIdle(accountId)

    const log = sandbox.requests.list()
    const answeredBefore = new Set(
      log
        .slice(probeRequests, beforeRestart)
        .filter((r) => r.status === 200)
        .map((r) => `${r.method} ${r.path}`),
    )
    const after = log.slice(beforeRestart)
    const repeated = after.filter((r) => answeredBefore.has(`${r.method} ${r.path}`))
    const status = core.services.sync.status(accountId)[0]!
    return {
      secondsUntil: {
        orgsListed: seconds(marks.orgsListed),
        focusedOrgProducts:
          marks.focusedOrgProducts === null || marks.opened === null
            ? null
            : seconds(marks.focusedOrgProducts - marks.opened),
        halfOfProducts: seconds(marks.halfOfProducts),
        allProducts: seconds(marks.allProducts),
      },
      requests: log.length - probeRequests,
      repeatedRequestsAfterInterrupt: repeated.length,
      repeated: repeated.slice(0, 5).map((r) => r.path),
      goals: { orgsListedSeconds: '< 10', focusedOrgProductsSeconds: '< 5 after opening', repeatedAfterInterrupt: 0 },
      script: {
        focusedOrg: focus,
        focusedOrgProducts: focus === null ? null : (visibleByOrg.get(focus) ?? 0),
        openedAtSecond: seconds(marks.opened),
        openedAtListingPage: openAtPage,
        interruptedAtPage: interruptedAt,
        stoppedAt: values.full ? 'end of the sync' : 'every product cached',
        simulatedSeconds: seconds(endedAt - t0),
      },
      data: {
        orgs: sandbox.data.orgs.length,
        tokenSeesOrgs: access.size,
        tokenSeesProducts: visibleProducts,
        cachedProducts: products(core),
      },
      syncState: status.state,
      clock:
        'SIMULATED: one FakeClock shared by sandbox and core; the real pace (60 per 61 s); HTTP takes 0 simulated ms',
      wallMs: Math.round(performance.now() - wallStart),
      machine: { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 },
    }
  } finally {
    driving = false
    await driver
    core.close()
    await sandbox.stop()
    temp.cleanup()
  }
}
