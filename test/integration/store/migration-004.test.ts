import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { migrate } from '../../../electron/main/store/migrate'
import { LEGACY_MIGRATIONS as MIGRATIONS } from '../../../electron/main/store/migrations'
import { CacheQueries } from '../../../electron/main/store/repos/cache-queries'

function at(version: number): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, MIGRATIONS, memoryLogger(), version)
  return db
}

function seedV3(db: Database.Database): void {
  for (const acc of ['a1', 'a2']) {
    db.prepare(
      "INSERT INTO accounts (id, label, base_url, created_at) VALUES (?, 'A', 'https://api.infomaniak.com', 1)",
    ).run(acc)
    db.prepare(
      "INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES (?, 1, 'Bäckerei Zürich AG', 'owner', 1)",
    ).run(acc)
    db.prepare(
      "INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES (?, 2, 'L''Atelier Genève Sàrl', 'admin', 1)",
    ).run(acc)
    db.prepare(
      "INSERT INTO products (account_id, id, org_id, service_name, customer_name, fqdn, synced_at) VALUES (?, 10, 1, 'domain', 'baeckerei-zuerich.ch', 'baeckerei-zuerich.ch', 1)",
    ).run(acc)
    db.prepare(
      "INSERT INTO org_users (account_id, org_id, member_key, user_id, email, display_name, role_type, state) VALUES (?, 2, 'u:5', 5, 'lea.muller@example.ch', 'Léa Müller', 'normal', 'valid')",
    ).run(acc)
    db.prepare(
      "INSERT INTO org_users (account_id, org_id, member_key, invitation_id, email, display_name, role_type, state) VALUES (?, 2, 'i:9', 9, 'new@example.ch', 'New Person', 'normal', 'pending')",
    ).run(acc)
  }
}

describe('migration 004 search and counts', () => {
  it('rebuilds the search entries and the organization counts from version-3 data', () => {
    const db = at(3)
    seedV3(db)
    migrate(db, MIGRATIONS, memoryLogger(), 4)
    expect(db.prepare('SELECT kind, count(*) AS n FROM search_docs GROUP BY kind ORDER BY kind').all()).toEqual([
      { kind: 'org', n: 4 },
      { kind: 'person', n: 4 },
      { kind: 'product', n: 2 },
    ])
    expect(
      db.prepare("SELECT id, product_count, user_count FROM orgs WHERE account_id = 'a1' ORDER BY id").all(),
    ).toEqual([
      { id: 1, product_count: 1, user_count: 0 },
      { id: 2, product_count: 0, user_count: 1 },
    ])
    const q = new CacheQueries(db)
    expect(q.orgs('a1').map((o) => [o.name, o.productCount, o.userCount])).toEqual([
      ['Bäckerei Zürich AG', 1, 0],
      ["L'Atelier Genève Sàrl", 0, 1],
    ])
    db.close()
  })

  it('searches each kind with accents folded and prefixes matched, and survives hostile input', () => {
    const db = at(3)
    seedV3(db)
    migrate(db, MIGRATIONS, memoryLogger(), 4)
    const q = new CacheQueries(db)
    expect(q.search('zurich').map((h) => `${h.kind}:${h.title}`)).toEqual([
      'org:Bäckerei Zürich AG',
      'org:Bäckerei Zürich AG',
    ])
    expect(q.search('zuerich').map((h) => h.kind)).toEqual(['product', 'product'])
    expect(q.search('gene').map((h) => h.title)).toEqual(["L'Atelier Genève Sàrl", "L'Atelier Genève Sàrl"])
    expect(q.search('lea mul').map((h) => `${h.kind}:${h.title}`)).toEqual(['person:Léa Müller', 'person:Léa Müller'])
    expect(q.search('zurich', 1)).toHaveLength(1)
    expect(q.search('"; DROP TABLE orgs; --')).toEqual([])
    expect(q.search('kind:org OR NOT')).toEqual([])
    expect(q.search('   ')).toEqual([])
    db.close()
  })

  it('keeps the FTS index in step with search_docs, including cascades from a removed account', () => {
    const db = at(4)
    seedV3(db)
    // Rows written at version 4 go through search_docs only; the triggers fill the index.
    db.prepare(
      "INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle) VALUES ('org', 'a1', 1, '1', 'Bäckerei Zürich AG', 'owner')",
    ).run()
    db.prepare(
      "INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle) VALUES ('org', 'a2', 1, '1', 'Bäckerei Zürich AG', 'owner')",
    ).run()
    const q = new CacheQueries(db)
    expect(
      q
        .search('zurich')
        .map((h) => h.accountId)
        .sort(),
    ).toEqual(['a1', 'a2'])
    db.prepare("UPDATE search_docs SET title = 'Metzgerei Bern AG' WHERE account_id = 'a2'").run()
    expect(q.search('zurich').map((h) => h.accountId)).toEqual(['a1'])
    expect(q.search('bern').map((h) => h.accountId)).toEqual(['a2'])
    db.prepare("DELETE FROM accounts WHERE id = 'a1'").run()
    expect(q.search('zurich')).toEqual([])
    expect(db.prepare("SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'zurich'").get()).toEqual({
      n: 0,
    })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    db.close()
  })

  it('deletes an organization’s entries through the index, not a scan', () => {
    const db = at(4)
    const plan = db
      .prepare("EXPLAIN QUERY PLAN DELETE FROM search_docs WHERE account_id = ? AND kind = 'person' AND org_id = ?")
      .all('a', 1)
      .map((r) => (r as { detail: string }).detail)
      .join(' | ')
    expect(plan).toMatch(/USING (COVERING )?INDEX search_docs_scope/)
    db.close()
  })
})
