import Database from 'better-sqlite3'
import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { migrate } from '../../../electron/main/store/migrate'
import { LEGACY_MIGRATIONS } from '../../../electron/main/store/migrations'
import { columnsOf, plainTables } from '../../../electron/main/store/split'
import { openStores } from '../../../electron/main/store/stores'
import { testCore } from '../../helpers/core'
import { syncFixture } from '../../helpers/sync'
import { tempDir } from '../../helpers/temp'

type Snapshot = Record<string, unknown[][]>

/**
 * Every row of the tables (in `main`, else in `cache`), in a stable order, as arrays; only the columns
 * `columns` names for a table when given (later migrations add columns the legacy file never had).
 */
function snapshot(
  db: Database.Database,
  tables: readonly string[],
  columns: Readonly<Record<string, readonly string[]>> = {},
): Snapshot {
  const out: Snapshot = {}
  const inMain = new Set(plainTables(db, 'main'))
  for (const table of tables) {
    const schema = inMain.has(table) ? 'main' : 'cache'
    const cols = columns[table] ?? columnsOf(db, schema, table)
    out[table] = db
      .prepare(
        `SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM ${schema}."${table}" ORDER BY ${cols.map((_, i) => i + 1).join(', ')}`,
      )
      .raw(true)
      .all() as unknown[][]
  }
  return out
}

/** A `switchboard.sqlite` built by the legacy migrations (today's single-file schema). */
function legacyFile(dir: string, version = 4): Database.Database {
  const db = new Database(join(dir, 'switchboard.sqlite'))
  db.pragma('journal_mode = WAL')
  migrate(db, LEGACY_MIGRATIONS, memoryLogger(), version)
  return db
}

const legacyTables = (db: Database.Database): string[] =>
  plainTables(db, 'main').filter((t) => !t.startsWith('search_index'))

/** Legacy cache tables nothing ever filled, dropped by cache migration 005 (their copies are empty). */
const RETIRED = ['domains', 'partnerships']

