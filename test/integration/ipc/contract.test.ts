import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels'
import { invokeContract } from '../../../shared/ipc/contract'
import { createHandlers } from '../../../electron/main/ipc/handlers'
import { testCore } from '../../helpers/core'
import { syncFixture } from '../../helpers/sync'
import { accessInputs } from '../access/contract-inputs'
import { fleetInputs } from '../fleet/contract-inputs'
import { remindersInputs } from '../reminders/contract-inputs'

/** Inputs no channel accepts. */
const GARBAGE: unknown[] = ['a string', 42, [1, 2], { unexpected: true, patch: 'nope' }]

/** One valid call per billing channel (after the account's first sync). */
function billingInputs(ids: { accountId: string; orgId: number; fileId: string }) {
  const period = { from: '2026-01-01', to: '2026-12-31' }
  return {
    'billing:import-preview': { accountId: ids.accountId, fileId: ids.fileId },
    'billing:import-commit': { accountId: ids.accountId, fileId: ids.fileId },
    'billing:fetch-invoices': { accountId: ids.accountId },
    'billing:invoices': { accountId: ids.accountId, ...period },
    'billing:prices-get': { accountId: ids.accountId },
    'billing:prices-set': {
      accountId: ids.accountId,
      entries: [{ serviceName: 'web_hosting', period: 'yearly', currency: 'CHF', priceCents: 12_000 }],
    },
    'billing:services': { accountId: ids.accountId },
    'billing:forecast': { accountId: ids.accountId, ...period },
    'billing:overview': { accountId: ids.accountId },
    'billing:profile-get': { accountId: ids.accountId },
    'billing:profile-set': { accountId: ids.accountId, profile: { name: 'Agency', logoBase64: null, logoMime: null } },
    'billing:export': { accountId: ids.accountId, format: 'csv', ...period, locale: 'en' },
    'billing:invoice-route': { accountId: ids.accountId },
    'billing:currencies': { accountId: ids.accountId },
    'billing:currency-set': { accountId: ids.accountId, orgId: ids.orgId, currency: 'EUR' },
    'billing:forecast-export': { accountId: ids.accountId, format: 'xlsx', ...period, locale: 'de' },
    'billing:gauge': { accountId: ids.accountId },
    'billing:margins': { accountId: ids.accountId },
  } as const
}

/** One valid input per channel (in this order), so each handler's output can be checked against its schema. */
function validInputs(ids: {
  accountId: string
  orgId: number
  token: string
  baseUrl: string
  removable: string
  backupId: string
  fileId: string
  db: import('better-sqlite3').Database
}) {
  const inputs: Record<(typeof INVOKE_CHANNELS)[number], unknown> = {
    'app:info': {},
    'settings:get': {},
    'settings:set': { patch: { language: 'fr' } },
    'accounts:list': {},
    'accounts:add': { token: ids.token, baseUrl: ids.baseUrl, label: 'Staff' },
    'accounts:rename': { accountId: ids.accountId, label: 'Renamed' },
    'sync:status': {},
    'sync:estimate': {},
    'sync:start': { accountId: ids.accountId, focusOrgId: ids.orgId },
    'sync:cancel': { accountId: ids.accountId },
    'orgs:list': {},
    'products:list': { accountId: ids.accountId, orgId: ids.orgId, expiringWithinDays: 365 },
    'users:list': { accountId: ids.accountId, orgId: ids.orgId },
    'renewals:list': { withinDays: 90 },
    'renewals:export': { withinDays: 90, format: 'ics' },
    'search:query': { text: 'sa' },
    'demo:start': {},
    'app:open-external': { url: 'https://manager.infomaniak.com/v3/ng/profile/user/token/list' },
    // No host dialog in tests: answers null.
    'files:choose-import': { purpose: 'billing-import' },
    ...billingInputs(ids),
    ...accessInputs(ids),
    'store:status': {},
    'store:acknowledge': { kind: 'split' },
    'store:keep-recovered': {},
    'backups:list': {},
    'backups:create': {},
    'backups:restore': { id: ids.backupId },
    'logs:open-folder': {},
    'offboarding:runs': { email: 'someone@example.ch' },
    'prefs:orgs-get': {},
    'prefs:orgs-set': { pins: [`${ids.accountId}:${ids.orgId}`] },
    'accounts:removal-preview': { accountId: ids.accountId },
    'accounts:removed-list': {},
    'accounts:delete-data': { accountId: 'acc-removed' },
    ...fleetInputs(ids),
    'coverage:list': { accountId: ids.accountId },
    'diagnostics:export': {},
    ...remindersInputs(ids),
    'accounts:remove': { accountId: ids.removable, deleteUserData: true },
  }
  return inputs
}

