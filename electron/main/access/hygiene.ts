import type Database from 'better-sqlite3'
import type { Finding, HistoryRow } from '../../../shared/domain/access'

import { computeHygiene, type HygieneOptions } from './hygiene-engine'

export { accessRoutes, type HygieneOptions } from './hygiene-engine'

/** Access hygiene findings across every organization of every account, most severe first. */
export function hygieneFindings(db: Database.Database, o: HygieneOptions): Finding[] {
  return computeHygiene(db, o).findings
}

export interface HistoryFilter {
  accountId?: string | undefined
  orgId?: number | undefined
  email?: string | undefined
  /** Unix ms, inclusive. */
  from?: number | undefined
  /** Unix ms, exclusive. */
  to?: number | undefined
  limit?: number | undefined
}

/** Access changes recorded by sync diffs, newest first. */
export function accessHistory(db: Database.Database, f: HistoryFilter): HistoryRow[] {
  return db
    .prepare<
      {
        account: string | null
        org: number | null
        email: string | null
        from: number | null
        to: number | null
        limit: number
      },
      HistoryRow
    >(
      `SELECT h.id, h.account_id AS accountId, h.org_id AS orgId, coalesce(o.name, '#' || h.org_id) AS orgName, h.at, h.kind,
              h.subject_key AS subjectKey, h.subject_email AS subjectEmail, h.subject_name AS subjectName,
              h.object_type AS objectType, h.object_id AS objectId, h.object_name AS objectName, h.detail, h.before, h.after
       FROM access_history h LEFT JOIN orgs o ON o.account_id = h.account_id AND o.id = h.org_id
       WHERE (@account IS NULL OR h.account_id = @account)
         AND (@org IS NULL OR h.org_id = @org)
         AND (@email IS NULL OR h.subject_email = @email COLLATE NOCASE)
         AND (@from IS NULL OR h.at >= @from)
         AND (@to IS NULL OR h.at < @to)
       ORDER BY h.at DESC, h.id DESC
       LIMIT @limit`,
    )
    .all({
      account: f.accountId ?? null,
      org: f.orgId ?? null,
      email: f.email?.trim() || null,
      from: f.from ?? null,
      to: f.to ?? null,
      limit: f.limit ?? 2000,
    })
}
