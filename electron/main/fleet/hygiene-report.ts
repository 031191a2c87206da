import type Database from 'better-sqlite3'
import type { Finding, FindingRule } from '../../../shared/domain/access'
import {
  hygieneScore,
  type ClientScore,
  type DecisionKind,
  type HygieneClientGroup,
  type HygieneFilter,
  type HygieneFinding,
  type HygieneRuleGroup,
  type HygieneSummary,
  type Severity,
  type TrendPoint,
} from '../../../shared/domain/hygiene'
import { computeHygiene, type HygieneFacts, type OrgFacts } from '../access/hygiene-engine'
import { AppError } from '../lib/app-error'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import type { DecisionRow, FleetRepo } from './fleet-repo'
import { writeStamp } from './write-stamp'

const DAY_MS = 86_400_000
const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 }

/** Day `yyyy-mm-dd` (UTC) of a unix-ms time. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

const orgKey = (accountId: string | null, orgId: number | null) => `${accountId ?? '*'}\u0000${orgId ?? '*'}`

interface Decided {
  /** Unix ms when the next snooze ends (the state changes then), or Infinity. */
  nextChange: number
  findings: HygieneFinding[]
  /** Open findings per organization and rule, with severities. */
  perOrg: Map<string, { byRule: Partial<Record<FindingRule, number>>; high: number; medium: number; low: number }>
  scores: Map<string, number | null>
}

/**
 * The fleet's hygiene: findings computed once per change of the cache (and per day), decisions applied,
 * grouped by rule then client and counted here in the core, so the renderer receives counts and small
 * pages instead of 20,000 rows. Each computation records the day's open findings and score per
 * organization, which makes the trend.
 */
export class HygieneReport {
  private version = 0
  private decisionsVersion = 0
  private facts: { stamp: string; day: string; at: number; facts: HygieneFacts } | null = null
  /** Decisions applied to the facts; valid until the key changes or the next snooze ends. */
  private decided: { key: string; validUntil: number; serial: number; value: Decided } | null = null
  private serial = 0
  /** Summaries already grouped from the current decided state, by filter. */
  private summaries = { serial: -1, byFilter: new Map<string, HygieneSummary>() }
  private scoresMemo: { key: string; value: ClientScore[] } | null = null
  private refresh: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly db: Database.Database,
    private readonly repo: FleetRepo,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** The cached findings are stale (users, teams, products or organizations changed). */
  invalidate(): void {
    this.version++
  }

  /** Computes now if anything changed (the background warm-up after a sync calls this). */
  warm(): void {
    this.state(false)
  }

  /** A stale answer was given: recompute right after the answer went out. */
  private scheduleRefresh(): void {
    if (this.refresh) return
    this.refresh = setTimeout(() => {
      this.refresh = null
      try {
        this.state(false)
      } catch (error) {
        this.logger.warn('hygiene refresh failed', { error: error instanceof Error ? error.message : String(error) })
      }
    }, 0)
    this.refresh.unref?.()
  }

  close(): void {
    if (this.refresh) clearTimeout(this.refresh)
    this.refresh = null
  }

  /**
   * What the cached findings depend on: changes announced by the core (its own writes) and SQLite's
   * `data_version` of the cache file, which moves when another connection wrote it (a CLI sync, a test
   * seeding the file).
   */
  private stamp(): string {
    let external: string
    try {
      external = String(this.db.pragma('cache.data_version', { simple: true }))
    } catch {
      external = String(this.db.pragma('data_version', { simple: true }))
    }
    return `${this.version}|${external}`
  }

