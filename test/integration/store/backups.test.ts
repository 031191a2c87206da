import Database from 'better-sqlite3'
import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BackupInfo, RestoreResult, StoreStatus } from '../../../shared/domain/store'
import { FakeClock, type Clock } from '../../../electron/main/lib/clock'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { MemorySecretStore } from '../../../electron/main/secrets/memory-secret-store'
import { secretKey } from '../../../electron/main/services/accounts-service'
import { migrate } from '../../../electron/main/store/migrate'
import { USER_MIGRATIONS } from '../../../electron/main/store/migrations'
import { openStores, READ_ONLY_MARKER } from '../../../electron/main/store/stores'
import { testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

const posix = process.platform !== 'win32'
/** testCore's clock is a FakeClock unless one is passed. */
function fake(clock: Clock): FakeClock {
  if (!(clock instanceof FakeClock)) throw new Error('expected a FakeClock')
  return clock
}

const GARBAGE = 'this is definitely not an SQLite database, just text '.repeat(200)

describe('user data backups and failure policy', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))
  const dir = (): string => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    return t.dir
  }
  const core = (dataDir: string, secretStore?: MemorySecretStore) => {
    const ctx = testCore({ dataDir, ...(secretStore ? { secretStore } : {}) })
    cleanups.unshift(() => ctx.dispose())
    const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
      const r = await ctx.core.dispatch(channel, input, { transport: 'test' })
      if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code} ${r.error.reason}`), { code: r.error.code })
      return r.value as T
    }
    return { ...ctx, call }
  }

  it('backs the user store up before migrating it, privately', () => {
    const dataDir = dir()
    const old = new Database(join(dataDir, 'user.sqlite'))
    migrate(old, USER_MIGRATIONS, memoryLogger(), 1)
    old.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', '\"it\"', 1)").run()
    old.close()
    const stores = openStores({ dataDir, logger: memoryLogger(), now: () => Date.UTC(2026, 0, 2) })
    try {
      const list = stores.backups.list()
      expect(list.map((b) => b.reason)).toEqual(['migration'])
      const copy = new Database(list[0]!.file, { readonly: true })
      expect(copy.pragma('user_version', { simple: true })).toBe(1)
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
      expect(copy.prepare('SELECT value FROM settings').get()).toEqual({ value: '"it"' })
      copy.close()
      expect(stores.db.pragma('user_version', { simple: true })).toBe(USER_MIGRATIONS.length)
      if (posix) {
        expect(statSync(stores.backups.dir).mode & 0o777).toBe(0o700)
        for (const f of readdirSync(stores.backups.dir))
          expect(statSync(join(stores.backups.dir, f)).mode & 0o777).toBe(0o600)
      }
    } finally {
      stores.close()
    }
    // A fresh store has nothing to protect: no backup.
    const fresh = openStores({ dataDir: dir(), logger: memoryLogger(), now: Date.now })
    expect(fresh.backups.list()).toEqual([])
    fresh.close()
  })

  it('restores a damaged user.sqlite from the newest sound backup, keeps the damaged file and says so', async () => {
    const dataDir = dir()
    const first = core(dataDir)
    await first.call('settings:set', { patch: { theme: 'dark' } })
    const older = await first.call<BackupInfo>('backups:create')
    await first.call('settings:set', { patch: { theme: 'light' } })
    fake(first.clock).advance(60_000)
    const newer = await first.call<BackupInfo>('backups:create')
    await first.call('settings:set', { patch: { theme: 'system' } })
    first.dispose()
    // The newest backup is damaged too: the one before it is used.
    writeFileSync(join(dataDir, 'backups', newer.id), GARBAGE)
    writeFileSync(join(dataDir, 'user.sqlite'), GARBAGE)

    const second = core(dataDir)
    const status = await second.call<StoreStatus>('store:status')
    expect(status.readOnly).toBe(false)
    const notice = status.notices.find((n) => n.kind === 'user_restored')
    expect(notice).toMatchObject({ kind: 'user_restored', backupId: older.id, backupAt: older.at })
    if (notice?.kind !== 'user_restored') throw new Error('no notice')
    expect(existsSync(notice.damagedKeptAs)).toBe(true)
    expect(notice.damagedKeptAs).toMatch(/user\.sqlite\.damaged-/)
    expect((await second.call<{ theme: string }>('settings:get')).theme).toBe('dark')
    // Acknowledged: not shown again in this run.
    const after = await second.call<StoreStatus>('store:acknowledge', { kind: 'user_restored' })
    expect(after.notices).toEqual([])
  })

  it('without a sound backup opens read-only on what it can read, until the user keeps it', async () => {
    const dataDir = dir()
    const first = core(dataDir)
    await first.call('settings:set', { patch: { language: 'fr' } })
    first.dispose()
    // Damage a page in the middle of the file (the header and the settings table survive).
    const db = new Database(join(dataDir, 'user.sqlite'))
    db.pragma('journal_mode = DELETE')
    db.exec('CREATE TABLE filler (x TEXT)')
    const insert = db.prepare('INSERT INTO filler VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run('y'.repeat(200))
    })()
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'filler'").get() as { rootpage: number })
      .rootpage
    db.close()
    const fd = openSync(join(dataDir, 'user.sqlite'), 'r+')
    writeSync(fd, Buffer.from(GARBAGE), 0, 4096, (root - 1) * 4096)
    closeSync(fd)

    const second = core(dataDir)
    const status = await second.call<StoreStatus>('store:status')
    expect(status.readOnly).toBe(true)
    const notice = status.notices.find((n) => n.kind === 'user_read_only')
    expect(notice).toMatchObject({ kind: 'user_read_only' })
    expect((await second.call<{ language: string }>('settings:get')).language).toBe('fr')
    // Nothing can change: a typed error, not a raw SqliteError.
    await expect(second.call('settings:set', { patch: { language: 'en' } })).rejects.toMatchObject({
      code: 'READ_ONLY',
    })
    await expect(second.call('sync:start', {})).rejects.toMatchObject({ code: 'READ_ONLY' })
    second.dispose()

    // Still read-only after a restart, with the same notice.
    const third = core(dataDir)
    expect((await third.call<StoreStatus>('store:status')).readOnly).toBe(true)
    const kept = await third.call<StoreStatus>('store:keep-recovered')
    expect(kept.readOnly).toBe(false)
    expect(kept.notices).toEqual([])
    expect(existsSync(join(dataDir, READ_ONLY_MARKER))).toBe(false)
    await third.call('settings:set', { patch: { language: 'en' } })
    expect((await third.call<BackupInfo[]>('backups:list')).length).toBe(1)
  })

  it('restores a backup into the running app: data replaced, vanished accounts purged, a safety copy first', async () => {
    const dataDir = dir()
    const secrets = new MemorySecretStore()
    const ctx = core(dataDir, secrets)
    const db = ctx.core.db
    const addAccount = (id: string) => {
      db.prepare("INSERT INTO accounts (id, label, base_url, created_at) VALUES (?, ?, 'https://x', 1)").run(id, id)
      db.prepare("INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES (?, 1, 'Org', 'owner', 1)").run(id)
      return secrets.set(secretKey(id), 't'.repeat(64))
    }
    await addAccount('kept')
    await ctx.call('settings:set', { patch: { theme: 'dark' } })
    const backup = await ctx.call<BackupInfo>('backups:create')
    fake(ctx.clock).advance(1000)
    await addAccount('later')
    await ctx.call('settings:set', { patch: { theme: 'light' } })

    const result = await ctx.call<RestoreResult>('backups:restore', { id: backup.id })
    expect(result.restored.id).toBe(backup.id)
    expect(result.safetyBackup?.reason).toBe('restore')
    expect((await ctx.call<{ theme: string }>('settings:get')).theme).toBe('dark')
    expect(db.prepare('SELECT id FROM accounts').all()).toEqual([{ id: 'kept' }])
    // The account that did not exist in the backup: its cache rows and its token are gone.
    expect(db.prepare('SELECT account_id FROM orgs').all()).toEqual([{ account_id: 'kept' }])
    expect(await secrets.get(secretKey('later'))).toBeNull()
    expect(await secrets.get(secretKey('kept'))).not.toBeNull()
    // The safety copy holds the state just before the restore.
    const safety = new Database(join(dataDir, 'backups', result.safetyBackup!.id), { readonly: true })
    expect(safety.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 2 })
    safety.close()
    await expect(ctx.call('backups:restore', { id: 'user-20990101T000000000Z-daily.sqlite' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(ctx.call('backups:restore', { id: '../user.sqlite' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
  })

  it('answers DISK_FULL when the disk is full, and keeps what was stored', async () => {
    const ctx = core(dir())
    await ctx.call('settings:set', { patch: { language: 'fr' } })
    const db = ctx.core.db
    // The file may not grow any more: SQLite answers SQLITE_FULL, as on a full disk.
    const pages = db.pragma('main.page_count', { simple: true }) as number
    db.pragma(`main.max_page_count = ${pages}`)
    const entries = Array.from({ length: 2000 }, (_, i) => ({
      serviceName: `service-${i}-${'x'.repeat(100)}`,
      period: 'yearly',
      currency: 'CHF',
      priceCents: i,
    }))
    db.prepare("INSERT INTO accounts (id, label, base_url, created_at) VALUES ('a', 'A', 'https://x', 1)").run()
    await expect(ctx.call('billing:prices-set', { accountId: 'a', entries })).rejects.toMatchObject({
      code: 'DISK_FULL',
    })
    expect((await ctx.call<{ language: string }>('settings:get')).language).toBe('fr')
    expect(db.prepare('SELECT count(*) AS n FROM billing_prices').get()).toEqual({ n: 0 })
    const logged = ctx.logger.records.find((r) => r.message === 'storage error')
    expect(logged?.fields).toMatchObject({ code: 'DISK_FULL' })
  })
})

describe('daily backups while the app runs', () => {
  it('takes one when due, then one a day, on the injected clock', async () => {
    const t = tempDir()
    const ctx = testCore({ dataDir: t.dir })
    try {
      const store = ctx.core.services.store
      const dailies = () => store.listBackups().filter((b) => b.reason === 'daily')
      expect(store.dailyDue()).toBe(true)
      store.startDailyBackups(3_600_000)
      await vi.waitFor(() => expect(dailies()).toHaveLength(1))
      expect(store.dailyDue()).toBe(false)
      fake(ctx.clock).advance(3_600_000)
      await new Promise((r) => setTimeout(r, 50))
      expect(dailies()).toHaveLength(1)
      for (let h = 0; h < 24; h++) fake(ctx.clock).advance(3_600_000)
      await vi.waitFor(() => expect(dailies()).toHaveLength(2))
    } finally {
      ctx.dispose()
      t.cleanup()
    }
  })
})
