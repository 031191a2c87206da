import type Database from 'better-sqlite3'
import type { OffboardingRun, OffboardingRunSummary, StepResult } from '../../../../shared/domain/access'
import { Problem, problem } from '../../../../shared/domain/problem'

/** A step's problem is stored as JSON (`{ reason, params }`); anything unreadable becomes a generic one. */
const errorText = (error: Problem | null): string | null => (error === null ? null : JSON.stringify(error))
function errorOf(text: string | null): Problem | null {
  if (text === null) return null
  try {
    const parsed = Problem.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
  } catch {
    // an older plain-text message
  }
  return problem('app.internal')
}

interface RunRow {
  id: string
  email: string
  display_name: string
  started_at: number
  finished_at: number | null
  state: OffboardingRun['state']
}

interface OrgRow {
  run_id: string
  account_id: string
  org_id: number
  org_name: string
  resynced: number
}

interface StepRow {
  run_id: string
  seq: number
  step_id: string
  account_id: string
  org_id: number
  kind: StepResult['kind']
  api: number
  team_id: number | null
  team_name: string | null
  invitation_id: number | null
  user_id: number | null
  url: string | null
  outcome: StepResult['outcome']
  verified: number | null
  error: string | null
  at: number | null
}

const bool = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0)

/**
 * Offboarding runs in `user.sqlite`: the plan as applied (one row per step, with its outcome and
 * verification), the organizations it touched, and its state, so runs and their reports survive a
 * restart and can be listed per person and per organization. Statements are prepared once.
 */
export class OffboardingRepo {
  private readonly s

  constructor(private readonly db: Database.Database) {
    this.s = {
      insertRun: db.prepare<[string, string, string, number, number | null, string]>(
        'INSERT INTO offboarding_runs (id, email, display_name, started_at, finished_at, state) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertOrg: db.prepare<[string, string, number, string, number]>(
        'INSERT INTO offboarding_run_orgs (run_id, account_id, org_id, org_name, resynced) VALUES (?, ?, ?, ?, ?)',
      ),
      insertStep: db.prepare(
        `INSERT INTO offboarding_steps (run_id, seq, step_id, account_id, org_id, kind, api, team_id, team_name,
           invitation_id, user_id, url, outcome, verified, error, at)
         VALUES (@run_id, @seq, @step_id, @account_id, @org_id, @kind, @api, @team_id, @team_name,
           @invitation_id, @user_id, @url, @outcome, @verified, @error, @at)`,
      ),
      updateStep: db.prepare<[string, number | null, string | null, number | null, string, number]>(
        'UPDATE offboarding_steps SET outcome = ?, verified = ?, error = ?, at = ? WHERE run_id = ? AND seq = ?',
      ),
      updateRun: db.prepare<[string, number | null, string]>(
        'UPDATE offboarding_runs SET state = ?, finished_at = ? WHERE id = ?',
      ),
      updateOrg: db.prepare<[number, string, string, number]>(
        'UPDATE offboarding_run_orgs SET resynced = ? WHERE run_id = ? AND account_id = ? AND org_id = ?',
      ),
      run: db.prepare<[string], RunRow>('SELECT * FROM offboarding_runs WHERE id = ?'),
      orgs: db.prepare<[string], OrgRow>('SELECT * FROM offboarding_run_orgs WHERE run_id = ? ORDER BY rowid'),
      steps: db.prepare<[string], StepRow>('SELECT * FROM offboarding_steps WHERE run_id = ? ORDER BY seq'),
      byEmail: db.prepare<[string, number], RunRow>(
        'SELECT * FROM offboarding_runs WHERE email = ? COLLATE NOCASE ORDER BY started_at DESC, id DESC LIMIT ?',
      ),
      byOrg: db.prepare<[string, number, number], RunRow>(
        `SELECT r.* FROM offboarding_runs r
         WHERE r.id IN (SELECT run_id FROM offboarding_run_orgs WHERE account_id = ? AND org_id = ?)
         ORDER BY r.started_at DESC, r.id DESC LIMIT ?`,
      ),
      counts: db.prepare<
        [string],
        { total: number; applied: number; failed: number; manual: number; verified: number }
      >(
        `SELECT count(*) AS total,
                coalesce(sum(outcome = 'applied'), 0) AS applied,
                coalesce(sum(outcome = 'failed'), 0) AS failed,
                coalesce(sum(outcome = 'manual'), 0) AS manual,
                coalesce(sum(verified = 1), 0) AS verified
         FROM offboarding_steps WHERE run_id = ?`,
      ),
    }
  }

