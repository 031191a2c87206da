import type Database from 'better-sqlite3'

/** One access-history row, as the writers record it (the account and time come from the writer). */
export interface HistoryEntry {
  orgId: number
  kind: HistoryKind
  subjectKey: string
  subjectEmail: string | null
  subjectName: string | null
  objectType: 'org' | 'product' | 'team'
  objectId: number | null
  objectName: string | null
  detail?: string | null
  before?: string | null
  after?: string | null
}

export type HistoryKind =
  | 'org_added'
  | 'org_removed'
  | 'member_added'
  | 'member_removed'
  | 'invited'
  | 'invitation_removed'
  | 'role_changed'
  | 'billing_gained'
  | 'billing_lost'
  | 'right_gained'
  | 'right_lost'
  | 'team_joined'
  | 'team_left'

export const RIGHTS = ['technical', 'statistic', 'check', 'sale'] as const
export type RightName = (typeof RIGHTS)[number]

export const b = (v: boolean | null | undefined): number => (v ? 1 : 0)
export const json = (v: unknown): string => JSON.stringify(v ?? null)

/** A search entry of one kind, as {@link WriterContext.reindex} brings it in line. */
export interface SearchDoc {
  ref: string
  title: string
  subtitle: string
  orgId?: number
}

const statementsOf = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[], unknown>>>()

/**
 * What every resource writer shares: the database, the Switchboard account the rows belong to, the
 * time of the write, the access-history sink, and statements prepared once per database (the engine
 * makes a writer per page or job; the SQL text is the cache key).
 */
export class WriterContext {
  /** Number of history rows written through this context. */
  historyCount = 0
  private readonly statements: Map<string, Database.Statement<unknown[], unknown>>

  constructor(
    readonly db: Database.Database,
    readonly accountId: string,
    readonly at: number,
  ) {
    let statements = statementsOf.get(db)
    if (!statements) {
      statements = new Map()
      statementsOf.set(db, statements)
    }
    this.statements = statements
  }

  /** The statement for `sql`, prepared on first use on this database and reused afterwards. */
  stmt<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare<unknown[], unknown>(sql)
      this.statements.set(sql, s)
    }
    return s as unknown as Database.Statement<P, R>
  }

  history(e: HistoryEntry): void {
    this.stmt(
      `INSERT INTO access_history (account_id, org_id, at, kind, subject_key, subject_email, subject_name, object_type, object_id, object_name, detail, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      this.accountId,
      e.orgId,
      this.at,
      e.kind,
      e.subjectKey,
      e.subjectEmail,
      e.subjectName,
      e.objectType,
      e.objectId,
      e.objectName,
      e.detail ?? null,
      e.before ?? null,
      e.after ?? null,
    )
    this.historyCount++
  }

  /** E-mail and name of a member of one organization, for history rows (null when not cached). */
  person(orgId: number, userId: number): { email: string | null; name: string | null } {
    const row = this.stmt<[string, number, number], { email: string; display_name: string }>(
      'SELECT email, display_name FROM org_users WHERE account_id = ? AND org_id = ? AND user_id = ?',
    ).get(this.accountId, orgId, userId)
    return { email: row?.email ?? null, name: row?.display_name ?? null }
  }

  /**
   * Brings the search entries of one kind (for the account, or one organization of it) in line
   * with `rows`, touching only entries that changed: search_docs is indexed by (account, kind,
   * org), so nothing here scans the FTS index, and an unchanged sync writes nothing.
   */
  reindex(kind: string, orgId: number | null, rows: readonly SearchDoc[]): void {
    type Row = { id: number; ref: string; org_id: number; title: string; subtitle: string }
    const existing = new Map(
      (orgId === null
        ? this.stmt<[string, string], Row>(
            'SELECT id, ref, org_id, title, subtitle FROM search_docs WHERE account_id = ? AND kind = ?',
          ).all(this.accountId, kind)
        : this.stmt<[string, string, number], Row>(
            'SELECT id, ref, org_id, title, subtitle FROM search_docs WHERE account_id = ? AND kind = ? AND org_id = ?',
          ).all(this.accountId, kind, orgId)
      ).map((r) => [r.ref, r]),
    )
    const insert = this.stmt(
      'INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const update = this.stmt('UPDATE search_docs SET org_id = ?, title = ?, subtitle = ? WHERE id = ?')
    const remove = this.stmt('DELETE FROM search_docs WHERE id = ?')
    for (const r of rows) {
      const org = r.orgId ?? orgId ?? 0
      const before = existing.get(r.ref)
      if (!before) insert.run(kind, this.accountId, org, r.ref, r.title, r.subtitle)
      else {
        existing.delete(r.ref)
        if (before.title !== r.title || before.subtitle !== r.subtitle || before.org_id !== org) {
          update.run(org, r.title, r.subtitle, before.id)
        }
      }
    }
    for (const gone of existing.values()) remove.run(gone.id)
  }

  /** Keeps the denormalized counts of the switcher list in step with the rows (same transaction). */
  recount(orgId: number | null): void {
    this.stmt(
      `UPDATE orgs SET
         product_count = (SELECT count(*) FROM products p WHERE p.account_id = orgs.account_id AND p.org_id = orgs.id),
         user_count = (SELECT count(*) FROM org_users u WHERE u.account_id = orgs.account_id AND u.org_id = orgs.id AND u.user_id IS NOT NULL)
       WHERE account_id = @account AND (@org IS NULL OR id = @org)`,
    ).run({ account: this.accountId, org: orgId })
  }
}
