import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { AccountsRepo } from '../../../electron/main/store/repos/accounts-repo'
import { accountKeyedCacheTables, purgeAccountCacheChunked } from '../../../electron/main/store/repos/cache-purge'
import { openStores, type Stores } from '../../../electron/main/store/stores'
import { tempDir } from '../../helpers/temp'

type Db = Stores['db']

/** Two accounts with orgs, products, people and search entries: `a1` has `n` products and people. */
function seed(db: Db, n: number): void {
  for (const acc of ['a1', 'a2']) {
    db.prepare("INSERT INTO accounts (id, label, base_url, created_at) VALUES (?, 'A', 'https://x', 1)").run(acc)
    const rows = acc === 'a1' ? n : 3
    db.transaction(() => {
      for (let org = 1; org <= 4; org++)
        db.prepare("INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES (?, ?, 'Org', 'owner', 1)").run(
          acc,
          org,
        )
      const product = db.prepare(
        "INSERT INTO products (account_id, id, org_id, service_name, customer_name, synced_at) VALUES (?, ?, 1, 'domain', 'p.ch', 1)",
      )
      const person = db.prepare(
        "INSERT INTO org_users (account_id, org_id, member_key, user_id, email, display_name, role_type, state) VALUES (?, 2, ?, ?, 'x@example.ch', 'X', 'normal', 'valid')",
      )
      const doc = db.prepare(
        "INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle) VALUES ('product', ?, 1, ?, 'Zürich', '')",
      )
      for (let i = 1; i <= rows; i++) {
        product.run(acc, i)
        person.run(acc, `u:${i}`, i)
        doc.run(acc, String(i))
      }
    })()
  }
}

const rowsOf = (db: Db, accountId: string): Record<string, number> =>
  Object.fromEntries(
    accountKeyedCacheTables(db).map((t) => [
      t,
      db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM "${t}" WHERE account_id = ?`).get(accountId)!.n,
    ]),
  )
const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0)

describe('purging a removed account’s cache in bounded chunks', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))
  const open = (): Stores => {
    const t = tempDir()
    const stores = openStores({ dataDir: join(t.dir, 'data'), logger: memoryLogger(), now: () => 1 })
    cleanups.push(t.cleanup)
    cleanups.unshift(() => stores.close())
    return stores
  }

  it('deletes at most chunkRows rows per transaction, organizations and search first, other accounts untouched', async () => {
    const { db } = open()
    seed(db, 23)
    const before = rowsOf(db, 'a1')
    const other = rowsOf(db, 'a2')
    const seen: Record<string, number>[] = []
    const n = await purgeAccountCacheChunked(db, 'a1', {
      chunkRows: 5,
      pause: async () => {
        seen.push(rowsOf(db, 'a1'))
      },
    })
    expect(n).toBe(total(before))
    expect(total(rowsOf(db, 'a1'))).toBe(0)
    expect(rowsOf(db, 'a2')).toEqual(other)
    // Between two pauses (one transaction) at most 5 rows went.
    const left = [total(before), ...seen.map(total)]
    for (let i = 1; i < left.length; i++) expect(left[i - 1]! - left[i]!).toBeLessThanOrEqual(5)
    expect(seen.length).toBeGreaterThanOrEqual(Math.ceil(total(before) / 5))
    // Nothing of a1 is findable or listed as an organization before its people and products start to go.
    const firstOtherGone = seen.findIndex(
      (s) => s['org_users']! < before['org_users']! || s['products']! < before['products']!,
    )
    expect(firstOtherGone).toBeGreaterThan(0)
    expect(seen[firstOtherGone - 1]).toMatchObject({
      orgs: 0,
      search_docs: 0,
      org_users: before['org_users'],
      products: before['products'],
    })
    // The FTS index followed the search entries.
    expect(db.prepare("SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'zurich'").get()).toEqual({
      n: 3,
    })
  })

  it('marks the account removed before the purge, stops if it comes back, and finishes an interrupted purge', async () => {
    const { db } = open()
    seed(db, 40)
    const repo = new AccountsRepo(db)
    expect(repo.markRemoved('a1', 9)).toBe(true)
    expect(repo.list().map((a) => a.id)).toEqual(['a2'])
    expect(repo.removedWithCache()).toEqual(['a1'])

    // Brought back (the same login added again) after two chunks: the purge stops there.
    let pauses = 0
    const stopped = await repo.purgeRemovedCache('a1', {
      chunkRows: 10,
      pause: async () => {
        if (++pauses === 2)
          repo.revive('a1', { label: 'A', tokenEnv: null, displayName: null, email: null, scopes: [], isDemo: false })
      },
    })
    // The 4 organizations (one chunk, then a pause), 10 search entries (a pause: revived), then nothing.
    expect(stopped).toBe(14)
    expect(rowsOf(db, 'a1')).toMatchObject({ orgs: 0, search_docs: 30, products: 40 })
    expect(total(rowsOf(db, 'a1'))).toBeGreaterThan(0)

    // Removed again and cut short (a quit mid-purge): the next start finds and finishes it.
    repo.markRemoved('a1', 10)
    await repo
      .purgeRemovedCache('a1', {
        chunkRows: 10,
        pause: () => Promise.reject(new Error('quit')),
      })
      .catch(() => undefined)
    expect(repo.removedWithCache()).toEqual(['a1'])
    await repo.purgeRemovedCache('a1')
    expect(total(rowsOf(db, 'a1'))).toBe(0)
    expect(repo.removedWithCache()).toEqual([])
    expect(total(rowsOf(db, 'a2'))).toBeGreaterThan(0)
  })
})
