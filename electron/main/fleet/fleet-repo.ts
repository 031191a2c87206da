import type Database from 'better-sqlite3'
import type { DecisionKind } from '../../../shared/domain/hygiene'

export interface DecisionRow {
  findingKey: string
  accountId: string | null
  orgId: number | null
  rule: string
  kind: DecisionKind
  until: number | null
  reason: string
  decidedAt: number
}

export interface HistoryRowIn {
  accountId: string
  orgId: number
  day: string
  open: number
  high: number
  medium: number
  low: number
  score: number | null
}

export interface SavedViewRow {
  id: number
  name: string
  state: string
  createdAt: number
  updatedAt: number
}

/** The fleet screens' user data in `user.sqlite`: hygiene decisions and history, saved views. */
export class FleetRepo {
  private readonly s: {
    decisions: Database.Statement<[], DecisionRow>
    upsertDecision: Database.Statement
    deleteDecision: Database.Statement<[string]>
    upsertHistory: Database.Statement
    views: Database.Statement<[string], SavedViewRow>
    view: Database.Statement<[string, number], SavedViewRow>
    insertView: Database.Statement
    updateView: Database.Statement
    deleteView: Database.Statement<[string, number]>
  }

  constructor(private readonly db: Database.Database) {
    this.s = {
      decisions: db.prepare(
        `SELECT finding_key AS findingKey, account_id AS accountId, org_id AS orgId, rule, kind, until, reason,
                decided_at AS decidedAt FROM main.hygiene_decisions`,
      ),
      upsertDecision: db.prepare(
        `INSERT INTO main.hygiene_decisions (finding_key, account_id, org_id, rule, kind, until, reason, decided_at)
         VALUES (@findingKey, @accountId, @orgId, @rule, @kind, @until, @reason, @decidedAt)
         ON CONFLICT (finding_key) DO UPDATE SET kind = excluded.kind, until = excluded.until,
           reason = excluded.reason, decided_at = excluded.decided_at`,
      ),
      deleteDecision: db.prepare('DELETE FROM main.hygiene_decisions WHERE finding_key = ?'),
      upsertHistory: db.prepare(
        `INSERT INTO main.hygiene_history (account_id, org_id, day, open, high, medium, low, score)
         VALUES (@accountId, @orgId, @day, @open, @high, @medium, @low, @score)
         ON CONFLICT (account_id, org_id, day) DO UPDATE SET open = excluded.open, high = excluded.high,
           medium = excluded.medium, low = excluded.low, score = excluded.score`,
      ),
      views: db.prepare(
        `SELECT id, name, state, created_at AS createdAt, updated_at AS updatedAt FROM main.saved_views
         WHERE screen = ? ORDER BY name COLLATE NOCASE`,
      ),
      view: db.prepare(
        `SELECT id, name, state, created_at AS createdAt, updated_at AS updatedAt FROM main.saved_views
         WHERE screen = ? AND id = ?`,
      ),
      insertView: db.prepare(
        `INSERT INTO main.saved_views (screen, name, state, created_at, updated_at) VALUES (@screen, @name, @state, @at, @at)
         ON CONFLICT (screen, name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      ),
      updateView: db.prepare(
        'UPDATE main.saved_views SET name = @name, state = @state, updated_at = @at WHERE screen = @screen AND id = @id',
      ),
      deleteView: db.prepare('DELETE FROM main.saved_views WHERE screen = ? AND id = ?'),
    }
  }

  decisions(): DecisionRow[] {
    return this.s.decisions.all()
  }

  saveDecisions(rows: readonly DecisionRow[]): void {
    this.db.transaction(() => {
      for (const r of rows) this.s.upsertDecision.run(r)
    })()
  }

  deleteDecisions(keys: readonly string[]): number {
    let n = 0
    this.db.transaction(() => {
      for (const k of keys) n += this.s.deleteDecision.run(k).changes
    })()
    return n
  }

  /** Today's row per organization (replaced when the findings change during the day). */
  recordHistory(rows: readonly HistoryRowIn[]): void {
    if (rows.length === 0) return
    this.db.transaction(() => {
      for (const r of rows) this.s.upsertHistory.run(r)
    })()
  }

  /** Each organization's score on the last day at or before `day` (for "change over 30 days"). */
  scoresAtOrBefore(day: string): Map<string, number | null> {
    const out = new Map<string, number | null>()
    for (const r of this.db
      .prepare<[string], { account_id: string; org_id: number; score: number | null }>(
        `SELECT h.account_id, h.org_id, h.score FROM main.hygiene_history h
         JOIN (SELECT account_id, org_id, max(day) AS day FROM main.hygiene_history WHERE day <= ?
                 AND account_id IN (SELECT id FROM main.accounts WHERE removed_at IS NULL)
               GROUP BY account_id, org_id) last
           ON last.account_id = h.account_id AND last.org_id = h.org_id AND last.day = h.day`,
      )
      .all(day))
      out.set(`${r.account_id}\u0000${r.org_id}`, r.score)
    return out
  }

  /** Days from `fromDay` on, for one organization or summed over the fleet (score: the fleet's mean). */
  trend(
    fromDay: string,
    org?: { accountId: string; orgId: number },
  ): { day: string; score: number | null; open: number; high: number; medium: number; low: number }[] {
    if (org)
      return this.db
        .prepare<
          [string, number, string],
          { day: string; score: number | null; open: number; high: number; medium: number; low: number }
        >(
          `SELECT day, score, open, high, medium, low FROM main.hygiene_history
           WHERE account_id = ? AND org_id = ? AND day >= ? ORDER BY day`,
        )
        .all(org.accountId, org.orgId, fromDay)
    return this.db
      .prepare<
        [string],
        { day: string; score: number | null; open: number; high: number; medium: number; low: number }
      >(
        // A removed account's history stays (the user kept its data) but is no longer part of the fleet.
        `SELECT day, CAST(round(avg(score)) AS INTEGER) AS score, sum(open) AS open, sum(high) AS high,
                sum(medium) AS medium, sum(low) AS low
         FROM main.hygiene_history
         WHERE day >= ? AND account_id IN (SELECT id FROM main.accounts WHERE removed_at IS NULL)
         GROUP BY day ORDER BY day`,
      )
      .all(fromDay)
  }

  views(screen: string): SavedViewRow[] {
    return this.s.views.all(screen)
  }

  view(screen: string, id: number): SavedViewRow | undefined {
    return this.s.view.get(screen, id)
  }

  /** Saves a view by name (same name: replaced); answers its row. */
  saveView(screen: string, name: string, state: string, at: number): SavedViewRow {
    this.s.insertView.run({ screen, name, state, at })
    return this.db
      .prepare<[string, string], SavedViewRow>(
        `SELECT id, name, state, created_at AS createdAt, updated_at AS updatedAt FROM main.saved_views
         WHERE screen = ? AND name = ?`,
      )
      .get(screen, name)!
  }

  renameView(screen: string, id: number, name: string, state: string, at: number): boolean {
    return this.s.updateView.run({ screen, id, name, state, at }).changes === 1
  }

  deleteView(screen: string, id: number): boolean {
    return this.s.deleteView.run(screen, id).changes === 1
  }
}