  /** Records a new run with its organizations and planned steps, in one transaction. */
  insert(run: OffboardingRun): void {
    this.db.transaction(() => {
      this.s.insertRun.run(run.runId, run.email, run.displayName, run.startedAt, run.finishedAt, run.state)
      for (const o of run.orgs) this.s.insertOrg.run(run.runId, o.accountId, o.orgId, o.orgName, o.resynced ? 1 : 0)
      run.steps.forEach((step, seq) =>
        this.s.insertStep.run({
          run_id: run.runId,
          seq,
          step_id: step.id,
          account_id: step.accountId,
          org_id: step.orgId,
          kind: step.kind,
          api: step.api ? 1 : 0,
          team_id: step.teamId,
          team_name: step.teamName,
          invitation_id: step.invitationId,
          user_id: step.userId,
          url: step.url,
          outcome: step.outcome,
          verified: bool(step.verified),
          error: errorText(step.error),
          at: step.at,
        }),
      )
    })()
  }

  /** Saves one step's outcome (as soon as it is known, so a crash loses nothing that was applied). */
  saveStep(runId: string, seq: number, step: StepResult): void {
    this.s.updateStep.run(step.outcome, bool(step.verified), errorText(step.error), step.at, runId, seq)
  }

  /** Saves the run's state, the organizations re-synced and every step's verification. */
  saveRun(run: OffboardingRun): void {
    this.db.transaction(() => {
      this.s.updateRun.run(run.state, run.finishedAt, run.runId)
      for (const o of run.orgs) this.s.updateOrg.run(o.resynced ? 1 : 0, run.runId, o.accountId, o.orgId)
      run.steps.forEach((step, seq) => this.saveStep(run.runId, seq, step))
    })()
  }

  get(runId: string): OffboardingRun | undefined {
    const r = this.s.run.get(runId)
    if (!r) return undefined
    return {
      runId: r.id,
      email: r.email,
      displayName: r.display_name,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      state: r.state,
      orgs: this.s.orgs.all(runId).map((o) => ({
        accountId: o.account_id,
        orgId: o.org_id,
        orgName: o.org_name,
        resynced: o.resynced === 1,
      })),
      steps: this.s.steps.all(runId).map((s) => ({
        id: s.step_id,
        accountId: s.account_id,
        orgId: s.org_id,
        kind: s.kind,
        api: s.api === 1,
        teamId: s.team_id,
        teamName: s.team_name,
        invitationId: s.invitation_id,
        userId: s.user_id,
        url: s.url,
        outcome: s.outcome,
        verified: s.verified === null ? null : s.verified === 1,
        error: errorOf(s.error),
        at: s.at,
      })),
    }
  }

  private summary(r: RunRow): OffboardingRunSummary {
    return {
      runId: r.id,
      email: r.email,
      displayName: r.display_name,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      state: r.state,
      orgs: this.s.orgs.all(r.id).map((o) => ({ accountId: o.account_id, orgId: o.org_id, orgName: o.org_name })),
      steps: this.s.counts.get(r.id) ?? { total: 0, applied: 0, failed: 0, manual: 0, verified: 0 },
    }
  }

  /** Runs for one person, newest first. */
  byEmail(email: string, limit = 200): OffboardingRunSummary[] {
    return this.s.byEmail.all(email.trim(), limit).map((r) => this.summary(r))
  }

  /** Runs that touched one organization, newest first. */
  byOrg(accountId: string, orgId: number, limit = 200): OffboardingRunSummary[] {
    return this.s.byOrg.all(accountId, orgId, limit).map((r) => this.summary(r))
  }
}
