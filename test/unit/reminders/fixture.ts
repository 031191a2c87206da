import { openStores } from '../../../electron/main/store/stores'
import { tempDir } from '../../helpers/temp'
import { FakeClock } from '../../../electron/main/lib/clock'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { EventBus } from '../../../electron/main/ipc/dispatch'
import { RemindersRepo } from '../../../electron/main/reminders/reminders-repo'
import { RemindersService } from '../../../electron/main/reminders/reminders-service'
import { RuleInputsRepo } from '../../../electron/main/reminders/rule-inputs'
import type { GaugeReading } from '../../../electron/main/reminders/rules'
import type { RemindersAnnounced } from '../../../shared/domain/reminders'

export const DAY_MS = 86_400_000
export const ZONE = 'Europe/Zurich'
/** Monday 2 March 2026, 10:00 in Zurich (09:00 UTC). */
export const START = Date.UTC(2026, 2, 2, 9, 0)

/**
 * A data folder's two stores (user.sqlite with cache.sqlite attached) at the newest schema with one account and two organisations, a reminders
 * service on a fake clock in Europe/Zurich, and a recorder of `reminders:new` announcements.
 */
export function remindersFixture(options: { start?: number; gauge?: () => readonly GaugeReading[] | null } = {}) {
  const clock = new FakeClock(options.start ?? START)
  const dir = tempDir('switchboard-reminders-')
  const stores = openStores({ dataDir: dir.dir, logger: memoryLogger(), now: () => clock.now() })
  const db = stores.db
  const events = new EventBus()
  const announced: RemindersAnnounced[] = []
  events.on((channel, payload) => {
    if (channel === 'reminders:new') announced.push(payload as RemindersAnnounced)
  })
  db.prepare(
    "INSERT INTO accounts (id, label, base_url, created_at, last_sync_at) VALUES ('acc-1', 'Agency', 'https://api.example', 1, ?)",
  ).run(clock.now())
  for (const [id, name] of [
    [10, 'Bäckerei Zürich AG'],
    [20, "L'Atelier Genève Sàrl"],
  ] as const) {
    db.prepare("INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES ('acc-1', ?, ?, 'owner', 1)").run(
      id,
      name,
    )
  }
  const repo = new RemindersRepo(db)
  let gauge = options.gauge ?? (() => null)
  const service = new RemindersService({
    repo,
    inputs: new RuleInputsRepo(db),
    clock,
    logger: memoryLogger(),
    events,
    timeZone: ZONE,
    account: (id) => {
      const a = db
        .prepare<[string], { id: string; label: string; state: string; last_sync_at: number | null }>(
          'SELECT id, label, state, last_sync_at FROM accounts WHERE id = ?',
        )
        .get(id)
      return a ? { id: a.id, label: a.label, state: a.state, lastSyncAt: a.last_sync_at } : undefined
    },
    accountIds: () => ['acc-1'],
    gauge: () => gauge(),
  })

  let nextProduct = 1000
  const seed = {
    /** A product of org 10 (or `orgId`) expiring `days` from now (negative: expired). */
    product(days: number, name = `p${nextProduct}.ch`, orgId = 10): number {
      const id = nextProduct++
      db.prepare(
        "INSERT INTO products (account_id, id, org_id, service_name, customer_name, expired_at, synced_at) VALUES ('acc-1', ?, ?, 'domain', ?, ?, 1)",
      ).run(id, orgId, name, Math.floor((clock.now() + days * DAY_MS) / 1000))
      return id
    },
    setExpiry(productId: number, days: number): void {
      db.prepare("UPDATE products SET expired_at = ? WHERE account_id = 'acc-1' AND id = ?").run(
        Math.floor((clock.now() + days * DAY_MS) / 1000),
        productId,
      )
    },
    user(u: {
      orgId?: number
      key: string
      email: string
      role?: string
      state?: string
      has2fa?: 0 | 1 | null
      invitedDaysAgo?: number
    }): void {
      db.prepare(
        `INSERT INTO org_users (account_id, org_id, member_key, email, display_name, role_type, state, has_2fa, invited_at)
         VALUES ('acc-1', ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id, org_id, member_key) DO UPDATE SET role_type = excluded.role_type,
           state = excluded.state, has_2fa = excluded.has_2fa, invited_at = excluded.invited_at`,
      ).run(
        u.orgId ?? 10,
        u.key,
        u.email,
        u.email.split('@')[0]!,
        u.role ?? 'normal',
        u.state ?? 'valid',
        u.has2fa === undefined ? 1 : u.has2fa,
        u.invitedDaysAgo === undefined ? null : Math.floor((clock.now() - u.invitedDaysAgo * DAY_MS) / 1000),
      )
    },
    history(h: { orgId?: number; kind: string; after: string | null; before?: string | null; email: string }): number {
      return Number(
        db
          .prepare(
            `INSERT INTO access_history (account_id, org_id, at, kind, subject_key, subject_email, subject_name, object_type, object_id, before, after)
             VALUES ('acc-1', ?, ?, ?, ?, ?, ?, 'org', ?, ?, ?)`,
          )
          .run(
            h.orgId ?? 10,
            clock.now(),
            h.kind,
            `u:${h.email}`,
            h.email,
            h.email.split('@')[0]!,
            h.orgId ?? 10,
            h.before ?? null,
            h.after,
          ).lastInsertRowid,
      )
    },
    scope(resource: string, scope: string | null): void {
      if (scope === null) {
        db.prepare("DELETE FROM sync_state WHERE account_id = 'acc-1' AND resource = ?").run(resource)
        return
      }
      db.prepare(
        `INSERT INTO sync_state (account_id, org_id, resource, status, attempted_at, needed_scope)
         VALUES ('acc-1', 0, ?, 'needs_scope', 1, ?)`,
      ).run(resource, scope)
    },
    accountState(state: string): void {
      db.prepare("UPDATE accounts SET state = ? WHERE id = 'acc-1'").run(state)
    },
    setGauge(fn: () => readonly GaugeReading[] | null): void {
      gauge = fn
    },
  }

  /** Rules of the reminders created by one evaluation, sorted. */
  const evaluate = (): string[] =>
    service
      .evaluate('acc-1')
      .map((r) => `${r.rule}:${r.subject}`)
      .sort()

  const close = (): void => {
    stores.close()
    dir.cleanup()
  }
  return { db, clock, events, repo, service, announced, seed, evaluate, close }
}
