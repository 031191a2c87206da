import { problem, type Problem } from '../../../shared/domain/problem'
import { decodeProblem, encodeProblem, problemOf } from '../lib/problem'
import type Database from 'better-sqlite3'
import type { ResourceIssue, SyncStatus } from '../../../shared/domain/cache'
import { ApiError, type ApiClient } from '../api'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import type { EventBus } from '../ipc/dispatch'
import { AccountsRepo, type AccountRecord } from '../store/repos/accounts-repo'
import { CacheWriter } from '../store/repos/cache-writer'
import type { SkippedItem } from '../api/items'
import type { AccountUser } from '../api/schemas'
import { z } from 'zod'
import { loadCapabilities, presenceIn, saveCapabilities, UNKNOWN_CAPABILITIES, type Capabilities } from './capabilities'
import { skippedOf } from './coverage'
import {
  ACCOUNT_WIDE,
  etaMs,
  nextJob,
  planAccountJobs,
  planOrgJobs,
  type Job,
  type JobStateInput,
  type Resource,
} from './planner'
import { change, emitChanges } from '../lib/cache-events'

export interface SyncEngineOptions {
  db: Database.Database
  clock: Clock
  logger: Logger
  events: EventBus
  /** Builds (or returns the cached) API client of an account; the client owns the token's limiter. */
  clientFor(account: AccountRecord): ApiClient
  /** Milliseconds per request at the account's sustained pace (for the ETA). */
  msPerRequest: (account: AccountRecord) => number
  /** Offline backoff: first retry delay and cap. */
  offlineRetryMs?: { first: number; max: number }
  /** The app's version: capabilities detected by another version are checked again on the next full sync. */
  appVersion?: string
  /** Called after each job (done or failed), e.g. to persist the diagnostics recorder. */
  onJobDone?: (accountId: string) => void
}

export interface StartOptions {
  /** Only this organization's jobs. */
  orgId?: number | null
  /** Put this organization's jobs first (what the user is viewing). */
  focusOrgId?: number | null
}

const USER_EXPANSIONS = ['security', 'teams', 'invitation_details'] as const

interface AccountRun {
  status: SyncStatus
  controller: AbortController | null
  promise: Promise<void> | null
  focusOrgId: number | null
  retryTimer: ReturnType<typeof setTimeout> | null
  /** The run a scheduled retry will resume (its options and the time its first attempt started). */
  retryRun: { options: StartOptions; resumeFrom: number | null } | null
  /** A full run to resume once the organisation refresh that interrupted its retry wait is done. */
  resumeAfter: { options: StartOptions; resumeFrom: number | null } | null
  offlineAttempts: number
}

/** English, for the log only: what the user sees is the problem (`problemOf`). */
function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error) return error.message
  return String(error)
}

/**
 * One request queue per account, run through the account's rate-limited client. Each job's
 * fetched set is written in one transaction (diff + history + sync state); a failed job
 * writes no data. Progress and cache changes are pushed as events.
 */
export class SyncEngine {
  private readonly runs = new Map<string, AccountRun>()
  private readonly accounts: AccountsRepo
  private closed = false

  constructor(private readonly o: SyncEngineOptions) {
    this.accounts = new AccountsRepo(o.db)
  }

  private run(accountId: string): AccountRun {
    let r = this.runs.get(accountId)
    if (!r) {
      const account = this.accounts.get(accountId)
      r = {
        status: {
          accountId,
          state: account?.state === 'token_rejected' ? 'token_rejected' : 'idle',
          planned: 0,
          done: 0,
          requests: 0,
          etaMs: null,
          current: null,
          startedAt: null,
          lastSyncAt: account?.last_sync_at ?? null,
          lastError: decodeProblem(account?.last_error),
          offlineSince: null,
          nextAttemptAt: null,
          issues: [],
          skipped: [],
          skippedCount: 0,
        },
        controller: null,
        promise: null,
        focusOrgId: null,
        retryTimer: null,
        retryRun: null,
        resumeAfter: null,
        offlineAttempts: 0,
      }
      this.runs.set(accountId, r)
    }
    this.refreshReport(r)
    return r
  }

