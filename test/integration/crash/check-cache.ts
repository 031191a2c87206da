/**
 * Invariants of a cache that only ever holds complete job states. Each one is broken by a job
 * whose transaction is half applied: data without its sync_state row, a sync_state row without
 * (all) its data, rows of a product or organization that is gone, history from a partial diff.
 *
 * Returns the violations, empty when the cache is consistent.
 */
import type Database from 'better-sqlite3'

interface StateRow {
  account_id: string
  org_id: number
  resource: string
  item_count: number | null
}

export function checkCache(db: Database.Database): string[] {
  const problems: string[] = []
  const count = (sql: string, ...params: (string | number)[]): number =>
    db.prepare<(string | number)[], { n: number }>(sql).get(...params)?.n ?? 0

  const integrity = db.pragma('integrity_check', { simple: true })
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`)
  const fk = db.pragma('foreign_key_check') as unknown[]
  if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} violation(s)`)

  const ok = db
    .prepare<[], StateRow>("SELECT account_id, org_id, resource, item_count FROM sync_state WHERE status = 'ok'")
    .all()
  const isOk = (account: string, org: number, resource: string): boolean =>
    ok.some((s) => s.account_id === account && s.org_id === org && s.resource === resource)

  // A state marked complete has exactly its data (and its search entries).
  for (const s of ok) {
    const where = `${s.resource} of org ${s.org_id}`
    const expect = (label: string, actual: number): void => {
      if (actual !== s.item_count)
        problems.push(`${where}: ${label} = ${actual}, sync_state.item_count = ${s.item_count}`)
    }
    if (
      s.org_id !== 0 &&
      count('SELECT count(*) AS n FROM orgs WHERE account_id = ? AND id = ?', s.account_id, s.org_id) !== 1
    ) {
      problems.push(`${where}: sync_state row for an organization that is not cached`)
    }
    switch (s.resource) {
      case 'orgs':
        expect('orgs', count('SELECT count(*) AS n FROM orgs WHERE account_id = ?', s.account_id))
        expect(
          'org search entries',
          count("SELECT count(*) AS n FROM search_docs WHERE kind = 'org' AND account_id = ?", s.account_id),
        )
        break
      case 'products':
        expect('products', count('SELECT count(*) AS n FROM products WHERE account_id = ?', s.account_id))
        expect(
          'product search entries',
          count("SELECT count(*) AS n FROM search_docs WHERE kind = 'product' AND account_id = ?", s.account_id),
        )
        break
      case 'users':
        expect(
          'org_users',
          count('SELECT count(*) AS n FROM org_users WHERE account_id = ? AND org_id = ?', s.account_id, s.org_id),
        )
        expect(
          'person search entries',
          count(
            "SELECT count(*) AS n FROM search_docs WHERE kind = 'person' AND account_id = ? AND org_id = ?",
            s.account_id,
            s.org_id,
          ),
        )
        break
      case 'teams':
        expect(
          'teams',
          count('SELECT count(*) AS n FROM teams WHERE account_id = ? AND org_id = ?', s.account_id, s.org_id),
        )
        break
    }
  }

  // Data present only under a complete state.
  for (const r of db
    .prepare<[], { account_id: string; n: number }>(
      'SELECT account_id, count(*) AS n FROM products GROUP BY account_id',
    )
    .all()) {
    if (!isOk(r.account_id, 0, 'products')) problems.push(`${r.n} products without a complete products sync`)
  }
  for (const [table, resource] of [
    ['org_users', 'users'],
    ['teams', 'teams'],
  ] as const) {
    for (const r of db
      .prepare<[], { account_id: string; org_id: number; n: number }>(
        `SELECT account_id, org_id, count(*) AS n FROM ${table} GROUP BY account_id, org_id`,
      )
      .all()) {
      if (!isOk(r.account_id, r.org_id, resource)) {
        problems.push(`${r.n} ${table} rows of org ${r.org_id} without a complete ${resource} sync`)
      }
    }
  }

  // Nothing hangs off a row that is gone.
  const orphanRights = count(
    `SELECT count(*) AS n FROM product_rights r
     LEFT JOIN products p ON p.account_id = r.account_id AND p.id = r.product_id WHERE p.id IS NULL`,
  )
  if (orphanRights > 0) problems.push(`${orphanRights} product_rights rows without their product`)
  const orphanProducts = count(
    `SELECT count(*) AS n FROM products p
     LEFT JOIN orgs o ON o.account_id = p.account_id AND o.id = p.org_id WHERE o.id IS NULL`,
  )
  if (orphanProducts > 0) problems.push(`${orphanProducts} products of an organization that is not cached`)
  const orphanMembers = count(
    `SELECT count(*) AS n FROM org_users u
     LEFT JOIN orgs o ON o.account_id = u.account_id AND o.id = u.org_id WHERE o.id IS NULL`,
  )
  if (orphanMembers > 0) problems.push(`${orphanMembers} org_users rows of an organization that is not cached`)

  // Foreign keys cannot cross from cache.sqlite to the accounts in user.sqlite: checked here.
  const orphanOrgs = count(
    'SELECT count(*) AS n FROM orgs o WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = o.account_id)',
  )
  if (orphanOrgs > 0) problems.push(`${orphanOrgs} organizations of an account that does not exist`)

  // The sandbox never changes during the test: any history row comes from a diff against a torn state.
  const history = count('SELECT count(*) AS n FROM access_history')
  if (history > 0) problems.push(`${history} access_history rows although nothing changed`)

  const running = count("SELECT count(*) AS n FROM sync_runs WHERE status = 'running'")
  if (running > 1) problems.push(`${running} sync runs marked running`)
  return problems
}
