/**
 * The core never sends a sentence to the renderer: failures travel as `{ code, reason, params }`
 * (reason: a key of shared/i18n/problems.ts, worded by the renderer in the user's language), and
 * values carry problems, not messages. This drives the main handlers through successes and many
 * failures (bad input, unknown objects, rejected tokens, missing scopes, API faults, failed writes)
 * and scans every answer and event for English sentences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Problem } from '../../../shared/domain/problem'
import { leaves } from '../../../shared/i18n/catalogue'
import { isProblemReason, problems } from '../../../shared/i18n/problems'
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels'
import type { IpcResult } from '../../../shared/ipc/result'
import { defaultMessage } from '../../../electron/main/api/errors'
import { syncFixture } from '../../helpers/sync'

/** Words that make a run of text an English sentence (two of them in four or more words). */
const ENGLISH = new Set(
  'the a an is are was were be been not no cannot could can this that it its your you has have had to of in for with and or on by from there here does did please try again failed must every all will would should only may what which when as at if than too more some any into out up about before after them they their we our my per next new now later'.split(
    ' ',
  ),
)

/** Fields that hold data from the API or the user (names, e-mails, ids, paths), not product text. */
const DATA_KEYS = new Set([
  'name',
  'orgName',
  'displayName',
  'label',
  'email',
  'customerName',
  'description',
  'subject',
  'teamName',
  'leaderName',
  'productName',
  'objectName',
  'subjectName',
  'fileName',
  'dataDir',
  'baseUrl',
  'url',
  'link',
  'contentBase64',
  'internalName',
  'fqdn',
  'tags',
])

/** Every string under `value` that reads as an English sentence, with its path. */
function englishSentences(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    const words = value
      .toLowerCase()
      .split(/\s+/)
      .map((w) => w.replace(/^[^a-z]+|[^a-z]+$/g, ''))
      .filter((w) => /^[a-z’']+$/.test(w))
    const english = words.filter((w) => ENGLISH.has(w)).length
    return words.length >= 4 && english >= 2 ? [`${path}: ${value}`] : []
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => englishSentences(v, `${path}[${i}]`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (DATA_KEYS.has(k) ? [] : englishSentences(v, `${path}.${k}`)))
  }
  return []
}

/** Every `{ reason }` object under `value`: each must be a known problem. */
function problemsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(problemsIn)
  if (value !== null && typeof value === 'object') {
    const own = 'reason' in value && Object.keys(value).every((k) => k === 'reason' || k === 'params') ? [value] : []
    return [...own, ...Object.values(value).flatMap(problemsIn)]
  }
  return []
}

describe('the English detector', () => {
  it('flags the sentences main used to send, and lets data through', () => {
    expect(englishSentences({ error: { message: 'This account does not exist.' } })).toHaveLength(1)
    expect(englishSentences({ lastError: '2 part(s) of the sync failed; the previous data is kept.' })).toHaveLength(1)
    expect(
      englishSentences(defaultMessage({ kind: 'server', status: 502, code: null })),
      'the API client’s own wording',
    ).toHaveLength(1)
    const sentences = [...leaves(problems.en).values()].filter((text) => text.split(' ').length >= 6)
    expect(sentences.length).toBeGreaterThan(50)
    const caught = sentences.filter((text) => englishSentences(text).length === 1)
    expect(caught.length / sentences.length).toBeGreaterThan(0.95)
    expect(englishSentences({ accountId: 'acc-baf2a0ec-3a6f-4ee5-b53d-ef333267e1e1' })).toEqual([])
    expect(
      englishSentences({ orgName: 'The Web Agency of the Lake', reason: 'api.server', params: { status: 500 } }),
    ).toEqual([])
    expect(englishSentences({ code: 'NOT_FOUND', reason: 'accounts.notFound' })).toEqual([])
  })
})

