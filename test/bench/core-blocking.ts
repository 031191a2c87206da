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
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { cpus, loadavg } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../../electron/main/core'
import { systemClock } from '../../electron/main/lib/clock'
import { createLogger } from '../../electron/main/lib/logger'
import { MemorySecretStore } from '../../electron/main/secrets/memory-secret-store'
import type { SyncStatus } from '../../shared/domain/cache'
import { tempDir } from '../helpers/temp'

const root = resolve(__dirname, '../..')

async function startSandboxProcess(
  orgs: number,
  profile: string,
): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/sandbox/cli.ts',
      '--scale',
      'large',
      '--orgs',
      String(orgs),
      '--profile',
      profile,
      '--rate-limit',
      '2000/1000',
      '--print-json',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let buffer = ''
  const line = await new Promise<string>((resolveLine, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      const end = buffer.indexOf('\n')
      if (end >= 0) resolveLine(buffer.slice(0, end))
    })
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code})`)))
  })
  const info = JSON.parse(line) as { url: string; tokens: Record<string, string> }
  return { child, url: info.url, token: info.tokens['owner']! }
}

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: { orgs: { type: 'string', default: '1000' }, profile: { type: 'string', default: 'faithful' } },
    strict: true,
  })
  const orgs = Number(values.orgs)
  if (!Number.isInteger(orgs) || orgs < 1) throw new Error('--orgs takes a positive integer')
  const temp = tempDir('switchboard-bench-blocking-')
  const sandbox = await startSandboxProcess(orgs, values.profile)
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
  const stalls: { ms: number; during: string }[] = []
  // A block runs between two ticks: it belongs to the job noted at the tick before it (the job that was running
  // when the block began), not to the one that runs after it.
  let last = performance.now()
  let before = current
  const ticker = setInterval(() => {
    const now = performance.now()
    const late = now - last - 1
    last = now
    if (late >= 20) stalls.push({ ms: Math.round(late), during: before })
    before = current
  }, 1)
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  try {
    histogram.enable()
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
    histogram.disable()
    const status = core.services.sync.status(accountId)[0]!
    const ms = (ns: number): number => Math.round((ns / 1e6) * 10) / 10
    stalls.sort((a, b) => b.ms - a.ms)
    const byJob: Record<string, { count: number; maxMs: number }> = {}
    for (const s of stalls) {
      const entry = (byJob[s.during] ??= { count: 0, maxMs: 0 })
      entry.count++
      entry.maxMs = Math.max(entry.maxMs, s.ms)
    }
    return {
      profile: values.profile,
      orgs,
      coreProcess: {
        maxEventLoopDelayMs: ms(histogram.max),
        p99EventLoopDelayMs: ms(histogram.percentile(99)),
        p50EventLoopDelayMs: ms(histogram.percentile(50)),
        samples: histogram.count,
      },
      longestStalls: stalls.slice(0, 8),
      stallsOver20msByJob: byJob,
      sync: { state: status.state, requests: status.requests, ms: syncMs },
      cachedProducts: core.services.queries.orgs(accountId).reduce((n, o) => n + o.productCount, 0),
      machine: { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 },
    }
  } finally {
    clearInterval(ticker)
    off()
    core.close()
    sandbox.child.kill('SIGTERM')
    if (sandbox.child.exitCode === null) await once(sandbox.child, 'exit')
    temp.cleanup()
  }
}