  private issues(accountId: string): ResourceIssue[] {
    return this.o.db
      .prepare<
        [string],
        {
          resource: string
          org_id: number
          status: 'error' | 'needs_scope' | 'unavailable'
          needed_scope: string | null
          error_message: string | null
        }
      >(
        "SELECT resource, org_id, status, needed_scope, error_message FROM sync_state WHERE account_id = ? AND status != 'ok' ORDER BY org_id, resource",
      )
      .all(accountId)
      .map((s) => ({
        resource: s.resource,
        orgId: s.org_id,
        status: s.status,
        scope: s.needed_scope,
        problem: decodeProblem(s.error_message),
      }))
  }

  private refreshReport(r: AccountRun): void {
    r.status.issues = this.issues(r.status.accountId)
    const skipped = skippedOf(this.o.db, r.status.accountId)
    r.status.skipped = skipped.items
    r.status.skippedCount = skipped.total
  }

  private emitStatus(r: AccountRun): void {
    if (this.closed) return
    this.refreshReport(r)
    this.o.events.emit('sync:progress', { ...r.status })
  }

  /** Current status of every account (or one). */
  status(accountId?: string): SyncStatus[] {
    const ids = accountId ? [accountId] : this.accounts.list().map((a) => a.id)
    return ids.filter((id) => this.accounts.get(id)).map((id) => ({ ...this.run(id).status }))
  }

  /**
   * Starts a sync of `accountId` in the background (or re-prioritizes the running one).
   * Returns at once; `whenIdle` waits for the end.
   */
  start(accountId: string, options: StartOptions = {}): void {
    if (this.closed) return
    const account = this.accounts.get(accountId)
    if (!account) return
    const r = this.run(accountId)
    if (options.focusOrgId !== undefined) r.focusOrgId = options.focusOrgId
    if (r.promise) {
      if (options.orgId != null) r.focusOrgId = options.orgId
      return
    }
    let resumeFrom: number | null = null
    if (r.retryTimer) {
      clearTimeout(r.retryTimer)
      r.retryTimer = null
      r.status.nextAttemptAt = null
      const waiting: AccountRun['retryRun'] = r.retryRun
      r.retryRun = null
      if (waiting && waiting.options.orgId == null && options.orgId != null) {
        // An organisation refresh while a full run waits for its retry: the full run resumes right after it.
        r.resumeAfter = waiting
      } else if (waiting) {
        // The same (or a wider) run, now: it skips what its earlier attempts already synced.
        resumeFrom = waiting.resumeFrom
      }
    }
    if (account.state === 'token_rejected') {
      // A new attempt is what the user asked for (e.g. after fixing the token): try again.
      this.accounts.setState(accountId, 'ok', null)
    }
    this.launch(accountId, r, options, resumeFrom)
  }

  private launch(accountId: string, r: AccountRun, options: StartOptions, resumeFrom: number | null): void {
    r.promise = this.execute(accountId, options, resumeFrom).finally(() => {
      r.promise = null
      r.controller = null
      const next = r.resumeAfter
      if (next && !this.closed && !r.retryTimer && r.status.state !== 'token_rejected') {
        r.resumeAfter = null
        this.launch(accountId, r, next.options, next.resumeFrom)
      }
    })
  }

  /** Resumes runs a previous process left unfinished (killed or closed mid-sync). */
  resumeInterrupted(): string[] {
    const interrupted = this.o.db
      .prepare<[], { id: number; account_id: string; started_at: number; resume_from: number | null }>(
        "SELECT id, account_id, started_at, resume_from FROM sync_runs WHERE status = 'running' ORDER BY started_at",
      )
      .all()
    const resumed: string[] = []
    for (const run of interrupted) {
      this.o.db
        .prepare("UPDATE sync_runs SET status = 'cancelled', finished_at = ? WHERE id = ?")
        .run(this.o.clock.now(), run.id)
      if (resumed.includes(run.account_id) || !this.accounts.get(run.account_id)) continue
      const r = this.run(run.account_id)
      if (r.promise) continue
      resumed.push(run.account_id)
      this.launch(run.account_id, r, {}, run.resume_from ?? run.started_at)
    }
    return resumed
  }

