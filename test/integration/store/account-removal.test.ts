import { afterEach, describe, expect, it } from 'vitest'
import type { AccountRemovalPreview, RemovedAccount } from '../../../shared/domain/account-removal'
import type { AccountSummary } from '../../../shared/domain/cache'
import { syncFixture } from '../../helpers/sync'

describe('removing an account never deletes user data by surprise', () => {
  let f: Awaited<ReturnType<typeof syncFixture>> | undefined
  afterEach(async () => f?.dispose())

  async function seeded() {
    f = await syncFixture({ seed: 5, scale: 'tiny' })
    const fx = f
    const accountId = await fx.addAccount('owner')
    const other = await fx.addAccount('staff')
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await fx.core.dispatch(channel, input, { transport: 'test' })
      if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code}`), { code: r.error.code })
      return r.value as T
    }
    const db = fx.db
    const org = (db.prepare('SELECT id FROM orgs WHERE account_id = ? LIMIT 1').get(accountId) as { id: number }).id
    db.prepare(
      "INSERT INTO billing_invoices (account_id, org_id, number, issue_date, excl_cents, vat_cents, incl_cents, currency, status, source) VALUES (?, ?, 'INV-1', '2026-01-31', 1000, 81, 1081, 'CHF', 'paid', 'csv')",
    ).run(accountId, org)
    await call('billing:prices-set', {
      accountId,
      entries: [{ serviceName: 'web_hosting', period: 'yearly', currency: 'CHF', priceCents: 100 }],
    })
    db.prepare(
      "INSERT INTO access_history (account_id, org_id, at, kind, subject_key, object_type) VALUES (?, ?, 1, 'member_added', 'u:1', 'org')",
    ).run(accountId, org)
    fx.core.services.access.audit({
      accountId,
      orgId: org,
      action: 'team.remove_users',
      target: 't',
      outcome: 'applied',
      detail: {},
    })
    db.prepare("INSERT INTO org_prefs (kind, position, org_key) VALUES ('pin', 0, ?)").run(`${accountId}:${org}`)
    return { fx, accountId, other, org, call, db }
  }

  const count = (db: import('better-sqlite3').Database, table: string, accountId: string): number =>
    (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE account_id = ?`).get(accountId) as { n: number }).n

  it('lists what goes and what stays, removes the token and the cache, keeps the ledger and history', async () => {
    const { fx, accountId, other, call, db } = await seeded()
    const preview = await call<AccountRemovalPreview>('accounts:removal-preview', { accountId })
    expect(preview.tokenSource).toBe('keychain')
    expect(preview.cached.orgs).toBeGreaterThan(0)
    expect(preview.cached.products).toBeGreaterThan(0)
    expect(preview.kept).toEqual({ invoices: 1, prices: 1, historyEntries: 1, auditEntries: 1, offboardingRuns: 0 })
    const otherOrgs = count(db, 'orgs', other)

    expect(await call('accounts:remove', { accountId, deleteUserData: false })).toEqual({ removed: true })
    expect(await fx.ctx.secretStore.get(`token:${accountId}`)).toBeNull()
    for (const table of ['orgs', 'products', 'org_users', 'teams', 'sync_state', 'search_docs'])
      expect(count(db, table, accountId), table).toBe(0)
    expect(count(db, 'orgs', other)).toBe(otherOrgs)
    // Kept: ledger, prices, history, audit, pins.
    for (const table of ['billing_invoices', 'billing_prices', 'access_history', 'audit_log'])
      expect(count(db, table, accountId), table).toBe(1)
    // Not listed any more, but shown among the removed accounts with what was kept.
    expect((await call<AccountSummary[]>('accounts:list', {})).map((a) => a.id)).toEqual([other])
    const removed = await call<RemovedAccount[]>('accounts:removed-list', {})
    expect(removed).toEqual([expect.objectContaining({ id: accountId, kept: preview.kept })])
    await expect(call('sync:start', { accountId })).rejects.toMatchObject({ code: 'NOT_FOUND' })

    // The same login added again: the same account, its ledger and history its own again.
    const again = await fx.addAccount('owner')
    expect(again).toBe(accountId)
    expect(count(db, 'billing_invoices', accountId)).toBe(1)
    expect(count(db, 'orgs', accountId)).toBeGreaterThan(0)
    expect(await call<RemovedAccount[]>('accounts:removed-list', {})).toEqual([])
  })

  it('deletes the ledger, history and audit only when asked, at removal or later', async () => {
    const { fx, accountId, other, call, db } = await seeded()
    await call('accounts:remove', { accountId: other, deleteUserData: false })
    await call('accounts:remove', { accountId, deleteUserData: true })
    expect(await fx.ctx.secretStore.get(`token:${accountId}`)).toBeNull()
    for (const table of ['orgs', 'billing_invoices', 'billing_prices', 'access_history', 'audit_log'])
      expect(count(db, table, accountId), table).toBe(0)
    expect(db.prepare('SELECT count(*) AS n FROM org_prefs').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT id FROM accounts').all()).toEqual([{ id: other }])
    // The other one was removed with its data kept; deleting it later is its own explicit step.
    expect(await call('accounts:delete-data', { accountId: other })).toEqual({ deleted: true })
    expect(db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 })
    await expect(call('accounts:delete-data', { accountId: other })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
