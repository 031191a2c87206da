import { problem, type Problem } from '../../../shared/domain/problem'
import { decodeProblem, encodeProblem, problemOf } from '../lib/problem'
import type Database from 'better-sqlite3'
import type { ResourceIssue, SyncRunSummary, SyncStatus } from '../../../shared/domain/cache'
import { ApiError, type ApiClient } from '../api'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import type { EventBus } from '../ipc/dispatch'
import { AccountsRepo, type AccountRecord } from '../store/repos/accounts-repo'
import { CacheWriter } from '../store/repos/cache-writer'
import type { SkippedItem } from '../api/items'
import type { ApiOrgUser } from '../api/schemas'
import { z } from 'zod'
import { loadCapabilities, presenceIn, saveCapabilities, UNKNOWN_CAPABILITIES, type Capabilities } from './capabilities'
import { skippedOf } from './coverage'
import {
  ACCOUNT_WIDE,
  etaMs,
  observedMsPerRequest,
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
  /**
   * How long an interrupted products listing may be resumed at its next page (default 24 h); an older one starts
   * over at page 1, keeping what is cached.
   */
  listingMaxAgeMs?: number
}

/** Cache-change events while a products listing commits its pages: at most one per this many ms. */
const PAGE_EVENTS_EVERY_MS = 2_000

/** Default for {@link SyncEngineOptions.listingMaxAgeMs}. */
export const DEFAULT_LISTING_MAX_AGE_MS = 24 * 60 * 60 * 1000

/** The cross-organisation products listing in `sync_listings`. */
const PRODUCTS_LISTING = 'products'

interface ListingCursor {
  started_at: number
  updated_at: number
  next_page: number
  pages: number | null
  per_page: number | null
  total: number | null
  received: number
  requests: number
  baseline: number
  params: string
}

/** Thrown from a page callback to pause the products listing after a committed page (another job goes first). */
class ListingPaused extends Error {
  constructor() {
    super('listing paused for a focused organisation')
  }
}

