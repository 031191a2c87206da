/**
 * Child process of the crash-safety test: opens a core on CRASH_DATA_DIR and syncs the account
 * whose token is in SB_TOKEN from the sandbox at CRASH_BASE_URL (fast pace, as the sandbox).
 * Adds the account on first run; resumes an interrupted run when the previous child was killed.
 *
 * Loading the modules takes a second or two (tsx, zod, the whole core), so the child first reports
 * `loaded` and waits for a `go` line on stdin: the test starts the next child while the current one
 * syncs, and only its kill timer (from `go`) decides where the crash lands.
 *
 * stdout, one word per line: `loaded`, `ready` (core open), `job` (a job committed), `done`.
 */
import { createCore } from '../../../electron/main/core'
import { systemClock } from '../../../electron/main/lib/clock'
import { createLogger } from '../../../electron/main/lib/logger'
import { MemorySecretStore } from '../../../electron/main/secrets/memory-secret-store'
import { FAST_PACE } from '../../helpers/core'

function waitForGo(): Promise<void> {
  return new Promise((go, fail) => {
    let input = ''
    process.stdin.setEncoding('utf8')
    process.stdin.on('data', (chunk: string) => {
      input += chunk
      if (input.includes('go\n')) {
        process.stdin.pause()
        go()
      }
    })
    process.stdin.on('end', () => fail(new Error('stdin closed before "go"')))
  })
}

async function main(): Promise<void> {
  process.stdout.write('loaded\n')
  await waitForGo()
  const dataDir = process.env['CRASH_DATA_DIR']
  const baseUrl = process.env['CRASH_BASE_URL']
  const token = process.env['SB_TOKEN']
  if (!dataDir || !baseUrl || !token) throw new Error('CRASH_DATA_DIR, CRASH_BASE_URL and SB_TOKEN are required')
  const core = createCore({
    dataDir,
    secretStore: new MemorySecretStore(),
    fetch: globalThis.fetch.bind(globalThis),
    clock: systemClock,
    logger: createLogger((r) => {
      if (r.level === 'error') process.stderr.write(`${JSON.stringify(r)}\n`)
    }),
    pace: FAST_PACE,
    app: { name: 'Switchboard', version: '0.0.0-crash', platform: process.platform, host: 'browser-shell' },
  })
  process.stdout.write('ready\n')
  core.onEvent((channel, payload) => {
    // Job commits announce their scopes; adding the account (['accounts']) and the end of a run ('sync') do not count.
    const scopes = channel === 'cache:changed' ? (payload as { scopes: string[] }).scopes : []
    if (scopes.length > 0 && !scopes.includes('sync') && scopes.join() !== 'accounts') {
      process.stdout.write('job\n')
    }
  })
  const { accounts, sync } = core.services
  let id = accounts.list()[0]?.id
  if (!id) id = (await accounts.add({ token, baseUrl, tokenEnv: 'SB_TOKEN' })).id
  if (!sync.resumeInterrupted().includes(id)) sync.start(id)
  await sync.whenIdle(id)
  const status = sync.status(id)[0]
  core.close()
  if (status?.state !== 'idle')
    throw new Error(`sync ended ${status?.state ?? 'unknown'}: ${JSON.stringify(status?.lastError ?? null)}`)
  process.stdout.write('done\n')
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