  /**
   * The findings of the current cache. With `allowStale`, when the cache changed since the last
   * computation, that computation is answered at once (`stale`) and a new one runs right after.
   */
  private currentFacts(allowStale: boolean): {
    stamp: string
    day: string
    at: number
    facts: HygieneFacts
    stale: boolean
  } {
    const now = this.clock.now()
    const day = dayOf(now)
    const stamp = this.stamp()
    if (this.facts && this.facts.stamp === stamp && this.facts.day === day) return { ...this.facts, stale: false }
    if (allowStale && this.facts) {
      this.scheduleRefresh()
      return { ...this.facts, stale: true }
    }
    const started = performance.now()
    const facts = computeHygiene(this.db, { now: Math.floor(now / 1000) })
    this.logger.debug('hygiene computed', {
      findings: facts.findings.length,
      orgs: facts.orgs.length,
      ms: Math.round(performance.now() - started),
    })
    this.facts = { stamp, day, at: now, facts }
    return { ...this.facts, stale: false }
  }

  private state(allowStale = false): Decided & { at: number; orgs: OrgFacts[]; stale: boolean; serial: number } {
    const { stamp, day, at, facts, stale } = this.currentFacts(allowStale)
    const now = this.clock.now()
    // Snoozes end on their own: the state is recomputed when the next one ends.
    const key = `${stamp}|${day}|${this.decisionsVersion}`
    if (!this.decided || this.decided.key !== key || now >= this.decided.validUntil) {
      const value = this.applyDecisions(facts, now)
      this.decided = { key, validUntil: value.nextChange, serial: ++this.serial, value }
    }
    return { ...this.decided.value, at, orgs: facts.orgs, stale, serial: this.decided.serial }
  }

  private applyDecisions(facts: HygieneFacts, now: number): Decided {
    const decisions = new Map(this.repo.decisions().map((d) => [d.findingKey, d]))
    let nextChange = Number.POSITIVE_INFINITY
    for (const d of decisions.values())
      if (d.kind === 'snoozed' && d.until !== null && d.until > now) nextChange = Math.min(nextChange, d.until)
    const findings: HygieneFinding[] = facts.findings.map((f) => {
      const d = decisions.get(f.key)
      if (!d || (d.kind === 'snoozed' && (d.until ?? 0) <= now)) return { ...f, status: 'open', decision: null }
      return {
        ...f,
        status: d.kind,
        decision: { kind: d.kind, reason: d.reason, until: d.until, decidedAt: d.decidedAt },
      }
    })
    const perOrg: Decided['perOrg'] = new Map()
    for (const f of findings) {
      if (f.status !== 'open' || f.accountId === null || f.orgId === null) continue
      const k = orgKey(f.accountId, f.orgId)
      let o = perOrg.get(k)
      if (!o) perOrg.set(k, (o = { byRule: {}, high: 0, medium: 0, low: 0 }))
      o.byRule[f.rule] = (o.byRule[f.rule] ?? 0) + 1
      o[f.severity]++
    }
    const scores = new Map<string, number | null>()
    const day = dayOf(now)
    const history = facts.orgs.map((org) => {
      const k = orgKey(org.accountId, org.orgId)
      const o = perOrg.get(k)
      const score = org.judged ? hygieneScore(o?.byRule ?? {}, org) : null
      scores.set(k, score)
      const high = o?.high ?? 0
      const medium = o?.medium ?? 0
      const low = o?.low ?? 0
      return { accountId: org.accountId, orgId: org.orgId, day, open: high + medium + low, high, medium, low, score }
    })
    try {
      this.repo.recordHistory(history.filter((h) => h.score !== null))
    } catch (error) {
      // The trend is a nicety: a failed write never hides the findings.
      this.logger.warn('hygiene history not recorded', {
        error: error instanceof Error ? error.message : String(error),
      })
    }
    return { nextChange, findings, perOrg, scores }
  }

  private matches(f: HygieneFinding, filter: HygieneFilter, clients: Set<string> | null, text: string): boolean {
    if (filter.severities && filter.severities.length > 0 && !filter.severities.includes(f.severity)) return false
    if (filter.rules && filter.rules.length > 0 && !filter.rules.includes(f.rule)) return false
    if (filter.accountId !== undefined && f.accountId !== null && f.accountId !== filter.accountId) return false
    if (clients && !clients.has(orgKey(f.accountId, f.orgId))) return false
    if (text !== '' && !foldText(`${f.orgName ?? ''} ${f.subject} ${f.email ?? ''}`).includes(text)) return false
    return true
  }

