import Database from 'better-sqlite3'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { migrate } from '../../../electron/main/store/migrate'
import { CACHE_MIGRATIONS, LEGACY_MIGRATIONS, USER_MIGRATIONS } from '../../../electron/main/store/migrations'
import { accountKeyedCacheTables, purgeAccountCache } from '../../../electron/main/store/repos/cache-purge'
import { plainTables } from '../../../electron/main/store/split'
import { CACHE_SCHEMA, openStores } from '../../../electron/main/store/stores'
import { tempDir } from '../../helpers/temp'

const posix = process.platform !== 'win32'

function tablesOf(migrations: typeof USER_MIGRATIONS): string[] {
  const db = new Database(':memory:')
  migrate(db, migrations, memoryLogger())
  const names = plainTables(db, 'main')
  db.close()
  return names
}

describe('two stores', () => {
  const temps: (() => void)[] = []
  afterEach(() => temps.splice(0).forEach((c) => c()))
  const open = (dir?: string) => {
    const t = tempDir()
    temps.push(t.cleanup)
    const dataDir = dir ?? join(t.dir, 'data')
    const logger = memoryLogger()
    const stores = openStores({ dataDir, logger, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) })
    temps.unshift(() => stores.close())
    return { stores, dataDir, logger }
  }

  it('creates user.sqlite and cache.sqlite, WAL and foreign keys, the cache attached', () => {
    const { stores, dataDir } = open()
    expect(existsSync(join(dataDir, 'user.sqlite'))).toBe(true)
    expect(existsSync(join(dataDir, 'cache.sqlite'))).toBe(true)
    expect(stores.status).toEqual({ cache: { state: 'ok' }, user: { state: 'ok' } })
    const db = stores.db
    expect(db.pragma('main.journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma(`${CACHE_SCHEMA}.journal_mode`, { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('main.user_version', { simple: true })).toBe(USER_MIGRATIONS.length)
    expect(db.pragma(`${CACHE_SCHEMA}.user_version`, { simple: true })).toBe(CACHE_MIGRATIONS.length)
    // Unqualified names reach both files.
    expect(db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM orgs').get()).toEqual({ n: 0 })
  })

  it.runIf(posix)('keeps the data folder 0700 and every database file 0600', () => {
    const { stores, dataDir } = open()
    stores.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 1)").run()
    stores.db.prepare("INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES ('a', 1, 'X', 'owner', 1)").run()
    expect(statSync(dataDir).mode & 0o777).toBe(0o700)
    const files = readdirSync(dataDir)
    expect(files).toEqual(
      expect.arrayContaining(['user.sqlite', 'user.sqlite-wal', 'cache.sqlite', 'cache.sqlite-wal']),
    )
    for (const f of files) expect([f, statSync(join(dataDir, f)).mode & 0o777]).toEqual([f, 0o600])
  })

  it('puts each table in exactly one store, and every legacy table in one of them', () => {
    const user = tablesOf(USER_MIGRATIONS)
    const cache = tablesOf(CACHE_MIGRATIONS)
    expect(user.filter((t) => cache.includes(t))).toEqual([])
    const legacy = tablesOf(LEGACY_MIGRATIONS).filter((t) => !t.startsWith('search_index'))
    // Only the tables nothing ever filled were retired (cache migration 005).
    expect(legacy.filter((t) => !user.includes(t) && !cache.includes(t))).toEqual(['domains', 'partnerships'])
    for (const t of ['settings', 'accounts', 'access_history', 'audit_log', 'billing_invoices', 'billing_prices'])
      expect(user).toContain(t)
    for (const t of ['orgs', 'products', 'org_users', 'teams', 'sync_state', 'search_docs']) expect(cache).toContain(t)
  })

  it('purges exactly one account’s cached rows, search index included (no cross-file cascade)', () => {
    const { stores } = open()
    const db = stores.db
    for (const acc of ['a1', 'a2']) {
      db.prepare("INSERT INTO accounts (id, label, base_url, created_at) VALUES (?, 'A', 'https://x', 1)").run(acc)
      db.prepare("INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES (?, 7, 'Zürich SA', 'admin', 1)").run(
        acc,
      )
      db.prepare(
        "INSERT INTO products (account_id, id, org_id, service_name, customer_name, synced_at) VALUES (?, 1, 7, 'domain', 'x.ch', 1)",
      ).run(acc)
      db.prepare(
        "INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle) VALUES ('org', ?, 7, '7', 'Zürich SA', 'admin')",
      ).run(acc)
    }
    expect(accountKeyedCacheTables(db)).toEqual(
      expect.arrayContaining(['orgs', 'products', 'org_users', 'search_docs', 'sync_state', 'sync_runs']),
    )
    expect(purgeAccountCache(db, 'a2')).toBe(3)
    expect(db.prepare('SELECT account_id FROM products').all()).toEqual([{ account_id: 'a1' }])
    expect(db.prepare("SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'zurich'").get()).toEqual({
      n: 1,
    })
    // The accounts themselves (user.sqlite) are untouched.
    expect(db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 2 })
  })

  it('moves an unreadable cache aside and starts an empty one; the user store is untouched', () => {
    const t = tempDir()
    temps.push(t.cleanup)
    const first = openStores({ dataDir: t.dir, logger: memoryLogger(), now: Date.now })
    first.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', '\"fr\"', 1)").run()
    first.close()
    writeFileSync(join(t.dir, 'cache.sqlite'), 'this is definitely not an SQLite database, just text '.repeat(100))
    const logger = memoryLogger()
    const stores = openStores({ dataDir: t.dir, logger, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) })
    try {
      expect(stores.status.cache).toMatchObject({
        state: 'rebuilt',
        reason: 'corrupt',
        movedTo: join(t.dir, 'cache.sqlite.corrupt-2026-01-02T03-04-05-000Z'),
      })
      expect(existsSync(join(t.dir, 'cache.sqlite.corrupt-2026-01-02T03-04-05-000Z'))).toBe(true)
      expect(stores.db.pragma(`${CACHE_SCHEMA}.integrity_check`, { simple: true })).toBe('ok')
      expect(stores.db.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({ value: '"fr"' })
      expect(logger.records.some((r) => r.level === 'error')).toBe(true)
    } finally {
      stores.close()
    }
  })

  it('rebuilds a cache written by a newer app instead of refusing to start', () => {
    const t = tempDir()
    temps.push(t.cleanup)
    openStores({ dataDir: t.dir, logger: memoryLogger(), now: Date.now }).close()
    const raw = new Database(join(t.dir, 'cache.sqlite'))
    raw.pragma(`user_version = ${CACHE_MIGRATIONS.length + 5}`)
    raw.close()
    const stores = openStores({ dataDir: t.dir, logger: memoryLogger(), now: Date.now })
    expect(stores.status.cache).toMatchObject({ state: 'rebuilt', reason: 'newer_version' })
    stores.close()
  })

  it('answers the hot queries from indexes in both files', () => {
    const { stores } = open()
    const plan = (sql: string, ...args: unknown[]) =>
      stores.db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...args)
        .map((r) => (r as { detail: string }).detail)
        .join(' | ')
    expect(plan('SELECT * FROM products WHERE account_id = ? AND org_id = ?', 'a', 1)).toMatch(
      /USING INDEX products_by_org/,
    )
    expect(plan('SELECT * FROM org_users WHERE email = ? COLLATE NOCASE', 'x')).toMatch(
      /USING INDEX org_users_by_email/,
    )
    expect(plan('SELECT * FROM access_history WHERE account_id = ? AND org_id = ? AND at > ?', 'a', 1, 0)).toMatch(
      /USING INDEX access_history_by_org/,
    )
    expect(
      plan(
        'SELECT h.id, o.name FROM access_history h LEFT JOIN orgs o ON o.account_id = h.account_id AND o.id = h.org_id WHERE h.account_id = ?',
        'a',
      ),
    ).toMatch(/SEARCH o USING INDEX sqlite_autoindex_orgs_1/)
  })
})

