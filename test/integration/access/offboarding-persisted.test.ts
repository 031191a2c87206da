import { afterEach, describe, expect, it } from 'vitest'
import type { OffboardingRun, OffboardingRunSummary } from '../../../shared/domain/access'
import { readFileSync } from 'node:fs'
import type { DeliveredFile } from '../../../shared/domain/files'
import { testCore } from '../../helpers/core'
import { syncFixture } from '../../helpers/sync'

describe('offboarding runs survive a restart', () => {
  let f: Awaited<ReturnType<typeof syncFixture>> | undefined
  const cleanups: (() => void)[] = []
  afterEach(async () => {
    cleanups.splice(0).forEach((c) => c())
    await f?.dispose()
    f = undefined
  })

  it('plan, applied steps, verification and report read back after a restart, per person and per organization', async () => {
    f = await syncFixture({ seed: 11, scale: 'demo', orgs: 4 })
    const fx = f
    const accountId = await fx.addAccount('owner')
    const org = fx.db
      .prepare<[string], { id: number; name: string }>(
        "SELECT id, name FROM orgs WHERE account_id = ? AND role IN ('owner', 'admin') ORDER BY id LIMIT 1",
      )
      .get(accountId)!
    const email = 'persist.depart@example.ch'
    const { userId } = fx.sandbox.control.addMember({ accountId: org.id, email, role: 'normal' }) as {
      userId: number
    }
    const team = fx.sandbox.data.teams.find((t) => t.accountId === org.id)!
    fx.sandbox.control.addTeamMembers({ teamId: team.id, userIds: [userId] })
    await fx.sync(accountId)

    const started = await fx.core.dispatch(
      'access:offboarding-apply',
      { email, targets: [{ accountId, orgId: org.id }], confirmOrgNames: [org.name] },
      { transport: 'test' },
    )
    if (!started.ok) throw new Error(started.error.reason)
    const runId = (started.value as OffboardingRun).runId
    const finished = await fx.core.services.access.whenRunDone(runId)
    expect(finished.state).toBe('done')
    expect(finished.steps.find((s) => s.kind === 'remove_from_team')).toMatchObject({
      outcome: 'applied',
      verified: true,
    })

    // Restart: a new core on the same data folder.
    const dataDir = fx.ctx.dataDir
    fx.ctx.core.close()
    const next = testCore({ dataDir })
    cleanups.push(() => next.core.close())
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await next.core.dispatch(channel, input, { transport: 'test' })
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.reason}`)
      return r.value as T
    }
    const again = await call<OffboardingRun>('access:offboarding-run', { runId })
    expect(again).toEqual(finished)
    const byPerson = await call<OffboardingRunSummary[]>('offboarding:runs', { email: email.toUpperCase() })
    expect(byPerson).toEqual([
      expect.objectContaining({
        runId,
        state: 'done',
        orgs: [{ accountId, orgId: org.id, orgName: org.name }],
        steps: expect.objectContaining({ applied: 1, failed: 0 }),
      }),
    ])
    expect(await call('offboarding:runs', { accountId, orgId: org.id })).toEqual(byPerson)
    expect(await call('offboarding:runs', { accountId, orgId: 999_999 })).toEqual([])
    const report = await call<DeliveredFile>('access:offboarding-report', { runId, format: 'csv' })
    expect(readFileSync(report.savedPath!, 'utf8')).toContain(team.name)
  }, 60_000)

  it('a run the app stopped in the middle reads back as interrupted, with what it had applied', async () => {
    const first = testCore()
    cleanups.push(() => first.dispose())
    const db = first.core.db
    db.prepare(
      "INSERT INTO offboarding_runs (id, email, display_name, started_at, state) VALUES ('off-1', 'a@b.ch', 'A', 5, 'running')",
    ).run()
    db.prepare(
      "INSERT INTO offboarding_run_orgs (run_id, account_id, org_id, org_name) VALUES ('off-1', 'acc', 7, 'Org')",
    ).run()
    db.prepare(
      `INSERT INTO offboarding_steps (run_id, seq, step_id, account_id, org_id, kind, api, team_id, outcome, at)
       VALUES ('off-1', 0, 's0', 'acc', 7, 'remove_from_team', 1, 3, 'applied', 6),
              ('off-1', 1, 's1', 'acc', 7, 'cancel_invitation', 1, NULL, 'planned', NULL)`,
    ).run()
    const run = await first.core.dispatch('access:offboarding-run', { runId: 'off-1' }, { transport: 'test' })
    expect(run).toMatchObject({
      ok: true,
      value: { state: 'interrupted', steps: [{ outcome: 'applied' }, { outcome: 'planned' }] },
    })
    const list = await first.core.dispatch('offboarding:runs', { email: 'a@b.ch' }, { transport: 'test' })
    expect(list).toMatchObject({ ok: true, value: [{ runId: 'off-1', state: 'interrupted' }] })
  })
})
