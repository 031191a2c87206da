import {
  MAX_ANNOUNCED,
  NotificationPrefs,
  type Mute,
  type NewMute,
  type NotificationPrefsPatch,
  type NotificationSettings,
  type Reminder,
  type ReminderFilter,
  type ReminderPage,
} from '../../../shared/domain/reminders'
import type { SyncStatus } from '../../../shared/domain/cache'
import type { EventBus } from '../ipc/dispatch'
import type { Clock } from '../lib/clock'
import type { Logger } from '../lib/logger'
import { AppError } from '../lib/app-error'
import type { CalendarFeed } from './calendar-feed'
import { planDelivery, recheck, type NoiseContext } from './noise'
import type { RemindersRepo } from './reminders-repo'
import type { RuleInputsRepo } from './rule-inputs'
import { evaluateRules, RELEASABLE, type GaugeReading, type RuleAccount } from './rules'

export interface RemindersServiceOptions {
  repo: RemindersRepo
  inputs: RuleInputsRepo
  clock: Clock
  logger: Logger
  events: EventBus
  /** Zone of the user's wall clock (digest time, quiet hours). */
  timeZone: string
  account(id: string): (RuleAccount & { lastSyncAt: number | null }) | undefined
  accountIds(): string[]
  /** The billing service's partner gauge; null when there is nothing to measure (no price list). */
  gauge(accountId: string): readonly GaugeReading[] | null
  /** The renewals calendar feed and the ICS it writes; absent: no feed. */
  calendar?: { feed: CalendarFeed; build: () => { text: string; events: number } }
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const

/**
 * Reminders: rules evaluated after each sync (and hourly, for windows that open with time),
 * stored once per object and window, announced at once, in a digest or after quiet hours, unless
 * muted. Announcements are `reminders:new` events that every host shows its own way.
 */
export class RemindersService {
  private readonly lastState = new Map<string, SyncStatus['state']>()
  /** Accounts whose last sync stopped because the token source (keychain entry, variable) is gone. */
  private readonly tokenMissing = new Set<string>()

  constructor(private readonly o: RemindersServiceOptions) {}

  private noise(): NoiseContext {
    return { prefs: this.o.repo.prefs(), mutes: this.o.repo.mutes(), timeZone: this.o.timeZone }
  }

  /** Called for every `sync:progress`: a sync that just ended is followed by an evaluation. */
  onSyncProgress(status: SyncStatus): void {
    const before = this.lastState.get(status.accountId)
    this.lastState.set(status.accountId, status.state)
    if (status.state === 'token_missing') this.tokenMissing.add(status.accountId)
    else if (status.state === 'idle') this.tokenMissing.delete(status.accountId)
    const ended =
      before === 'syncing' &&
      (status.state === 'idle' || status.state === 'token_rejected' || status.state === 'token_missing')
    if (ended) this.afterSync(status.accountId)
  }

  /** Evaluates the rules of an account, writes the calendar feed, announces what is due. */
  afterSync(accountId: string): void {
    try {
      this.evaluate(accountId)
    } catch (error) {
      this.o.logger.error('reminder evaluation failed', { accountId, error })
    }
    this.writeCalendarIfEnabled()
    try {
      this.deliverDue()
    } catch (error) {
      this.o.logger.error('reminder delivery failed', { error })
    }
  }

