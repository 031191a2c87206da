import { describe, expect, it } from 'vitest'
import { fnv1a, orgColor, ORG_COLORS } from '../../../renderer/src/features/orgs/org-color'
import { orgKey, orgPath, parseOrgKey } from '../../../renderer/src/features/orgs/org-key'
import { pushRecent, togglePin, MAX_RECENTS } from '../../../renderer/src/features/orgs/org-prefs'
import { fold, indexOrgs, matchRank, searchOrgs } from '../../../renderer/src/features/orgs/org-search'
import { overviewModel, peopleCounts } from '../../../renderer/src/features/overview/overview-model'
import {
  DEFAULT_PRODUCT_QUERY,
  filterProducts,
  productStatuses,
  productTypes,
} from '../../../renderer/src/features/products/products-model'
import { visibleRange } from '../../../renderer/src/features/products/VirtualRows'
import { accountHealth, neededScopes, summarizeSync } from '../../../renderer/src/features/sync/sync-model'
import { checkBaseUrl, explainAddError } from '../../../renderer/src/features/onboarding/account-errors'
import { IpcError } from '../../../renderer/src/lib/ipc'
import { account, org, product, syncStatus } from './daily-fixtures'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 10, 27)
const sec = (ms: number) => Math.floor(ms / 1000)

describe('organization colour and keys', () => {
  it('is deterministic and spread over the palette', () => {
    expect(orgColor('acc-1', 42)).toBe(orgColor('acc-1', 42))
    expect(fnv1a('a')).not.toBe(fnv1a('b'))
    const used = new Set(Array.from({ length: 200 }, (_, i) => orgColor('acc-1', i)))
    expect(used.size).toBe(ORG_COLORS.length)
    // The account matters: the same id in two accounts is two organizations.
    const differ = Array.from({ length: 50 }, (_, i) => orgColor('acc-1', i) !== orgColor('acc-2', i))
    expect(differ.some(Boolean)).toBe(true)
  })

  it('round-trips keys and builds routes', () => {
    expect(parseOrgKey(orgKey({ accountId: 'acc-x:y', orgId: 7 }))).toEqual({ accountId: 'acc-x:y', orgId: 7 })
    expect(parseOrgKey('nonsense')).toBeNull()
    expect(orgPath({ accountId: 'acc 1', orgId: 3 }, 'products')).toBe('/org/acc%201/3/products')
  })

  it('keeps recents unique, most recent first, bounded; toggles pins', () => {
    let recents: string[] = []
    for (let i = 0; i < 20; i++) recents = pushRecent(recents, `k${i % 12}`)
    expect(recents[0]).toBe('k7')
    expect(new Set(recents).size).toBe(recents.length)
    expect(recents).toHaveLength(MAX_RECENTS)
    expect(togglePin(togglePin([], 'a'), 'a')).toEqual([])
  })
})

describe('organization search', () => {
  const orgs = [
    org(1, 'Boulangerie Favre Sàrl'),
    org(2, 'Genève Événements SA'),
    org(3, 'Agence Lémanique du Web'),
    org(4, 'Brauerei St. Gallen AG'),
    org(5, 'Zahnarztpraxis Web Design'),
  ]
  const index = indexOrgs(orgs)
  const none = { pins: [], recents: [] }

  it('folds accents and case', () => {
    expect(fold('Genève ÉVÉNEMENTS')).toBe('geneve evenements')
    expect(searchOrgs(index, 'geneve', none).entries.map((e) => e.org.id)).toEqual([2])
    expect(searchOrgs(index, 'ÉVÉN', none).entries.map((e) => e.org.id)).toEqual([2])
  })

  it('ranks prefix, then word start, then substring, then fuzzy', () => {
    expect(matchRank('web agency', 'web')).toBe(0)
    expect(matchRank('agence du web', 'web')).toBe(1)
    expect(matchRank('cobweb', 'web')).toBe(2)
    expect(matchRank('brauerei st. gallen', 'brauerei gallen')).toBe(3)
    expect(matchRank('boulangerie favre', 'blgfv')).toBe(4)
    expect(matchRank('boulangerie', 'xyz')).toBeNull()
    expect(searchOrgs(index, 'web', none).entries.map((e) => e.org.id)).toEqual([3, 5])
  })

  it('puts pinned then recent first, and caps the rows at 1,000 organizations quickly', () => {
    const keys = index.map((i) => i.key)
    const ordered = searchOrgs(index, '', { pins: [keys[4]!], recents: [keys[1]!, keys[3]!] })
    expect(ordered.entries.map((e) => e.org.id).slice(0, 3)).toEqual([5, 2, 4])

    const many = indexOrgs(Array.from({ length: 1000 }, (_, i) => org(i, `Client ${i} Sàrl`)))
    const started = performance.now()
    const result = searchOrgs(many, 'client 1', none)
    const elapsed = performance.now() - started
    expect(result.entries).toHaveLength(20)
    // 111 contain "client 1" (1, 10–19, 100–199); fuzzy matches (e.g. "Client 21") come after them.
    expect(result.total).toBeGreaterThan(111)
    expect(result.hidden).toBe(result.total - 20)
    expect(result.entries[0]?.org.name).toBe('Client 1 Sàrl')
    expect(result.entries.every((e) => e.org.name.startsWith('Client 1'))).toBe(true)
    expect(elapsed).toBeLessThan(50)
  })
})

