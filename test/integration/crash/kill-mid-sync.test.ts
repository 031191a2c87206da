/**
 * Crash safety: a child process syncing (tsx, its own core on a shared data dir) is killed with
 * SIGKILL at seeded random points, again and again on the same data dir. After every kill the
 * database must pass `PRAGMA integrity_check` and hold only complete job states (see
 * check-cache.ts); finally one child runs to the end and the cache equals the sandbox truth.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, viewerRights, type Sandbox } from '../../../electron/sandbox'
import { copyDataDir, openDataDir } from '../../helpers/stores'
import { tempDir } from '../../helpers/temp'
import { checkCache } from './check-cache'

const ROOT = resolve(__dirname, '../../..')
const CHILD = 'test/integration/crash/sync-child.ts'
const KILLS = 20
const SEED = 20_261_127

/** mulberry32: a small seeded PRNG, so that a failing schedule can be replayed. */
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

interface ChildRun {
  /** True when our SIGKILL ended the child (false: it exited on its own first). */
  killed: boolean
  code: number | null
  /** From "go" to the end. */
  elapsedMs: number
  jobs: number
  stderr: string
}

interface Child {
  /** Resolves once the modules are loaded and the child waits for "go". */
  loaded: Promise<void>
  /** Lets the child open the core and sync; kills it with SIGKILL after `killAfterMs` (never when null). */
  go(killAfterMs: number | null): Promise<ChildRun>
  /** Ends a child that was never started. */
  discard(): void
}

function spawnChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  let killed = false
  let started = 0
  let onLoaded: () => void = () => undefined
  const loaded = new Promise<void>((done) => (onLoaded = done))
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d
    if (stdout.startsWith('loaded\n')) onLoaded()
  })
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
    child.on('error', fail)
    child.on('close', (code, signal) => done({ code, signal }))
  })
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
  const ready = Promise.race([
    loaded,
    closed.then(({ code, signal }) => {
      throw new Error(`child exited (${code ?? signal}) before loading: ${stderr}`)
    }),
  ])
  // A discarded child never loads: its rejection is expected, and only awaited for children in use.
  ready.catch(() => undefined)
  return {
    loaded: ready,
    async go(killAfterMs) {
      started = performance.now()
      child.stdin.write('go\n')
      const timer =
        killAfterMs === null
          ? null
          : setTimeout(() => {
              killed = child.kill('SIGKILL')
            }, killAfterMs)
      const { code, signal } = await closed
      if (timer) clearTimeout(timer)
      clearTimeout(guard)
      return {
        killed: killed && signal === 'SIGKILL',
        code,
        elapsedMs: performance.now() - started,
        jobs: stdout.split('\n').filter((l) => l === 'job').length,
        stderr,
      }
    },
    discard() {
      clearTimeout(guard)
      child.kill('SIGKILL')
    },
  }
}

async function runToEnd(env: Record<string, string>): Promise<ChildRun> {
  const child = spawnChild(env)
  await child.loaded
  return child.go(null)
}

function inspect(dataDir: string): string[] {
  const db = openDataDir(dataDir)
  try {
    return checkCache(db)
  } finally {
    db.close()
  }
}