describe('no English from the main process', () => {
  let f: Awaited<ReturnType<typeof syncFixture>>
  const answers: { what: string; result: IpcResult<unknown> }[] = []
  const events: { channel: string; payload: unknown }[] = []
  let accountId = ''
  let orgId = 0

  const call = async (what: string, channel: string, input: unknown): Promise<IpcResult<unknown>> => {
    const result = await f.core.dispatch(channel, input, { transport: 'test' })
    answers.push({ what, result })
    return result
  }

  beforeAll(async () => {
    f = await syncFixture({ scale: 'tiny', seed: 7 })
    f.core.onEvent((channel, payload) => events.push({ channel, payload }))
    accountId = await f.addAccount('owner')
    orgId = f.db
      .prepare<[string], { id: number }>("SELECT id FROM orgs WHERE account_id = ? AND role = 'owner' ORDER BY id")
      .get(accountId)!.id
  }, 120_000)
  afterAll(async () => {
    await f.dispose()
  })

  it('answers failures with a code and a known reason, never a message', async () => {
    for (const channel of INVOKE_CHANNELS) await call(`garbage ${channel}`, channel, 'garbage')
    await call('unknown channel', 'fs:read', {})
    const tokens = f.sandbox.tokens
    await call('short token', 'accounts:add', { token: 'abc', baseUrl: f.sandbox.url })
    await call('token with spaces', 'accounts:add', { token: 'abc def', baseUrl: f.sandbox.url })
    await call('insecure address', 'accounts:add', { token: tokens.owner, baseUrl: 'http://example.com' })
    await call('revoked token', 'accounts:add', { token: tokens.revoked, baseUrl: f.sandbox.url })
    await call('expired token', 'accounts:add', { token: tokens.expired, baseUrl: f.sandbox.url })
    await call('token without scopes', 'accounts:add', { token: tokens.noscope, baseUrl: f.sandbox.url })
    await call('same login twice', 'accounts:add', { token: tokens.owner, baseUrl: f.sandbox.url })
    await call('unknown account', 'accounts:rename', { accountId: 'acc-nope', label: 'x' })
    await call('unknown account sync', 'sync:start', { accountId: 'acc-nope' })
    await call('unknown organization', 'access:matrix', { accountId, orgId: 999_999 })
    await call('unknown person', 'access:person', { email: 'nobody@example.invalid' })
    await call('unknown run', 'access:offboarding-run', { runId: 'off-nope' })
    await call('expired preview', 'billing:import-commit', { accountId, previewId: 'nope' })
    await call('logo too large', 'billing:profile-set', {
      accountId,
      profile: { name: 'A', logoBase64: Buffer.alloc(1_050_000).toString('base64'), logoMime: 'image/png' },
    })
    await call('offboarding without organizations', 'access:offboarding-apply', {
      email: 'x@example.ch',
      targets: [],
      confirmOrgNames: [],
    })
    await call('team without confirmation', 'access:team-create', {
      accountId,
      orgId,
      name: 'No confirmation',
      confirmOrgName: 'not the name',
    })

    const failures = answers.filter((a) => !a.result.ok)
    expect(failures.length).toBeGreaterThan(INVOKE_CHANNELS.length + 15)
    for (const { what, result } of failures) {
      if (result.ok) continue
      expect(
        Object.keys(result.error).every((k) => ['code', 'reason', 'params', 'details'].includes(k)),
        what,
      ).toBe(true)
      expect(isProblemReason(result.error.reason), `${what}: ${result.error.reason}`).toBe(true)
    }
    const reasons = new Set(failures.map((a) => (a.result.ok ? '' : a.result.error.reason)))
    for (const expected of [
      'app.invalidInput',
      'app.unknownChannel',
      'accounts.tokenInvalid',
      'accounts.tokenHasSpaces',
      'accounts.insecureBaseUrl',
      'accounts.tokenRejected',
      'accounts.alreadyAdded',
      'accounts.notFound',
      'access.orgNotCached',
      'access.personNotCached',
      'access.runNotFound',
      'billing.previewExpired',
      'billing.logoTooLarge',
      'access.confirmEveryOrg',
    ])
      expect(reasons, expected).toContain(expected)
  }, 120_000)

  it('words failed syncs and failed writes as problems too', async () => {
    f.sandbox.control.setFaults({ errorRate: 1 })
    const failed = await f.sync(accountId)
    expect(failed.lastError).toMatchObject({ reason: 'sync.partsFailed' })
    const team = await call('team create against a failing API', 'access:team-create', {
      accountId,
      orgId,
      name: 'Failing team',
      confirmOrgName: f.db
        .prepare<[string, number], { name: string }>('SELECT name FROM orgs WHERE account_id = ? AND id = ?')
        .get(accountId, orgId)!.name,
    })
    f.sandbox.control.clearFaults()
    expect(team.ok, JSON.stringify(team)).toBe(true)
    if (team.ok)
      expect(team.value, JSON.stringify(team.value)).toMatchObject({ ok: false, error: { reason: 'api.server' } })
    for (const channel of ['sync:status', 'accounts:list', 'orgs:list', 'access:hygiene'] as const)
      await call(channel, channel, {})
    await call('matrix', 'access:matrix', { accountId, orgId })
  }, 120_000)

  it('sends no English sentence in any answer or event', () => {
    const found = [
      ...answers.flatMap(({ what, result }) => englishSentences(result, what)),
      ...events.flatMap(({ channel, payload }) => englishSentences(payload, channel)),
    ]
    expect(found).toEqual([])
    const embedded = [...answers.map((a) => a.result), ...events.map((e) => e.payload)].flatMap(problemsIn)
    expect(embedded.length).toBeGreaterThan(3)
    for (const p of embedded) expect(Problem.safeParse(p).success, JSON.stringify(p)).toBe(true)
  })
})
