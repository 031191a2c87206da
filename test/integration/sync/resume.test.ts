import { afterEach, describe, expect, it } from 'vitest'
import { syncFixture } from '../../helpers/sync'
import { FAST_PACE, systemClock, testCore } from '../../helpers/core'

describe('resume after restart', () => {
  let f: Awaited<ReturnType<typeof syncFixture>>
  afterEach(async () => f?.dispose())

  it('continues an interrupted run, skipping what was already synced during it', async () => {
    f = await syncFixture({ seed: 12, scale: 'demo', orgs: 8 })
    const accountId = await f.addAccount('owner')
    // Simulate a run killed half-way: a 'running' row, some jobs synced after it started.
    const runStart = Date.now()
    await new Promise((r) => setTimeout(r, 5))
    f.core.services.sync.start(accountId)
    await f.core.services.sync.whenIdle(accountId)
    const synced = f.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM sync_state WHERE account_id = ? AND synced_at > 0')
      .get(accountId)!.n
    // Mark half of the jobs as stale (as if the killed run had not reached them).
    f.db
      .prepare("UPDATE sync_state SET synced_at = ? WHERE account_id = ? AND resource = 'teams'")
      .run(runStart - 60_000, accountId)
    f.db
      .prepare("INSERT INTO sync_runs (account_id, started_at, status) VALUES (?, ?, 'running')")
      .run(accountId, runStart)
    const dataDir = f.ctx.dataDir
    f.core.close()

    // A new process (core) on the same data folder and keychain.
    const next = testCore({
      dataDir,
      fetch: globalThis.fetch.bind(globalThis),
      clock: systemClock,
      pace: FAST_PACE,
      secretStore: f.ctx.secretStore,
    })
    try {
      f.sandbox.requests.clear()
      expect(next.core.services.sync.resumeInterrupted()).toEqual([accountId])
      await next.core.services.sync.whenIdle(accountId)
      const teamJobs = next.core.db
        .prepare<[string], { n: number }>(
          "SELECT count(*) AS n FROM sync_state WHERE account_id = ? AND resource = 'teams'",
        )
        .get(accountId)!.n
      // Only the stale team jobs were fetched again.
      const paths = f.sandbox.requests.list().map((r) => r.path)
      expect(paths.every((p) => /\/teams/.test(p))).toBe(true)
      expect(paths).toHaveLength(teamJobs)
      expect(synced).toBeGreaterThan(teamJobs)
      const runs = next.core.db.prepare('SELECT status FROM sync_runs WHERE account_id = ? ORDER BY id').all(accountId)
      expect(runs.slice(-2)).toEqual([{ status: 'cancelled' }, { status: 'done' }])
    } finally {
      next.core.close()
    }
  })
})
