import { afterEach, describe, expect, it } from 'vitest'
import { hygieneFindings } from '../../../electron/main/access/hygiene'
import { daysLeft, renewalWindow } from '../../../electron/main/reminders/rules'
import { EXPIRING_PRODUCTS_SQL } from '../../../electron/main/reminders/rule-inputs'
import { REEVALUATE_MS } from '../../../electron/main/reminders'
import { DAY_MS, remindersFixture } from './fixture'

type Fixture = ReturnType<typeof remindersFixture>

describe('renewal windows (pure)', () => {
  const now = Date.UTC(2026, 2, 2, 9, 0)
  const at = (days: number) => Math.floor((now + days * DAY_MS) / 1000)
  it('classifies by whole days left, as the renewals screen counts them', () => {
    expect(renewalWindow(at(45), now)).toBeNull()
    expect(renewalWindow(at(30.5), now)).toBeNull()
    expect(renewalWindow(at(29.5), now)).toBe('renewal_30')
    expect(renewalWindow(at(14.5), now)).toBe('renewal_30')
    expect(renewalWindow(at(13.5), now)).toBe('renewal_14')
    expect(renewalWindow(at(0.01), now)).toBe('renewal_14')
    expect(renewalWindow(at(-1), now)).toBe('expired')
    expect(renewalWindow(at(-29), now)).toBe('expired')
    expect(renewalWindow(at(-31), now)).toBeNull()
    expect(daysLeft(at(13.5), now)).toBe(13)
  })
})

