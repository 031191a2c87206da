/**
 * Sync engine fixes of issue 10 item 6: an organisation refresh no longer drops a full run that waits for its
 * offline retry, "last full sync" comes only from a run that synced every organisation, and a missing token
 * source is its own state.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>

const lastFull = (f: Fixture, accountId: string): number | null =>
  f.db.prepare<[string], { t: number | null }>('SELECT last_sync_at AS t FROM accounts WHERE id = ?').get(accountId)
    ?.t ?? null

describe('sync engine fixes', () => {
  let f: Fixture
  afterEach(async () => f?.dispose())

  it('an organisation refresh does not mark a full sync, nor drop the full run waiting for its retry', async () => {
    // A long offline backoff: the retry never fires by itself during the test.
    f = await syncFixture({ scale: 'tiny', seed: 9, pace: { offlineRetryMs: { first: 600_000, max: 600_000 } } })
    const accountId = await f.addAccount('owner')
    const engine = f.core.services.sync
    const first = lastFull(f, accountId)
    expect(first).not.toBeNull()
    const orgId = f.db
      .prepare<[string], { id: number }>('SELECT id FROM orgs WHERE account_id = ? ORDER BY id LIMIT 1')
      .get(accountId)!.id

    // A refresh of one organisation alone is not a full sync.
    const refreshed = await f.sync(accountId, { orgId })
    expect(refreshed.state).toBe('idle')
    expect(lastFull(f, accountId)).toBe(first)

    // A full run goes offline and waits for its retry...
    f.sandbox.control.setFaults({ dropConnectionRate: 1 })
    const offline = await f.sync(accountId)
    expect(offline.state).toBe('offline')
    expect(offline.nextAttemptAt).not.toBeNull()
    expect(lastFull(f, accountId)).toBe(first)

    // ...the user refreshes one organisation meanwhile: the full run resumes right after it, and only that sets
    // "last full sync".
    f.sandbox.control.setFaults({ dropConnectionRate: 0 })
    f.sandbox.requests.clear()
    engine.start(accountId, { orgId })
    await engine.whenIdle(accountId)
    const after = engine.status(accountId)[0]!
    expect(after.state).toBe('idle')
    expect(after.nextAttemptAt).toBeNull()
    const paths = f.sandbox.requests.list().map((r) => r.path.split('?')[0])
    // The refresh first (the organisation's products, users, teams), then the resumed full run, which skips the
    // organisation the refresh just synced.
    expect(paths.slice(0, 3)).toEqual(['/1/products', `/2/accounts/${orgId}/users`, `/1/accounts/${orgId}/teams`])
    expect(f.sandbox.requests.list()[0]!.path).toContain(`account_id=${orgId}`)
    expect(paths).toContain('/1/accounts')
    expect(paths).toContain('/1/products')
    expect(paths.filter((p) => p === `/2/accounts/${orgId}/users`)).toHaveLength(1)
    const runs = f.db
      .prepare<[string], { status: string }>('SELECT status FROM sync_runs WHERE account_id = ? ORDER BY id')
      .all(accountId)
      .map((r) => r.status)
    expect(runs.slice(-3)).toEqual(['failed', 'done', 'done'])
    expect(lastFull(f, accountId)).toBeGreaterThan(first!)
  })

  it('a missing token source is "token missing", not "token rejected"', async () => {
    f = await syncFixture({ scale: 'tiny', seed: 9 })
    const accountId = await f.addAccount('owner')
    await f.ctx.secretStore.delete(`token:${accountId}`)
    const status = await f.sync(accountId)
    expect(status.state).toBe('token_missing')
    expect(status.lastError).toMatchObject({ reason: expect.stringMatching(/token/i) })
    // The run is recorded as failed, with its reason (kept in the cache store: known after a restart).
    expect(status.lastRun).toMatchObject({
      kind: 'full',
      outcome: 'failed',
      complete: false,
      problem: { reason: expect.stringMatching(/token/i) },
    })
    const account = f.db.prepare<[string], { state: string }>('SELECT state FROM accounts WHERE id = ?').get(accountId)
    expect(account?.state).not.toBe('token_rejected')
  })
})
