import type Database from 'better-sqlite3'
import {
  DEFAULT_NOTIFICATION_PREFS,
  NotificationPrefs,
  ReminderParams,
  ReminderRule,
  Severity,
  Delivery,
  type MuteScope,
  type NewMute,
  type Reminder,
  type ReminderFilter,
  type ScheduleMode,
  type SyncSchedule,
} from '../../../shared/domain/reminders'

/** A stored mute, as the noise rules read it. */
export interface MuteRecord {
  id: number
  scope: MuteScope
  rule: ReminderRule | null
  accountId: string | null
  orgId: number | null
  until: number | null
}

export interface NewReminder {
  accountId: string
  rule: ReminderRule
  severity: Severity
  orgId: number | null
  orgName: string | null
  subject: string
  params: ReminderParams
  link: string
  key: string
  createdAt: number
  asOf: number | null
  delivery: Delivery
  dueAt: number | null
  mutedBy: number | null
}

interface ReminderRow {
  id: number
  account_id: string
  account_label: string | null
  rule: string
  severity: string
  org_id: number | null
  org_name: string | null
  subject: string
  params: string
  link: string
  created_at: number
  as_of: number | null
  delivery: string
  due_at: number | null
  delivered_at: number | null
  read_at: number | null
  muted_by: number | null
}

const SELECT_REMINDER = `SELECT r.id, r.account_id, a.label AS account_label, r.rule, r.severity, r.org_id, r.org_name,
  r.subject, r.params, r.link, r.created_at, r.as_of, r.delivery, r.due_at, r.delivered_at, r.read_at, r.muted_by
  FROM reminders r LEFT JOIN accounts a ON a.id = r.account_id`

