import { afterEach, describe, expect, it } from 'vitest'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>

function snapshot(f: Fixture, accountId: string) {
  const q = (sql: string) => f.db.prepare(sql).all(accountId)
  return {
    orgs: q('SELECT id, name, role FROM orgs WHERE account_id = ? ORDER BY id'),
    products: q('SELECT id, customer_name, expired_at FROM products WHERE account_id = ? ORDER BY id'),
    rights: q(
      'SELECT product_id, user_id, technical, statistic, "check", sale FROM product_rights WHERE account_id = ? ORDER BY product_id, user_id',
    ),
    users: q('SELECT org_id, member_key, role_type FROM org_users WHERE account_id = ? ORDER BY org_id, member_key'),
    teams: q('SELECT org_id, id, name FROM teams WHERE account_id = ? ORDER BY org_id, id'),
    members: q(
      'SELECT org_id, team_id, user_id FROM team_members WHERE account_id = ? ORDER BY org_id, team_id, user_id',
    ),
  }
}

async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('sync fault matrix', () => {
  let f: Fixture
  afterEach(async () => f?.dispose())

  it('rides out a 429 storm by honouring Retry-After, and completes', async () => {
    f = await syncFixture({ seed: 3 })
    const accountId = await f.addAccount('owner')
    const before = snapshot(f, accountId)
    f.sandbox.control.setFaults({ rateLimitStorm: 2 })
    f.sandbox.requests.clear()
    const status = await f.sync(accountId)
    expect(status.state).toBe('idle')
    expect(status.lastError).toBeNull()
    const log = f.sandbox.requests.list()
    expect(log.filter((r) => r.status === 429)).toHaveLength(2)
    // After a 429 the client waits at least the Retry-After delay (1 s here) before the next request.
    const first429 = log.findIndex((r) => r.status === 429)
    expect(log[first429 + 1]!.at - log[first429]!.at).toBeGreaterThanOrEqual(900)
    expect(snapshot(f, accountId)).toEqual(before)
  })

  it('retries 5xx answers and completes', async () => {
    f = await syncFixture({ seed: 3 })
    const accountId = await f.addAccount('owner')
    const before = snapshot(f, accountId)
    f.sandbox.control.queueFaults({ kinds: ['error500', 'error503', 'error500'] })
    f.sandbox.requests.clear()
    const status = await f.sync(accountId)
    expect(status.state).toBe('idle')
    expect(status.lastError).toBeNull()
    expect(f.sandbox.requests.list().filter((r) => r.status >= 500)).toHaveLength(3)
    expect(snapshot(f, accountId)).toEqual(before)
  })

  it.each([
    ['malformed JSON', { malformedJsonRate: 1 }],
    ['5xx on every request', { errorRate: 1 }],
  ])('keeps the last good state when every answer is broken (%s) and names the cause', async (_name, faults) => {
    f = await syncFixture({ seed: 4 })
    const accountId = await f.addAccount('owner')
    const before = snapshot(f, accountId)
    f.sandbox.control.setFaults(faults)
    const status = await f.sync(accountId)
    expect(status.state).toBe('idle')
    expect(status.lastError).toEqual({ reason: 'sync.partsFailed', params: { count: status.issues.length } })
    expect(status.issues.length).toBeGreaterThan(0)
    expect(
      status.issues.every((i) => i.status === 'error' && i.problem !== null && i.problem.reason.startsWith('api.')),
    ).toBe(true)
    expect(snapshot(f, accountId)).toEqual(before)
    f.sandbox.control.clearFaults()
    const recovered = await f.sync(accountId)
    expect(recovered.issues).toEqual([])
    expect(recovered.lastError).toBeNull()
  })

  it('keeps the last good state on truncated bodies (a connection cut mid-body) and names the cause', async () => {
    f = await syncFixture({ seed: 4 })
    const accountId = await f.addAccount('owner')
    const before = snapshot(f, accountId)
    f.sandbox.control.setFaults({ truncatedBodyRate: 1 })
    const status = await f.sync(accountId)
    // A body cut by a closed connection is a transport failure: treated like a dropped connection.
    expect(['offline', 'idle']).toContain(status.state)
    expect(status.lastError?.reason).toMatch(
      /^(api\.network|api\.networkUnknown|api\.malformed\.truncated|sync\.partsFailed)$/,
    )
    expect(snapshot(f, accountId)).toEqual(before)
    f.core.services.sync.cancel(accountId)
  })

  it('goes offline on dropped connections, keeps the cache, and resumes by itself', async () => {
    f = await syncFixture({ seed: 5 })
    const accountId = await f.addAccount('owner')
    const before = snapshot(f, accountId)
    f.sandbox.control.setFaults({ dropConnectionRate: 1 })
    const status = await f.sync(accountId)
    expect(status.state).toBe('offline')
    expect(status.offlineSince).not.toBeNull()
    expect(status.nextAttemptAt).not.toBeNull()
    expect(status.lastError?.reason).toMatch(/^api\.network(Unknown)?$/)
    expect(snapshot(f, accountId)).toEqual(before)
    const account = await f.core.dispatch('accounts:list', {}, { transport: 'test' })
    expect(account.ok && (account.value as { state: string }[])[0]!.state).toBe('offline')

    f.sandbox.control.clearFaults()
    await waitFor(
      () =>
        f.core.services.sync.status(accountId)[0]!.state === 'idle' &&
        f.core.services.sync.status(accountId)[0]!.lastSyncAt! > status.startedAt!,
    )
    const after = f.core.services.sync.status(accountId)[0]!
    expect(after.offlineSince).toBeNull()
    expect(snapshot(f, accountId)).toEqual(before)
  })

  it('stops at once when the token is revoked mid-sync and marks the account', async () => {
    f = await syncFixture({ seed: 6, scale: 'demo', orgs: 12 })
    const accountId = await f.addAccount('owner')
    const before = snapshot(f, accountId)
    f.sandbox.requests.clear()
    let revoked = false
    const off = f.core.onEvent((channel, payload) => {
      if (channel === 'sync:progress' && !revoked && (payload as { done: number }).done >= 3) {
        revoked = true
        f.sandbox.control.revokeToken({ name: 'owner' })
      }
    })
    const status = await f.sync(accountId)
    off()
    expect(revoked).toBe(true)
    expect(status.state).toBe('token_rejected')
    expect(status.lastError).toEqual({ reason: 'api.tokenRejected' })
    const log = f.sandbox.requests.list()
    expect(log.filter((r) => r.status === 401)).toHaveLength(1)
    expect(log[log.length - 1]!.status).toBe(401)
    expect(snapshot(f, accountId)).toEqual(before)
    const accounts = await f.core.dispatch('accounts:list', {}, { transport: 'test' })
    expect(accounts.ok && (accounts.value as { state: string }[])[0]!.state).toBe('token_rejected')
    // No automatic retry of a rejected token.
    await new Promise((r) => setTimeout(r, 300))
    expect(f.sandbox.requests.list()).toHaveLength(log.length)
  })

  it('marks a resource "needs scope" once, for every organization, without retrying', async () => {
    f = await syncFixture({ seed: 8, settings: { routeScopes: { 'users.list': 'users' } } })
    const accountId = await f.addAccount('limited')
    const status = f.core.services.sync.status(accountId)[0]!
    const orgCount = (
      f.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM orgs WHERE account_id = ?').get(accountId) ?? {
        n: 0,
      }
    ).n
    expect(orgCount).toBeGreaterThan(1)
    const needs = status.issues.filter((i) => i.resource === 'users')
    expect(needs).toHaveLength(orgCount)
    expect(needs.every((i) => i.status === 'needs_scope' && i.scope === 'users')).toBe(true)
    const userListCalls = f.sandbox.requests.list().filter((r) => /^\/2\/accounts\/\d+\/users/.test(r.path))
    expect(userListCalls).toHaveLength(1)
    expect(userListCalls[0]!.status).toBe(403)
    // The rest of the cache is there.
    expect(
      (
        f.db
          .prepare<[string], { n: number }>('SELECT count(*) AS n FROM products WHERE account_id = ?')
          .get(accountId) ?? { n: 0 }
      ).n,
    ).toBeGreaterThan(0)
  })

  it('cancels a running sync without writing a partial job', async () => {
    f = await syncFixture({ seed: 9, scale: 'demo', orgs: 12, faults: { latencyMs: 30 } })
    const accountId = await f.addAccount('owner')
    const before = snapshot(f, accountId)
    f.core.services.sync.start(accountId)
    await waitFor(() => f.core.services.sync.status(accountId)[0]!.done >= 2)
    const cancelled = await f.core.dispatch('sync:cancel', { accountId }, { transport: 'test' })
    expect(cancelled.ok).toBe(true)
    await f.core.services.sync.whenIdle(accountId)
    const status = f.core.services.sync.status(accountId)[0]!
    expect(status.state).toBe('idle')
    expect(status.done).toBeLessThan(status.planned)
    expect(snapshot(f, accountId)).toEqual(before)
    const run = f.db
      .prepare('SELECT status FROM sync_runs WHERE account_id = ? ORDER BY id DESC LIMIT 1')
      .get(accountId)
    expect(run).toEqual({ status: 'cancelled' })
  })
})
