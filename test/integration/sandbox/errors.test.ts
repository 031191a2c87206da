/** Error bodies, tokens, scopes and role checks on writes (infomaniak-api.md §12.2, §12.3). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../electron/sandbox/index'
import { REF, call, data, errorOf, type Row } from './helpers'

let sb: Sandbox

beforeAll(async () => {
  sb = await startSandbox({ seed: 42, scale: 'demo', referenceTime: REF, settings: { rateLimit: { key: 'off' } } })
})
afterAll(async () => {
  await sb.stop()
})

/** Organisations where the `staff` token's user holds a given role. */
function staffOrg(role: 'admin' | 'normal'): number {
  const staffId = sb.data.tokens.find((t) => t.name === 'staff')!.userId
  const m = sb.data.memberships.find(
    (x) => x.userId === staffId && x.role === role && x.accountId !== sb.data.agencyAccountId,
  )
  if (!m) throw new Error(`no ${role} org for staff`)
  return m.accountId
}

const invite = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  email: `new.${Math.random().toString(36).slice(2)}@example.ch`,
  first_name: 'Noémie',
  last_name: "D'Andrès",
  locale: 'fr_FR',
  role_type: 'normal',
  ...over,
})

describe('401 not_authorized', () => {
  const cases: [string, Record<string, string> | null][] = [
    ['missing header', null],
    ['unknown token', { authorization: `Bearer ${'x'.repeat(72)}` }],
    ['malformed token', { authorization: 'Bearer short!' }],
    ['not a bearer', { authorization: 'Basic dXNlcjpwYXNz' }],
  ]
  for (const [name, headers] of cases) {
    it(`answers 401 for a ${name}`, async () => {
      const r = await call(sb, '/2/profile', { token: null, ...(headers ? { headers } : {}) })
      expect(r.status).toBe(401)
      expect(r.body).toEqual({
        result: 'error',
        error: { code: 'not_authorized', description: expect.any(String), errors: [] },
      })
    })
  }

  it('answers 401 for the revoked and expired tokens, and after a runtime revocation', async () => {
    expect((await call(sb, '/1/accounts', { token: 'revoked' })).status).toBe(401)
    expect((await call(sb, '/1/accounts', { token: 'expired' })).status).toBe(401)
    expect((await call(sb, '/1/accounts', { token: 'client' })).status).toBe(200)
    sb.control.revokeToken({ name: 'client' })
    try {
      const r = await call(sb, '/1/accounts', { token: 'client' })
      expect(r.status).toBe(401)
      expect(errorOf(r).code).toBe('not_authorized')
    } finally {
      sb.control.restoreToken({ name: 'client' })
    }
    expect((await call(sb, '/1/accounts', { token: 'client' })).status).toBe(200)
  })

  it('has 72-character tokens of [A-Za-z0-9_-]', () => {
    for (const t of Object.values(sb.tokens)) expect(t).toMatch(/^[A-Za-z0-9_-]{72}$/)
  })
})

describe('403 all_scopes', () => {
  it('uses the literal description and context.scopes', async () => {
    const r = await call(sb, '/2/profile', { token: 'noscope' })
    expect(r.status).toBe(403)
    expect(r.body).toEqual({
      result: 'error',
      error: {
        code: 'all_scopes',
        description: 'This method require this specific scope:"user_info"',
        errors: [],
        context: { scopes: ['user_info'] },
      },
    })
  })

  it('checks each route family against its scope for the limited token', async () => {
    const org = sb.data.orgs[1]!.id
    const expectations: [string, string | null][] = [
      ['/2/profile', null],
      ['/1/accounts', null],
      ['/1/products', null],
      [`/2/accounts/${org}/users`, null],
      ['/2/domains/domains', 'domain:read'],
      ['/1/mail_hostings', 'mail'],
      [`/2/drive?account_id=${org}`, 'drive'],
      [`/1/swiss_backups?account_id=${org}`, 'swiss-backup'],
    ]
    for (const [path, missing] of expectations) {
      const r = await call(sb, path, { token: 'limited' })
      if (missing === null) expect(r.status, path).toBe(200)
      else {
        expect(r.status, path).toBe(403)
        expect(errorOf(r)).toMatchObject({
          code: 'all_scopes',
          description: `This method require this specific scope:"${missing}"`,
          context: { scopes: [missing] },
        })
      }
    }
  })

  it('follows the undocumented-scope and per-route settings, and can be switched off', async () => {
    sb.control.setSettings({ undocumentedScope: 'users' })
    try {
      const r = await call(sb, '/1/products', { token: 'limited' })
      expect(r.status).toBe(403)
      expect(errorOf(r).context).toEqual({ scopes: ['users'] })
      sb.control.setSettings({ routeScopes: { 'products.list': null } })
      expect((await call(sb, '/1/products', { token: 'limited' })).status).toBe(200)
    } finally {
      sb.control.setSettings({ undocumentedScope: 'accounts', routeScopes: { 'products.list': 'accounts' } })
    }
    sb.control.setSettings({ scopeEnforcement: false })
    try {
      expect((await call(sb, '/2/domains/domains', { token: 'noscope' })).status).toBe(200)
    } finally {
      sb.control.setSettings({ scopeEnforcement: true })
    }
    expect((await call(sb, '/2/domains/domains', { token: 'noscope' })).status).toBe(403)
  })

  it('lets /1/profile answer any valid token (validity probe)', async () => {
    expect((await call(sb, '/1/profile', { token: 'noscope' })).status).toBe(200)
  })
})