describe('pins and recents (user.sqlite)', () => {
  it('persist across restarts through prefs:orgs-set / prefs:orgs-get, order kept, duplicates dropped', async () => {
    const { testCore } = await import('../../helpers/core')
    const first = testCore()
    const set = await first.core.dispatch(
      'prefs:orgs-set',
      { pins: ['acc-1:3', 'acc-1:1', 'acc-1:3'], recents: ['acc-2:5'] },
      { transport: 'test' },
    )
    expect(set).toEqual({ ok: true, value: { pins: ['acc-1:3', 'acc-1:1'], recents: ['acc-2:5'] } })
    expect(
      await first.core.dispatch('prefs:orgs-set', { recents: ['acc-2:6', 'acc-2:5'] }, { transport: 'test' }),
    ).toEqual({ ok: true, value: { pins: ['acc-1:3', 'acc-1:1'], recents: ['acc-2:6', 'acc-2:5'] } })
    expect((await first.core.dispatch('prefs:orgs-set', { pins: ['not a key'] }, { transport: 'test' })).ok).toBe(false)
    first.core.close()
    const second = testCore({ dataDir: first.dataDir })
    try {
      expect(await second.core.dispatch('prefs:orgs-get', {}, { transport: 'test' })).toEqual({
        ok: true,
        value: { pins: ['acc-1:3', 'acc-1:1'], recents: ['acc-2:6', 'acc-2:5'] },
      })
    } finally {
      second.dispose()
      first.dispose()
    }
  })
})
