import type Database from 'better-sqlite3'
import type {
  AccessProgress,
  Finding,
  HistoryRow,
  MatrixData,
  OffboardingPlan,
  OffboardingRun,
  OffboardingRunSummary,
  OrgTarget,
  Person,
  PersonHit,
  StepResult,
} from '../../../shared/domain/access'
import type { FileContent } from '../files/delivery'
import type { ApiClient } from '../api'
import type { EventBus } from '../ipc/dispatch'
import { AppError } from '../lib/app-error'
import { problemOf } from '../lib/problem'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import type { AccountRecord } from '../store/repos/accounts-repo'
import { OffboardingRepo } from '../store/repos/offboarding-repo'
import type { SyncEngine } from '../sync/engine'
import { matrixCsv, matrixXlsx, reportCsv, reportPdf } from './exports'
import type { Language } from '../../../shared/i18n/languages'
import { accessHistory, hygieneFindings, type HistoryFilter } from './hygiene'
import { cachingDb } from './cached-db'
import { AccessRepo } from '../store/repos/access-repo'
import { buildMatrix } from './matrix'
import { planOffboarding, verifyStep } from './offboarding'
import { personByEmail, searchPeople } from './people'
import { TeamsInvitations } from './teams-invitations'
import { change, emitChanges } from '../lib/cache-events'

export interface AccessServiceOptions {
  db: Database.Database
  clock: Clock
  logger: Logger
  events: EventBus
  sync: SyncEngine
  account(accountId: string): AccountRecord | undefined
  /** The account's API client (it owns the token's rate limiter). */
  clientFor(account: AccountRecord): ApiClient
}