describe('products', () => {
  const rows = [
    product(1, { customerName: 'zeta.ch', serviceName: 'domain', expiredAt: sec(NOW + 10 * DAY) }),
    product(2, { customerName: 'Alpha hosting', serviceName: 'hosting', expiredAt: sec(NOW - DAY), isLocked: true }),
    product(3, { customerName: 'Mail Beta', serviceName: 'email_hosting', expiredAt: null, isTrial: true }),
    product(4, {
      customerName: 'Drive',
      serviceName: 'drive',
      expiredAt: sec(NOW + 80 * DAY),
      tags: [{ id: 1, name: 'Genève' }],
      hasOperationInProgress: true,
    }),
  ]

  it('derives statuses', () => {
    expect(productStatuses(rows[0]!, NOW)).toEqual(['expiring'])
    expect(productStatuses(rows[1]!, NOW)).toEqual(['expired', 'locked'])
    expect(productStatuses(rows[2]!, NOW)).toEqual(['trial'])
  })

  it('sorts by name, type and expiry (no date last in both directions)', () => {
    const ids = (q: Partial<typeof DEFAULT_PRODUCT_QUERY>) =>
      filterProducts(rows, { ...DEFAULT_PRODUCT_QUERY, ...q }, NOW).map((p) => p.id)
    expect(ids({})).toEqual([2, 4, 3, 1])
    expect(ids({ direction: 'desc' })).toEqual([1, 3, 4, 2])
    expect(ids({ sort: 'type' })).toEqual([1, 4, 3, 2])
    expect(ids({ sort: 'expiry' })).toEqual([2, 1, 4, 3])
    expect(ids({ sort: 'expiry', direction: 'desc' })).toEqual([4, 1, 2, 3])
  })

  it('filters by search (tags, accents), type and status', () => {
    const ids = (q: Partial<typeof DEFAULT_PRODUCT_QUERY>) =>
      filterProducts(rows, { ...DEFAULT_PRODUCT_QUERY, ...q }, NOW).map((p) => p.id)
    expect(ids({ search: 'geneve' })).toEqual([4])
    expect(ids({ search: 'mail beta' })).toEqual([3])
    expect(ids({ types: ['domain', 'drive'] })).toEqual([4, 1])
    expect(ids({ statuses: ['locked', 'trial'] })).toEqual([2, 3])
    expect(ids({ statuses: ['expiring'], types: ['hosting'] })).toEqual([])
    expect(productTypes(rows).map((t) => t.type)).toEqual(['domain', 'drive', 'email_hosting', 'hosting'])
  })

  it('summarizes an organization for the overview', () => {
    const m = overviewModel(rows, NOW)
    expect(m.total).toBe(4)
    expect(m.expired).toBe(1)
    expect(m.expiring).toEqual([
      { days: 30, count: 1 },
      { days: 60, count: 1 },
      { days: 90, count: 2 },
    ])
    expect(m.soonest.map((p) => p.id)).toEqual([1, 4])
    expect(m.flagged.map((f) => [f.product.id, f.flags])).toEqual([
      [2, ['locked']],
      [4, ['operation']],
      [3, ['trial']],
    ])
  })

  it('renders only the visible rows', () => {
    expect(visibleRange(0, 400, 40, 5000, 5)).toEqual({ start: 0, end: 15 })
    expect(visibleRange(4000, 400, 40, 5000, 5)).toEqual({ start: 95, end: 115 })
    expect(visibleRange(400_000, 400, 40, 20, 5)).toEqual({ start: 5, end: 20 })
  })
})