  /** Cancels the running sync of an account (and any scheduled offline retry). */
  cancel(accountId: string): boolean {
    const r = this.runs.get(accountId)
    if (!r) return false
    r.resumeAfter = null
    if (r.retryTimer) {
      clearTimeout(r.retryTimer)
      r.retryTimer = null
      r.retryRun = null
      r.status.nextAttemptAt = null
      if (r.status.state === 'offline' || r.status.state === 'waiting') r.status.state = 'idle'
      this.emitStatus(r)
    }
    if (!r.controller) return false
    r.controller.abort()
    return true
  }

  /** Resolves when the account has no sync running (scheduled retries do not count). */
  async whenIdle(accountId: string): Promise<void> {
    const r = this.runs.get(accountId)
    while (r?.promise) await r.promise
  }

  /** Stops everything (app quit). */
  close(): void {
    this.closed = true
    for (const r of this.runs.values()) {
      r.controller?.abort()
      if (r.retryTimer) clearTimeout(r.retryTimer)
    }
  }

  private states(accountId: string): JobStateInput[] {
    return this.o.db
      .prepare<
        [string],
        { resource: string; org_id: number; status: string; synced_at: number | null; request_count: number | null }
      >('SELECT resource, org_id, status, synced_at, request_count FROM sync_state WHERE account_id = ?')
      .all(accountId)
      .map((s) => ({
        resource: s.resource,
        orgId: s.org_id,
        status: s.status,
        syncedAt: s.synced_at,
        requestCount: s.request_count,
      }))
  }

  private orgs(accountId: string): { id: number; name: string }[] {
    return this.o.db
      .prepare<[string], { id: number; name: string }>('SELECT id, name FROM orgs WHERE account_id = ? ORDER BY name')
      .all(accountId)
  }

  private recordState(
    accountId: string,
    job: Job,
    fields: {
      status: 'ok' | 'error' | 'needs_scope' | 'unavailable'
      items?: number
      requests?: number
      code?: string | null
      problem?: Problem | null
      scope?: string | null
    },
  ): void {
    const now = this.o.clock.now()
    this.o.db
      .prepare(
        `INSERT INTO sync_state (account_id, org_id, resource, status, synced_at, attempted_at, item_count, request_count, error_code, error_message, needed_scope)
         VALUES (@account, @org, @resource, @status, @synced, @now, @items, @requests, @code, @message, @scope)
         ON CONFLICT (account_id, org_id, resource) DO UPDATE SET status = excluded.status, attempted_at = excluded.attempted_at,
           synced_at = COALESCE(excluded.synced_at, sync_state.synced_at),
           item_count = COALESCE(excluded.item_count, sync_state.item_count),
           request_count = COALESCE(excluded.request_count, sync_state.request_count),
           error_code = excluded.error_code, error_message = excluded.error_message, needed_scope = excluded.needed_scope`,
      )
      .run({
        account: accountId,
        org: job.orgId,
        resource: job.resource,
        status: fields.status,
        synced: fields.status === 'ok' ? now : null,
        now,
        items: fields.items ?? null,
        requests: fields.requests ?? null,
        code: fields.code ?? null,
        message: encodeProblem(fields.problem ?? null),
        scope: fields.scope ?? null,
      })
  }

  private isBaseline(accountId: string, job: Job): boolean {
    const row = this.o.db
      .prepare<[string, number, string], { synced_at: number | null }>(
        'SELECT synced_at FROM sync_state WHERE account_id = ? AND org_id = ? AND resource = ?',
      )
      .get(accountId, job.orgId, job.resource)
    return row?.synced_at == null
  }