describe('splitting the single switchboard.sqlite of earlier versions', () => {
  const temps: (() => void)[] = []
  let fixture: Awaited<ReturnType<typeof syncFixture>> | undefined
  afterEach(async () => {
    await fixture?.dispose()
    fixture = undefined
    temps.splice(0).forEach((c) => c())
  })
  const temp = () => {
    const t = tempDir()
    temps.push(t.cleanup)
    return t.dir
  }

  it('keeps every row of a populated file (real sync data, history, ledger, prices, audit, settings)', async () => {
    // Real data: a sync against the sandbox, a change and a re-sync (access history), then user data.
    fixture = await syncFixture({ seed: 11, scale: 'demo', orgs: 4 })
    const f = fixture
    const accountId = await f.addAccount('owner')
    const org = f.sandbox.data.agencyAccountId
    f.sandbox.control.addMember({ accountId: org, email: 'split@example.ch', role: 'normal' })
    await f.sync(accountId)
    const call = async (channel: string, input: unknown) => {
      const r = await f.core.dispatch(channel, input, { transport: 'test' })
      if (!r.ok) throw new Error(`${channel}: ${r.error.reason}`)
      return r.value
    }
    await call('settings:set', { patch: { language: 'fr', theme: 'dark' } })
    await call('billing:prices-set', {
      accountId,
      entries: [{ serviceName: 'web_hosting', period: 'yearly', currency: 'CHF', priceCents: 12_000 }],
    })
    await call('billing:profile-set', {
      accountId,
      profile: { name: 'Agence Léman', logoBase64: null, logoMime: null },
    })
    const db = f.core.db
    db.prepare(
      "INSERT INTO billing_batches (id, account_id, source, file_name, file_hash, row_count, imported, at) VALUES (1, ?, 'csv', 'f.csv', 'h', 2, 2, 5)",
    ).run(accountId)
    const invoice = db.prepare(
      "INSERT INTO billing_invoices (account_id, org_id, number, issue_date, excl_cents, vat_cents, incl_cents, currency, status, source, batch_id) VALUES (?, ?, ?, '2026-01-31', 1000, 81, 1081, 'CHF', 'paid', 'csv', 1)",
    )
    invoice.run(accountId, org, 'INV-1')
    invoice.run(accountId, org, 'INV-2')
    db.prepare(
      "INSERT INTO billing_invoice_lines (account_id, org_id, number, line_no, description, quantity, unit_cents, excl_cents) VALUES (?, ?, 'INV-1', 1, 'Hosting', 1, 1000, 1000)",
    ).run(accountId, org)
    f.core.services.access.audit({
      accountId,
      orgId: org,
      action: 'team.remove_users',
      target: 'team:1 user:2',
      outcome: 'applied',
      detail: { runId: 'r' },
    })
    expect(db.prepare('SELECT count(*) AS n FROM access_history').get()).toMatchObject({ n: expect.any(Number) })
    expect((db.prepare('SELECT count(*) AS n FROM access_history').get() as { n: number }).n).toBeGreaterThan(0)

    // The same rows in a file built by today's migrations, as an earlier version would have left it.
    const dir = temp()
    const legacy = legacyFile(dir)
    legacy.prepare('ATTACH DATABASE ? AS src').run(f.core.db.name)
    legacy.prepare('ATTACH DATABASE ? AS srccache').run(join(f.ctx.dataDir, 'cache.sqlite'))
    expect(legacyTables(legacy)).toEqual(expect.arrayContaining(RETIRED))
    const tables = legacyTables(legacy).filter((t) => !RETIRED.includes(t))
    legacy.pragma('foreign_keys = OFF')
    for (const table of tables) {
      const cols = columnsOf(legacy, 'main', table)
        .map((c) => `"${c}"`)
        .join(', ')
      const from = plainTables(legacy, 'src').includes(table) ? 'src' : 'srccache'
      legacy.exec(`INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM ${from}."${table}"`)
    }
    legacy.exec('DETACH DATABASE src; DETACH DATABASE srccache')
    const before = snapshot(legacy, tables)
    const legacyColumns = Object.fromEntries(tables.map((t) => [t, columnsOf(legacy, 'main', t)]))
    legacy.close()
    const counts = Object.fromEntries(Object.entries(before).map(([t, rows]) => [t, rows.length]))
    for (const t of ['accounts', 'orgs', 'products', 'org_users', 'teams', 'access_history', 'audit_log'])
      expect(counts[t], t).toBeGreaterThan(0)
    for (const t of ['billing_invoices', 'billing_invoice_lines', 'billing_prices', 'billing_profile', 'settings'])
      expect(counts[t], t).toBeGreaterThan(0)
    await f.dispose()
    fixture = undefined

    // Opening the folder splits it.
    const ctx = testCore({ dataDir: dir })
    try {
      const split = ctx.core.storeStatus.split
      expect(split?.damaged).toBe(false)
      expect(split?.keptAs).toBe(join(dir, 'switchboard.sqlite.before-split'))
      expect(existsSync(join(dir, 'switchboard.sqlite'))).toBe(false)
      expect(existsSync(join(dir, 'switchboard.sqlite.before-split'))).toBe(true)
      expect(split?.tables.reduce((n, t) => n + t.skipped, 0)).toBe(0)
      const after = snapshot(ctx.core.db, tables, legacyColumns)
      for (const table of tables) expect(after[table], table).toEqual(before[table])
      // The FTS index was rebuilt from the copied documents.
      const hits = await ctx.core.dispatch('search:query', { text: 'split@example' }, { transport: 'test' })
      expect(hits.ok && hits.value).toEqual([expect.objectContaining({ kind: 'person' })])
      // And the stores are the new ones: the user store knows nothing of the cache tables.
      const user = new Database(join(dir, 'user.sqlite'), { readonly: true })
      expect(plainTables(user, 'main')).not.toContain('products')
      user.close()
      // The split store was migrated further: a backup of it was taken first.
      expect(ctx.core.services.store.listBackups().map((b) => b.reason)).toEqual(['migration'])
      if (process.platform !== 'win32') {
        for (const name of readdirSync(dir)) {
          const mode = statSync(join(dir, name)).mode & 0o777
          expect([name, mode]).toEqual([name, name === 'backups' ? 0o700 : 0o600])
        }
      }
    } finally {
      ctx.dispose()
    }
  }, 60_000)

  it('brings an older file (version 2) to the last legacy version first: search and counts included', () => {
    const dir = temp()
    const legacy = legacyFile(dir, 2)
    legacy.prepare("INSERT INTO accounts (id, label, base_url, created_at) VALUES ('a', 'A', 'https://x', 1)").run()
    legacy
      .prepare("INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES ('a', 7, 'Zürich SA', 'owner', 1)")
      .run()
    legacy
      .prepare(
        "INSERT INTO products (account_id, id, org_id, service_name, customer_name, synced_at) VALUES ('a', 1, 7, 'domain', 'z.ch', 1)",
      )
      .run()
    legacy.close()
    const stores = openStores({ dataDir: dir, logger: memoryLogger(), now: Date.now })
    try {
      expect(stores.db.prepare('SELECT product_count FROM orgs').get()).toEqual({ product_count: 1 })
      expect(
        stores.db.prepare("SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'zurich'").get(),
      ).toEqual({ n: 1 })
      expect(stores.db.prepare('SELECT label FROM accounts').get()).toEqual({ label: 'A' })
    } finally {
      stores.close()
    }
  })

  it('copies what can be read from a damaged file and says so', () => {
    const dir = temp()
    const legacy = legacyFile(dir)
    legacy.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', '\"de\"', 1)").run()
    legacy.prepare("INSERT INTO accounts (id, label, base_url, created_at) VALUES ('a', 'A', 'https://x', 1)").run()
    const insert = legacy.prepare(
      "INSERT INTO products (account_id, id, org_id, service_name, customer_name, synced_at) VALUES ('a', ?, 7, 'domain', ?, 1)",
    )
    legacy.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(i, `customer-${i}-${'x'.repeat(100)}`)
    })()
    legacy.pragma('wal_checkpoint(TRUNCATE)')
    const pageSize = legacy.pragma('page_size', { simple: true }) as number
    const root = (
      legacy.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'products'").get() as { rootpage: number }
    ).rootpage
    legacy.close()
    // Overwrite the products table's root page with garbage.
    const fd = openSync(join(dir, 'switchboard.sqlite'), 'r+')
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize)
    closeSync(fd)

    const stores = openStores({ dataDir: dir, logger: memoryLogger(), now: Date.now })
    try {
      expect(stores.status.split?.damaged).toBe(true)
      const products = stores.status.split?.tables.find((t) => t.table === 'products')
      expect(products?.error).toBeTruthy()
      expect(stores.db.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({ value: '"de"' })
      expect(stores.db.prepare('SELECT id FROM accounts').all()).toEqual([{ id: 'a' }])
      expect(existsSync(join(dir, 'switchboard.sqlite.before-split'))).toBe(true)
    } finally {
      stores.close()
    }
  })

  it('starts over after a split interrupted between its steps, and never merges twice', () => {
    const dir = temp()
    const legacy = legacyFile(dir)
    legacy.prepare("INSERT INTO accounts (id, label, base_url, created_at) VALUES ('a', 'A', 'https://x', 1)").run()
    legacy.close()
    // A crash after the cache was renamed into place, with a dead process's temporary file around.
    writeFileSync(join(dir, '.split-999999999-user.sqlite'), 'half written')
    writeFileSync(join(dir, 'cache.sqlite'), '')
    const first = openStores({ dataDir: dir, logger: memoryLogger(), now: Date.now })
    expect(first.db.prepare('SELECT id FROM accounts').all()).toEqual([{ id: 'a' }])
    first.close()
    expect(readdirSync(dir).filter((n) => n.startsWith('.split-'))).toEqual([])

    // An older version ran again and left a new single file: it is kept aside, not merged.
    const again = legacyFile(dir)
    again.prepare("INSERT INTO accounts (id, label, base_url, created_at) VALUES ('b', 'B', 'https://x', 1)").run()
    again.close()
    const second = openStores({ dataDir: dir, logger: memoryLogger(), now: Date.now })
    try {
      expect(second.status.split).toBeUndefined()
      expect(second.db.prepare('SELECT id FROM accounts').all()).toEqual([{ id: 'a' }])
      expect(existsSync(join(dir, 'switchboard.sqlite'))).toBe(false)
      expect(readdirSync(dir).filter((n) => n.startsWith('switchboard.sqlite.before-split')).length).toBe(2)
    } finally {
      second.close()
    }
  })
})
