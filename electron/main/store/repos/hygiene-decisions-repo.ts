import type Database from 'better-sqlite3'

/** A hygiene finding the user accepted as a known risk, or snoozed until a date, with a reason. */
export interface HygieneDecision {
  rule: string
  /** '' and 0 when the finding is not about one organization (e.g. agency staff). */
  accountId: string
  orgId: number
  /** What the finding is about: an e-mail (lower case) or a subject name. */
  subject: string
  decision: 'accepted' | 'snoozed'
  reason: string
  /** Snoozed until (ms); null for an accepted risk. */
  until: number | null
  decidedAt: number
}

interface Row {
  rule: string
  account_id: string
  org_id: number
  subject: string
  decision: 'accepted' | 'snoozed'
  reason: string
  until: number | null
  decided_at: number
}

const toDecision = (r: Row): HygieneDecision => ({
  rule: r.rule,
  accountId: r.account_id,
  orgId: r.org_id,
  subject: r.subject,
  decision: r.decision,
  reason: r.reason,
  until: r.until,
  decidedAt: r.decided_at,
})

/**
 * Hygiene decisions in user.sqlite (they cannot be fetched again). The storage for the hygiene
 * screen's "accept risk" and "snooze until"; statements prepared once.
 */
export class HygieneDecisionsRepo {
  private readonly s

  constructor(db: Database.Database) {
    this.s = {
      active: db.prepare<[number], Row>(
        "SELECT * FROM hygiene_decisions WHERE decision = 'accepted' OR until IS NULL OR until > ? ORDER BY decided_at DESC",
      ),
      upsert: db.prepare(
        `INSERT INTO hygiene_decisions (rule, account_id, org_id, subject, decision, reason, until, decided_at)
         VALUES (@rule, @accountId, @orgId, @subject, @decision, @reason, @until, @decidedAt)
         ON CONFLICT (rule, account_id, org_id, subject) DO UPDATE SET
           decision = excluded.decision, reason = excluded.reason, until = excluded.until, decided_at = excluded.decided_at`,
      ),
      remove: db.prepare<[string, string, number, string]>(
        'DELETE FROM hygiene_decisions WHERE rule = ? AND account_id = ? AND org_id = ? AND subject = ?',
      ),
    }
  }

  /** Decisions in force at `now` (expired snoozes are not). */
  active(now: number): HygieneDecision[] {
    return this.s.active.all(now).map(toDecision)
  }

  set(d: HygieneDecision): void {
    this.s.upsert.run({ ...d, until: d.decision === 'accepted' ? null : d.until })
  }

  /** Takes a decision back; true when there was one. */
  clear(key: Pick<HygieneDecision, 'rule' | 'accountId' | 'orgId' | 'subject'>): boolean {
    return this.s.remove.run(key.rule, key.accountId, key.orgId, key.subject).changes > 0
  }
}