  /**
   * Runs every rule for one account and stores what is new. Returns the reminders created (muted
   * ones included). Change rules are recorded silently on an account's first evaluation, which waits
   * for its first complete sync.
   */
  evaluate(accountId: string): Reminder[] {
    const account = this.o.account(accountId)
    if (!account) return []
    // Before the first complete sync the cache is empty or partial: everything would look new later. Only what
    // stops the account from ever syncing (a token rejected or gone) is said, and that is no baseline.
    const beforeFirstSync = account.lastSyncAt === null
    const { repo, inputs } = this.o
    const now = this.o.clock.now()
    const prefs = repo.prefs()
    const cursor = repo.cursor(accountId)
    const first = cursor === null
    const fired = new Set(repo.keys(accountId).map((k) => k.key))
    const lastHistoryId = inputs.lastHistoryId(accountId)
    const ruled = evaluateRules(
      {
        account: this.tokenMissing.has(accountId) ? { ...account, state: 'token_missing' } : account,
        orgNames: beforeFirstSync ? new Map() : inputs.orgNames(accountId),
        products: beforeFirstSync ? [] : inputs.expiringProducts(accountId, now),
        scopeIssues: beforeFirstSync ? [] : inputs.scopeIssues(accountId),
        highFindings: beforeFirstSync ? [] : inputs.highFindings(accountId),
        accessChanges:
          first || beforeFirstSync ? [] : inputs.accessChanges(accountId, cursor.historyId, prefs.accessWatch),
        staleInvitations: beforeFirstSync ? [] : inputs.staleInvitations(accountId, now),
        gauge: beforeFirstSync ? null : this.o.gauge(accountId),
      },
      now,
      fired,
    )
    const { holding } = ruled
    const candidates = beforeFirstSync ? ruled.candidates.filter((c) => c.rule === 'token_rejected') : ruled.candidates
    if (beforeFirstSync && candidates.length === 0) return []
    const disabled = new Set(prefs.disabledRules)
    const noise: NoiseContext = { prefs, mutes: repo.mutes(), timeZone: this.o.timeZone }
    const created: number[] = []
    repo.transaction(() => {
      for (const c of candidates) {
        if (disabled.has(c.rule) || fired.has(c.key)) continue
        fired.add(c.key)
        if (c.silent || (first && c.kind === 'change') || (c.shared && repo.firedElsewhere(accountId, c.key))) {
          repo.addKey(accountId, c.key, c.rule, null, now)
          continue
        }
        const plan = planDelivery({ rule: c.rule, accountId, orgId: c.orgId }, now, noise)
        const id = repo.insert({
          accountId,
          rule: c.rule,
          severity: c.severity,
          orgId: c.orgId,
          orgName: c.orgName,
          subject: c.subject,
          params: c.params,
          link: c.link,
          key: c.key,
          createdAt: now,
          asOf: account.lastSyncAt,
          ...plan,
        })
        repo.addKey(accountId, c.key, c.rule, id, now)
        created.push(id)
      }
      if (beforeFirstSync) return
      // A condition that cleared releases its key: the next time it holds, it is news again.
      for (const k of repo.keys(accountId)) {
        if (RELEASABLE.has(k.rule as never) && !holding.has(k.key)) repo.releaseKey(accountId, k.key)
      }
      repo.setCursor(accountId, now, lastHistoryId)
    })
    if (created.length > 0) {
      this.o.logger.info('reminders created', { accountId, count: created.length, first })
      this.o.events.emit('cache:changed', { scopes: ['reminders'] })
    }
    return repo.byIds(created)
  }

  /** Re-evaluates every account whose last evaluation is older than `maxAgeMs` (time opens windows). */
  evaluateStale(maxAgeMs: number): void {
    const now = this.o.clock.now()
    for (const id of this.o.accountIds()) {
      // A sync in progress is followed by its own evaluation.
      if (this.lastState.get(id) === 'syncing') continue
      const cursor = this.o.repo.cursor(id)
      if (cursor && now - cursor.lastAt < maxAgeMs) continue
      try {
        this.evaluate(id)
      } catch (error) {
        this.o.logger.error('reminder evaluation failed', { accountId: id, error })
      }
    }
  }

  /**
   * Announces every reminder that is due: immediate ones as alerts, digest and held-back ones as one
   * digest. Mutes added since creation silence; quiet hours hold back. Returns what was announced.
   */
  deliverDue(): { immediate: Reminder[]; digest: Reminder[] } {
    const now = this.o.clock.now()
    const due = this.o.repo.due(now)
    const result = { immediate: [] as Reminder[], digest: [] as Reminder[] }
    if (due.length === 0) return result
    const noise = this.noise()
    this.o.repo.transaction(() => {
      for (const r of due) {
        const action = recheck({ rule: r.rule, accountId: r.accountId, orgId: r.orgId }, now, noise)
        if (action.action === 'mute') this.o.repo.setMuted(r.id, action.muteId)
        else if (action.action === 'hold')
          this.o.repo.postpone(r.id, action.until, r.delivery === 'immediate' ? 'quiet_hours' : r.delivery)
        else (r.delivery === 'immediate' ? result.immediate : result.digest).push({ ...r, deliveredAt: now })
      }
      this.o.repo.markDelivered(
        [...result.immediate, ...result.digest].map((r) => r.id),
        now,
      )
    })
    const unread = this.o.repo.unreadCount()
    for (const [list, digest] of [
      [result.immediate, false],
      [result.digest, true],
    ] as const) {
      if (list.length === 0) continue
      const sorted = [...list].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id - b.id)
      this.o.events.emit('reminders:new', {
        reminders: sorted.slice(0, MAX_ANNOUNCED),
        count: sorted.length,
        digest,
        notify: noise.prefs.desktop,
        unread,
      })
    }
    this.o.events.emit('cache:changed', { scopes: ['reminders'] })
    return result
  }

