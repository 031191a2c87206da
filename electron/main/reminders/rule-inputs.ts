import type Database from 'better-sqlite3'
import type { AccessWatch } from '../../../shared/domain/reminders'
import {
  EXPIRED_NEWS_DAYS,
  RENEWAL_NOTICE_DAYS,
  STALE_INVITATION_DAYS,
  type AccessChange,
  type ExpiringProduct,
  type HighFinding,
  type ScopeIssue,
  type StaleInvitation,
} from './rules'

const DAY_S = 86_400

/**
 * Products in the renewal windows of one account. `+account_id` keeps SQLite on the expiry index:
 * the window holds a few percent of a fleet's products (`npm run bench -- reminders`).
 */
export const EXPIRING_PRODUCTS_SQL = `SELECT p.id AS productId, p.org_id AS orgId, p.customer_name AS customerName,
         p.service_name AS serviceName, p.expired_at AS expiredAt
  FROM products p
  WHERE +p.account_id = @account AND p.expired_at IS NOT NULL AND p.expired_at >= @from AND p.expired_at < @to`

/**
 * Reads what the rules need from the cache (products, users, sync state) and the access history,
 * one account at a time, with indexed queries. The only SQL of the reminder rules.
 */
export class RuleInputsRepo {
  private readonly s: {
    products: Database.Statement<{ account: string; from: number; to: number }, ExpiringProduct>
    scopes: Database.Statement<[string], { scope: string; resource: string; orgs: number }>
    high: Database.Statement<[string], HighFinding>
    stale: Database.Statement<[string, number], StaleInvitation>
    history: Database.Statement<[string, number], AccessChange>
    maxHistory: Database.Statement<[string], { id: number | null }>
    orgName: Database.Statement<[string, number], { name: string }>
    orgNames: Database.Statement<[string], { id: number; name: string }>
  }

  constructor(db: Database.Database) {
    this.s = {
      products: db.prepare(EXPIRING_PRODUCTS_SQL),
      scopes: db.prepare(
        `SELECT needed_scope AS scope, resource, count(DISTINCT org_id) AS orgs FROM sync_state
         WHERE account_id = ? AND status = 'needs_scope' AND needed_scope IS NOT NULL
         GROUP BY needed_scope, resource ORDER BY needed_scope, resource`,
      ),
      // The high-severity hygiene findings (access/hygiene.ts): an owner or administrator without 2FA.
      high: db.prepare(
        `SELECT 'no_2fa' AS rule, org_id AS orgId, email, display_name AS name, role_type AS role
         FROM org_users
         WHERE account_id = ? AND state = 'valid' AND has_2fa = 0 AND role_type IN ('owner', 'admin')`,
      ),
      stale: db.prepare(
        `SELECT org_id AS orgId, member_key AS memberKey, email, display_name AS name, role_type AS role,
                invited_at AS invitedAt
         FROM org_users
         WHERE account_id = ? AND state = 'pending' AND invited_at IS NOT NULL AND invited_at < ?`,
      ),
      history: db.prepare(
        `SELECT h.id AS historyId, h.org_id AS orgId, coalesce(o.name, '#' || h.org_id) AS orgName, h.kind,
                h.after AS role, h.before, h.subject_email AS email, h.subject_name AS name,
                h.subject_key AS subjectKey, h.at
         FROM access_history h LEFT JOIN orgs o ON o.account_id = h.account_id AND o.id = h.org_id
         WHERE h.account_id = ? AND h.id > ? AND h.kind IN ('member_added', 'role_changed')
           AND h.after IN ('owner', 'admin')
         ORDER BY h.id`,
      ),
      maxHistory: db.prepare('SELECT max(id) AS id FROM access_history WHERE account_id = ?'),
      orgName: db.prepare('SELECT name FROM orgs WHERE account_id = ? AND id = ?'),
      orgNames: db.prepare('SELECT id, name FROM orgs WHERE account_id = ?'),
    }
  }

  /** Products expiring within the notice window, or expired within the news window. */
  expiringProducts(accountId: string, nowMs: number): ExpiringProduct[] {
    const nowS = Math.floor(nowMs / 1000)
    const today = nowS - (nowS % DAY_S)
    return this.s.products.all({
      account: accountId,
      from: nowS - EXPIRED_NEWS_DAYS * DAY_S,
      to: today + RENEWAL_NOTICE_DAYS * DAY_S,
    })
  }

  scopeIssues(accountId: string): ScopeIssue[] {
    const byScope = new Map<string, ScopeIssue>()
    for (const r of this.s.scopes.all(accountId)) {
      const issue = byScope.get(r.scope) ?? { scope: r.scope, resources: [], orgCount: 0 }
      issue.resources.push(r.resource)
      issue.orgCount = Math.max(issue.orgCount, r.orgs)
      byScope.set(r.scope, issue)
    }
    return [...byScope.values()]
  }

  highFindings(accountId: string): HighFinding[] {
    return this.s.high.all(accountId)
  }

  staleInvitations(accountId: string, nowMs: number): StaleInvitation[] {
    return this.s.stale.all(accountId, Math.floor(nowMs / 1000) - STALE_INVITATION_DAYS * DAY_S)
  }

  /** New legal representatives and administrators recorded after `afterId`, in watched organisations. */
  accessChanges(accountId: string, afterId: number, watch: AccessWatch): AccessChange[] {
    const rows = this.s.history.all(accountId, afterId)
    if (watch.mode === 'all') return rows
    const watched = new Set(watch.orgs.filter((o) => o.accountId === accountId).map((o) => o.orgId))
    return rows.filter((r) => watched.has(r.orgId))
  }

  lastHistoryId(accountId: string): number {
    return this.s.maxHistory.get(accountId)?.id ?? 0
  }

  /** Names of an account's organisations (the rules name the few that have news). */
  orgNames(accountId: string): Map<number, string> {
    return new Map(this.s.orgNames.all(accountId).map((o) => [o.id, o.name]))
  }

  orgName(accountId: string, orgId: number): string | null {
    return this.s.orgName.get(accountId, orgId)?.name ?? null
  }
}