describe('403 access_denied and role checks on writes', () => {
  it('refuses team and invitation writes to a collaborator (normal)', async () => {
    const org = staffOrg('normal')
    const team = await call(sb, `/1/accounts/${org}/teams`, { token: 'staff', method: 'POST', body: { name: 'Nope' } })
    expect(team.status).toBe(403)
    expect(errorOf(team)).toMatchObject({ code: 'access_denied', errors: [] })
    const inv = await call(sb, `/1/accounts/${org}/invitations`, { token: 'staff', method: 'POST', body: invite() })
    expect(inv.status).toBe(403)
    expect(errorOf(inv).code).toBe('access_denied')
    // reading is allowed
    expect((await call(sb, `/1/accounts/${org}/teams`, { token: 'staff' })).status).toBe(200)
  })

  it('lets an admin invite admins and collaborators but not a legal representative', async () => {
    const org = staffOrg('admin')
    const admin = await call(sb, `/1/accounts/${org}/invitations`, {
      token: 'staff',
      method: 'POST',
      body: invite({ role_type: 'admin' }),
    })
    expect(admin.status).toBe(201)
    const owner = await call(sb, `/1/accounts/${org}/invitations`, {
      token: 'staff',
      method: 'POST',
      body: invite({ role_type: 'owner' }),
    })
    expect(owner.status).toBe(403)
    expect(errorOf(owner).code).toBe('access_denied')
    const patch = await call(sb, `/1/accounts/${org}/invitations/${data<Row>(admin).id as number}`, {
      token: 'staff',
      method: 'PATCH',
      body: { role_type: 'owner' },
    })
    expect(patch.status).toBe(403)
  })

  it('lets a legal representative invite a legal representative', async () => {
    const org = sb.data.agencyAccountId
    const r = await call(sb, `/1/accounts/${org}/invitations`, { method: 'POST', body: invite({ role_type: 'owner' }) })
    expect(r.status).toBe(201)
    expect(data<Row>(r)).toMatchObject({ role_type: 'owner', status: 'pending', account_id: org })
  })

  it('refuses b2b on a non-partner account with account_not_partner', async () => {
    const clientOrg = sb.data.memberships.find(
      (m) => m.userId === sb.data.tokens.find((t) => t.name === 'client')!.userId,
    )!.accountId
    const inv = sb.data.invitations.find((i) => i.accountId === clientOrg)
    const r = await call(sb, `/1/accounts/${clientOrg}/invitations/${inv ? inv.id : 1}/b2b`, { token: 'client' })
    expect(r.status).toBe(403)
    expect(errorOf(r).code).toBe('account_not_partner')
  })
})

