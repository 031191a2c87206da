import type Database from 'better-sqlite3'
import type { ClientScore } from '../../../shared/domain/hygiene'
import type { HomeCoverage, HomeData, HomeRow, UnpaidTotal } from '../../../shared/domain/fleet'

const DAY = 86_400

const key = (accountId: string, orgId: number) => `${accountId}\u0000${orgId}`

/**
 * One row per client organization with its health, from a handful of grouped statements (one pass
 * per table, each on an index or a small scan): at 1,000 organizations and 100,000 products this is
 * tens of milliseconds. Hygiene scores come from the hygiene report (cached per change).
 */
export function homeData(db: Database.Database, nowMs: number, scores: readonly ClientScore[]): HomeData {
  const now = Math.floor(nowMs / 1000)
  const orgs = db
    .prepare<[], { account_id: string; label: string; id: number; name: string; role: string; product_count: number }>(
      `SELECT o.account_id, a.label, o.id, o.name, o.role, o.product_count
       FROM orgs o JOIN accounts a ON a.id = o.account_id
       ORDER BY o.name COLLATE NOCASE, o.account_id, o.id`,
    )
    .all()

  const expiry = new Map<string, { soon: number; expired: number }>()
  for (const r of db
    .prepare<{ now: number; until: number }, { account_id: string; org_id: number; soon: number; expired: number }>(
      `SELECT account_id, org_id, sum(expired_at >= @now) AS soon, sum(expired_at < @now) AS expired
       FROM products WHERE expired_at IS NOT NULL AND expired_at < @until
       GROUP BY account_id, org_id`,
    )
    .all({ now, until: now + 30 * DAY }))
    expiry.set(key(r.account_id, r.org_id), { soon: r.soon, expired: r.expired })

  const twoFactor = new Map<string, { none: number; known: number }>()
  for (const r of db
    .prepare<[], { account_id: string; org_id: number; none: number; known: number }>(
      `SELECT account_id, org_id, sum(has_2fa = 0) AS none, sum(has_2fa IS NOT NULL) AS known
       FROM org_users WHERE state = 'valid' GROUP BY account_id, org_id`,
    )
    .all())
    twoFactor.set(key(r.account_id, r.org_id), { none: r.none, known: r.known })

  const stale = new Map<string, number>()
  for (const r of db
    .prepare<[number], { account_id: string; org_id: number; n: number }>(
      `SELECT account_id, org_id, count(*) AS n FROM org_users
       WHERE state = 'pending' AND invited_at IS NOT NULL AND invited_at < ? GROUP BY account_id, org_id`,
    )
    .all(now - 30 * DAY))
    stale.set(key(r.account_id, r.org_id), r.n)

  // Sync: the oldest resource of the organization and of its account; any resource not ok makes it partial.
  const sync = new Map<string, { at: number | null; issues: number; users: boolean }>()
  const accountWide = new Map<string, { at: number | null; issues: number }>()
  for (const r of db
    .prepare<[], { account_id: string; org_id: number; at: number | null; issues: number; users: number }>(
      `SELECT account_id, org_id, min(synced_at) AS at, sum(status != 'ok') AS issues,
              sum(resource = 'users' AND synced_at IS NOT NULL) AS users
       FROM sync_state WHERE resource IN ('orgs', 'products', 'users', 'teams') GROUP BY account_id, org_id`,
    )
    .all()) {
    if (r.org_id === 0) accountWide.set(r.account_id, { at: r.at, issues: r.issues })
    else sync.set(key(r.account_id, r.org_id), { at: r.at, issues: r.issues, users: r.users > 0 })
  }

  const unpaid = new Map<string, UnpaidTotal[]>()
  const ledgerAccounts = new Set<string>()
  for (const r of db.prepare<[], { account_id: string }>('SELECT DISTINCT account_id FROM billing_invoices').all())
    ledgerAccounts.add(r.account_id)
  for (const r of db
    .prepare<[], { account_id: string; org_id: number; currency: 'CHF' | 'EUR'; n: number; cents: number }>(
      `SELECT account_id, org_id, currency, count(*) AS n, sum(incl_cents) AS cents FROM billing_invoices
       WHERE status = 'unpaid' GROUP BY account_id, org_id, currency ORDER BY currency`,
    )
    .all()) {
    const k = key(r.account_id, r.org_id)
    const list = unpaid.get(k) ?? []
    list.push({ currency: r.currency, count: r.n, cents: r.cents })
    unpaid.set(k, list)
  }

  const tags = new Map<string, Set<string>>()
  for (const r of db
    .prepare<[], { account_id: string; org_id: number; tag: string }>(
      `SELECT DISTINCT p.account_id, p.org_id, j.value ->> 'name' AS tag
       FROM products p, json_each(p.tags) j WHERE p.tags != '[]' AND j.value ->> 'name' IS NOT NULL`,
    )
    .all()) {
    const k = key(r.account_id, r.org_id)
    let set = tags.get(k)
    if (!set) tags.set(k, (set = new Set()))
    set.add(r.tag)
  }

  const scoreOf = new Map(scores.map((s) => [key(s.accountId, s.orgId), s]))
  const rows: HomeRow[] = orgs.map((o) => {
    const k = key(o.account_id, o.id)
    const e = expiry.get(k)
    const tf = twoFactor.get(k)
    const s = sync.get(k)
    const wide = accountWide.get(o.account_id)
    const at = s?.at ?? null
    const syncedAt = at === null ? (wide?.at ?? null) : wide?.at == null ? at : Math.min(at, wide.at)
    const coverage: HomeCoverage = !s?.users
      ? 'never_synced'
      : (s.issues ?? 0) + (wide?.issues ?? 0) > 0
        ? 'partial'
        : 'complete'
    const score = scoreOf.get(k)
    return {
      accountId: o.account_id,
      accountLabel: o.label,
      orgId: o.id,
      name: o.name,
      role: o.role,
      products: o.product_count,
      expiring30: e?.soon ?? 0,
      expired: e?.expired ?? 0,
      score: score?.score ?? null,
      openFindings: score?.open ?? 0,
      no2fa: tf && tf.known > 0 ? tf.none : null,
      staleInvitations: stale.get(k) ?? 0,
      syncedAt,
      coverage,
      unpaid: ledgerAccounts.has(o.account_id) ? (unpaid.get(k) ?? []) : null,
      tags: [...(tags.get(k) ?? [])].sort((a, b) => a.localeCompare(b)),
    }
  })
  return { generatedAt: nowMs, rows, ledgerKnown: ledgerAccounts.size > 0 }
}