describe('crash safety', () => {
  let sandbox: Sandbox
  let temp: { dir: string; cleanup: () => void }

  beforeAll(async () => {
    // The faithful rule (60 per window, sliding) with a 1 s window, on both sides.
    sandbox = await startSandbox({ scale: 'demo', seed: 8, settings: { rateLimit: { limit: 60, windowMs: 1_000 } } })
    temp = tempDir('switchboard-crash-')
  })
  afterAll(async () => {
    await sandbox?.stop()
    temp?.cleanup()
  })

  it(`keeps the last complete state through ${KILLS} SIGKILLs mid-sync`, async () => {
    const dataDir = join(temp.dir, 'cache')
    const file = join(dataDir, 'user.sqlite')
    const env = { CRASH_DATA_DIR: dataDir, CRASH_BASE_URL: sandbox.url, SB_TOKEN: sandbox.tokens['owner'] ?? '' }

    // How long a complete run takes (from "go": core open, account added, full sync), on a scratch data dir.
    const calibration = await runToEnd({ ...env, CRASH_DATA_DIR: join(temp.dir, 'calibration') })
    expect(calibration.code, calibration.stderr).toBe(0)
    const span = calibration.elapsedMs

    const random = prng(SEED)
    const kills: (ChildRun & { delay: number })[] = []
    let finishedEarly = 0
    // The next children load their modules while the current one syncs; they touch nothing before "go".
    const queue = [spawnChild(env), spawnChild(env), spawnChild(env)]
    const take = (): Child => {
      queue.push(spawnChild(env))
      return queue.shift()!
    }
    while (kills.length < KILLS) {
      const current = take()
      await current.loaded
      const delay = Math.round(50 + random() * (span - 50))
      const run = await current.go(delay)
      if (!run.killed) {
        // Exited before the kill fired: a finished sync (or a failure, which must not happen).
        expect(run.code, run.stderr).toBe(0)
        finishedEarly++
      } else {
        kills.push({ ...run, delay })
      }
      if (existsSync(file)) expect(inspect(dataDir), `after a kill at ${delay} ms (${run.jobs} jobs done)`).toEqual([])
    }
    // The kills landed all over the run: while the core opened, between jobs, late in the sync.
    const midSync = kills.filter((k) => k.jobs > 0).length
    console.info(
      `crash test: full run ${Math.round(span)} ms; ${kills.length} kills at ${kills.map((k) => `${k.delay} ms/${k.jobs} jobs`).join(', ')}; ${finishedEarly} run(s) finished before their kill; ${sandbox.requests.count({ status: 429 })} answers 429`,
    )
    expect(midSync, `kills after at least one committed job: ${midSync}`).toBeGreaterThanOrEqual(KILLS / 4)
    expect(finishedEarly).toBeLessThan(KILLS)

    // One child runs to the end: the cache equals the sandbox truth.
    const last = queue.shift()!
    for (const idle of queue.splice(0)) idle.discard()
    await last.loaded
    const finished = await last.go(null)
    expect(finished.code, finished.stderr).toBe(0)
    expect(inspect(dataDir)).toEqual([])

    const db = openDataDir(dataDir, { readonly: true })
    try {
      const access = sandbox.truth.orgAccess('owner')
      const data = sandbox.data
      let visible = 0
      for (const a of access.values()) {
        const teams = data.teams.filter((t) => t.accountId === a.orgId)
        visible += data.products.filter((p) => p.accountId === a.orgId && viewerRights(a, p, teams)).length
      }
      const n = (sql: string, ...params: number[]): number =>
        db.prepare<number[], { n: number }>(sql).get(...params)?.n ?? -1
      expect(n('SELECT count(*) AS n FROM accounts')).toBe(1)
      expect(n('SELECT count(*) AS n FROM orgs')).toBe(access.size)
      expect(n('SELECT count(*) AS n FROM products')).toBe(visible)
      expect(n("SELECT count(*) AS n FROM sync_state WHERE status != 'ok'")).toBe(0)
      for (const orgId of access.keys()) {
        const users =
          data.memberships.filter((m) => m.accountId === orgId).length +
          data.invitations.filter((i) => i.accountId === orgId && i.status === 'pending').length
        expect(n('SELECT count(*) AS n FROM org_users WHERE org_id = ?', orgId), `users of ${orgId}`).toBe(users)
        expect(n('SELECT count(*) AS n FROM teams WHERE org_id = ?', orgId), `teams of ${orgId}`).toBe(
          data.teams.filter((t) => t.accountId === orgId).length,
        )
      }
    } finally {
      db.close()
    }
  }, 300_000)

  it('the invariants catch a torn write (the check can fail)', async () => {
    // A complete cache (the one left by the previous test, or a fresh run), copied and then damaged.
    const source = join(temp.dir, 'calibration')
    if (!existsSync(join(source, 'user.sqlite'))) {
      const run = await runToEnd({
        CRASH_DATA_DIR: join(temp.dir, 'calibration'),
        CRASH_BASE_URL: sandbox.url,
        SB_TOKEN: sandbox.tokens['owner'] ?? '',
      })
      expect(run.code, run.stderr).toBe(0)
    }
    const damage: Record<string, string> = {
      'half of the products written': 'DELETE FROM products WHERE rowid % 2 = 0',
      'rights left behind': 'DELETE FROM products WHERE id IN (SELECT product_id FROM product_rights LIMIT 1)',
      'users without their sync state': "DELETE FROM sync_state WHERE resource = 'users'",
      'one member missing': 'DELETE FROM org_users WHERE rowid IN (SELECT min(rowid) FROM org_users)',
      'history from a partial diff': `INSERT INTO access_history (account_id, org_id, at, kind, subject_key, object_type)
        SELECT id, 1, 0, 'member_added', 'u:1', 'org' FROM accounts`,
    }
    for (const [name, sql] of Object.entries(damage)) {
      const copy = join(temp.dir, `torn-${Object.keys(damage).indexOf(name)}`)
      await copyDataDir(source, copy)
      const torn = openDataDir(copy)
      try {
        expect(checkCache(torn), 'intact copy').toEqual([])
        torn.exec(sql)
        expect(checkCache(torn), name).not.toEqual([])
      } finally {
        torn.close()
      }
    }
  }, 60_000)
})