  private async execute(accountId: string, options: StartOptions, resumeFrom: number | null): Promise<void> {
    const r = this.run(accountId)
    const account = this.accounts.get(accountId)
    if (!account) return
    const controller = new AbortController()
    r.controller = controller
    const signal = controller.signal
    const client = this.o.clientFor(account)
    const startedAt = this.o.clock.now()
    const skipFreshSince = resumeFrom ?? (r.status.state === 'offline' ? r.status.startedAt : null)
    // `resume_from` survives a second crash: the next resume skips what every attempt synced.
    const runId = Number(
      this.o.db
        .prepare("INSERT INTO sync_runs (account_id, started_at, status, resume_from) VALUES (?, ?, 'running', ?)")
        .run(accountId, startedAt, skipFreshSince).lastInsertRowid,
    )
    const blocked = new Set<Resource>()
    const onlyOrgId = options.orgId ?? null
    if (onlyOrgId != null) r.focusOrgId = onlyOrgId
    // Capabilities found by another app version are checked again by a full run ("Sync now" after an update).
    const stored = loadCapabilities(this.o.db, accountId)
    const appVersion = this.o.appVersion ?? null
    const caps: Capabilities =
      onlyOrgId == null && stored.appVersion !== appVersion
        ? { ...structuredClone(UNKNOWN_CAPABILITIES), learned: stored.caps.learned }
        : stored.caps
    const membershipsViaTeams = (): boolean => caps.userTeams === 'absent'

    let queue: Job[] = planAccountJobs({ orgs: [], states: this.states(accountId), onlyOrgId, skipFreshSince })
    const planOrgs = (): Job[] =>
      planOrgJobs({
        orgs: this.orgs(accountId),
        states: this.states(accountId),
        onlyOrgId,
        skipFreshSince,
        blockedResources: blocked,
        membershipsViaTeams: membershipsViaTeams(),
        teamCounts: this.teamCounts(accountId),
      })
    // Per-organization jobs are planned from the cached organization list at once (so the
    // first progress event shows the whole cost), then reconciled after the list is refreshed.
    queue.push(...planOrgs())

    Object.assign(r.status, {
      state: 'syncing',
      planned: queue.reduce((n, j) => n + j.estimate, 0),
      done: 0,
      requests: 0,
      startedAt: r.status.state === 'offline' && r.status.startedAt ? r.status.startedAt : startedAt,
      current: null,
      lastError: null,
      nextAttemptAt: null,
    } satisfies Partial<SyncStatus>)
    this.emitStatus(r)

    let outcome: 'done' | 'cancelled' | 'failed' = 'done'
    let jobErrors = 0
    const updateEta = (): void => {
      r.status.etaMs = etaMs(Math.max(0, r.status.planned - r.status.requests), this.o.msPerRequest(account))
    }

    while (queue.length > 0) {
      if (this.closed) return
      if (signal.aborted) {
        outcome = 'cancelled'
        break
      }
      const job = nextJob(queue, r.focusOrgId)!
      queue = queue.filter((j) => j !== job)
      r.status.current = { resource: job.resource, orgId: job.orgId, orgName: job.orgName }
      updateEta()
      this.emitStatus(r)

      let requests = 0
      const onPage = (p: { pages: number; requests: number }): void => {
        requests = p.requests
        // Refine the estimate with the pages the server announced.
        const planned = r.status.planned - job.estimate + Math.max(p.pages, p.requests)
        job.estimate = Math.max(p.pages, p.requests)
        r.status.planned = planned
        r.status.requests = r.status.done + p.requests
        updateEta()
        this.emitStatus(r)
      }

      try {
        const teamsWereInline = !membershipsViaTeams()
        const count = await this.runJob(accountId, account, client, job, signal, onPage, caps)
        saveCapabilities(this.o.db, accountId, { ...caps, learned: client.learned() }, appVersion, this.o.clock.now())
        requests = Math.max(requests, 1)
        r.status.done += requests
        r.status.requests = r.status.done
        r.status.planned = r.status.done + queue.reduce((n, j) => n + j.estimate, 0)
        this.o.db
          .prepare('UPDATE sync_runs SET done = done + 1, requests = ? WHERE id = ?')
          .run(r.status.requests, runId)
        this.o.logger.debug('job done', { accountId, resource: job.resource, orgId: job.orgId, items: count, requests })
        r.offlineAttempts = 0
        if (job.resource === 'orgs' || (job.resource === 'users' && teamsWereInline && membershipsViaTeams())) {
          // After the organisation list, or once users turn out to come without their teams (then each team's
          // member list is read, after products and users).
          const fresh = planOrgs()
          const key = (j: Job): string => `${j.resource}:${j.orgId}`
          const wanted = new Set(fresh.map(key))
          const queued = new Set(queue.map(key))
          queue = queue.filter((j) => j.orgId === ACCOUNT_WIDE || wanted.has(key(j)))
          queue.push(...fresh.filter((j) => !queued.has(key(j))))
          r.status.planned = r.status.done + queue.reduce((n, j) => n + j.estimate, 0)
        }
        emitChanges(this.o.events, [change(job.resource, accountId, job.orgId === ACCOUNT_WIDE ? null : job.orgId)])
        this.o.onJobDone?.(accountId)
      } catch (error) {
        if (!this.closed) this.o.onJobDone?.(accountId)
        // The core is shutting down: the database may already be closed; write nothing.
        if (this.closed) return
        r.status.done += requests
        r.status.requests = r.status.done
        if (signal.aborted || (error instanceof ApiError && error.kind === 'cancelled')) {
          outcome = 'cancelled'
          break
        }
        const handled = this.handleJobError(accountId, r, job, error, blocked)
        if (handled === 'stop') {
          outcome = 'failed'
          break
        }
        if (handled === 'offline') {
          outcome = 'failed'
          this.scheduleOfflineRetry(accountId, r, options)
          break
        }
        if (handled === 'blocked') queue = queue.filter((j) => !blocked.has(j.resource))
        // A missing scope or an unreachable object is an expected condition, not a failure.
        if (handled === 'continue') jobErrors++
        r.status.planned = r.status.done + queue.reduce((n, j) => n + j.estimate, 0)
      }
    }

    if (this.closed) return
    const finishedAt = this.o.clock.now()
    this.o.db
      .prepare('UPDATE sync_runs SET status = ?, finished_at = ?, planned = ?, requests = ? WHERE id = ?')
      .run(outcome, finishedAt, r.status.planned, r.status.requests, runId)
    r.status.current = null
    r.status.etaMs = null
    if (outcome === 'done') {
      // "Last full sync" only from a run that synced every organisation.
      if (onlyOrgId == null && jobErrors === 0) {
        this.accounts.markSynced(accountId, finishedAt)
        r.status.lastSyncAt = finishedAt
      }
      r.status.state = 'idle'
      r.status.offlineSince = null
      r.status.lastError = jobErrors > 0 ? problem('sync.partsFailed', { count: jobErrors }) : null
      emitChanges(this.o.events, [change('sync', accountId, onlyOrgId ?? null)])
    } else if (outcome === 'cancelled') {
      r.status.state = 'idle'
      r.status.lastError = null
    }
    this.emitStatus(r)
  }