describe('reminder rules, evaluated from the cache with a fake clock', () => {
  let f: Fixture
  afterEach(() => f.close())

  it('renewals: 30-day window, then 14-day window, then expired; each once; a renewed product starts over', () => {
    f = remindersFixture()
    const id = f.seed.product(45, 'alpine-bakery.ch')
    expect(f.evaluate()).toEqual([])
    f.clock.advance(16 * DAY_MS) // 29 days left
    expect(f.evaluate()).toEqual(['renewal_30:alpine-bakery.ch'])
    expect(f.evaluate()).toEqual([])
    f.clock.advance(15 * DAY_MS) // 14 days left: still the 30-day window
    expect(f.evaluate()).toEqual([])
    f.clock.advance(1 * DAY_MS) // 13 days left
    expect(f.evaluate()).toEqual(['renewal_14:alpine-bakery.ch'])
    f.clock.advance(14 * DAY_MS) // expired a day ago
    expect(f.evaluate()).toEqual(['expired:alpine-bakery.ch'])
    expect(f.evaluate()).toEqual([])
    // Renewed for a year: a new expiry date is a new object; next year's windows fire again.
    f.seed.setExpiry(id, 364)
    expect(f.evaluate()).toEqual([])
    f.clock.advance(340 * DAY_MS)
    expect(f.evaluate()).toEqual(['renewal_30:alpine-bakery.ch'])
  })

  it('renewals: a product first seen inside the 14-day window gets the last call only; long-expired ones nothing', () => {
    f = remindersFixture()
    f.seed.product(10, 'late.ch')
    f.seed.product(-60, 'long-gone.ch')
    f.seed.product(-3, 'just-lapsed.ch')
    expect(f.evaluate()).toEqual(['expired:just-lapsed.ch', 'renewal_14:late.ch'])
    const [r] = f.service.list({ rules: ['renewal_14'] }).items
    expect(r).toMatchObject({
      severity: 'high',
      orgId: 10,
      orgName: 'Bäckerei Zürich AG',
      params: { days: 10, service: 'domain' },
    })
    expect(r!.link).toMatch(/^\/org\/acc-1\/10\/products\?product=\d+$/)
  })

  it('without a sync, windows that open as time passes are found by the hourly re-evaluation', () => {
    f = remindersFixture()
    f.seed.product(31, 'quiet-client.ch')
    const rules = () =>
      f.service
        .list({})
        .items.map((r) => r.rule)
        .sort()
    f.service.evaluateStale(REEVALUATE_MS)
    expect(rules()).toEqual([])
    f.clock.advance(2 * DAY_MS) // 29 days left; the last evaluation was two days ago
    f.service.evaluateStale(REEVALUATE_MS)
    expect(rules()).toEqual(['renewal_30'])
    // Within the hour nothing is evaluated again, even when a window opened meanwhile.
    f.seed.product(10, 'late.ch')
    f.clock.advance(REEVALUATE_MS / 2)
    f.service.evaluateStale(REEVALUATE_MS)
    expect(rules()).toEqual(['renewal_30'])
    f.clock.advance(REEVALUATE_MS / 2)
    f.service.evaluateStale(REEVALUATE_MS)
    expect(rules()).toEqual(['renewal_14', 'renewal_30'])
  })

  it('token rejected: once while it lasts; again after the token worked in between', () => {
    f = remindersFixture()
    f.seed.accountState('token_rejected')
    expect(f.evaluate()).toEqual(['token_rejected:Agency'])
    expect(f.evaluate()).toEqual([])
    f.seed.accountState('ok')
    expect(f.evaluate()).toEqual([])
    f.seed.accountState('token_rejected')
    expect(f.evaluate()).toEqual(['token_rejected:Agency'])
  })

  it('scope missing: once per scope, with the resources it blocks; again after it was granted and lost', () => {
    f = remindersFixture()
    f.seed.scope('users', 'accounts')
    f.seed.scope('teams', 'accounts')
    expect(f.evaluate()).toEqual(['scope_missing:accounts'])
    expect(f.service.list({}).items[0]!.params).toMatchObject({ scope: 'accounts', resources: 'teams, users' })
    expect(f.evaluate()).toEqual([])
    f.seed.scope('users', null)
    f.seed.scope('teams', null)
    expect(f.evaluate()).toEqual([])
    f.seed.scope('users', 'accounts')
    expect(f.evaluate()).toEqual(['scope_missing:accounts'])
  })

  it('new high-severity hygiene findings: existing ones are the baseline; a new administrator without 2FA fires', () => {
    f = remindersFixture()
    f.seed.user({ key: 'u:1', email: 'boss@example.ch', role: 'owner', has2fa: 0 })
    f.seed.user({ key: 'u:2', email: 'staff@example.ch', role: 'normal', has2fa: 0 })
    expect(f.evaluate()).toEqual([]) // first evaluation: baseline, silent
    f.seed.user({ key: 'u:3', email: 'new.admin@example.ch', role: 'admin', has2fa: 0 })
    f.seed.user({ key: 'u:4', email: 'new.staff@example.ch', role: 'normal', has2fa: 0 })
    expect(f.evaluate()).toEqual(['hygiene_high:new.admin'])
    expect(f.evaluate()).toEqual([])
    // Fixed, then broken again: news again.
    f.seed.user({ key: 'u:3', email: 'new.admin@example.ch', role: 'admin', has2fa: 1 })
    expect(f.evaluate()).toEqual([])
    f.seed.user({ key: 'u:3', email: 'new.admin@example.ch', role: 'admin', has2fa: 0 })
    expect(f.evaluate()).toEqual(['hygiene_high:new.admin'])
    // The rule reads exactly the high-severity findings of the hygiene report.
    const high = hygieneFindings(f.db, { now: Math.floor(f.clock.now() / 1000) })
      .filter((x) => x.severity === 'high')
      .map((x) => x.email)
      .sort()
    expect(high).toEqual(['boss@example.ch', 'new.admin@example.ch'])
  })

  it('access changes in watched organisations: new legal representative, administrator added; history before the first evaluation is not news', () => {
    f = remindersFixture()
    f.seed.history({ kind: 'member_added', after: 'owner', email: 'old@example.ch' })
    expect(f.evaluate()).toEqual([])
    f.seed.history({ kind: 'member_added', after: 'owner', email: 'heir@example.ch' })
    f.seed.history({ kind: 'role_changed', before: 'normal', after: 'admin', email: 'promoted@example.ch' })
    f.seed.history({ kind: 'member_added', after: 'normal', email: 'plain@example.ch' })
    f.seed.history({ kind: 'role_changed', before: 'admin', after: 'normal', email: 'demoted@example.ch' })
    expect(f.evaluate()).toEqual(['admin_added:promoted', 'legal_rep_added:heir'])
    expect(f.evaluate()).toEqual([])
    // Only selected organisations: a change in org 20 is not announced, and is not kept for later.
    f.service.setPrefs({ accessWatch: { mode: 'selected', orgs: [{ accountId: 'acc-1', orgId: 10 }] } })
    f.seed.history({ orgId: 20, kind: 'member_added', after: 'admin', email: 'elsewhere@example.ch' })
    f.seed.history({ orgId: 10, kind: 'member_added', after: 'admin', email: 'watched@example.ch' })
    expect(f.evaluate()).toEqual(['admin_added:watched'])
    f.service.setPrefs({ accessWatch: { mode: 'all', orgs: [] } })
    expect(f.evaluate()).toEqual([])
  })

  it('invitations pending over 30 days: once per invitation, when it crosses 30 days', () => {
    f = remindersFixture()
    f.seed.user({ key: 'i:1', email: 'forgotten@example.ch', state: 'pending', invitedDaysAgo: 40 })
    f.seed.user({ key: 'i:2', email: 'recent@example.ch', state: 'pending', invitedDaysAgo: 10 })
    expect(f.evaluate()).toEqual(['invitation_stale:forgotten'])
    expect(f.service.list({}).items[0]!.params).toMatchObject({ days: 40, email: 'forgotten@example.ch' })
    f.clock.advance(15 * DAY_MS)
    expect(f.evaluate()).toEqual([])
    f.clock.advance(6 * DAY_MS)
    expect(f.evaluate()).toEqual(['invitation_stale:recent'])
    expect(f.evaluate()).toEqual([])
  })

  it('partner gauge: approaching (90 %), reached, fallen below, reached again; the first reading is the baseline', () => {
    let cents = 100_000
    f = remindersFixture({ gauge: () => [{ currency: 'CHF', yearlyCents: cents, thresholdCents: 200_000 }] })
    expect(f.evaluate()).toEqual([])
    const step = (to: number) => {
      cents = to
      return f.service.evaluate('acc-1').map((r) => `${String(r.params['direction'])}:${String(r.params['level'])}`)
    }
    expect(step(185_000)).toEqual(['up:90'])
    expect(step(190_000)).toEqual([])
    expect(step(200_000)).toEqual(['up:100'])
    expect(step(205_000)).toEqual([])
    expect(step(190_000)).toEqual(['down:100'])
    expect(step(195_000)).toEqual([])
    expect(step(210_000)).toEqual(['up:100'])
    // A jump from nothing to the threshold says "reached", not also "approaching"; falling to 95 %
    // then says only "below".
    f.seed.setGauge(() => [{ currency: 'EUR', yearlyCents: cents, thresholdCents: 180_000 }])
    cents = 0
    expect(step(0)).toEqual([])
    expect(step(180_000)).toEqual(['up:100'])
    expect(step(171_000)).toEqual(['down:100'])
  })

  it('a disabled rule records nothing; enabled again, what holds fires', () => {
    f = remindersFixture()
    f.service.setPrefs({ disabledRules: ['renewal_30'] })
    f.seed.product(20, 'quiet.ch')
    expect(f.evaluate()).toEqual([])
    f.service.setPrefs({ disabledRules: [] })
    expect(f.evaluate()).toEqual(['renewal_30:quiet.ch'])
  })
})

