/**
 * `npm run bench -- core-blocking [--orgs 1000] [--profile faithful|live-shapes] [--json]`
 *
 * The longest synchronous block of the process running the core during a first sync: the core runs in
 * this process (as in the core host), the sandbox in a process of its own (large data, 2,000 requests per
 * second, so the sync is bound by the machine: HTTP, validation and SQLite writes, not by the rate limit).
 * Measured with `perf_hooks.monitorEventLoopDelay({ resolution: 1 })` from `accounts:add` to the end of the
 * sync; the longest stalls are also timed one by one (a 1 ms interval timer that notes how late it fires)
 * and labelled with the sync job that was running, so a figure names its cause.
 */
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { createCore } from '../../electron/main/core'
import { systemClock } from '../../electron/main/lib/clock'
import { createLogger } from '../../electron/main/lib/logger'
import { MemorySecretStore } from '../../electron/main/secrets/memory-secret-store'
import type { SyncStatus } from '../../shared/domain/cache'
import { tempDir } from '../helpers/temp'
import { eventLoopMonitor, stallTicker } from './_event-loop'
import { startSandboxProcess } from './_sandbox-process'

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: { orgs: { type: 'string', default: '1000' }, profile: { type: 'string', default: 'faithful' } },
    strict: true,
  })
  const orgs = Number(values.orgs)
  if (!Number.isInteger(orgs) || orgs < 1) throw new Error('--orgs takes a positive integer')
  const temp = tempDir('switchboard-bench-blocking-')
  const sandbox = await startSandboxProcess({ orgs, profile: values.profile })
  const core = createCore({
    dataDir: temp.dir,
    secretStore: new MemorySecretStore(),
    fetch: globalThis.fetch.bind(globalThis),
    clock: systemClock,
    logger: createLogger(() => undefined, 'bench'),
    app: { name: 'Switchboard', version: '0.0.0-bench', platform: process.platform, host: 'browser-shell' },
    pace: { limit: 2_000, windowMs: 1_000, timeoutMs: 60_000 },
    fleetWarmDelayMs: 0,
  })
  let current = 'idle'
  const off = core.onEvent((channel, payload) => {
    if (channel !== 'sync:progress') return
    const s = payload as SyncStatus
    current = s.current ? `${s.current.resource}${s.current.orgId ? ' of one organisation' : ''}` : s.state
  })
  // The longest stalls, one by one, with the job that ran.
  const stalls = stallTicker(() => current)
  const loop = eventLoopMonitor()
  let stopped: ReturnType<typeof stalls.stop> | undefined
  try {
    loop.start()
    const started = performance.now()
    const added = await core.dispatch(
      'accounts:add',
      { token: sandbox.token, baseUrl: sandbox.url },
      { transport: 'test' },
    )
    if (!added.ok) throw new Error(`accounts:add: ${added.error.code} ${added.error.reason}`)
    const accountId = (added.value as { id: string }).id
    await core.services.sync.whenIdle(accountId)
    const syncMs = Math.round(performance.now() - started)
    const coreProcess = loop.stop()
    stopped = stalls.stop()
    const status = core.services.sync.status(accountId)[0]!
    return {
      profile: values.profile,
      orgs,
      coreProcess: {
        maxEventLoopDelayMs: coreProcess.maxEventLoopDelayMs,
        p99EventLoopDelayMs: coreProcess.p99EventLoopDelayMs,
        p50EventLoopDelayMs: coreProcess.p50EventLoopDelayMs,
        samples: coreProcess.samples,
      },
      longestStalls: stopped.longest.slice(0, 8),
      stallsOver20msByJob: stopped.byLabel,
      sync: { state: status.state, requests: status.requests, ms: syncMs },
      cachedProducts: core.services.queries.orgs(accountId).reduce((n, o) => n + o.productCount, 0),
      machine: { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 },
    }
  } finally {
    if (!stopped) stalls.stop()
    off()
    core.close()
    await sandbox.stop()
    temp.cleanup()
  }
}