  private statusPasses(f: HygieneFinding, status: HygieneFilter['status']): boolean {
    if (status === 'all') return true
    if (status === 'decided') return f.status !== 'open'
    return f.status === 'open'
  }

  private filtered(filter: HygieneFilter, s = this.state(filter.allowStale === true)) {
    const clients =
      filter.clients && filter.clients.length > 0
        ? new Set(filter.clients.map((c) => orgKey(c.accountId, c.orgId)))
        : null
    const text = foldText((filter.text ?? '').trim())
    const base = s.findings.filter((f) => this.matches(f, filter, clients, text))
    const status = filter.status ?? 'open'
    return { s, base, shown: base.filter((f) => this.statusPasses(f, status)) }
  }

  /**
   * Findings grouped by rule, then by client, with counts. Grouped once per state of the findings and
   * decisions and per filter (the screen asks again on every visit).
   */
  summary(filter: HygieneFilter = {}): HygieneSummary {
    const { allowStale, ...rest } = filter
    const s = this.state(allowStale === true)
    if (this.summaries.serial !== s.serial) this.summaries = { serial: s.serial, byFilter: new Map() }
    const key = JSON.stringify(rest)
    let summary = this.summaries.byFilter.get(key)
    if (!summary) {
      summary = this.group(rest, s)
      if (this.summaries.byFilter.size >= 32) this.summaries.byFilter.clear()
      this.summaries.byFilter.set(key, summary)
    }
    return s.stale ? { ...summary, stale: true } : summary
  }