describe('two logins that see the same objects', () => {
  it('hear about a product or a person once; account-specific rules fire for each', () => {
    const f = remindersFixture()
    try {
      f.db
        .prepare(
          "INSERT INTO accounts (id, label, base_url, created_at, last_sync_at) VALUES ('acc-2', 'Staff', 'https://x', 2, 2)",
        )
        .run()
      f.db
        .prepare(
          "INSERT INTO orgs (account_id, id, name, role, synced_at) VALUES ('acc-2', 10, 'Bäckerei Zürich AG', 'admin', 1)",
        )
        .run()
      const id = f.seed.product(5, 'shared.ch')
      f.db
        .prepare(
          "INSERT INTO products (account_id, id, org_id, service_name, customer_name, expired_at, synced_at) SELECT 'acc-2', id, org_id, service_name, customer_name, expired_at, synced_at FROM products WHERE id = ?",
        )
        .run(id)
      f.db.prepare("UPDATE accounts SET state = 'token_rejected'").run()
      expect(f.evaluate()).toEqual(['renewal_14:shared.ch', 'token_rejected:Agency'])
      expect(f.service.evaluate('acc-2').map((r) => `${r.rule}:${r.subject}`)).toEqual(['token_rejected:Staff'])
    } finally {
      f.close()
    }
  })
})