  private handleJobError(
    accountId: string,
    r: AccountRun,
    job: Job,
    error: unknown,
    blocked: Set<Resource>,
  ): 'continue' | 'skipped' | 'blocked' | 'stop' | 'offline' {
    this.o.logger.warn('job failed', { accountId, resource: job.resource, orgId: job.orgId, error: messageOf(error) })
    const message = problemOf(error)
    if (!(error instanceof ApiError)) {
      this.recordState(accountId, job, { status: 'error', code: 'internal', problem: message })
      return 'continue'
    }
    switch (error.kind) {
      case 'token_unavailable':
        // The keychain entry or the environment variable is gone: its own state, not a rejected token.
        r.status.state = 'token_missing'
        r.status.lastError = message
        emitChanges(this.o.events, [change('accounts', accountId)])
        return 'stop'
      case 'token_rejected':
        this.accounts.setState(accountId, 'token_rejected', message)
        r.status.state = 'token_rejected'
        r.status.lastError = message
        emitChanges(this.o.events, [change('accounts', accountId)])
        return 'stop'
      case 'missing_scope': {
        const scope = error.detail.kind === 'missing_scope' ? (error.detail.scopes[0] ?? null) : null
        this.recordState(accountId, job, { status: 'needs_scope', code: 'all_scopes', problem: message, scope })
        if (job.resource !== 'orgs') {
          blocked.add(job.resource)
          // The same scope is missing for every organization: record it without spending requests.
          for (const o of this.orgs(accountId)) {
            if (o.id !== job.orgId && (job.resource === 'users' || job.resource === 'teams')) {
              this.recordState(
                accountId,
                { ...job, orgId: o.id },
                { status: 'needs_scope', code: 'all_scopes', problem: message, scope },
              )
            }
          }
          return 'blocked'
        }
        return 'skipped'
      }
      case 'forbidden':
      case 'not_found':
        this.recordState(accountId, job, { status: 'unavailable', code: error.kind, problem: message })
        return 'skipped'
      case 'network':
      case 'timeout':
        this.accounts.setState(accountId, 'offline', message)
        r.status.state = 'offline'
        r.status.offlineSince = r.status.offlineSince ?? this.o.clock.now()
        r.status.lastError = message
        return 'offline'
      default:
        this.recordState(accountId, job, { status: 'error', code: error.kind, problem: message })
        return 'continue'
    }
  }

