/**
 * `npm run bench -- reminders [--orgs 300] [--seed N] [--json]`
 *
 * Cost of the reminder rules on a real fleet: a large-scale sandbox (N organisations) is synced
 * through the real sync path (API client, engine, cache writer) with the rate limit raised so the
 * setup is quick; then the rules are timed as they run after each sync (in the core host, off the
 * UI process): the first evaluation (baseline), steady re-evaluations with nothing new, one that
 * finds a few hundred renewals at once, and the notification centre's reads.
 */
import { parseArgs } from 'node:util'
import { startSandbox } from '../../electron/sandbox'
import { systemClock, testCore } from '../helpers/core'
import { summarize } from './_stats'

const DAY_S = 86_400

export default async function bench(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: { orgs: { type: 'string', default: '300' }, seed: { type: 'string', default: '42' } },
    strict: true,
  })
  const orgs = Number(values.orgs)
  if (!Number.isInteger(orgs) || orgs < 1) throw new Error('--orgs takes a positive integer')
  const sandbox = await startSandbox({
    seed: Number(values.seed),
    scale: 'large',
    orgs,
    settings: { rateLimit: { limit: 100_000, windowMs: 1_000 } },
  })
  const ctx = testCore({
    fetch: globalThis.fetch.bind(globalThis),
    clock: systemClock,
    pace: { limit: 100_000, windowMs: 1_000, timeoutMs: 60_000 },
  })
  try {
    const t0 = performance.now()
    const added = await ctx.core.dispatch(
      'accounts:add',
      { token: sandbox.tokens.owner!, baseUrl: sandbox.url },
      { transport: 'test' },
    )
    if (!added.ok) throw new Error(added.error.reason)
    const accountId = (added.value as { id: string }).id
    await ctx.core.services.sync.whenIdle(accountId)
    const syncMs = performance.now() - t0
    const db = ctx.core.db
    const count = (sql: string): number => (db.prepare(sql).pluck().get(accountId) as number | undefined) ?? 0
    const fleet = {
      orgs: count('SELECT count(*) FROM orgs WHERE account_id = ?'),
      products: count('SELECT count(*) FROM products WHERE account_id = ?'),
      people: count('SELECT count(*) FROM org_users WHERE account_id = ?'),
    }
    const service = ctx.core.services.reminders
    // The evaluation the sync's end already ran is the first one; time one more from scratch.
    db.prepare('DELETE FROM reminder_cursor WHERE account_id = ?').run(accountId)
    db.prepare('DELETE FROM reminder_keys WHERE account_id = ?').run(accountId)
    const t1 = performance.now()
    const first = service.evaluate(accountId)
    const firstMs = performance.now() - t1

    const steady: number[] = []
    for (let i = 0; i < 20; i++) {
      const t = performance.now()
      if (service.evaluate(accountId).length !== 0) throw new Error('a steady evaluation created reminders')
      steady.push(performance.now() - t)
    }

    // A few hundred products enter their last 14 days at once (as after a long time offline).
    const nowS = Math.floor(Date.now() / 1000)
    const moved = db
      .prepare(
        `UPDATE products SET expired_at = ? + (id % 10) * ? WHERE account_id = ? AND id IN
           (SELECT id FROM products WHERE account_id = ? AND expired_at > ? ORDER BY id LIMIT 300)`,
      )
      .run(nowS + DAY_S, DAY_S, accountId, accountId, nowS + 60 * DAY_S).changes
    const t2 = performance.now()
    const burst = service.evaluate(accountId)
    const burstMs = performance.now() - t2
    const t3 = performance.now()
    const delivered = service.deliverDue()
    const deliverMs = performance.now() - t3

    const list: number[] = []
    const unread: number[] = []
    for (let i = 0; i < 50; i++) {
      let t = performance.now()
      service.list({ limit: 100 })
      list.push(performance.now() - t)
      t = performance.now()
      service.list({ unreadOnly: true, limit: 1 })
      unread.push(performance.now() - t)
    }
    return {
      orgs,
      fleet,
      setupSyncMs: Math.round(syncMs),
      firstEvaluation: { ms: Math.round(firstMs * 10) / 10, reminders: first.length },
      steadyEvaluationMs: summarize(steady),
      burstEvaluation: { productsMoved: moved, ms: Math.round(burstMs * 10) / 10, reminders: burst.length },
      deliverMs: Math.round(deliverMs * 10) / 10,
      announced: delivered.immediate.length + delivered.digest.length,
      listPage100Ms: summarize(list),
      unreadCountMs: summarize(unread),
    }
  } finally {
    ctx.dispose()
    await sandbox.stop()
  }
}
