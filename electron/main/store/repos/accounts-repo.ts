import type { Problem } from '../../../../shared/domain/problem'
import { decodeProblem, encodeProblem } from '../../lib/problem'
import type Database from 'better-sqlite3'
import { AccountState, type AccountSummary, type ScopeStatus } from '../../../../shared/domain/cache'
import { purgeAccountCache } from './cache-purge'

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

  list(): AccountRecord[] {
    return this.db.prepare<[], AccountRecord>('SELECT * FROM accounts ORDER BY created_at, id').all()
  }

  get(id: string): AccountRecord | undefined {
    return this.db.prepare<[string], AccountRecord>('SELECT * FROM accounts WHERE id = ?').get(id)
  }

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
   * Deletes the account row and every cached row keyed by it, in one transaction. Foreign keys
   * cannot cross files: the cache rows are purged explicitly, the user rows go by ON DELETE CASCADE.
   */
  delete(id: string): boolean {
    return this.db.transaction(() => {
      purgeAccountCache(this.db, id)
      return this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes > 0
    })()
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