/** Thrown when a resumed listing's pages no longer line up (the server changed its page size): start over. */
class ListingRestart extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
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
  /** An organisation the user opened whose products should jump the queue (pauses the products listing). */
  pendingFocus: number | null
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
          lastRun: this.lastRunOf(accountId),
        },
        controller: null,
        promise: null,
        focusOrgId: null,
        retryTimer: null,
        retryRun: null,
        resumeAfter: null,
        offlineAttempts: 0,
        pendingFocus: null,
      }
      this.runs.set(accountId, r)
    }
    this.refreshReport(r)
    return r
  }

  /** The last run of an account that ended (kept in `sync_runs`, so known after a restart). */
  private lastRunOf(accountId: string): SyncRunSummary | null {
    const row = this.o.db
      .prepare<
        [string],
        {
          kind: 'full' | 'org'
          org_id: number | null
          started_at: number
          finished_at: number | null
          status: 'done' | 'failed' | 'cancelled'
          requests: number
          job_errors: number
          skipped: number
          problem: string | null
        }
      >(
        `SELECT kind, org_id, started_at, finished_at, status, requests, job_errors, skipped, problem FROM sync_runs
         WHERE account_id = ? AND status != 'running' ORDER BY id DESC LIMIT 1`,
      )
      .get(accountId)
    if (!row) return null
    return {
      kind: row.kind,
      orgId: row.org_id,
      startedAt: row.started_at,
      finishedAt: row.finished_at ?? row.started_at,
      outcome: row.status,
      complete: row.status === 'done' && row.job_errors === 0,
      requests: row.requests,
      jobErrors: row.job_errors,
      skippedCount: row.skipped,
      problem: decodeProblem(row.problem),
    }
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

  /** Whether one organisation's products are cached from a completed listing (its own or the account-wide one). */
  productsComplete(accountId: string, orgId: number): boolean {
    return (
      this.o.db
        .prepare<[string, number], { n: number }>(
          "SELECT count(*) AS n FROM sync_state WHERE account_id = ? AND resource = 'products' AND org_id IN (0, ?) AND synced_at IS NOT NULL",
        )
        .get(accountId, orgId)!.n > 0
    )
  }

  private productsProgress(accountId: string): NonNullable<SyncStatus['products']> {
    const db = this.o.db
    const cursor = db
      .prepare<[string, string], { next_page: number; pages: number | null }>(
        'SELECT next_page, pages FROM sync_listings WHERE account_id = ? AND listing = ?',
      )
      .get(accountId, PRODUCTS_LISTING)
    const complete =
      db
        .prepare<[string], { n: number }>(
          "SELECT count(*) AS n FROM sync_state WHERE account_id = ? AND resource = 'products' AND org_id = 0 AND synced_at IS NOT NULL",
        )
        .get(accountId)!.n > 0
    const counts = db
      .prepare<[string], { orgs: number; arrived: number }>(
        `SELECT count(*) AS orgs,
           sum(CASE WHEN o.product_count > 0 OR EXISTS (SELECT 1 FROM sync_state s WHERE s.account_id = o.account_id
             AND s.resource = 'products' AND s.org_id = o.id AND s.synced_at IS NOT NULL) THEN 1 ELSE 0 END) AS arrived
         FROM orgs o WHERE o.account_id = ?`,
      )
      .get(accountId)!
    return {
      complete,
      listing: cursor ? { pagesDone: cursor.next_page - 1, pages: cursor.pages } : null,
      orgs: counts.orgs,
      orgsWithProducts: complete ? counts.orgs : (counts.arrived ?? 0),
    }
  }

  private refreshReport(r: AccountRun): void {
    r.status.products = this.productsProgress(r.status.accountId)
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

  /**
   * What a full sync of an account would cost now: requests from the same plan a run starts with
   * (cached organisations, per-resource request counts of the last runs, products listing left) and
   * the time they take at the account's pace. Reads only; starts nothing.
   */
  estimate(accountId: string): { requests: number; etaMs: number } | null {
    const account = this.accounts.get(accountId)
    if (!account) return null
    const caps = loadCapabilities(this.o.db, accountId).caps
    const accountJobs = planAccountJobs({
      orgs: [],
      states: this.states(accountId),
      onlyOrgId: null,
      skipFreshSince: null,
      productPagesLeft: this.productPagesLeft(accountId),
    })
    const orgJobs = planOrgJobs({
      orgs: this.orgs(accountId),
      states: this.states(accountId),
      onlyOrgId: null,
      skipFreshSince: null,
      blockedResources: new Set(),
      membershipsViaTeams: caps.userTeams === 'absent',
      teamCounts: this.teamCounts(accountId),
    })
    const requests = [...accountJobs, ...orgJobs].reduce((n, j) => n + j.estimate, 0)
    return { requests, etaMs: etaMs(requests, this.o.msPerRequest(account)) }
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
      // An organisation opened (or refreshed) mid-sync whose products are not complete yet: its own products
      // listing goes before the next page of the account-wide one.
      const focus = options.orgId ?? options.focusOrgId ?? null
      if (focus != null && !this.productsComplete(accountId, focus)) r.pendingFocus = focus
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
        .prepare(
          "INSERT INTO sync_runs (account_id, started_at, status, resume_from, kind, org_id) VALUES (?, ?, 'running', ?, ?, ?)",
        )
        .run(accountId, startedAt, skipFreshSince, options.orgId == null ? 'full' : 'org', options.orgId ?? null)
        .lastInsertRowid,
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

    let queue: Job[] = planAccountJobs({
      orgs: [],
      states: this.states(accountId),
      onlyOrgId,
      skipFreshSince,
      productPagesLeft: this.productPagesLeft(accountId),
    })
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
    if (onlyOrgId != null && !this.orgs(accountId).some((o) => o.id === onlyOrgId)) {
      // An organisation refresh on a cache that does not know it yet (e.g. `sync --org X` first): the list first.
      queue = planAccountJobs({ orgs: [], states: [], blockedResources: new Set(['products']) })
    }
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
      // At the run's real pace: the pauses between pages and limiter windows count, not only the nominal rate.
      const pace = observedMsPerRequest(this.o.msPerRequest(account), this.o.clock.now() - startedAt, r.status.requests)
      r.status.etaMs = etaMs(Math.max(0, r.status.planned - r.status.requests), pace)
    }

    while (queue.length > 0) {
      if (this.closed) return
      if (signal.aborted) {
        outcome = 'cancelled'
        break
      }
      if (r.pendingFocus != null) {
        const focus = r.pendingFocus
        r.pendingFocus = null
        r.focusOrgId = focus
        const org = this.orgs(accountId).find((o) => o.id === focus)
        if (org && !blocked.has('products') && !queue.some((j) => j.resource === 'products' && j.orgId === focus)) {
          queue.push({ resource: 'products', orgId: focus, orgName: org.name, estimate: 1, syncedAt: null })
          r.status.planned += 1
        }
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
        if (error instanceof ListingPaused) {
          // Its pages so far are committed and its cursor kept: it resumes after the focused organisation.
          job.estimate = Math.max(1, this.productPagesLeft(accountId) ?? 1)
          queue.push(job)
          r.status.planned = r.status.done + queue.reduce((n, j) => n + j.estimate, 0)
          emitChanges(this.o.events, [change('products', accountId, null)])
          continue
        }
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
    const runProblem =
      outcome === 'done' && jobErrors > 0
        ? problem('sync.partsFailed', { count: jobErrors })
        : outcome === 'failed'
          ? r.status.lastError
          : null
    this.o.db
      .prepare(
        `UPDATE sync_runs SET status = ?, finished_at = ?, planned = ?, requests = ?, job_errors = ?, skipped = ?, problem = ?
         WHERE id = ?`,
      )
      .run(
        outcome,
        finishedAt,
        r.status.planned,
        r.status.requests,
        jobErrors,
        skippedOf(this.o.db, accountId).total,
        encodeProblem(runProblem),
        runId,
      )
    r.status.current = null
    r.status.etaMs = null
    r.status.lastRun = this.lastRunOf(accountId)
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
    this.clearSkipped(accountId, job)
    this.addSkipped(accountId, job, skipped, at)
  }

  private clearSkipped(accountId: string, job: Job): void {
    const db = this.o.db
    if (job.orgId === ACCOUNT_WIDE)
      db.prepare('DELETE FROM sync_skipped WHERE account_id = ? AND resource = ?').run(accountId, job.resource)
    else
      db.prepare('DELETE FROM sync_skipped WHERE account_id = ? AND org_id = ? AND resource = ?').run(
        accountId,
        job.orgId,
        job.resource,
      )
  }

  private addSkipped(accountId: string, job: Job, skipped: readonly SkippedItem[], at: number): void {
    const db = this.o.db
    if (skipped.length === 0) return
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

  private cursor(accountId: string): ListingCursor | null {
    return (
      this.o.db
        .prepare<[string, string], ListingCursor>(
          'SELECT started_at, updated_at, next_page, pages, per_page, total, received, requests, baseline, params FROM sync_listings WHERE account_id = ? AND listing = ?',
        )
        .get(accountId, PRODUCTS_LISTING) ?? null
    )
  }

  /** Pages left in an interrupted products listing that can still be resumed, or null. */
  private productPagesLeft(accountId: string): number | null {
    const c = this.cursor(accountId)
    if (!c || c.pages === null || !this.resumable(c)) return null
    return Math.max(1, c.pages - c.next_page + 1)
  }

  private resumable(c: ListingCursor): boolean {
    return this.o.clock.now() - c.started_at <= (this.o.listingMaxAgeMs ?? DEFAULT_LISTING_MAX_AGE_MS)
  }

  /**
   * The cross-organisation products listing (`GET /1/products`), committed page by page: each page's products,
   * rights, search entries, skipped items and the listing's cursor in one short transaction. The dataset stays
   * "partial" (no `synced_at` for the account-wide products state) until the last page; only then are products
   * the listing did not see removed. An interrupted listing younger than `listingMaxAgeMs` resumes at its next
   * page; a focused organisation pauses it between two pages (it resumes from its cursor afterwards).
   */
  private async runProductsListing(
    accountId: string,
    client: ApiClient,
    job: Job,
    signal: AbortSignal,
    onPage: (p: { pages: number; requests: number }) => void,
    caps: Capabilities,
  ): Promise<number> {
    const db = this.o.db
    const r = this.run(accountId)
    let cursor = this.cursor(accountId)
    if (cursor && !this.resumable(cursor)) {
      this.o.logger.info('products listing too old to resume; starting over', { accountId, page: cursor.next_page })
      db.prepare('DELETE FROM sync_listings WHERE account_id = ? AND listing = ?').run(accountId, PRODUCTS_LISTING)
      cursor = null
    }
    let extra = 0
    if (!cursor && caps.productUsers === 'unknown') {
      extra = await this.detectProductUsers(client, caps, signal)
      onPage({ pages: extra, requests: extra })
    }
    if (!cursor) {
      const now = this.o.clock.now()
      cursor = {
        started_at: now,
        updated_at: now,
        next_page: 1,
        pages: null,
        per_page: null,
        total: null,
        received: 0,
        requests: 0,
        baseline: this.isBaseline(accountId, job) ? 1 : 0,
        params: JSON.stringify({ withUsers: caps.productUsers === 'with_users' }),
      }
      const c = cursor
      db.transaction(() => {
        db.prepare(
          `INSERT INTO sync_listings (account_id, listing, started_at, updated_at, next_page, baseline, params)
           VALUES (?, ?, ?, ?, 1, ?, ?)`,
        ).run(accountId, PRODUCTS_LISTING, c.started_at, c.updated_at, c.baseline, c.params)
        this.clearSkipped(accountId, job)
      })()
    } else {
      this.o.logger.info('products listing resumed', { accountId, page: cursor.next_page, pages: cursor.pages })
    }
    const listing = cursor
    const params = z.object({ withUsers: z.boolean() }).catch({ withUsers: false }).parse(JSON.parse(listing.params))
    const baseline = listing.baseline === 1
    const resumeAt = listing.next_page
    let pageSkipped: SkippedItem[] = []
    let lastEmit = 0
    let relevant = false
    let withRights = false
    let requests = extra
    const move = db.prepare(
      `UPDATE sync_listings SET next_page = ?, pages = ?, per_page = ?, total = ?, received = received + ?,
         requests = requests + 1, updated_at = ? WHERE account_id = ? AND listing = ?`,
    )
    try {
      await client.listProducts({
        signal,
        retainItems: false,
        ...(params.withUsers ? { with: ['users'] } : {}),
        ...(resumeAt > 1 && listing.per_page !== null ? { startPage: resumeAt, perPage: listing.per_page } : {}),
        onSkipped: (items) => {
          pageSkipped.push(...items)
        },
        onPage: (p) => {
          requests = extra + p.requests
          onPage({ pages: extra + Math.max(0, p.pages - resumeAt + 1), requests })
        },
        onItems: (items, info) => {
          if (info.page === resumeAt && resumeAt > 1 && info.itemsPerPage !== listing.per_page)
            throw new ListingRestart(`page size changed from ${listing.per_page} to ${String(info.itemsPerPage)}`)
          const at = this.o.clock.now()
          const skipped = pageSkipped
          pageSkipped = []
          db.transaction(() => {
            new CacheWriter(db, accountId, at).writeProductPage(items, baseline)
            move.run(
              info.page + 1,
              info.paginated ? info.pages : 1,
              info.itemsPerPage,
              info.total,
              items.length + info.skipped,
              at,
              accountId,
              PRODUCTS_LISTING,
            )
            this.addSkipped(accountId, job, skipped, at)
          })()
          for (const p of items) {
            relevant = true
            if (p.users != null) withRights = true
          }
          // Screens refresh at most every few seconds while pages arrive (progress itself goes by sync:progress).
          if (at - lastEmit >= PAGE_EVENTS_EVERY_MS) {
            lastEmit = at
            emitChanges(this.o.events, [change('products', accountId, null)])
          }
          if (r.pendingFocus != null && info.page < info.pages) throw new ListingPaused()
        },
      })
    } catch (error) {
      if (error instanceof ListingRestart) {
        this.o.logger.warn('products listing cannot resume; starting over', { accountId, reason: error.reason })
        db.prepare('DELETE FROM sync_listings WHERE account_id = ? AND listing = ?').run(accountId, PRODUCTS_LISTING)
        throw new ApiError(
          {
            kind: 'malformed',
            status: 200,
            reason: 'pagination',
            issues: [{ path: 'per_page', message: error.reason }],
          },
          { method: 'GET', path: '/1/products' },
        )
      }
      throw error
    }
    if (relevant) {
      if (caps.productUsers === 'with_users' && client.learned().rejectedWith['GET /1/products']?.includes('users'))
        caps.productUsers = 'absent'
      else if (withRights) caps.productUsers = caps.productUsers === 'with_users' ? 'with_users' : 'inline'
      else caps.productUsers = 'absent'
    }
    const done = this.cursor(accountId)!
    let stored = 0
    db.transaction(() => {
      const writer = new CacheWriter(db, accountId, this.o.clock.now())
      // A listing that saw fewer items than the server announced (the list moved under the pages) proves no
      // removal: rows it missed are kept until a listing that sees everything.
      if (done.total === null || done.received >= done.total) writer.finishProducts(done.started_at, baseline, null)
      else
        this.o.logger.warn('products listing saw fewer items than announced; nothing removed', {
          accountId,
          total: done.total,
          received: done.received,
        })
      stored = db
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM products WHERE account_id = ?')
        .get(accountId)!.n
      this.recordState(accountId, job, { status: 'ok', items: stored, requests: Math.max(1, done.requests + extra) })
      db.prepare('DELETE FROM sync_listings WHERE account_id = ? AND listing = ?').run(accountId, PRODUCTS_LISTING)
    })()
    return stored
  }

  /**
   * One organisation's products (`GET /1/products?account_id=X`, paged as needed): what an opened or refreshed
   * organisation needs before the account-wide listing reaches it. Pages are committed as they arrive; once the
   * listing completed, that organisation's products it did not see are removed and its products state is set.
   */
  private async runOrgProducts(
    accountId: string,
    client: ApiClient,
    job: Job,
    signal: AbortSignal,
    onPage: (p: { pages: number; requests: number }) => void,
    caps: Capabilities,
  ): Promise<number> {
    const db = this.o.db
    const since = this.o.clock.now()
    const baseline = !this.productsComplete(accountId, job.orgId)
    let requests = 0
    let pageSkipped: SkippedItem[] = []
    let stored = 0
    this.clearSkipped(accountId, job)
    await client.listProducts({
      signal,
      orgId: job.orgId,
      retainItems: false,
      ...(caps.productUsers === 'with_users' ? { with: ['users'] } : {}),
      onSkipped: (items) => {
        pageSkipped.push(...items.map((i) => ({ ...i, orgId: job.orgId })))
      },
      onPage: (p) => {
        requests = p.requests
        onPage(p)
      },
      onItems: (items) => {
        const at = this.o.clock.now()
        const skipped = pageSkipped
        pageSkipped = []
        db.transaction(() => {
          stored += new CacheWriter(db, accountId, at).writeProductPage(
            items.filter((p) => p.account_id === job.orgId),
            baseline,
          )
          this.addSkipped(accountId, job, skipped, at)
        })()
        emitChanges(this.o.events, [change('products', accountId, job.orgId)])
      },
    })
    db.transaction(() => {
      new CacheWriter(db, accountId, this.o.clock.now()).finishProducts(since, baseline, job.orgId)
      this.recordState(accountId, job, { status: 'ok', items: stored, requests: Math.max(1, requests) })
    })()
    return stored
  }

  /** Fetches one job's set, then writes it in one transaction (products: page by page). Returns the item count. */
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
    const track = (p: { pages: number; requests: number }): void => {
      requests = p.requests
      onPage(p)
    }
    switch (job.resource) {
      case 'orgs': {
        const orgs = await client.listOrgs({ signal, onPage: track, onSkipped })
        const owner = {
          key: account.user_id != null ? `u:${account.user_id}` : `account:${accountId}`,
          email: account.email,
          name: account.display_name,
        }
        write((w) => w.writeOrgs(orgs, owner, baseline), orgs.length, Math.max(1, requests))
        return orgs.length
      }
      case 'products':
        return job.orgId === ACCOUNT_WIDE
          ? this.runProductsListing(accountId, client, job, signal, onPage, caps)
          : this.runOrgProducts(accountId, client, job, signal, onPage, caps)
      case 'users': {
        const users = await client.listOrgUsers(job.orgId, {
          signal,
          onPage: track,
          onSkipped,
          with: USER_EXPANSIONS,
        })
        const member = (u: ApiOrgUser): boolean => u.user_id != null
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
