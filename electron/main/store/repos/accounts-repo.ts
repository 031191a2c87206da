import type { Problem } from '../../../../shared/domain/problem'
import { decodeProblem, encodeProblem } from '../../lib/problem'
import type Database from 'better-sqlite3'
import { AccountState, type AccountSummary, type ScopeStatus } from '../../../../shared/domain/cache'
import { purgeAccountCache, purgeAccountCacheChunked, type ChunkedPurgeOptions } from './cache-purge'

export interface AccountRecord {
  id: string
  label: string
  base_url: string
  token_env: string | null
  user_id: number | null
  display_name: string | null
  email: string | null
  state: string
  is_demo: number
  scopes: string
  created_at: number
  last_sync_at: number | null
  last_error: string | null
  /** Set when the account was removed but its user data (ledger, history, audit) kept. */
  removed_at: number | null
}

/** What removing an account deletes from the cache (a sync could fetch it again). */
export interface CachedCounts {
  orgs: number
  products: number
  people: number
}

/** The account's data in the user store, kept unless the user explicitly deletes it. */
export interface KeptCounts {
  invoices: number
  prices: number
  historyEntries: number
  auditEntries: number
  offboardingRuns: number
}

export interface NewAccount {
  id: string
  label: string
  baseUrl: string
  tokenEnv: string | null
  userId: number | null
  displayName: string | null
  email: string | null
  isDemo: boolean
  scopes: readonly ScopeStatus[]
  createdAt: number
}

/**
 * Switchboard accounts (token owners), in `user.sqlite`. Deleting one purges its cached rows in
 * `cache.sqlite` explicitly and cascades (foreign keys) to its rows in `user.sqlite`.
 */
export class AccountsRepo {
  constructor(private readonly db: Database.Database) {}

  /** Accounts in use (not removed). */
  list(): AccountRecord[] {
    return this.db
      .prepare<[], AccountRecord>('SELECT * FROM accounts WHERE removed_at IS NULL ORDER BY created_at, id')
      .all()
  }

  /** An account in use (a removed one is undefined: it does not sync and is not shown). */
  get(id: string): AccountRecord | undefined {
    return this.db
      .prepare<[string], AccountRecord>('SELECT * FROM accounts WHERE id = ? AND removed_at IS NULL')
      .get(id)
  }

  /** Removed accounts whose user data was kept, most recently removed first. */
  listRemoved(): AccountRecord[] {
    return this.db
      .prepare<[], AccountRecord>('SELECT * FROM accounts WHERE removed_at IS NOT NULL ORDER BY removed_at DESC, id')
      .all()
  }

  /** Any account row, removed or not. */
  getAny(id: string): AccountRecord | undefined {
    return this.db.prepare<[string], AccountRecord>('SELECT * FROM accounts WHERE id = ?').get(id)
  }

  /** The account of an Infomaniak login, removed or not (adding it again brings a removed one back). */
  findByUser(userId: number, baseUrl: string): AccountRecord | undefined {
    return this.db
      .prepare<[number, string], AccountRecord>('SELECT * FROM accounts WHERE user_id = ? AND base_url = ?')
      .get(userId, baseUrl)
  }

  insert(a: NewAccount): void {
    this.db
      .prepare(
        `INSERT INTO accounts (id, label, base_url, token_env, user_id, display_name, email, state, is_demo, scopes, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?, ?)`,
      )
      .run(
        a.id,
        a.label,
        a.baseUrl,
        a.tokenEnv,
        a.userId,
        a.displayName,
        a.email,
        a.isDemo ? 1 : 0,
        JSON.stringify(a.scopes),
        a.createdAt,
      )
  }

  setLabel(id: string, label: string): boolean {
    return this.db.prepare('UPDATE accounts SET label = ? WHERE id = ?').run(label, id).changes > 0
  }

  /** Re-points an account at another API address (the demo sandbox listens on a new port per run). */
  setBaseUrl(id: string, baseUrl: string): boolean {
    return this.db.prepare('UPDATE accounts SET base_url = ? WHERE id = ?').run(baseUrl, id).changes > 0
  }

  /** The account's state and, when it failed, why (stored as a problem, worded by the renderer). */
  setState(id: string, state: AccountState, lastError: Problem | null): void {
    this.db
      .prepare('UPDATE accounts SET state = ?, last_error = ? WHERE id = ?')
      .run(state, encodeProblem(lastError), id)
  }

  setScopes(id: string, scopes: readonly ScopeStatus[]): void {
    this.db.prepare('UPDATE accounts SET scopes = ? WHERE id = ?').run(JSON.stringify(scopes), id)
  }

  markSynced(id: string, at: number): void {
    this.db.prepare("UPDATE accounts SET last_sync_at = ?, state = 'ok', last_error = NULL WHERE id = ?").run(at, id)
  }

  /**
   * Removes an account but keeps its user data: the row stays (marked removed, signed out) so its ledger,
   * price list, history and audit keep their owner. From here on the account is neither listed nor synced;
   * its cached rows go next, in bounded chunks ({@link purgeRemovedCache}).
   */
  markRemoved(id: string, at: number): boolean {
    return (
      this.db
        .prepare(
          "UPDATE accounts SET removed_at = ?, state = 'signed_out', last_error = NULL, last_sync_at = NULL WHERE id = ?",
        )
        .run(at, id).changes > 0
    )
  }