function parseParams(raw: string): ReminderParams {
  try {
    const parsed = ReminderParams.safeParse(JSON.parse(raw) as unknown)
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

function toReminder(r: ReminderRow): Reminder | null {
  const rule = ReminderRule.safeParse(r.rule)
  // A rule this version does not know (written by a newer app): skip it rather than fail the list.
  if (!rule.success) return null
  const severity = Severity.safeParse(r.severity)
  const delivery = Delivery.safeParse(r.delivery)
  return {
    id: r.id,
    rule: rule.data,
    severity: severity.success ? severity.data : 'medium',
    accountId: r.account_id,
    accountLabel: r.account_label,
    orgId: r.org_id,
    orgName: r.org_name,
    subject: r.subject,
    params: parseParams(r.params),
    link: r.link,
    createdAt: r.created_at,
    asOf: r.as_of,
    dueAt: r.due_at,
    deliveredAt: r.delivered_at,
    delivery: delivery.success ? delivery.data : 'immediate',
    readAt: r.read_at,
    mutedBy: r.muted_by,
  }
}

/** SQL of the reminder tables (user data). Statements are prepared once. */
export class RemindersRepo {
  private readonly s: {
    insert: Database.Statement
    keyGet: Database.Statement<[string, string], { key: string }>
    keyElsewhere: Database.Statement<[string, string], { key: string }>
    keyInsert: Database.Statement<[string, string, string, number | null, number]>
    keysOf: Database.Statement<[string], { key: string; rule: string }>
    keyDelete: Database.Statement<[string, string]>
    cursorGet: Database.Statement<[string], { first_at: number; last_at: number; history_id: number }>
    cursorSet: Database.Statement<[string, number, number, number]>
    due: Database.Statement<[number], ReminderRow>
    byIds: (n: number) => Database.Statement<number[], ReminderRow>
    markDelivered: Database.Statement<[number, number]>
    setMuted: Database.Statement<[number, number]>
    postpone: Database.Statement<[number, string, number]>
    unread: Database.Statement<[], { n: number }>
    nextDue: Database.Statement<[], { at: number | null }>
    mutes: Database.Statement<[], Omit<MuteRecord, 'rule'> & { rule: string | null; createdAt: number }>
    prefsGet: Database.Statement<[], { value: string }>
    prefsSet: Database.Statement<[string, number]>
    scheduleGet: Database.Statement<[string], { mode: string; daily_at: string }>
    scheduleSet: Database.Statement<[string, string, string, number]>
  }

  constructor(private readonly db: Database.Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO reminders (account_id, rule, severity, org_id, org_name, subject, params, link, dedupe_key, created_at, as_of, delivery, due_at, muted_by)
         VALUES (@accountId, @rule, @severity, @orgId, @orgName, @subject, @params, @link, @key, @createdAt, @asOf, @delivery, @dueAt, @mutedBy)`,
      ),
      keyGet: db.prepare('SELECT key FROM reminder_keys WHERE account_id = ? AND key = ?'),
      keyElsewhere: db.prepare('SELECT key FROM reminder_keys WHERE key = ? AND account_id != ? LIMIT 1'),
      keyInsert: db.prepare(
        'INSERT OR IGNORE INTO reminder_keys (account_id, key, rule, reminder_id, fired_at) VALUES (?, ?, ?, ?, ?)',
      ),
      keysOf: db.prepare('SELECT key, rule FROM reminder_keys WHERE account_id = ?'),
      keyDelete: db.prepare('DELETE FROM reminder_keys WHERE account_id = ? AND key = ?'),
      cursorGet: db.prepare('SELECT first_at, last_at, history_id FROM reminder_cursor WHERE account_id = ?'),
      cursorSet: db.prepare(
        `INSERT INTO reminder_cursor (account_id, first_at, last_at, history_id) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET last_at = excluded.last_at, history_id = excluded.history_id`,
      ),
      due: db.prepare(
        `${SELECT_REMINDER} WHERE r.delivered_at IS NULL AND r.due_at IS NOT NULL AND r.due_at <= ? AND r.delivery != 'muted' ORDER BY r.due_at, r.id`,
      ),
      byIds: (n) => db.prepare(`${SELECT_REMINDER} WHERE r.id IN (${Array(n).fill('?').join(',')}) ORDER BY r.id`),
      markDelivered: db.prepare('UPDATE reminders SET delivered_at = ? WHERE id = ?'),
      setMuted: db.prepare("UPDATE reminders SET delivery = 'muted', due_at = NULL, muted_by = ? WHERE id = ?"),
      postpone: db.prepare('UPDATE reminders SET due_at = ?, delivery = ? WHERE id = ?'),
      unread: db.prepare("SELECT count(*) AS n FROM reminders WHERE read_at IS NULL AND delivery != 'muted'"),
      nextDue: db.prepare(
        "SELECT min(due_at) AS at FROM reminders WHERE delivered_at IS NULL AND due_at IS NOT NULL AND delivery != 'muted'",
      ),
      mutes: db.prepare(
        `SELECT id, scope, rule, account_id AS accountId, org_id AS orgId, until, created_at AS createdAt
         FROM reminder_mutes ORDER BY created_at DESC, id DESC`,
      ),
      prefsGet: db.prepare('SELECT value FROM notification_prefs WHERE id = 1'),
      prefsSet: db.prepare(
        `INSERT INTO notification_prefs (id, value, updated_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ),
      scheduleGet: db.prepare('SELECT mode, daily_at FROM sync_schedules WHERE account_id = ?'),
      scheduleSet: db.prepare(
        `INSERT INTO sync_schedules (account_id, mode, daily_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET mode = excluded.mode, daily_at = excluded.daily_at, updated_at = excluded.updated_at`,
      ),
    }
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  // ---------------------------------------------------------------- keys and cursor

  hasKey(accountId: string, key: string): boolean {
    return this.s.keyGet.get(accountId, key) !== undefined
  }

  /** True when another account already fired `key` (the same product or person seen by two logins). */
  firedElsewhere(accountId: string, key: string): boolean {
    return this.s.keyElsewhere.get(key, accountId) !== undefined
  }

  keys(accountId: string): { key: string; rule: string }[] {
    return this.s.keysOf.all(accountId)
  }

  addKey(accountId: string, key: string, rule: ReminderRule, reminderId: number | null, at: number): void {
    this.s.keyInsert.run(accountId, key, rule, reminderId, at)
  }

  releaseKey(accountId: string, key: string): void {
    this.s.keyDelete.run(accountId, key)
  }

  cursor(accountId: string): { firstAt: number; lastAt: number; historyId: number } | null {
    const row = this.s.cursorGet.get(accountId)
    return row ? { firstAt: row.first_at, lastAt: row.last_at, historyId: row.history_id } : null
  }

  setCursor(accountId: string, at: number, historyId: number): void {
    this.s.cursorSet.run(accountId, at, at, historyId)
  }

  // ---------------------------------------------------------------- reminders

  insert(r: NewReminder): number {
    return Number(this.s.insert.run({ ...r, params: JSON.stringify(r.params) }).lastInsertRowid)
  }

  byIds(ids: readonly number[]): Reminder[] {
    const out: Reminder[] = []
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500)
      for (const row of this.s.byIds(chunk.length).all(...chunk)) {
        const r = toReminder(row)
        if (r) out.push(r)
      }
    }
    return out
  }

  /** Undelivered, unmuted reminders due at or before `now`, oldest first. */
  due(now: number): Reminder[] {
    return this.s.due
      .all(now)
      .map(toReminder)
      .filter((r): r is Reminder => r !== null)
  }

  markDelivered(ids: readonly number[], at: number): void {
    this.transaction(() => {
      for (const id of ids) this.s.markDelivered.run(at, id)
    })
  }

  setMuted(id: number, muteId: number): void {
    this.s.setMuted.run(muteId, id)
  }

  postpone(id: number, dueAt: number, delivery: Delivery): void {
    this.s.postpone.run(dueAt, delivery, id)
  }

  nextDueAt(): number | null {
    return this.s.nextDue.get()?.at ?? null
  }

  unreadCount(): number {
    return this.s.unread.get()!.n
  }

  list(f: ReminderFilter): { items: Reminder[]; total: number } {
    const where: string[] = []
    const args: Record<string, string | number> = {}
    if (f.unreadOnly) where.push('r.read_at IS NULL')
    if (!f.includeMuted) where.push("r.delivery != 'muted'")
    if (f.rules && f.rules.length > 0) {
      where.push(`r.rule IN (${f.rules.map((_, i) => `@rule${i}`).join(', ')})`)
      f.rules.forEach((rule, i) => (args[`rule${i}`] = rule))
    }
    if (f.severity) {
      where.push('r.severity = @severity')
      args['severity'] = f.severity
    }
    if (f.accountId) {
      where.push('r.account_id = @accountId')
      args['accountId'] = f.accountId
    }
    if (f.orgId !== undefined) {
      where.push('r.org_id = @orgId')
      args['orgId'] = f.orgId
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
    const total = this.db
      .prepare<Record<string, string | number>, { n: number }>(`SELECT count(*) AS n FROM reminders r ${filter}`)
      .get(args)!.n
    const page = [...where]
    if (f.beforeId !== undefined) {
      page.push('r.id < @beforeId')
      args['beforeId'] = f.beforeId
    }
    const rows = this.db
      .prepare<Record<string, string | number>, ReminderRow>(
        `${SELECT_REMINDER} ${page.length > 0 ? `WHERE ${page.join(' AND ')}` : ''} ORDER BY r.id DESC LIMIT @limit`,
      )
      .all({ ...args, limit: f.limit ?? 100 })
    return { items: rows.map(toReminder).filter((r): r is Reminder => r !== null), total }
  }

  /** Marks reminders read (or unread); `ids` absent: every unread one. Returns how many changed. */
  markRead(ids: readonly number[] | undefined, at: number | null): number {
    if (ids === undefined) {
      return this.db.prepare('UPDATE reminders SET read_at = ? WHERE read_at IS NULL').run(at).changes
    }
    const stmt = this.db.prepare(
      at === null
        ? 'UPDATE reminders SET read_at = NULL WHERE id = ?'
        : 'UPDATE reminders SET read_at = ? WHERE id = ? AND read_at IS NULL',
    )
    return this.transaction(() => ids.reduce((n, id) => n + (at === null ? stmt.run(id) : stmt.run(at, id)).changes, 0))
  }

  /** Deletes read reminders created before `before` (their keys stay, so nothing fires again). */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM reminders WHERE read_at IS NOT NULL AND created_at < ?').run(before).changes
  }

  // ---------------------------------------------------------------- mutes

  mutes(): (MuteRecord & { createdAt: number })[] {
    return this.s.mutes.all().map((m) => ({ ...m, rule: ReminderRule.safeParse(m.rule).data ?? null }))
  }

  addMute(m: NewMute, at: number): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO reminder_mutes (scope, rule, account_id, org_id, until, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          m.scope,
          m.scope === 'rule' ? m.rule : null,
          m.scope === 'org' ? m.accountId : null,
          m.scope === 'org' ? m.orgId : null,
          m.until,
          at,
        ).lastInsertRowid,
    )
  }

  removeMute(id: number): boolean {
    return this.db.prepare('DELETE FROM reminder_mutes WHERE id = ?').run(id).changes > 0
  }

  /** Forgets mutes whose period is over. */
  dropExpiredMutes(now: number): number {
    return this.db.prepare('DELETE FROM reminder_mutes WHERE until IS NOT NULL AND until <= ?').run(now).changes
  }

  // ---------------------------------------------------------------- preferences and schedules

  /** Stored preferences over the defaults; an unreadable or invalid value falls back per key. */
  prefs(): NotificationPrefs {
    const row = this.s.prefsGet.get()
    if (!row) return DEFAULT_NOTIFICATION_PREFS
    let stored: Record<string, unknown> = {}
    try {
      const parsed = JSON.parse(row.value) as unknown
      if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>
    } catch {
      return DEFAULT_NOTIFICATION_PREFS
    }
    const merged: Record<string, unknown> = { ...DEFAULT_NOTIFICATION_PREFS }
    for (const key of Object.keys(DEFAULT_NOTIFICATION_PREFS) as (keyof NotificationPrefs)[]) {
      const candidate = NotificationPrefs.shape[key].safeParse(stored[key])
      if (candidate.success) merged[key] = candidate.data
    }
    return NotificationPrefs.parse(merged)
  }

  setPrefs(prefs: NotificationPrefs, at: number): void {
    this.s.prefsSet.run(JSON.stringify(prefs), at)
  }

  schedule(accountId: string): SyncSchedule | null {
    const row = this.s.scheduleGet.get(accountId)
    if (!row) return null
    const mode = row.mode as ScheduleMode
    return { mode, dailyAt: row.daily_at }
  }

  setSchedule(accountId: string, schedule: SyncSchedule, at: number): void {
    this.s.scheduleSet.run(accountId, schedule.mode, schedule.dailyAt, at)
  }
}