describe('IPC contract', () => {
  let ctx: ReturnType<typeof testCore>
  beforeEach(() => {
    ctx = testCore()
  })
  afterEach(() => ctx.dispose())

  it('has a handler for every channel', () => {
    const handlers = createHandlers({} as never)
    for (const channel of INVOKE_CHANNELS) expect(typeof handlers[channel]).toBe('function')
    expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it.each(INVOKE_CHANNELS)('%s answers INVALID_INPUT to garbage, never throws', async (channel) => {
    for (const raw of GARBAGE) {
      const result = await ctx.core.dispatch(channel, raw, { transport: 'test' })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT')
    }
  })

  it('every handler answers a valid call with output matching its schema', async () => {
    const f = await syncFixture({ scale: 'tiny', seed: 2 })
    try {
      const accountId = await f.addAccount('owner')
      const orgId = f.db
        .prepare<[string], { id: number }>('SELECT id FROM orgs WHERE account_id = ? ORDER BY id')
        .get(accountId)!.id
      const removable = await f.addAccount('client')
      // A removed account (in the backup restored below, too).
      f.db
        .prepare(
          "INSERT INTO accounts (id, label, base_url, created_at, removed_at) VALUES ('acc-removed', 'Gone', 'https://x', 1, 2)",
        )
        .run()
      const backupId = (await f.core.services.store.createBackup()).id
      // The file an import reads is on disk, known to the core by id (never sent over IPC).
      const csv = join(f.ctx.dataDir, 'c.csv')
      writeFileSync(
        csv,
        `Invoice number,Customer number,Issue date,Total,VAT,Currency\nC-1,${orgId},2026-01-15,108.10,8.10,CHF\n`,
      )
      const { fileId } = await f.core.services.inbox.register(csv, { owned: false })
      const inputs = validInputs({
        fileId,
        backupId,
        accountId,
        orgId,
        token: f.sandbox.tokens.staff!,
        baseUrl: f.sandbox.url,
        removable,
        db: f.db,
      })
      for (const [channel, input] of Object.entries(inputs) as [(typeof INVOKE_CHANNELS)[number], unknown][]) {
        const result = await f.core.dispatch(channel, input, { transport: 'test' })
        expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.reason}`, channel).toBe('ok')
        if (result.ok) expect(invokeContract[channel].output.safeParse(result.value).success, channel).toBe(true)
      }
    } finally {
      await f.dispose()
    }
  })

  it('refuses unknown channels with UNKNOWN_CHANNEL', async () => {
    const result = await ctx.core.dispatch('fs:read', { path: '/etc/passwd' }, { transport: 'test' })
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })
})

describe('settings round trip', () => {
  it('persists through dispatch on a real SQLite file across restarts and emits cache:changed', async () => {
    const first = testCore()
    const events: unknown[] = []
    first.core.onEvent((channel, payload) => events.push({ channel, payload }))
    const initial = await first.core.dispatch('settings:get', {}, { transport: 'test' })
    expect(initial).toEqual({ ok: true, value: { language: 'en', theme: 'system' } })
    const set = await first.core.dispatch(
      'settings:set',
      { patch: { language: 'fr', theme: 'dark' } },
      { transport: 'test' },
    )
    expect(set).toEqual({ ok: true, value: { language: 'fr', theme: 'dark' } })
    expect(events).toEqual([
      {
        channel: 'cache:changed',
        payload: { scopes: ['settings'], changes: [{ resource: 'settings', accountId: null, orgId: null }] },
      },
    ])
    first.core.close()

    const second = testCore({ dataDir: first.dataDir })
    const reread = await second.core.dispatch('settings:get', {}, { transport: 'test' })
    expect(reread).toEqual({ ok: true, value: { language: 'fr', theme: 'dark' } })
    second.core.close()
    first.dispose = () => undefined
  })

  it('rejects unknown languages and extra keys', async () => {
    const ctx = testCore()
    const bad = await ctx.core.dispatch('settings:set', { patch: { language: 'xx' } }, { transport: 'test' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const extra = await ctx.core.dispatch('settings:set', { patch: { token: 'x' } }, { transport: 'test' })
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    ctx.dispose()
  })
})