describe('people, sync and account state', () => {
  it('counts members, pending invitations and teams', () => {
    const base = {
      accountId: 'a',
      orgId: 1,
      email: 'x',
      displayName: 'x',
      roleType: 'normal',
      state: 'active',
      hasBillingAccess: false,
      has2fa: null,
      lastLoginAt: null,
    }
    expect(
      peopleCounts([
        { ...base, memberKey: 'u1', userId: 1, invitationId: null, teamIds: [1, 2] },
        { ...base, memberKey: 'u2', userId: 2, invitationId: null, teamIds: [2] },
        { ...base, memberKey: 'i3', userId: null, invitationId: 3, teamIds: [] },
      ]),
    ).toEqual({ members: 2, pending: 1, teams: 2 })
  })

  it('names the account state, problems before progress', () => {
    const a = account()
    expect(accountHealth(a, undefined)).toBe('working')
    expect(accountHealth(a, syncStatus({ state: 'syncing' }))).toBe('syncing')
    expect(accountHealth(account({ state: 'signed_out' }), syncStatus({ state: 'syncing' }))).toBe('signed_out')
    expect(accountHealth(a, syncStatus({ state: 'token_rejected' }))).toBe('token_rejected')
    expect(accountHealth(a, syncStatus({ state: 'offline' }))).toBe('offline')
    const issues = [
      { resource: 'domains', orgId: 0, status: 'needs_scope' as const, scope: 'domain:read', problem: null },
      { resource: 'domains', orgId: 2, status: 'needs_scope' as const, scope: 'domain:read', problem: null },
    ]
    expect(accountHealth(a, syncStatus({ issues }))).toBe('needs_scopes')
    expect(neededScopes(syncStatus({ issues }))).toEqual(['domain:read'])
  })

  it('summarizes every account for the header', () => {
    const a = account({ id: 'a', label: 'A' })
    const b = account({ id: 'b', label: 'B' })
    expect(summarizeSync([syncStatus({ accountId: 'a' })], [a]).kind).toBe('idle')
    const syncing = summarizeSync(
      [
        syncStatus({ accountId: 'a', state: 'syncing', planned: 10, done: 4, etaMs: 6000 }),
        syncStatus({ accountId: 'b', state: 'syncing', planned: 5, done: 5, etaMs: 1000 }),
      ],
      [a, b],
    )
    expect(syncing).toMatchObject({ kind: 'syncing', done: 9, planned: 15, etaMs: 6000 })
    const offline = summarizeSync(
      [
        syncStatus({ accountId: 'a', state: 'offline', offlineSince: 2000 }),
        syncStatus({ accountId: 'b', state: 'offline', offlineSince: 1000 }),
      ],
      [a, b],
    )
    expect(offline).toMatchObject({ kind: 'offline', offlineSince: 1000, accounts: ['A', 'B'] })
    expect(
      summarizeSync(
        [syncStatus({ accountId: 'a', state: 'offline' }), syncStatus({ accountId: 'b', state: 'token_rejected' })],
        [a, b],
      ),
    ).toMatchObject({ kind: 'token_rejected', accounts: ['B'] })
    // A signed-out account does not count.
    expect(
      summarizeSync([syncStatus({ accountId: 'a', state: 'offline' })], [account({ id: 'a', state: 'signed_out' })])
        .kind,
    ).toBe('idle')
  })
})

describe('onboarding errors', () => {
  it('maps every error code to one precise cause', () => {
    expect(explainAddError(new IpcError('INVALID_INPUT', { reason: 'app.internal' })).kind).toBe('invalid_token')
    expect(
      explainAddError(new IpcError('TOKEN_REJECTED', { reason: 'app.internal' }, { manageUrl: 'https://m/x' })),
    ).toMatchObject({
      kind: 'token_rejected',
      manageUrl: 'https://m/x',
    })
    expect(
      explainAddError(new IpcError('MISSING_SCOPE', { reason: 'app.internal' }, { scopes: ['accounts', 3] })),
    ).toMatchObject({
      kind: 'missing_scope',
      scopes: ['accounts'],
    })
    expect(explainAddError(new IpcError('OFFLINE', { reason: 'app.internal' })).kind).toBe('offline')
    expect(explainAddError(new IpcError('KEYCHAIN_UNAVAILABLE', { reason: 'app.internal' })).kind).toBe('keychain')
    expect(
      explainAddError(new IpcError('CONFLICT', { reason: 'app.internal' }, { accountId: 'acc-1' }), [
        account({ label: 'Mine' }),
      ]),
    ).toMatchObject({ kind: 'conflict', existingLabel: 'Mine' })
    const boom = { reason: 'api.server', params: { status: 502 } } as const
    expect(explainAddError(new IpcError('API_ERROR', boom))).toMatchObject({ kind: 'other', problem: boom })
    // An insecure API address is not a token problem.
    expect(explainAddError(new IpcError('INVALID_INPUT', { reason: 'accounts.insecureBaseUrl' })).kind).toBe('other')
  })

  it('accepts https anywhere and http only on this computer', () => {
    expect(checkBaseUrl('')).toBe('ok')
    expect(checkBaseUrl('https://api.example.ch')).toBe('ok')
    expect(checkBaseUrl('http://127.0.0.1:4010')).toBe('ok')
    expect(checkBaseUrl('http://api.example.ch')).toBe('invalid')
    expect(checkBaseUrl('not a url')).toBe('invalid')
  })
})