  private group(filter: HygieneFilter, state: ReturnType<HygieneReport['state']>): HygieneSummary {
    const { s, base, shown } = this.filtered(filter, state)
    const rules = new Map<
      FindingRule,
      { severity: Severity; count: number; clients: Map<string, HygieneClientGroup> }
    >()
    const clientSet = new Set<string>()
    const totals = { open: 0, accepted: 0, snoozed: 0, high: 0, medium: 0, low: 0, clients: 0 }
    for (const f of base) totals[f.status]++
    for (const f of shown) {
      totals[f.severity]++
      let r = rules.get(f.rule)
      if (!r) rules.set(f.rule, (r = { severity: f.severity, count: 0, clients: new Map() }))
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[r.severity]) r.severity = f.severity
      r.count++
      const k = orgKey(f.accountId, f.orgId)
      clientSet.add(k)
      let c = r.clients.get(k)
      if (!c)
        r.clients.set(
          k,
          (c = { accountId: f.accountId, orgId: f.orgId, orgName: f.orgName, count: 0, high: 0, medium: 0, low: 0 }),
        )
      c.count++
      c[f.severity]++
    }
    totals.clients = clientSet.size
    const groups: HygieneRuleGroup[] = [...rules]
      .map(([rule, r]) => ({
        rule,
        severity: r.severity,
        count: r.count,
        clients: [...r.clients.values()].sort(
          (a, b) =>
            b.high - a.high ||
            b.count - a.count ||
            (a.orgName ?? '').localeCompare(b.orgName ?? '', undefined, { sensitivity: 'base' }),
        ),
      }))
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count)
    const judged = s.orgs.filter((o) => o.judged).length
    return {
      computedAt: s.at,
      totals,
      rules: groups,
      orgsJudged: judged,
      orgsNotSynced: s.orgs.length - judged,
    }
  }

  /** The findings of one rule in one client (or everything that matches), a page at a time. */
  findings(
    filter: HygieneFilter & {
      rule?: FindingRule | undefined
      client?: { accountId: string | null; orgId: number | null } | undefined
      offset?: number | undefined
      limit?: number | undefined
    },
  ): { total: number; items: HygieneFinding[] } {
    const { shown } = this.filtered(filter)
    const k = filter.client ? orgKey(filter.client.accountId, filter.client.orgId) : null
    const list = shown
      .filter(
        (f) =>
          (filter.rule === undefined || f.rule === filter.rule) && (k === null || orgKey(f.accountId, f.orgId) === k),
      )
      .sort(
        (a, b) =>
          SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
          a.subject.localeCompare(b.subject, undefined, { sensitivity: 'base' }),
      )
    const offset = filter.offset ?? 0
    const limit = filter.limit ?? 500
    return { total: list.length, items: list.slice(offset, offset + limit) }
  }

  /** Every organization's score, open findings and change over 30 days. */
  scores(): ClientScore[] {
    return this.scoresState(false).scores
  }

  /**
   * The scores with the state they come from (`serial` changes with it); with `allowStale`, those of
   * the last computation while a new one is due (`stale`).
   */
  scoresState(allowStale: boolean): { scores: ClientScore[]; serial: number; stale: boolean } {
    const s = this.state(allowStale)
    const since = dayOf(this.clock.now() - 30 * DAY_MS)
    const key = `${s.serial}|${since}|${writeStamp(this.db)}`
    if (this.scoresMemo?.key !== key) this.scoresMemo = { key, value: this.computeScores(s, since) }
    return { scores: this.scoresMemo.value, serial: s.serial, stale: s.stale }
  }

  private computeScores(s: ReturnType<HygieneReport['state']>, since: string): ClientScore[] {
    const before = this.repo.scoresAtOrBefore(since)
    return s.orgs.map((org) => {
      const k = orgKey(org.accountId, org.orgId)
      const o = s.perOrg.get(k)
      const score = s.scores.get(k) ?? null
      const old = before.get(`${org.accountId}\u0000${org.orgId}`)
      return {
        accountId: org.accountId,
        orgId: org.orgId,
        orgName: org.name,
        score,
        open: (o?.high ?? 0) + (o?.medium ?? 0) + (o?.low ?? 0),
        high: o?.high ?? 0,
        medium: o?.medium ?? 0,
        low: o?.low ?? 0,
        delta30: score !== null && old !== undefined && old !== null ? score - old : null,
      }
    })
  }

  /** Open findings and score per day, of one organization or the whole fleet. */
  trend(days: number, org?: { accountId: string; orgId: number }): TrendPoint[] {
    this.state(true) // records today's point
    return this.repo.trend(dayOf(this.clock.now() - (days - 1) * DAY_MS), org)
  }

  /**
   * Accepts the risk (until reopened) or snoozes findings until a date, with a reason. Keys must name
   * current findings.
   */
  decide(input: { keys: readonly string[]; kind: DecisionKind; until?: number | undefined; reason: string }): number {
    const reason = input.reason.trim()
    if (reason === '') throw new AppError('INVALID_INPUT', 'fleet.reasonRequired')
    const now = this.clock.now()
    if (input.kind === 'snoozed' && (input.until === undefined || input.until <= now))
      throw new AppError('INVALID_INPUT', 'fleet.snoozeInFuture')
    const byKey = new Map(this.state(false).findings.map((f) => [f.key, f] as const))
    const rows: DecisionRow[] = []
    for (const key of new Set(input.keys)) {
      const f: Finding | undefined = byKey.get(key)
      if (!f) continue
      rows.push({
        findingKey: key,
        accountId: f.accountId,
        orgId: f.orgId,
        rule: f.rule,
        kind: input.kind,
        until: input.kind === 'snoozed' ? (input.until ?? null) : null,
        reason,
        decidedAt: now,
      })
    }
    if (rows.length === 0) throw new AppError('NOT_FOUND', 'fleet.findingsStale')
    this.repo.saveDecisions(rows)
    this.decisionsVersion++
    return rows.length
  }

  /** Reopens findings (removes their decision). */
  reopen(keys: readonly string[]): number {
    const n = this.repo.deleteDecisions(keys)
    this.decisionsVersion++
    return n
  }
}
