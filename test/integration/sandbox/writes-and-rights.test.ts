/** Teams, invitations and b2b writes; the rights model as a consumer computes it from the API; the invoice route. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Rights, type Sandbox } from '../../../electron/sandbox/index'
import { REF, call, data, errorOf, type Row } from './helpers'

let sb: Sandbox

beforeAll(async () => {
  sb = await startSandbox({ seed: 42, scale: 'demo', referenceTime: REF, settings: { rateLimit: { key: 'off' } } })
})
afterAll(async () => {
  await sb.stop()
})

const agency = (): number => sb.data.agencyAccountId
const NONE: Rights = { technical: false, statistic: false, check: false, sale: false }

describe('teams', () => {
  it('creates (201), reads, patches, manages members and deletes a team', async () => {
    const members = sb.data.memberships.filter((m) => m.accountId === agency())
    const leader = members[1]!.userId
    const created = await call(sb, `/1/accounts/${agency()}/teams`, {
      method: 'POST',
      body: { name: "L'équipe Zürich", owned_by_id: leader, permissions: { services: [14, 23] } },
    })
    expect(created.status).toBe(201)
    const team = data<Row>(created)
    expect(team).toMatchObject({
      name: "L'équipe Zürich",
      owned_by_id: leader,
      user_count: 0,
      created_at: expect.any(Number),
    })
    expect((team.permissions as Row[]).map((p) => p.service_id)).toEqual([14, 23])
    const id = team.id as number

    const add = await call(sb, `/1/accounts/${agency()}/teams/${id}/users`, {
      method: 'POST',
      body: { user_ids: [members[0]!.userId, members[2]!.userId] },
    })
    expect(add.body).toEqual({ result: 'success', data: true })
    const users = await call(sb, `/1/accounts/${agency()}/teams/${id}/users?page=1&per_page=1`)
    expect(users.body).toMatchObject({ total: 2, items_per_page: 1 })
    expect(data<Row[]>(users)[0]).toHaveProperty('last_login_at')

    const outsider = sb.data.memberships.find(
      (m) => !sb.data.memberships.some((x) => x.accountId === agency() && x.userId === m.userId),
    )!.userId
    const refused = await call(sb, `/1/accounts/${agency()}/teams/${id}/users`, {
      method: 'POST',
      body: { user_ids: [outsider] },
    })
    expect(refused.status).toBe(422)
    expect(errorOf(refused).code).toBe('user_not_attached_to_account')

    const removed = await call(sb, `/1/accounts/${agency()}/teams/${id}/users`, {
      method: 'DELETE',
      body: { user_ids: [members[0]!.userId] },
    })
    expect(removed.body.data).toBe(true)
    const patched = await call(sb, `/1/accounts/${agency()}/teams/${id}`, {
      method: 'PATCH',
      body: { name: 'Équipe Genève', owned_by_id: null },
    })
    expect(data<Row>(patched)).toMatchObject({ name: 'Équipe Genève', owned_by_id: null, user_count: 1 })
    const basic = data<Row[]>(await call(sb, `/1/accounts/${agency()}/basic/teams`))
    expect(basic.find((t) => t.id === id)).toEqual({ id, name: 'Équipe Genève', color_id: 0 })
    const leaders = data<Row[]>(await call(sb, `/1/accounts/${agency()}/teams?with=owned_by,users`))
    expect(leaders.find((t) => t.id === id)).toMatchObject({
      owned_by: null,
      users: [expect.objectContaining({ id: members[2]!.userId })],
    })

    expect((await call(sb, `/1/accounts/${agency()}/teams/${id}`, { method: 'DELETE' })).body).toEqual({
      result: 'success',
      data: true,
    })
    expect((await call(sb, `/1/accounts/${agency()}/teams/${id}`)).status).toBe(404)
  })
})

describe('invitations', () => {
  it('creates (201), lists as pending, reads, patches, finds by user and cancels', async () => {
    const org = sb.data.orgs[2]!.id
    const created = await call(sb, `/1/accounts/${org}/invitations`, {
      method: 'POST',
      body: {
        email: 'jurg.kalin@example.ch',
        first_name: 'Jürg',
        last_name: 'Kälin',
        locale: 'de_DE',
        role_type: 'normal',
        permissions: { billing: true },
      },
    })
    expect(created.status).toBe(201)
    const inv = data<Row>(created)
    expect(inv).toMatchObject({
      status: 'pending',
      role_type: 'normal',
      has_billing: true,
      account_id: org,
      locale: 'de_DE',
      url_accept: expect.stringMatching(/^https:/),
    })
    expect((inv.expired_at as number) - (inv.sent_at as number)).toBe(30 * 86_400)

    const pending = data<Row[]>(await call(sb, `/2/accounts/${org}/users?filter[state_in_account]=pending`))
    expect(pending.find((u) => u.invitation_id === inv.id)).toMatchObject({
      user_id: null,
      email: 'jurg.kalin@example.ch',
      state_in_account: 'pending',
    })

    const dup = await call(sb, `/1/accounts/${org}/invitations`, {
      method: 'POST',
      body: { email: 'jurg.kalin@example.ch', first_name: 'J', last_name: 'K', locale: 'de_DE', role_type: 'normal' },
    })
    expect(dup.status).toBe(400)
    expect(errorOf(dup).code).toBe('invitation_already_exists_with_this_email')

    const patched = await call(sb, `/1/accounts/${org}/invitations/${inv.id as number}`, {
      method: 'PATCH',
      body: {
        role_type: 'admin',
        has_billing: false,
        permissions: [{ apply_to_all: false, product_id: null, service_id: 14, types: ['technical'] }],
      },
    })
    expect(data<Row>(patched)).toMatchObject({
      role_type: 'admin',
      has_billing: false,
      permissions: [{ apply_to_all: false, product_id: null, service_id: 14, types: ['technical'] }],
    })
    const badPatch = await call(sb, `/1/accounts/${org}/invitations/${inv.id as number}`, {
      method: 'PATCH',
      body: { permissions: [{ types: ['fly'] }] },
    })
    expect(errorOf(badPatch).errors[0]).toMatchObject({
      code: 'validation_rule_in',
      context: { attribute: 'permissions.0.types' },
    })

    const member = sb.data.memberships.find(
      (m) => m.accountId === org && sb.data.invitations.some((i) => i.userId === m.userId && i.accountId === org),
    )
    if (member) {
      const byUser = data<Row[]>(await call(sb, `/1/accounts/${org}/invitations/users/${member.userId}`))
      expect(byUser.length).toBeGreaterThan(0)
      expect(byUser.every((i) => i.account_id === org)).toBe(true)
    }

    const del = await call(sb, `/1/accounts/${org}/invitations/${inv.id as number}`, { method: 'DELETE' })
    expect(del.body).toEqual({ result: 'success', data: true })
    expect(data<Row>(await call(sb, `/1/accounts/${org}/invitations/${inv.id as number}`)).status).toBe('cancelled')
    const after = data<Row[]>(await call(sb, `/2/accounts/${org}/users?filter[state_in_account]=pending`))
    expect(after.some((u) => u.invitation_id === inv.id)).toBe(false)
  })

  it('lists, adds and removes b2b partnerships on a partner-staff invitation', async () => {
    const inv = sb.data.invitations.find(
      (i) => i.accountId === agency() && i.status === 'pending' && i.partnershipIds.length > 0,
    )!
    const list = await call(sb, `/1/accounts/${agency()}/invitations/${inv.id}/b2b?page=1&per_page=50`)
    expect(list.status).toBe(200)
    expect(list.body.total).toBe(inv.partnershipIds.length)
    const p = data<Row[]>(list)[0]!
    expect(p).toMatchObject({
      has_full_access: expect.any(Boolean),
      has_customer_payment_method: expect.any(Boolean),
      customer: { id: expect.any(Number) },
    })
    for (const k of ['incomes', 'discounts', 'total_payed', 'total_payed_base_price'])
      expect(p[k]).toEqual({ amount: expect.any(Number), currency: expect.stringMatching(/^(CHF|EUR)$/) })

    const other = sb.data.partnerships.find((x) => !inv.partnershipIds.includes(x.id))!
    expect(
      (
        await call(sb, `/1/accounts/${agency()}/invitations/${inv.id}/b2b`, {
          method: 'POST',
          body: { partnership_ids: [other.id] },
        })
      ).body.data,
    ).toBe(true)
    expect(data<Row[]>(await call(sb, `/1/accounts/${agency()}/invitations/${inv.id}/b2b`)).map((x) => x.id)).toContain(
      other.id,
    )
    const bad = await call(sb, `/1/accounts/${agency()}/invitations/${inv.id}/b2b`, {
      method: 'POST',
      body: { partnership_ids: [1] },
    })
    expect(errorOf(bad).errors[0]).toMatchObject({
      code: 'validation_rule_in',
      context: { attribute: 'partnership_ids' },
    })
    expect(
      (await call(sb, `/1/accounts/${agency()}/invitations/${inv.id}/b2b/${other.id}`, { method: 'DELETE' })).body.data,
    ).toBe(true)
    expect(
      (await call(sb, `/1/accounts/${agency()}/invitations/${inv.id}/b2b/${other.id}`, { method: 'DELETE' })).status,
    ).toBe(404)
  })
})

describe('rights model', () => {
  /** What a sync engine computes from API responses alone (README "Rights model"). */
  async function matrixFromApi(org: number): Promise<Map<string, Rights>> {
    const products = data<Row[]>(await call(sb, `/1/accounts/${org}/products`))
    const teams = data<Row[]>(await call(sb, `/1/accounts/${org}/teams`))
    const out = new Map<string, Rights>()
    const grant = (userId: number, productId: number, r: Partial<Rights>): void => {
      const key = `${userId}:${productId}`
      const cur = out.get(key) ?? { ...NONE }
      out.set(key, {
        technical: cur.technical || !!r.technical,
        statistic: cur.statistic || !!r.statistic,
        check: cur.check || !!r.check,
        sale: cur.sale || !!r.sale,
      })
    }
    for (const p of products)
      for (const u of p.users as { user_id: number; rights: Rights }[]) grant(u.user_id, p.id as number, u.rights)
    for (const t of teams) {
      const members = data<Row[]>(await call(sb, `/1/accounts/${org}/teams/${t.id as number}/users`)).map(
        (u) => u.id as number,
      )
      for (const e of t.permissions as { service_id: number; product_id: number | null; rights: (keyof Rights)[] }[]) {
        for (const p of products) {
          if (e.product_id === p.id || (e.product_id === null && e.service_id === p.service_id)) {
            for (const uid of members) grant(uid, p.id as number, Object.fromEntries(e.rights.map((r) => [r, true])))
          }
        }
      }
    }
    return out
  }

  it('lets a consumer rebuild direct ∪ team rights exactly as the truth has them', async () => {
    const orgs = sb.data.orgs
      .filter((o) => sb.data.teams.some((t) => t.accountId === o.id && t.userIds.length > 0))
      .slice(0, 4)
    expect(orgs.length).toBeGreaterThan(0)
    for (const org of orgs) {
      const fromApi = await matrixFromApi(org.id)
      const truth = new Map(
        sb.truth
          .effectiveRights(org.id)
          .filter((r) => r.explicit.technical || r.explicit.statistic || r.explicit.check || r.explicit.sale)
          .map((r) => [`${r.userId}:${r.productId}`, r.explicit]),
      )
      expect(fromApi, org.name).toEqual(truth)
    }
  })

  it('reports the token user’s own rights per product as direct ∪ teams ∪ role', async () => {
    const staffId = sb.data.tokens.find((t) => t.name === 'staff')!.userId
    for (const m of sb.data.memberships.filter((x) => x.userId === staffId).slice(0, 6)) {
      const truth = new Map(
        sb.truth
          .effectiveRights(m.accountId)
          .filter((r) => r.userId === staffId)
          .map((r) => [r.productId, r.effective]),
      )
      const api = data<Row[]>(await call(sb, `/1/products?account_id=${m.accountId}`, { token: 'staff' }))
      expect(new Map(api.map((p) => [p.id as number, p.rights as Rights]))).toEqual(truth)
      if (m.role === 'admin')
        expect(api.length).toBe(sb.data.products.filter((p) => p.accountId === m.accountId).length)
    }
  })

  it('grants rights through a team created over the API', async () => {
    const staffId = sb.data.tokens.find((t) => t.name === 'staff')!.userId
    const m = sb.data.memberships.find((x) => x.userId === staffId && x.role === 'normal' && x.accountId !== agency())!
    const held = new Set(
      sb.truth
        .effectiveRights(m.accountId)
        .filter((r) => r.userId === staffId)
        .map((r) => r.productId),
    )
    const target = sb.data.products.find((p) => p.accountId === m.accountId && !held.has(p.id))
    if (!target) throw new Error('fixture: staff already holds every product')
    const team = data<Row>(
      await call(sb, `/1/accounts/${m.accountId}/teams`, {
        method: 'POST',
        body: { name: 'Accès temporaire', permissions: { services: [target.serviceId] } },
      }),
    )
    await call(sb, `/1/accounts/${m.accountId}/teams/${team.id as number}/users`, {
      method: 'POST',
      body: { user_ids: [staffId] },
    })
    const seen = data<Row[]>(await call(sb, `/1/products?product_id=${target.id}`, { token: 'staff' }))
    expect(seen[0]!.rights).toEqual({ technical: true, statistic: true, check: true, sale: true })
    const sources = sb.truth
      .effectiveRights(m.accountId)
      .find((r) => r.userId === staffId && r.productId === target.id)!
    expect(sources.viaTeams.map((t) => t.teamId)).toContain(team.id)
    expect(sources.direct).toBeNull()
  })

  it('shows `client` organisations reached through partnerships to the agency owner only', async () => {
    const accounts = data<Row[]>(await call(sb, '/1/accounts'))
    const types = new Set(accounts.map((a) => a.type))
    expect(types).toContain('client')
    expect(types).toContain('owner')
    const client = accounts.find((a) => a.type === 'client')!
    expect(client).toMatchObject({ partner_id: expect.any(Number) })
    expect(client.in_partnership_full_access === true || client.in_partnership_limited === true).toBe(true)
    const staff = data<Row[]>(await call(sb, '/1/accounts', { token: 'staff' }))
    expect(staff.some((a) => a.type === 'client')).toBe(false)
    expect(accounts.length).toBe(sb.data.orgs.length)
  })
})