  private scheduleOfflineRetry(accountId: string, r: AccountRun, options: StartOptions): void {
    if (this.closed) return
    const { first, max } = this.o.offlineRetryMs ?? { first: 15_000, max: 300_000 }
    const delay = Math.min(max, first * 2 ** r.offlineAttempts)
    r.offlineAttempts++
    r.status.nextAttemptAt = this.o.clock.now() + delay
    r.retryRun = { options, resumeFrom: r.status.startedAt }
    r.retryTimer = setTimeout(() => {
      r.retryTimer = null
      r.retryRun = null
      r.status.nextAttemptAt = null
      if (this.closed || r.promise) return
      this.launch(accountId, r, options, null)
    }, delay)
    r.retryTimer.unref?.()
  }

  /**
   * Whether `/1/products` items carry per-user rights, in at most two one-item requests: plain, then with
   * `with=users`. Returns the requests spent.
   */
  private async detectProductUsers(client: ApiClient, caps: Capabilities, signal: AbortSignal): Promise<number> {
    const probe = async (withUsers: boolean): Promise<unknown[] | null> => {
      try {
        return await client.request({
          method: 'GET',
          path: '/1/products',
          query: { page: 1, per_page: 1, ...(withUsers ? { with: 'users' } : {}) },
          schema: z.array(z.unknown()),
          signal,
        })
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'validation') return null
        throw error
      }
    }
    const hasUsers = (items: unknown[] | null): boolean =>
      items !== null && items.some((i) => typeof i === 'object' && i !== null && Array.isArray(Reflect.get(i, 'users')))
    const plain = await probe(false)
    if (plain === null || plain.length === 0) return 1
    if (hasUsers(plain)) {
      caps.productUsers = 'inline'
      return 1
    }
    const expanded = await probe(true)
    caps.productUsers = hasUsers(expanded) ? 'with_users' : 'absent'
    this.o.logger.info('capability: per-product rights', { productUsers: caps.productUsers })
    return 2
  }

  private teamCounts(accountId: string): Map<number, number> {
    return new Map(
      this.o.db
        .prepare<[string], { org_id: number; n: number }>(
          'SELECT org_id, count(*) AS n FROM teams WHERE account_id = ? GROUP BY org_id',
        )
        .all(accountId)
        .map((r) => [r.org_id, r.n]),
    )
  }

  /** Replaces the skipped items of one job (products: per organisation of each item). */
  private recordSkipped(accountId: string, job: Job, skipped: readonly SkippedItem[], at: number): void {
    const db = this.o.db
    if (job.orgId === ACCOUNT_WIDE)
      db.prepare('DELETE FROM sync_skipped WHERE account_id = ? AND resource = ?').run(accountId, job.resource)
    else
      db.prepare('DELETE FROM sync_skipped WHERE account_id = ? AND org_id = ? AND resource = ?').run(
        accountId,
        job.orgId,
        job.resource,
      )
    const add = db.prepare(
      `INSERT INTO sync_skipped (account_id, org_id, resource, endpoint, path, expected, seen, count, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (account_id, org_id, resource, endpoint, path, expected, seen) DO UPDATE SET count = count + 1`,
    )
    for (const item of skipped) {
      const org = job.orgId === ACCOUNT_WIDE ? (item.orgId ?? ACCOUNT_WIDE) : job.orgId
      // One count per item, filed under its first issue.
      const first = item.issues[0] ?? { path: '(item)', expected: 'object', seen: 'absent' }
      add.run(accountId, org, job.resource, item.endpoint, first.path, first.expected, first.seen, at)
    }
  }

  /** Fetches one job's set, then writes it in one transaction. Returns the item count. */
  private async runJob(
    accountId: string,
    account: AccountRecord,
    client: ApiClient,
    job: Job,
    signal: AbortSignal,
    onPage: (p: { pages: number; requests: number }) => void,
    caps: Capabilities,
  ): Promise<number> {
    const db = this.o.db
    const baseline = this.isBaseline(accountId, job)
    const at = this.o.clock.now()
    const skipped: SkippedItem[] = []
    const onSkipped = (items: readonly SkippedItem[]): void => {
      skipped.push(...items)
    }
    const write = (fn: (w: CacheWriter) => void, items: number, requests: number): void => {
      db.transaction(() => {
        const writer = new CacheWriter(db, accountId, at)
        fn(writer)
        this.recordState(accountId, job, { status: 'ok', items, requests })
        this.recordSkipped(accountId, job, skipped, at)
      })()
    }
    let requests = 0
    let extra = 0
    const track = (p: { pages: number; requests: number }): void => {
      requests = extra + p.requests
      onPage({ pages: extra + p.pages, requests })
    }
    switch (job.resource) {
      case 'orgs': {
        const orgs = await client.listAccounts({ signal, onPage: track, onSkipped })
        const owner = {
          key: account.user_id != null ? `u:${account.user_id}` : `account:${accountId}`,
          email: account.email,
          name: account.display_name,
        }
        write((w) => w.writeOrgs(orgs, owner, baseline), orgs.length, Math.max(1, requests))
        return orgs.length
      }
      case 'products': {
        if (caps.productUsers === 'unknown') {
          extra = await this.detectProductUsers(client, caps, signal)
          onPage({ pages: extra, requests: extra })
          requests = extra
        }
        const products = await client.listProducts({
          signal,
          onPage: track,
          onSkipped,
          ...(caps.productUsers === 'with_users' ? { with: ['users'] } : {}),
        })
        if (caps.productUsers === 'with_users' && client.learned().rejectedWith['GET /1/products']?.includes('users'))
          caps.productUsers = 'absent'
        caps.productUsers = presenceIn(
          products,
          () => true,
          (p) => p.users != null,
          caps.productUsers,
        )
        let stored = 0
        db.transaction(() => {
          const writer = new CacheWriter(db, accountId, at)
          stored = writer.writeProducts(products, baseline)
          this.recordState(accountId, job, { status: 'ok', items: stored, requests: Math.max(1, requests) })
          this.recordSkipped(accountId, job, skipped, at)
        })()
        return stored
      }
      case 'users': {
        const users = await client.listAccountUsers(job.orgId, {
          signal,
          onPage: track,
          onSkipped,
          with: USER_EXPANSIONS,
        })
        const member = (u: AccountUser): boolean => u.user_id != null
        caps.userTeams = presenceIn(users, member, (u) => u.teams != null, caps.userTeams)
        caps.userSecurity = presenceIn(users, member, (u) => u.security != null, caps.userSecurity)
        caps.invitationDetails = presenceIn(
          users,
          (u) => u.user_id == null,
          (u) => u.invitation_details != null,
          caps.invitationDetails,
        )
        write((w) => w.writeOrgUsers(job.orgId, users, baseline), users.length, Math.max(1, requests))
        return users.length
      }
      case 'teams': {
        const teams = await client.listTeams(job.orgId, { signal, onPage: track, onSkipped })
        write((w) => w.writeTeams(job.orgId, teams), teams.length, Math.max(1, requests))
        return teams.length
      }
      case 'memberships': {
        // Users came without their teams: each team's member list (GET /1/accounts/{org}/teams/{team}/users).
        const teamIds = db
          .prepare<[string, number], { id: number }>('SELECT id FROM teams WHERE account_id = ? AND org_id = ?')
          .all(accountId, job.orgId)
          .map((t) => t.id)
        const members: { teamId: number; userIds: number[] }[] = []
        for (const teamId of teamIds) {
          const before = requests
          const list = await client.listTeamUsers(job.orgId, teamId, {
            signal,
            onSkipped,
            onPage: (p) => {
              requests = before + p.requests
              onPage({ pages: requests, requests })
            },
          })
          members.push({ teamId, userIds: list.map((u) => u.id) })
        }
        write((w) => w.writeTeamMembers(job.orgId, members, baseline), members.length, Math.max(1, requests))
        return members.length
      }
    }
  }
}

export { ACCOUNT_WIDE }
