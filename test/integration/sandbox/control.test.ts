/** The control API: secret enforced, mutations visible through the public API, settings and faults at run time. */
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

async function ctl(
  method: string,
  body: unknown = {},
  secret: string | null = sb.control.secret,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (secret !== null) headers['X-Sandbox-Control'] = secret
  const res = await fetch(`${sb.control.url}/${method}`, { method: 'POST', headers, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('control secret', () => {
  it('refuses a missing or wrong secret with 403 and changes nothing', async () => {
    const before = sb.data.memberships.length
    const missing = await ctl('addMember', { accountId: sb.data.agencyAccountId, email: 'intruder@example.ch' }, null)
    expect(missing.status).toBe(403)
    expect(missing.body).toMatchObject({ result: 'error', error: { code: 'access_denied' } })
    const wrong = await ctl('addMember', { accountId: sb.data.agencyAccountId, email: 'intruder@example.ch' }, 'nope')
    expect(wrong.status).toBe(403)
    const get = await fetch(`${sb.control.url}/state`)
    expect(get.status).toBe(403)
    expect(sb.data.memberships.length).toBe(before)
  })

  it('is a 64-hex random secret and answers state with it', async () => {
    expect(sb.control.secret).toMatch(/^[0-9a-f]{64}$/)
    const res = await fetch(`${sb.control.url}/state`, { headers: { 'X-Sandbox-Control': sb.control.secret } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { data: { counts: { orgs: number }; tokens: { name: string }[] } }
    expect(body.data.counts.orgs).toBe(40)
    expect(body.data.tokens.map((t) => t.name)).toContain('owner')
  })

  it('validates arguments (422) and rejects unknown methods (404)', async () => {
    const bad = await ctl('addMember', { accountId: 'x' })
    expect(bad.status).toBe(422)
    expect(bad.body).toMatchObject({ result: 'error', error: { code: 'validation_failed' } })
    const unknown = await ctl('formatDisk', {})
    expect(unknown.status).toBe(404)
    const missingOrg = await ctl('addMember', { accountId: 1, email: 'a@b.ch' })
    expect(missingOrg.status).toBe(404)
  })
})

describe('mutations are visible through the API', () => {
  const org = (): number => sb.data.orgs[4]!.id

  it('adds and removes a member', async () => {
    const added = await ctl('addMember', {
      accountId: org(),
      email: 'zoe.brugger@example.ch',
      firstName: 'Zoé',
      lastName: 'Brügger',
      role: 'admin',
    })
    expect(added.status).toBe(200)
    const userId = (added.body.data as { userId: number }).userId
    const users = data<Row[]>(await call(sb, `/2/accounts/${org()}/users?filter[state_in_account]=valid`))
    expect(users.find((u) => u.user_id === userId)).toMatchObject({
      email: 'zoe.brugger@example.ch',
      role_type: 'admin',
      display_name: 'Zoé Brügger',
    })
    expect((await ctl('removeMember', { accountId: org(), userId })).status).toBe(200)
    const after = data<Row[]>(await call(sb, `/2/accounts/${org()}/users`))
    expect(after.some((u) => u.user_id === userId)).toBe(false)
  })

  it('changes a role', async () => {
    const m = sb.data.memberships.find((x) => x.accountId === org() && x.role === 'normal')!
    await ctl('updateMember', { accountId: org(), userId: m.userId, role: 'admin' })
    const u = data<Row[]>(await call(sb, `/2/accounts/${org()}/users?filter[user_ids][]=${m.userId}`))
    expect(u[0]!.role_type).toBe('admin')
  })

  it('moves expiry dates, adds and removes products', async () => {
    const p = sb.data.products.find((x) => x.accountId === org() && x.expiredAt !== null)!
    const before = p.expiredAt!
    const moved = await ctl('moveExpiry', { productIds: [p.id], bySeconds: -86_400 * 10 })
    expect(moved.body.data).toEqual({ count: 1 })
    const r = data<Row[]>(await call(sb, `/1/products?product_id=${p.id}`))
    expect(r[0]!.expired_at).toBe(before - 864_000)
    const created = await ctl('addProduct', {
      accountId: org(),
      serviceName: 'domain',
      customerName: 'neu-zürich.swiss',
      expiredAt: REF / 1000 + 86_400,
    })
    const pid = (created.body.data as { productId: number }).productId
    expect(data<Row[]>(await call(sb, `/1/products?product_id=${pid}`))[0]).toMatchObject({
      service_name: 'domain',
      customer_name: 'neu-zürich.swiss',
      service_id: 14,
    })
    expect(data<Row>(await call(sb, `/2/domains/domains/neu-zürich.swiss`)).expires_at).toBe(REF / 1000 + 86_400)
    await ctl('removeProduct', { productId: pid })
    expect(data<Row[]>(await call(sb, `/1/products?product_id=${pid}`))).toEqual([])
  })

  it('changes product rights and team members', async () => {
    const staffId = sb.data.tokens.find((t) => t.name === 'staff')!.userId
    // a product of a `normal` membership on which staff holds no right at all (truth)
    let m: (typeof sb.data.memberships)[number] | undefined
    let p: (typeof sb.data.products)[number] | undefined
    for (const x of sb.data.memberships.filter((y) => y.userId === staffId && y.role === 'normal')) {
      const held = new Set(
        sb.truth
          .effectiveRights(x.accountId)
          .filter((r) => r.userId === staffId)
          .map((r) => r.productId),
      )
      p = sb.data.products.find((q) => q.accountId === x.accountId && !held.has(q.id))
      m = x
      if (p) break
    }
    if (!p || !m) throw new Error('fixture: no product without staff rights')
    const seen = async (): Promise<Row | undefined> =>
      data<Row[]>(await call(sb, `/1/products?account_id=${m.accountId}`, { token: 'staff' })).find(
        (x) => x.id === p.id,
      )
    expect(await seen()).toBeUndefined()
    await ctl('setProductRights', {
      productId: p.id,
      userId: staffId,
      rights: { technical: true, statistic: false, check: true, sale: false },
    })
    expect((await seen())!.rights).toEqual({ technical: true, statistic: false, check: true, sale: false })
    await ctl('setProductRights', { productId: p.id, userId: staffId, rights: null })
    expect(await seen()).toBeUndefined()

    const team = sb.data.teams.find((t) => t.accountId === m.accountId)
    if (team) {
      await ctl('addTeamMembers', { teamId: team.id, userIds: [staffId] })
      const members = data<Row[]>(await call(sb, `/1/accounts/${m.accountId}/teams/${team.id}/users`))
      expect(members.map((x) => x.id)).toContain(staffId)
      await ctl('removeTeamMembers', { teamId: team.id, userIds: [staffId] })
      expect(
        data<Row[]>(await call(sb, `/1/accounts/${m.accountId}/teams/${team.id}/users`)).map((x) => x.id),
      ).not.toContain(staffId)
    }
  })

  it('revokes and restores a token', async () => {
    await ctl('revokeToken', { name: 'staff' })
    expect((await call(sb, '/1/accounts', { token: 'staff' })).status).toBe(401)
    await ctl('restoreToken', { name: 'staff' })
    expect((await call(sb, '/1/accounts', { token: 'staff' })).status).toBe(200)
  })

  it('adds a token for any user, deterministic from the seed', async () => {
    const u = sb.data.memberships.find((m) => m.accountId === sb.data.orgs[5]!.id)!.userId
    const r = await ctl('addToken', { name: 'extra', userId: u, scopes: ['accounts'] })
    const token = (r.body.data as { token: string }).token
    expect(token).toMatch(/^[A-Za-z0-9_-]{72}$/)
    const accounts = await call(sb, '/1/accounts', { token })
    expect(data<Row[]>(accounts).map((a) => a.id)).toContain(sb.data.orgs[5]!.id)
    expect((await call(sb, '/2/profile', { token })).status).toBe(403)
  })

  it('sets settings and faults at run time, and resets the request log', async () => {
    const s = await ctl('setSettings', { invoiceRoute: true })
    expect((s.body.data as { invoiceRoute: boolean }).invoiceRoute).toBe(true)
    expect((await call(sb, `/1/accounts/${sb.data.agencyAccountId}/invoices?page=1`)).status).toBe(200)
    await ctl('setSettings', { invoiceRoute: false })
    await ctl('setFaults', { errorRate: 1, errorStatus: 503 })
    const faulty = await call(sb, '/1/accounts')
    expect(faulty.status).toBe(503)
    await ctl('clearFaults')
    expect((await call(sb, '/1/accounts')).status).toBe(200)
    const bad = await ctl('setSettings', { maxPerPage: -1 })
    expect(bad.status).toBe(422)
    expect(sb.requests.count()).toBeGreaterThan(0)
    // control calls are not logged as API requests
    expect(sb.requests.list().some((e) => e.path.startsWith('/__control'))).toBe(false)
    await ctl('resetRequests')
    expect(sb.requests.count()).toBe(0)
    expect(errorOf(await call(sb, '/nope')).code).toBe('method_not_found')
    expect(sb.requests.count()).toBe(1)
  })
})