describe('invoice route (sandbox assumption)', () => {
  it('is absent by default and paginated when switched on', async () => {
    expect((await call(sb, `/1/accounts/${agency()}/invoices`)).status).toBe(404)
    sb.control.setSettings({ invoiceRoute: true })
    try {
      const r = await call(sb, `/1/accounts/${agency()}/invoices?page=1&per_page=5`)
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ page: 1, items_per_page: 5 })
      const inv = data<Row[]>(r)[0]!
      expect(Object.keys(inv).sort()).toEqual([
        'account_id',
        'amount_excl_vat',
        'amount_incl_vat',
        'currency',
        'due_at',
        'id',
        'issued_at',
        'lines',
        'number',
        'paid_at',
        'status',
        'vat',
        'vat_rate',
      ])
      expect((inv.lines as Row[])[0]).toHaveProperty('unit_price')
      const one = await call(sb, `/1/accounts/${agency()}/invoices/${inv.id as number}`)
      expect(data<Row>(one).number).toBe(inv.number)
      const currencies = new Set<unknown>()
      let denied = 0
      for (const o of sb.data.orgs) {
        const list = await call(sb, `/1/accounts/${o.id}/invoices`)
        // a limited partnership gives no billing access
        if (list.status === 403) denied++
        else for (const i of data<Row[]>(list)) currencies.add(i.currency)
      }
      expect(denied).toBe(
        sb.data.partnerships.filter(
          (p) =>
            !p.hasFullAccess &&
            !sb.data.memberships.some(
              (m) => m.accountId === p.customerAccountId && m.userId === sb.data.tokens[0]!.userId,
            ),
        ).length,
      )
      expect(currencies).toEqual(new Set(['CHF', 'EUR']))
      const staffId = sb.data.tokens.find((t) => t.name === 'staff')!.userId
      const noBilling = sb.data.memberships.find(
        (m) => m.userId === staffId && m.role === 'normal' && !m.hasBillingAccess,
      )!
      expect(errorOf(await call(sb, `/1/accounts/${noBilling.accountId}/invoices`, { token: 'staff' })).code).toBe(
        'access_denied',
      )
    } finally {
      sb.control.setSettings({ invoiceRoute: false })
    }
  })
})
