import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { HomeData, InventoryPage, SavedView } from '../../../shared/domain/fleet'
import type { ClientScore, HygieneFinding, HygieneSummary, TrendPoint } from '../../../shared/domain/hygiene'
import { hygieneScore } from '../../../shared/domain/hygiene'
import { computeHygiene } from '../../../electron/main/access/hygiene-engine'
import { buildMatrix } from '../../../electron/main/access/matrix'
import { FakeClock } from '../../../electron/main/lib/clock'
import { openStores } from '../../../electron/main/store/stores'
import { memoryLogger } from '../../../electron/main/lib/logger'
import type { DeliveredFile } from '../../../shared/domain/files'
import { testCore } from '../../helpers/core'
import { CacheSeed, seedLargeOrg } from '../access/seed'

const DAY = 86_400

type Ctx = ReturnType<typeof testCore>

async function call<T>(ctx: Ctx, channel: string, input: unknown): Promise<T> {
  const r = await ctx.core.dispatch(channel, input, { transport: 'test' })
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.reason}`)
  return r.value as T
}

/** Two clients with findings of several rules, one client never synced. */
function seedFleet(ctx: Ctx) {
  const now = Math.floor(ctx.clock.now() / 1000)
  const s = CacheSeed.account(ctx.core.db, 'acc', 'Agency staff')
  s.org(1, 'Solo SA', 'owner', ctx.clock.now()).org(2, 'Zürich Duo AG', 'admin', ctx.clock.now())
  ctx.core.db
    .prepare(
      "INSERT INTO orgs (account_id, id, name, role, synced_at, data) VALUES ('acc', 3, 'Never Synced', 'normal', 0, '{}')",
    )
    .run()
  s.user(1, { userId: 10, email: 'boss@solo.ch', role: 'owner', has2fa: false, lastLoginAt: now })
  s.user(1, { userId: 11, email: 'anne@solo.ch', has2fa: false, lastLoginAt: now - 200 * DAY })
  s.user(1, { userId: 12, email: 'bob@solo.ch', has2fa: true, lastLoginAt: now })
  s.user(1, { invitationId: 900, email: 'old@x.ch', pending: true, invitedAt: now - 40 * DAY })
  s.user(2, { userId: 20, email: 'a@duo.ch', role: 'owner', has2fa: true, lastLoginAt: now })
  s.user(2, { userId: 21, email: 'b@duo.ch', role: 'owner', has2fa: false, lastLoginAt: now })
  s.team(2, 500, 'Web', null, [], [20])
  return { now }
}

describe('hygiene report (grouped in the core, decisions, scores, trend)', () => {
  let ctx: Ctx | undefined
  afterEach(() => ctx?.dispose())

  it('groups by rule then client, with counts and filters', async () => {
    ctx = testCore()
    seedFleet(ctx)
    const summary = await call<HygieneSummary>(ctx, 'hygiene:summary', {})
    expect(summary.orgsJudged).toBe(2)
    expect(summary.orgsNotSynced).toBe(1)
    const rules = summary.rules.map((r) => [r.rule, r.severity, r.count])
    // High severity first (an owner without 2FA), then by count.
    expect(rules[0]).toEqual(['no_2fa', 'high', 3])
    expect(Object.fromEntries(summary.rules.map((r) => [r.rule, r.count]))).toEqual({
      no_2fa: 3,
      single_legal_representative: 1,
      inactive_user: 1,
      stale_invitation: 1,
      team_without_leader: 1,
    })
    const no2fa = summary.rules.find((r) => r.rule === 'no_2fa')!
    expect(no2fa.clients.map((c) => [c.orgName, c.count, c.high])).toEqual([
      ['Solo SA', 2, 1],
      ['Zürich Duo AG', 1, 1],
    ])
    expect(summary.totals).toMatchObject({ open: 7, accepted: 0, snoozed: 0, high: 2, clients: 2 })

    const filtered = await call<HygieneSummary>(ctx, 'hygiene:summary', {
      severities: ['high'],
      clients: [{ accountId: 'acc', orgId: 2 }],
    })
    expect(filtered.rules.map((r) => [r.rule, r.count])).toEqual([['no_2fa', 1]])
    // Text: accent-folded, over client, person and e-mail.
    const byText = await call<HygieneSummary>(ctx, 'hygiene:summary', { text: 'zurich' })
    expect(byText.totals.clients).toBe(1)
    const page = await call<{ total: number; items: HygieneFinding[] }>(ctx, 'hygiene:findings', {
      rule: 'no_2fa',
      client: { accountId: 'acc', orgId: 1 },
    })
    expect(page.items.map((f) => [f.email, f.severity, f.status])).toEqual([
      ['boss@solo.ch', 'high', 'open'],
      ['anne@solo.ch', 'medium', 'open'],
    ])
  })

  it('accepts a risk or snoozes with a reason; a snooze ends by itself; findings can be reopened', async () => {
    ctx = testCore()
    seedFleet(ctx)
    const clock = ctx.clock as FakeClock
    const findings = async (status: 'open' | 'decided' | 'all') =>
      (await call<{ items: HygieneFinding[] }>(ctx!, 'hygiene:findings', { status, rule: 'no_2fa' })).items
    const [first, second] = await findings('open')
    await expect(call(ctx, 'hygiene:decide', { keys: [first!.key], kind: 'accepted', reason: '  ' })).rejects.toThrow(
      /INVALID_INPUT/,
    )
    await expect(
      call(ctx, 'hygiene:decide', { keys: [first!.key], kind: 'snoozed', until: clock.now() - 1, reason: 'x' }),
    ).rejects.toThrow(/INVALID_INPUT/)
    expect(
      await call(ctx, 'hygiene:decide', { keys: [first!.key], kind: 'accepted', reason: 'Hardware key in the safe' }),
    ).toEqual({ decided: 1 })
    expect(
      await call(ctx, 'hygiene:decide', {
        keys: [second!.key, 'no_2fa|gone|1|x'],
        kind: 'snoozed',
        until: clock.now() + 7 * DAY * 1000,
        reason: 'Client is enabling it next week',
      }),
    ).toEqual({ decided: 1 })
    const decided = await findings('decided')
    expect(decided.map((f) => [f.key, f.status, f.decision?.reason])).toEqual(
      expect.arrayContaining([
        [first!.key, 'accepted', 'Hardware key in the safe'],
        [second!.key, 'snoozed', 'Client is enabling it next week'],
      ]),
    )
    expect((await findings('open')).map((f) => f.key)).not.toContain(first!.key)
    let summary = await call<HygieneSummary>(ctx, 'hygiene:summary', {})
    expect(summary.totals).toMatchObject({ open: 5, accepted: 1, snoozed: 1 })

    // Decisions are user data: they survive a restart (user.sqlite), and the snooze ends after its date.
    clock.advance(8 * DAY * 1000)
    summary = await call<HygieneSummary>(ctx, 'hygiene:summary', {})
    expect(summary.totals).toMatchObject({ open: 6, accepted: 1, snoozed: 0 })
    expect(await call(ctx, 'hygiene:reopen', { keys: [first!.key] })).toEqual({ reopened: 1 })
    summary = await call<HygieneSummary>(ctx, 'hygiene:summary', {})
    expect(summary.totals).toMatchObject({ open: 7, accepted: 0 })
  })

  it('scores each client, keeps the history per day and gives the trend', async () => {
    ctx = testCore()
    seedFleet(ctx)
    const scores = await call<ClientScore[]>(ctx, 'hygiene:scores', {})
    const solo = scores.find((s) => s.orgId === 1)!
    // Solo: 2 of 3 members without 2FA, 1 of 3 inactive, a single legal representative, 1 stale invitation.
    expect(solo.score).toBe(
      hygieneScore(
        { no_2fa: 2, inactive_user: 1, single_legal_representative: 1, stale_invitation: 1 },
        { members: 3, teams: 0 },
      ),
    )
    expect(solo.score).toBe(Math.round(100 * (1 - (0.35 * 2) / 3 - 0.15 / 3 - 0.15 - 0.1 / 5)))
    expect(solo.open).toBe(5)
    expect(scores.find((s) => s.orgId === 3)!.score).toBeNull()
    expect(solo.delta30).toBeNull()

    // A score 31 days ago makes the change over 30 days; the trend lists the days kept.
    const old = new Date(ctx.clock.now() - 31 * DAY * 1000).toISOString().slice(0, 10)
    ctx.core.db
      .prepare(
        "INSERT INTO hygiene_history (account_id, org_id, day, open, high, medium, low, score) VALUES ('acc', 1, ?, 9, 3, 3, 3, 20)",
      )
      .run(old)
    const again = await call<ClientScore[]>(ctx, 'hygiene:scores', {})
    expect(again.find((s) => s.orgId === 1)!.delta30).toBe(solo.score! - 20)
    const trend = await call<TrendPoint[]>(ctx, 'hygiene:trend', { days: 60, accountId: 'acc', orgId: 1 })
    expect(trend.map((p) => [p.day, p.score])).toEqual([
      [old, 20],
      [new Date(ctx.clock.now()).toISOString().slice(0, 10), solo.score],
    ])
    const fleet = await call<TrendPoint[]>(ctx, 'hygiene:trend', { days: 7 })
    expect(fleet).toHaveLength(1)
    expect(fleet[0]!.open).toBe(7)

    // A removed account whose data the user kept: its history stays stored but is no longer the fleet's.
    const today = new Date(ctx.clock.now()).toISOString().slice(0, 10)
    ctx.core.db
      .prepare(
        "INSERT INTO accounts (id, label, base_url, created_at, state, removed_at) VALUES ('gone', 'Former agency', 'http://127.0.0.1:9', 0, 'signed_out', 1)",
      )
      .run()
    ctx.core.db
      .prepare(
        "INSERT INTO hygiene_history (account_id, org_id, day, open, high, medium, low, score) VALUES ('gone', 7, ?, 40, 40, 0, 0, 0), ('gone', 7, ?, 40, 40, 0, 0, 0)",
      )
      .run(today, old)
    const without = await call<TrendPoint[]>(ctx, 'hygiene:trend', { days: 60 })
    expect(without.map((p) => [p.day, p.open, p.score])).toEqual([
      [old, 9, 20],
      [today, 7, fleet[0]!.score],
    ])
    expect(ctx.core.db.prepare("SELECT count(*) AS n FROM hygiene_history WHERE account_id = 'gone'").get()).toEqual({
      n: 2,
    })
  })

  it('sees changes written by another connection (CLI sync, tests seeding the file)', async () => {
    ctx = testCore()
    seedFleet(ctx)
    expect((await call<HygieneSummary>(ctx, 'hygiene:summary', {})).totals.open).toBe(7)
    const other = openStores({ dataDir: ctx.dataDir, logger: memoryLogger(), now: () => ctx!.clock.now() })
    other.db.prepare("UPDATE org_users SET has_2fa = 1 WHERE email = 'anne@solo.ch'").run()
    other.close()
    expect((await call<HygieneSummary>(ctx, 'hygiene:summary', {})).totals.open).toBe(6)
  })

  it('finds the same broad collaborators as the permission matrix (random direct and team grants)', () => {
    ctx = testCore()
    seedLargeOrg(ctx.core.db, { accountId: 'big', orgId: 7, users: 120, products: 30 })
    const m = buildMatrix(ctx.core.db, 'big', 7)
    const counts = new Map<number, number>()
    for (const [u] of m.cells) counts.set(u, (counts.get(u) ?? 0) + 1)
    const expected = [...counts]
      .filter(([u, n]) => !m.users[u]!.pending && m.users[u]!.roleType === 'normal' && n / m.products.length > 0.5)
      .map(([u]) => m.users[u]!.email)
      .sort()
    const found = computeHygiene(ctx.core.db, { now: 1_800_000_000 })
      .findings.filter((f) => f.rule === 'broad_collaborator')
      .map((f) => f.email)
      .sort()
    expect(expected.length).toBeGreaterThan(0)
    expect(found).toEqual(expected)
  })
})

describe('home: one row per client with its health', () => {
  let ctx: Ctx | undefined
  afterEach(() => ctx?.dispose())

  it('counts expiry, 2FA gaps, old invitations, unpaid invoices, tags and coverage', async () => {
    ctx = testCore()
    const { now } = seedFleet(ctx)
    const db = ctx.core.db
    const product = db.prepare(
      `INSERT INTO products (account_id, id, org_id, service_id, service_name, customer_name, expired_at, tags, synced_at)
       VALUES ('acc', ?, ?, 14, 'domain', ?, ?, ?, 0)`,
    )
    product.run(100, 1, 'soon.ch', now + 10 * DAY, '[{"id":1,"name":"VIP"}]')
    product.run(101, 1, 'late.ch', now + 60 * DAY, '[]')
    product.run(102, 1, 'gone.ch', now - 2 * DAY, '[{"id":2,"name":"Legacy"}]')
    product.run(103, 2, 'duo.ch', null, '[]')
    db.prepare('UPDATE orgs SET product_count = (SELECT count(*) FROM products p WHERE p.org_id = orgs.id)').run()
    const invoice = db.prepare(
      `INSERT INTO billing_invoices (account_id, org_id, number, issue_date, excl_cents, vat_cents, incl_cents, currency, status, source)
       VALUES ('acc', ?, ?, '2026-10-01', 0, 0, ?, ?, ?, 'csv')`,
    )
    invoice.run(1, 'A', 10_000, 'CHF', 'unpaid')
    invoice.run(1, 'B', 5_000, 'CHF', 'unpaid')
    invoice.run(1, 'C', 7_000, 'EUR', 'unpaid')
    invoice.run(2, 'D', 9_000, 'CHF', 'paid')
    const home = await call<HomeData>(ctx, 'fleet:home', {})
    expect(home.ledgerKnown).toBe(true)
    const byName = new Map(home.rows.map((r) => [r.name, r]))
    const solo = byName.get('Solo SA')!
    expect(solo).toMatchObject({
      accountLabel: 'Agency staff',
      role: 'owner',
      products: 3,
      expiring30: 1,
      expired: 1,
      no2fa: 2,
      staleInvitations: 1,
      coverage: 'complete',
      tags: ['Legacy', 'VIP'],
      unpaid: [
        { currency: 'CHF', count: 2, cents: 15_000 },
        { currency: 'EUR', count: 1, cents: 7_000 },
      ],
    })
    expect(solo.score).not.toBeNull()
    expect(solo.openFindings).toBe(5)
    expect(byName.get('Zürich Duo AG')).toMatchObject({ unpaid: [], no2fa: 1, expiring30: 0 })
    expect(byName.get('Never Synced')).toMatchObject({ coverage: 'never_synced', score: null, no2fa: null })
  })
})

describe('product inventory', () => {
  let ctx: Ctx | undefined
  afterEach(() => ctx?.dispose())

  function seedProducts(c: Ctx) {
    const now = Math.floor(c.clock.now() / 1000)
    const s = CacheSeed.account(c.core.db, 'acc', 'Agency')
    s.org(1, 'Alpha SA').org(2, 'Beta Sàrl')
    const db = c.core.db
    const insert = db.prepare(
      `INSERT INTO products (account_id, id, org_id, service_id, service_name, customer_name, fqdn, expired_at, is_locked, tags, synced_at)
       VALUES ('acc', @id, @org, @sid, @svc, @name, @fqdn, @exp, @locked, @tags, 0)`,
    )
    const doc = db.prepare(
      "INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle) VALUES (?, 'acc', ?, ?, ?, ?)",
    )
    const rows = [
      {
        id: 1,
        org: 1,
        sid: 14,
        svc: 'domain',
        name: 'alpha.ch',
        fqdn: 'alpha.ch',
        exp: now + 5 * DAY,
        locked: 0,
        tags: '[{"id":1,"name":"VIP"}]',
      },
      {
        id: 2,
        org: 1,
        sid: 23,
        svc: 'email_hosting',
        name: 'Mail Alpha',
        fqdn: null,
        exp: now - DAY,
        locked: 0,
        tags: '[]',
      },
      {
        id: 3,
        org: 2,
        sid: 1,
        svc: 'hosting',
        name: 'Site Bêta',
        fqdn: 'beta.ch',
        exp: now + 100 * DAY,
        locked: 1,
        tags: '[]',
      },
      {
        id: 4,
        org: 2,
        sid: 57,
        svc: 'hosting_3',
        name: 'api.beta.ch',
        fqdn: 'api.beta.ch',
        exp: null,
        locked: 0,
        tags: '[{"id":1,"name":"VIP"}]',
      },
    ]
    for (const r of rows) {
      insert.run(r)
      doc.run('product', r.org, String(r.id), r.name, `${r.svc} ${r.fqdn ?? ''}`)
    }
    doc.run('org', 1, '1', 'Alpha SA', 'owner')
    doc.run('org', 2, '2', 'Beta Sàrl', 'owner')
  }

  const page = (c: Ctx, filter: unknown, offset = 0, limit = 100) =>
    call<InventoryPage>(c, 'fleet:inventory', { filter, offset, limit })

  it('filters by type, status, expiry window, client, tag and text, sorts, pages', async () => {
    ctx = testCore()
    seedProducts(ctx)
    const ids = async (filter: unknown) => (await page(ctx!, filter)).rows.map((r) => r.id)
    expect((await page(ctx, {})).total).toBe(4)
    expect(await ids({ types: ['domain', 'hosting_3'] })).toEqual([1, 4])
    expect(await ids({ statuses: ['expired', 'locked'] })).toEqual([2, 3])
    expect(await ids({ expiry: '30' })).toEqual([1])
    expect(await ids({ expiry: 'none' })).toEqual([4])
    expect(await ids({ clients: [{ accountId: 'acc', orgId: 2 }] })).toEqual([4, 3])
    expect(await ids({ tags: ['VIP'] })).toEqual([1, 4])
    // Text through the accent-folded index: product names and client names.
    expect(await ids({ text: 'beta' })).toEqual([4, 3])
    expect(await ids({ text: 'bet', types: ['hosting'] })).toEqual([3])
    expect(await ids({ sort: 'expiry' })).toEqual([2, 1, 3, 4])
    expect(await ids({ sort: 'expiry', direction: 'desc' })).toEqual([3, 1, 2, 4])
    expect(await ids({ sort: 'client', direction: 'desc' })).toEqual([4, 3, 1, 2])
    // Type sorts by the display name in the UI language.
    expect(await ids({ sort: 'type' })).toEqual([1, 3, 2, 4]) // Domain, Hosting, Mail service, Node.js hosting
    await call(ctx, 'settings:set', { patch: { language: 'fr' } })
    expect(await ids({ sort: 'type' })).toEqual([1, 3, 4, 2]) // Domaine, Hébergement, Hébergement Node.js, Service mail
    const second = await page(ctx, { sort: 'name' }, 2, 2)
    expect(second.rows.map((r) => r.id)).toEqual([2, 3])
    expect(second.total).toBe(4)
    expect(second.rows[0]).toMatchObject({ orgName: 'Alpha SA', accountLabel: 'Agency' })
  })

  it('exports exactly the rows and columns shown, in the UI language', async () => {
    ctx = testCore()
    seedProducts(ctx)
    await call(ctx, 'settings:set', { patch: { language: 'fr' } })
    const file = await call<DeliveredFile>(ctx, 'fleet:inventory-export', {
      filter: { tags: ['VIP'], sort: 'name', direction: 'desc' },
      columns: ['name', 'client', 'type', 'status'],
      format: 'csv',
    })
    expect(file.savedPath).not.toBeNull()
    const text = readFileSync(file.savedPath!, 'utf8').replace(/^\uFEFF/, '')
    expect(text.trim().split('\r\n')).toEqual([
      'Produit;Client;Type;État',
      'api.beta.ch;Beta Sàrl;Hébergement Node.js;',
      'alpha.ch;Alpha SA;Domaine;Expire bientôt',
    ])
    const xlsx = await call<DeliveredFile>(ctx, 'fleet:inventory-export', {
      filter: {},
      columns: ['name', 'expiry'],
      format: 'xlsx',
    })
    expect(xlsx.fileName).toMatch(/\.xlsx$/)
    expect(xlsx.byteLength).toBeGreaterThan(1000)
  })

  it('keeps named views in the user store', async () => {
    ctx = testCore()
    const state = { filter: { expiry: '30', sort: 'expiry' }, columns: ['name', 'client', 'expiry'] }
    const saved = await call<SavedView>(ctx, 'fleet:view-save', { name: ' Expiring soon ', state })
    expect(saved.name).toBe('Expiring soon')
    await call(ctx, 'fleet:view-save', { name: 'VIP', state: { filter: { tags: ['VIP'] }, columns: ['name'] } })
    // The same name replaces; an id renames.
    await call(ctx, 'fleet:view-save', { name: 'Expiring soon', state: { ...state, columns: ['name'] } })
    await call(ctx, 'fleet:view-save', { id: saved.id, name: 'Next 30 days', state })
    ctx.core.db
      .prepare(
        "INSERT INTO saved_views (screen, name, state, created_at, updated_at) VALUES ('inventory', 'Broken', '{\"x\":1}', 0, 0)",
      )
      .run()
    const views = await call<SavedView[]>(ctx, 'fleet:views', {})
    expect(views.map((v) => v.name)).toEqual(['Next 30 days', 'VIP'])
    expect(views[0]!.state).toEqual(state)
    await expect(call(ctx, 'fleet:view-save', { id: saved.id, name: 'VIP', state })).rejects.toThrow(/CONFLICT/)
    expect(await call(ctx, 'fleet:view-delete', { id: saved.id })).toEqual({ deleted: true })
    expect((await call<SavedView[]>(ctx, 'fleet:views', {})).map((v) => v.name)).toEqual(['VIP'])
  })
})