  /** When the next undelivered reminder is due (for the scheduler's wake-up), or null. */
  nextDueAt(): number | null {
    return this.o.repo.nextDueAt()
  }

  list(filter: ReminderFilter): ReminderPage {
    const { items, total } = this.o.repo.list(filter)
    return { items, total, unread: this.o.repo.unreadCount() }
  }

  /** Marks reminders read (`read: false`: unread again); no ids: every unread one. */
  markRead(ids: readonly number[] | undefined, read: boolean): { unread: number } {
    const changed = this.o.repo.markRead(ids, read ? this.o.clock.now() : null)
    if (changed > 0) this.o.events.emit('cache:changed', { scopes: ['reminders'] })
    return { unread: this.o.repo.unreadCount() }
  }

  prefs(): NotificationPrefs {
    return this.o.repo.prefs()
  }

  settings(): NotificationSettings {
    return { prefs: this.o.repo.prefs(), calendarFeed: this.calendarState() }
  }

  setPrefs(patch: NotificationPrefsPatch): NotificationSettings {
    const before = this.o.repo.prefs()
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    const next: NotificationPrefs = NotificationPrefs.parse({ ...before, ...defined })
    this.o.repo.setPrefs(next, this.o.clock.now())
    if (next.calendarFeed && !before.calendarFeed) this.writeCalendarIfEnabled()
    this.o.events.emit('cache:changed', { scopes: ['reminders'] })
    return this.settings()
  }

  mutes(): Mute[] {
    const now = this.o.clock.now()
    return this.o.repo
      .mutes()
      .filter((m) => m.until === null || m.until > now)
      .map((m) => ({
        id: m.id,
        scope: m.scope,
        rule: m.rule,
        accountId: m.accountId,
        orgId: m.orgId,
        orgName: m.accountId !== null && m.orgId !== null ? this.o.inputs.orgName(m.accountId, m.orgId) : null,
        until: m.until,
        createdAt: m.createdAt,
      }))
  }

  mute(m: NewMute): Mute[] {
    const now = this.o.clock.now()
    if (m.until !== null && m.until <= now) throw new AppError('INVALID_INPUT', 'reminders.muteInPast')
    if (m.scope === 'org' && this.o.inputs.orgName(m.accountId, m.orgId) === null)
      throw new AppError('NOT_FOUND', 'access.orgNotCached')
    this.o.repo.dropExpiredMutes(now)
    this.o.repo.addMute(m, now)
    this.o.events.emit('cache:changed', { scopes: ['reminders'] })
    return this.mutes()
  }

  unmute(id: number): Mute[] {
    if (!this.o.repo.removeMute(id)) throw new AppError('NOT_FOUND', 'reminders.muteNotFound')
    this.o.events.emit('cache:changed', { scopes: ['reminders'] })
    return this.mutes()
  }

  calendarState(): NotificationSettings['calendarFeed'] {
    const feed = this.o.calendar?.feed
    return feed ? feed.state() : { path: '', writtenAt: null, events: null, error: 'not available' }
  }

  /** Writes the renewals ICS to its fixed file when the setting is on. */
  writeCalendarIfEnabled(): void {
    const c = this.o.calendar
    if (!c || !this.o.repo.prefs().calendarFeed) return
    const state = c.feed.write(c.build)
    if (state.error) this.o.logger.warn('calendar feed not written', { error: state.error })
  }
}