describe('404', () => {
  it('answers object_not_found for unknown ids and unreachable accounts', async () => {
    for (const path of [
      '/1/accounts/999999999',
      `/1/accounts/${sb.data.agencyAccountId}/teams/1`,
      '/2/domains/domains/nowhere-at-all.ch',
      '/1/mail_hostings/1/mailboxes',
    ]) {
      const r = await call(sb, path)
      expect(r.status, path).toBe(404)
      expect(errorOf(r).code, path).toBe('object_not_found')
    }
    const clientOrg = sb.data.memberships.find(
      (m) => m.userId === sb.data.tokens.find((t) => t.name === 'client')!.userId,
    )!.accountId
    const staffId = sb.data.tokens.find((t) => t.name === 'staff')!.userId
    const unreachable = sb.data.orgs.find(
      (o) => !sb.data.memberships.some((m) => m.accountId === o.id && m.userId === staffId),
    )!.id
    const r = await call(sb, `/1/accounts/${unreachable}`, { token: 'staff' })
    expect(r.status).toBe(404)
    expect(errorOf(r).code).toBe('object_not_found')
    sb.control.setSettings({ unreachableObject: 'access_denied' })
    try {
      expect(errorOf(await call(sb, `/1/accounts/${unreachable}`, { token: 'staff' })).code).toBe('access_denied')
    } finally {
      sb.control.setSettings({ unreachableObject: 'object_not_found' })
    }
    expect((await call(sb, `/1/accounts/${clientOrg}`, { token: 'client' })).status).toBe(200)
  })

  it('answers method_not_found for unknown routes, and for the invoice route while it is off', async () => {
    const r = await call(sb, `/1/accounts/${sb.data.agencyAccountId}/invoices`)
    expect(r.status).toBe(404)
    expect(errorOf(r).code).toBe('method_not_found')
  })
})

describe('422 validation_failed', () => {
  it('lists validation_rule_required for every missing invitation field', async () => {
    const r = await call(sb, `/1/accounts/${sb.data.agencyAccountId}/invitations`, { method: 'POST', body: {} })
    expect(r.status).toBe(422)
    const e = errorOf(r)
    expect(e.code).toBe('validation_failed')
    expect(e.description).toBe('Validation failed')
    expect(e.errors.map((x) => x.context!.attribute).sort()).toEqual([
      'email',
      'first_name',
      'last_name',
      'locale',
      'role_type',
    ])
    expect(e.errors.every((x) => x.code === 'validation_rule_required')).toBe(true)
  })

  it('uses validation_rule_in with the allowed values for a bad enum', async () => {
    const r = await call(sb, `/1/accounts/${sb.data.agencyAccountId}/invitations`, {
      method: 'POST',
      body: invite({ locale: 'xx_XX', role_type: 'emperor' }),
    })
    expect(r.status).toBe(422)
    const byAttr = Object.fromEntries(errorOf(r).errors.map((x) => [x.context!.attribute as string, x]))
    expect(byAttr.locale).toMatchObject({
      code: 'validation_rule_in',
      context: { attribute: 'locale', values: ['de_DE', 'en_GB', 'es_ES', 'fr_FR', 'it_IT'] },
    })
    expect(byAttr.role_type).toMatchObject({
      code: 'validation_rule_in',
      context: { values: ['admin', 'normal', 'owner'] },
    })
  })

  it('answers "The account id field is required" on /2/drive and /1/swiss_backups without account_id', async () => {
    for (const path of ['/2/drive', '/1/swiss_backups']) {
      const r = await call(sb, path)
      expect(r.status).toBe(422)
      expect(errorOf(r)).toMatchObject({ code: 'validation_failed', description: 'The account id field is required' })
      expect(errorOf(r).errors[0]).toMatchObject({
        code: 'validation_rule_required',
        context: { attribute: 'account_id' },
      })
    }
  })

  it('requires a team name and member user_ids', async () => {
    const org = sb.data.agencyAccountId
    const r = await call(sb, `/1/accounts/${org}/teams`, { method: 'POST', body: { owned_by_id: 'x' } })
    expect(r.status).toBe(422)
    expect(errorOf(r).errors.map((x) => x.code)).toEqual(['validation_rule_required', 'validation_rule_integer'])
    const team = sb.data.teams.find((t) => t.accountId === org)!
    const noIds = await call(sb, `/1/accounts/${org}/teams/${team.id}/users`, { method: 'POST', body: {} })
    expect(errorOf(noIds).errors[0]).toMatchObject({
      code: 'validation_rule_required',
      context: { attribute: 'user_ids' },
    })
  })
})
