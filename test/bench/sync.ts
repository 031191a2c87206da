/**
 * `npm run bench -- sync --orgs 40|300|1000 [--scale large|demo] [--seed N] [--profile faithful|live-shapes] [--json]`
 *
 * A full first sync of the `owner` token against a sandbox at the FAITHFUL rate limit (60 requests
 * per 60 s, sliding, per token) with the core at its default pace (60 per 61 s), on a SIMULATED clock:
 * one FakeClock is shared by the sandbox (rate limiter, request log) and the core (limiter, retries),
 * and a driver jumps it to the next timer whenever the process waits on one. HTTP is real (loopback)
 * and takes no simulated time, so "simulated minutes" is pure rate-limit pacing: a sync that would take
 * 40 real minutes runs in seconds or minutes of wall time. The API client's per-request timeout is
 * disabled (`pace.timeoutMs: 0`), since it would run on the same jumping clock.
 *
 * The account is added first (profile + scope probes, as in the app); the sync starts right after, as
 * `accounts:add` does. `--settle` waits one window between the two (see the report's 429 figures).
 *
 * `--profile live-shapes` serves the reference's §15 variants: the report then counts what the fallbacks cost
 * (the per-product rights probe, `with=` refusals answered 422 and retried, one member list per team) and the
 * extra product pages of the server's smaller page cap.
 */
import { statSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../../electron/main/core'
import { FakeClock, type Clock } from '../../electron/main/lib/clock'
import { createLogger } from '../../electron/main/lib/logger'
import { MemorySecretStore } from '../../electron/main/secrets/memory-secret-store'
import { endpointOf } from '../../electron/main/api/items'
import {
  SANDBOX_PROFILES,
  startSandbox,
  viewerRights,
  type RequestLogEntry,
  type SandboxProfile,
  type Scale,
} from '../../electron/sandbox'
import { tempDir } from '../helpers/temp'

const MINUTE = 60_000

/** Most entries in any window of `windowMs` (the sandbox's sliding rule, checked after the fact). */
function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0
  let start = 0
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      orgs: { type: 'string', default: '40' },
      scale: { type: 'string', default: 'large' },
      seed: { type: 'string', default: '42' },
      settle: { type: 'boolean', default: false },
      profile: { type: 'string', default: 'faithful' },
    },
    strict: true,
  })
  const orgs = Number(values.orgs)
  if (!Number.isInteger(orgs) || orgs < 1) throw new Error('--orgs takes a positive integer')
  if (!['tiny', 'demo', 'large'].includes(values.scale)) throw new Error('--scale: tiny, demo or large')
  const scale = values.scale as Scale
  if (!(SANDBOX_PROFILES as readonly string[]).includes(values.profile))
    throw new Error(`--profile: ${SANDBOX_PROFILES.join(' or ')}`)
  const profile = values.profile as SandboxProfile
  const wallStart = performance.now()

  const fake = new FakeClock(Date.UTC(2026, 10, 27, 8, 0, 0))
  // Whole milliseconds, like setTimeout and Date.now(): the limiter's spacing is 61000/60 ms, and a
  // FakeClock would otherwise reach fractional times, which STRICT INTEGER columns refuse.
  const clock: Clock = {
    now: () => fake.now(),
    sleep: (ms, signal) => fake.sleep(Math.ceil(ms), signal),
  }
  const sandbox = await startSandbox({ scale, orgs, seed: Number(values.seed), clock, profile })
  const temp = tempDir('switchboard-bench-sync-')
  let warnings = 0
  const core = createCore({
    dataDir: temp.dir,
    secretStore: new MemorySecretStore(),
    fetch: globalThis.fetch.bind(globalThis),
    clock,
    logger: createLogger((r) => {
      if (r.level === 'warn' || r.level === 'error') warnings++
    }, 'bench'),
    app: { name: 'Switchboard', version: '0.0.0-bench', platform: process.platform, host: 'browser-shell' },
    // The default pace (60 per 61 s), without the timeout that would fire when the clock jumps.
    pace: { timeoutMs: 0 },
  })

  // The driver: whenever someone sleeps on the fake clock, let pending I/O and callbacks run one
  // macrotask turn, then jump to the earliest deadline. The sync is sequential (one request at a
  // time), so a sleeper means the process is waiting on the limiter, not on the network.
  let driving = true
  let jumps = 0
  const driver = (async () => {
    while (driving) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (fake.pendingSleepers() > 0 && fake.advanceToNext()) jumps++
    }
  })()

  try {
    const token = sandbox.tokens['owner']
    if (!token) throw new Error('no owner token')
    const added = await core.services.accounts.add({ token, baseUrl: sandbox.url })
    const probeRequests = sandbox.requests.count()
    if (values.settle) await clock.sleep(sandbox.settings.rateLimit.windowMs)

    const simStart = clock.now()
    const syncWallStart = performance.now()
    core.services.sync.start(added.id)
    await core.services.sync.whenIdle(added.id)
    const syncWallMs = performance.now() - syncWallStart
    const simMs = clock.now() - simStart
    const status = core.services.sync.status(added.id)[0]!

    const log: RequestLogEntry[] = sandbox.requests.list()
    const syncLog = log.slice(probeRequests)
    const times = syncLog.map((r) => r.at)
    const first = times[0] ?? simStart
    const last = times.at(-1) ?? simStart
    // Achieved rate: requests per minute between the first and the last request of the sync.
    const perMinute = times.length > 1 && last > first ? ((times.length - 1) / (last - first)) * MINUTE : null

    core.db.pragma('wal_checkpoint(TRUNCATE)')
    const dbBytes = ['user.sqlite', 'cache.sqlite'].reduce((n, f) => n + statSync(join(temp.dir, f)).size, 0)

    // What the cache holds against what the sandbox says the token sees.
    const access = sandbox.truth.orgAccess('owner')
    let visibleProducts = 0
    for (const a of access.values()) {
      const teams = sandbox.data.teams.filter((t) => t.accountId === a.orgId)
      for (const p of sandbox.data.products) if (p.accountId === a.orgId && viewerRights(a, p, teams)) visibleProducts++
    }
    const cachedOrgs = core.services.queries.orgs(added.id)
    const cachedProducts = cachedOrgs.reduce((n, o) => n + o.productCount, 0)

    // Requests per endpoint, and what the fallbacks of the live shapes cost.
    const byEndpoint: Record<string, number> = {}
    for (const r of syncLog) {
      const key = endpointOf(r.method, r.path)
      byEndpoint[key] = (byEndpoint[key] ?? 0) + 1
    }
    const teamMemberLists = byEndpoint['GET /1/accounts/{org}/teams/{team}/users'] ?? 0
    const refused422 = syncLog.filter((r) => r.status === 422).length
    const productProbes = syncLog.filter(
      (r) => r.path.startsWith('/1/products') && /[?&]per_page=1(&|$)/.test(r.path),
    ).length

    return {
      profile,
      fallbacks: {
        teamMemberLists,
        refusedAndRetried422: refused422,
        productRightsProbes: productProbes,
        total: teamMemberLists + refused422 + productProbes,
        note: 'requests a faithful server would not need: one member list per team (users without teams), 422 answers to refused with=/per_page, the one-item probes for per-product rights',
      },
      requestsByEndpoint: byEndpoint,
      clock: 'SIMULATED: one FakeClock shared by sandbox and core; HTTP on loopback takes 0 simulated ms',
      rateLimit: {
        sandbox: `${sandbox.settings.rateLimit.limit} per ${sandbox.settings.rateLimit.windowMs} ms, ${sandbox.settings.rateLimit.mode}, per ${sandbox.settings.rateLimit.key}`,
        core: '60 per 61000 ms (DEFAULT_PACE), spaced',
      },
      data: {
        scale,
        orgs: sandbox.data.orgs.length,
        products: sandbox.data.products.length,
        users: sandbox.data.users.length,
        tokenSeesOrgs: access.size,
        tokenSeesProducts: visibleProducts,
      },
      cache: {
        orgs: cachedOrgs.length,
        products: cachedProducts,
        complete: cachedProducts === visibleProducts && cachedOrgs.length === access.size,
      },
      syncState: status.state,
      syncIssues: status.issues.length,
      requests: syncLog.length,
      requestsCountedByEngine: status.requests,
      probeRequestsBeforeSync: probeRequests,
      settledOneWindowBeforeSync: values.settle,
      simulatedMinutes: Math.round((simMs / MINUTE) * 100) / 100,
      requestsPerSimulatedMinute: perMinute === null ? null : Math.round(perMinute * 100) / 100,
      percentOf60: perMinute === null ? null : Math.round((perMinute / 60) * 1000) / 10,
      rateNote: '(requests - 1) / (last request - first request); goal >= 95% of 60',
      maxRequestsInAny60s: maxInWindow(
        log.map((r) => r.at),
        MINUTE,
      ),
      responses429: log.filter((r) => r.status === 429).length,
      responses429DuringSync: syncLog.filter((r) => r.status === 429).length,
      coreWarnings: warnings,
      clockJumps: jumps,
      syncWallMs: Math.round(syncWallMs),
      wallMs: Math.round(performance.now() - wallStart),
      dbBytes,
      dbMiB: Math.round((dbBytes / 1024 / 1024) * 10) / 10,
      // Linux reports maxRSS in KiB. The sandbox (and its generated data) lives in this process too.
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      peakRssNote: 'whole process: core + in-process sandbox with its generated data',
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