  /**
   * Purges the cached rows of a removed account in transactions of at most 5,000 rows, yielding between
   * them; stops if the account is brought back meanwhile. Answers the number of rows deleted.
   */
  purgeRemovedCache(id: string, options: Omit<ChunkedPurgeOptions, 'shouldContinue'> = {}): Promise<number> {
    const removed = this.db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM accounts WHERE id = ? AND removed_at IS NOT NULL',
    )
    return purgeAccountCacheChunked(this.db, id, { ...options, shouldContinue: () => removed.get(id) !== undefined })
  }

  /** Removed accounts that still have cached rows (a purge cut short by a quit or a crash). */
  removedWithCache(): string[] {
    return this.db
      .prepare<[], { id: string }>(
        `SELECT a.id FROM accounts a WHERE a.removed_at IS NOT NULL
           AND (EXISTS (SELECT 1 FROM orgs o WHERE o.account_id = a.id)
             OR EXISTS (SELECT 1 FROM products p WHERE p.account_id = a.id)
             OR EXISTS (SELECT 1 FROM org_users u WHERE u.account_id = a.id)
             OR EXISTS (SELECT 1 FROM search_docs d WHERE d.account_id = a.id))
         ORDER BY a.removed_at, a.id`,
      )
      .all()
      .map((r) => r.id)
  }

  /** Brings a removed account back (the same login added again): its kept data is its own again. */
  revive(id: string, a: Pick<NewAccount, 'label' | 'tokenEnv' | 'displayName' | 'email' | 'scopes' | 'isDemo'>): void {
    this.db
      .prepare(
        `UPDATE accounts SET removed_at = NULL, state = 'ok', last_error = NULL, label = ?, token_env = ?,
         display_name = ?, email = ?, scopes = ?, is_demo = ? WHERE id = ?`,
      )
      .run(a.label, a.tokenEnv, a.displayName, a.email, JSON.stringify(a.scopes), a.isDemo ? 1 : 0, id)
  }

  /**
   * Deletes the account and everything of it, in one transaction: what is left of its cached rows (purged
   * explicitly, foreign keys cannot cross files; callers purge the bulk first with {@link purgeRemovedCache}), its ledger, prices, profile and access history (ON DELETE
   * CASCADE), its audit entries, offboarding steps, hygiene decisions, pins and recents.
   */
  delete(id: string): boolean {
    return this.db.transaction(() => {
      purgeAccountCache(this.db, id)
      this.db.prepare('DELETE FROM audit_log WHERE account_id = ?').run(id)
      this.db.prepare('DELETE FROM offboarding_steps WHERE account_id = ?').run(id)
      this.db.prepare('DELETE FROM offboarding_run_orgs WHERE account_id = ?').run(id)
      this.db.prepare('DELETE FROM offboarding_runs WHERE id NOT IN (SELECT run_id FROM offboarding_run_orgs)').run()
      this.db.prepare('DELETE FROM hygiene_decisions WHERE account_id = ?').run(id)
      this.db.prepare("DELETE FROM org_prefs WHERE substr(org_key, 1, length(?) + 1) = ? || ':'").run(id, id)
      return this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes > 0
    })()
  }

  cachedCounts(id: string): CachedCounts {
    const n = (sql: string): number => this.db.prepare<[string], { n: number }>(sql).get(id)?.n ?? 0
    return {
      orgs: n('SELECT count(*) AS n FROM orgs WHERE account_id = ?'),
      products: n('SELECT count(*) AS n FROM products WHERE account_id = ?'),
      people: n('SELECT count(DISTINCT lower(email)) AS n FROM org_users WHERE account_id = ?'),
    }
  }

  keptCounts(id: string): KeptCounts {
    const n = (sql: string): number => this.db.prepare<[string], { n: number }>(sql).get(id)?.n ?? 0
    return {
      invoices: n('SELECT count(*) AS n FROM billing_invoices WHERE account_id = ?'),
      prices: n('SELECT count(*) AS n FROM billing_prices WHERE account_id = ?'),
      historyEntries: n('SELECT count(*) AS n FROM access_history WHERE account_id = ?'),
      auditEntries: n('SELECT count(*) AS n FROM audit_log WHERE account_id = ?'),
      offboardingRuns: n('SELECT count(DISTINCT run_id) AS n FROM offboarding_run_orgs WHERE account_id = ?'),
    }
  }

  summary(record: AccountRecord): AccountSummary {
    const orgCount = (
      this.db
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM orgs WHERE account_id = ?')
        .get(record.id) ?? {
        n: 0,
      }
    ).n
    const state = AccountState.safeParse(record.state)
    const scopes = ((): ScopeStatus[] => {
      try {
        // Only what the schema names: older rows also kept an English "unlocks" text.
        return (JSON.parse(record.scopes) as ScopeStatus[]).map((s) => ({ scope: s.scope, granted: s.granted }))
      } catch {
        return []
      }
    })()
    return {
      id: record.id,
      label: record.label,
      baseUrl: record.base_url,
      userId: record.user_id,
      displayName: record.display_name,
      email: record.email,
      state: state.success ? state.data : 'ok',
      isDemo: record.is_demo === 1,
      tokenSource: record.token_env ? 'environment' : 'keychain',
      scopes,
      createdAt: record.created_at,
      lastSyncAt: record.last_sync_at,
      lastError: decodeProblem(record.last_error),
      orgCount,
    }
  }
}