describe('the first evaluation', () => {
  it('waits for the first complete sync: a half-filled cache must not become the baseline', () => {
    const f = remindersFixture()
    try {
      f.db.prepare("UPDATE accounts SET last_sync_at = NULL WHERE id = 'acc-1'").run()
      f.seed.product(5, 'early.ch')
      expect(f.evaluate()).toEqual([])
      expect(f.repo.cursor('acc-1')).toBeNull()
      // The first complete sync brought an administrator without 2FA: that is the baseline, not news.
      f.seed.user({ key: 'u:9', email: 'admin@example.ch', role: 'admin', has2fa: 0 })
      f.db.prepare("UPDATE accounts SET last_sync_at = 1 WHERE id = 'acc-1'").run()
      expect(f.evaluate()).toEqual(['renewal_14:early.ch'])
    } finally {
      f.close()
    }
  })
})

describe('a token source that is gone', () => {
  it('a sync that stops for a missing token (keychain entry, variable) fires the token reminder once', () => {
    const f = remindersFixture()
    try {
      const status = (state: 'syncing' | 'token_missing' | 'idle') => ({
        accountId: 'acc-1',
        state,
        planned: 0,
        done: 0,
        requests: 0,
        etaMs: null,
        current: null,
        startedAt: null,
        lastSyncAt: 1,
        lastError: null,
        offlineSince: null,
        nextAttemptAt: null,
        issues: [],
        skipped: [],
        skippedCount: 0,
      })
      f.service.onSyncProgress(status('syncing'))
      f.service.onSyncProgress(status('token_missing'))
      const [r] = f.service.list({}).items
      expect(r).toMatchObject({ rule: 'token_rejected', params: { reason: 'missing' } })
      f.service.onSyncProgress(status('syncing'))
      f.service.onSyncProgress(status('token_missing'))
      expect(f.service.list({}).total).toBe(1)
      // Fixed: the next complete sync releases it.
      f.service.onSyncProgress(status('syncing'))
      f.service.onSyncProgress(status('idle'))
      expect(f.repo.keys('acc-1').map((k) => k.key)).not.toContain('token_rejected')
    } finally {
      f.close()
    }
  })

  it('an account that never synced (its token gone before the first sync) gets the notice too, once, and no baseline', () => {
    const f = remindersFixture()
    try {
      f.db.prepare("UPDATE accounts SET last_sync_at = NULL WHERE id = 'acc-1'").run()
      f.seed.product(5, 'early.ch')
      const status = (state: 'syncing' | 'token_missing') => ({
        accountId: 'acc-1',
        state,
        planned: 0,
        done: 0,
        requests: 0,
        etaMs: null,
        current: null,
        startedAt: null,
        lastSyncAt: null,
        lastError: null,
        offlineSince: null,
        nextAttemptAt: null,
        issues: [],
        skipped: [],
        skippedCount: 0,
      })
      for (let i = 0; i < 3; i++) {
        f.service.onSyncProgress(status('syncing'))
        f.service.onSyncProgress(status('token_missing'))
      }
      const page = f.service.list({})
      expect(page.items.map((r) => [r.rule, r.params])).toEqual([
        ['token_rejected', expect.objectContaining({ reason: 'missing' })],
      ])
      // Nothing else of a cache that was never filled, and it is not the baseline of the first real evaluation.
      expect(f.repo.cursor('acc-1')).toBeNull()
    } finally {
      f.close()
    }
  })
})

describe('rule inputs', () => {
  it('find the products of the renewal windows through the expiry index, not by scanning the account', () => {
    const f = remindersFixture()
    try {
      const plan = (
        f.db.prepare(`EXPLAIN QUERY PLAN ${EXPIRING_PRODUCTS_SQL}`).all({ account: 'acc-1', from: 0, to: 1 }) as {
          detail: string
        }[]
      ).map((r) => r.detail)
      expect(plan.join(' | ')).toMatch(/SEARCH p USING INDEX products_by_expiry/)
    } finally {
      f.close()
    }
  })
})