export interface AuditEntry {
  accountId: string
  orgId: number
  action: string
  target: string
  outcome: 'applied' | 'failed' | 'confirmed'
  detail: Record<string, unknown>
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Normalizes a confirmation name for comparison (trim, case, inner spaces). */
function norm(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * Access features: permission matrix, people, offboarding (plan, apply, verify, report),
 * history and hygiene. Every change applied through the API is written to `audit_log`.
 */
export class AccessService {
  private readonly runs = new Map<string, { run: OffboardingRun; done: Promise<void> }>()
  private runCounter = 0
  /** Teams and invitations (reads and API writes). */
  readonly teams: TeamsInvitations

  private readonly o: AccessServiceOptions
  private readonly repo: AccessRepo
  /** Runs and their steps, persisted in user.sqlite (they survive a restart). */
  private readonly runsRepo: OffboardingRepo

  constructor(options: AccessServiceOptions) {
    this.o = { ...options, db: cachingDb(options.db) }
    this.repo = new AccessRepo(options.db)
    this.runsRepo = new OffboardingRepo(options.db)
    this.teams = new TeamsInvitations(this.repo, this.o.clock, this)
  }

  matrix(accountId: string, orgId: number): MatrixData {
    return buildMatrix(this.o.db, accountId, orgId)
  }

  exportMatrix(
    accountId: string,
    orgId: number,
    format: 'csv' | 'xlsx',
    language: Language,
  ): Promise<FileContent> | FileContent {
    const m = this.matrix(accountId, orgId)
    return format === 'csv' ? matrixCsv(m, language) : matrixXlsx(m, language)
  }

  searchPeople(text: string, limit?: number): PersonHit[] {
    return searchPeople(this.o.db, text, limit)
  }

  person(email: string): Person {
    return personByEmail(this.o.db, email)
  }

  history(filter: HistoryFilter): HistoryRow[] {
    return accessHistory(this.o.db, filter)
  }

  hygiene(): Finding[] {
    return hygieneFindings(this.o.db, { now: Math.floor(this.o.clock.now() / 1000) })
  }

  plan(email: string, targets: readonly OrgTarget[]): OffboardingPlan {
    return planOffboarding(this.repo, email, targets, this.o.clock.now())
  }

  /** Writes one applied (or failed) change to the local audit log. */
  audit(e: AuditEntry): void {
    this.repo.audit({ ...e, at: this.o.clock.now() })
  }

  /** The API client of an account that may still use the API. */
  client(accountId: string): ApiClient {
    const account = this.o.account(accountId)
    if (!account) throw new AppError('NOT_FOUND', 'accounts.notFound')
    if (account.state === 'token_rejected' || account.state === 'signed_out')
      throw new AppError('TOKEN_REJECTED', 'accounts.needsNewToken')
    return this.o.clientFor(account)
  }

  /** Re-syncs one organization and waits for the end; true when its users and teams were fetched again. */
  async resync(accountId: string, orgId: number): Promise<boolean> {
    const since = this.o.clock.now()
    await this.o.sync.whenIdle(accountId)
    this.o.sync.start(accountId, { orgId })
    await this.o.sync.whenIdle(accountId)
    const rows = this.repo.accessSyncState(accountId, orgId)
    return rows.length > 0 && rows.every((r) => r.status === 'ok' && (r.synced_at ?? 0) >= since)
  }

  /**
   * Applies an offboarding plan after re-planning it in main: refused when any organization breaks a
   * Manager rule, or when the confirmation does not name every organization. Returns at once; the
   * run continues in the background (progress events, then `run(runId)`).
   */
  applyOffboarding(email: string, targets: readonly OrgTarget[], confirmOrgNames: readonly string[]): OffboardingRun {
    const plan = this.plan(email, targets)
    if (plan.orgs.length === 0) throw new AppError('INVALID_INPUT', 'access.chooseOrg')
    const refused = plan.orgs.filter((o) => o.refusal !== null)
    if (refused.length > 0) {
      throw new AppError('RULE_VIOLATION', 'access.planRefused', {
        params: { orgs: refused.map((o) => o.orgName).join(', ') },
        details: refused.map((o) => ({
          accountId: o.accountId,
          orgId: o.orgId,
          orgName: o.orgName,
          refusal: o.refusal,
        })),
      })
    }
    const confirmed = new Set(confirmOrgNames.map(norm))
    const missing = plan.orgs.filter((o) => !confirmed.has(norm(o.orgName)))
    if (missing.length > 0) {
      throw new AppError('RULE_VIOLATION', 'access.confirmEveryOrg', {
        details: { missing: missing.map((o) => o.orgName) },
      })
    }
    const runId = `off-${this.o.clock.now()}-${++this.runCounter}`
    // The confirmation itself is audited, once per organization.
    for (const o of plan.orgs)
      this.audit({
        accountId: o.accountId,
        orgId: o.orgId,
        action: 'offboarding.confirmed',
        target: `email:${plan.email}`,
        outcome: 'confirmed',
        detail: { runId, steps: o.steps.map((s) => s.id) },
      })
    const steps: StepResult[] = plan.orgs.flatMap((o) =>
      o.steps.map((s) => ({ ...s, outcome: s.api ? 'planned' : 'manual', verified: null, error: null, at: null })),
    )
    const run: OffboardingRun = {
      runId,
      email: plan.email,
      displayName: plan.displayName,
      startedAt: this.o.clock.now(),
      finishedAt: null,
      state: 'running',
      orgs: plan.orgs.map((o) => ({ accountId: o.accountId, orgId: o.orgId, orgName: o.orgName, resynced: false })),
      steps,
    }
    // Recorded before anything is applied: a run that cannot be recorded (disk full…) does not start.
    this.runsRepo.insert(run)
    const done = this.execute(run).catch((error: unknown) => {
      this.o.logger.error('offboarding failed', { runId, error: messageOf(error) })
      run.state = 'failed'
      run.finishedAt = this.o.clock.now()
      this.persist(run.runId, () => this.runsRepo.saveRun(run))
    })
    this.runs.set(runId, { run, done })
    return structuredClone(run)
  }

  /** Saves a run's progress; a failure to save is logged, never stops a run half applied. */
  private persist(runId: string, save: () => void): void {
    try {
      save()
    } catch (error) {
      this.o.logger.error('offboarding run could not be saved', { runId, error: messageOf(error) })
    }
  }

  private progress(p: AccessProgress): void {
    this.o.events.emit('access:progress', p)
  }

  private async execute(run: OffboardingRun): Promise<void> {
    const apiSteps = run.steps.filter((s) => s.api)
    let done = 0
    for (const s of apiSteps) {
      this.progress({ runId: run.runId, done, total: apiSteps.length, phase: 'applying', stepId: s.id })
      const action = s.kind === 'remove_from_team' ? 'team.remove_users' : 'invitation.delete'
      const target =
        s.kind === 'remove_from_team' ? `team:${s.teamId} user:${s.userId}` : `invitation:${s.invitationId}`
      try {
        const client = this.client(s.accountId)
        if (s.kind === 'remove_from_team' && s.teamId !== null && s.userId !== null)
          await client.removeTeamUsers(s.orgId, s.teamId, [s.userId])
        else if (s.kind === 'cancel_invitation' && s.invitationId !== null)
          await client.deleteInvitation(s.orgId, s.invitationId)
        s.outcome = 'applied'
        this.audit({
          accountId: s.accountId,
          orgId: s.orgId,
          action,
          target,
          outcome: 'applied',
          detail: { runId: run.runId, email: run.email, stepId: s.id },
        })
      } catch (error) {
        s.outcome = 'failed'
        s.error = problemOf(error)
        this.audit({
          accountId: s.accountId,
          orgId: s.orgId,
          action,
          target,
          outcome: 'failed',
          detail: { runId: run.runId, email: run.email, stepId: s.id, error: messageOf(error) },
        })
      }
      s.at = this.o.clock.now()
      this.persist(run.runId, () => this.runsRepo.saveStep(run.runId, run.steps.indexOf(s), s))
      done++
    }
    this.progress({ runId: run.runId, done, total: apiSteps.length, phase: 'resyncing', stepId: null })
    for (const org of run.orgs) {
      try {
        org.resynced = await this.resync(org.accountId, org.orgId)
      } catch (error) {
        this.o.logger.warn('re-sync after offboarding failed', { orgId: org.orgId, error: messageOf(error) })
      }
    }
    for (const s of run.steps) {
      const org = run.orgs.find((o) => o.accountId === s.accountId && o.orgId === s.orgId)
      s.verified = org?.resynced ? verifyStep(this.repo, s) : false
      if (!s.api) s.at = this.o.clock.now()
    }
    run.state = 'done'
    run.finishedAt = this.o.clock.now()
    this.persist(run.runId, () => this.runsRepo.saveRun(run))
    this.progress({ runId: run.runId, done, total: apiSteps.length, phase: 'done', stepId: null })
    emitChanges(
      this.o.events,
      run.orgs.map((o) => change('access', o.accountId, o.orgId)),
    )
  }

  /** A run in progress in this process, or one recorded earlier (`interrupted` if it never finished). */
  run(runId: string): OffboardingRun {
    const r = this.runs.get(runId)
    if (r) return structuredClone(r.run)
    const stored = this.runsRepo.get(runId)
    if (!stored) throw new AppError('NOT_FOUND', 'access.runNotFound')
    return stored.state === 'running' ? { ...stored, state: 'interrupted' } : stored
  }

  /** Past and current runs for a person or an organization, newest first. */
  pastRuns(filter: { email: string } | { accountId: string; orgId: number }): OffboardingRunSummary[] {
    const list =
      'email' in filter ? this.runsRepo.byEmail(filter.email) : this.runsRepo.byOrg(filter.accountId, filter.orgId)
    return list.map((r) => (r.state === 'running' && !this.runs.has(r.runId) ? { ...r, state: 'interrupted' } : r))
  }

  /** Resolves when the run is finished (tests, CLI). */
  async whenRunDone(runId: string): Promise<OffboardingRun> {
    const r = this.runs.get(runId)
    if (!r) throw new AppError('NOT_FOUND', 'access.runNotFound')
    await r.done
    return structuredClone(r.run)
  }

  report(runId: string, format: 'csv' | 'pdf', language: Language): FileContent | Promise<FileContent> {
    const run = this.run(runId)
    return format === 'csv' ? reportCsv(run, language) : reportPdf(run, language)
  }
}
