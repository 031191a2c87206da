/** Envelope, paging, ordering, expansion and transport conventions (infomaniak-api.md §12.1). */
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

function assertIntegerTimestamps(value: unknown, path = ''): void {
  if (Array.isArray(value)) value.forEach((v, i) => assertIntegerTimestamps(v, `${path}[${i}]`))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (/_at$/.test(k) && v !== null) {
        expect(Number.isInteger(v), `${path}.${k}`).toBe(true)
        // unix seconds, not milliseconds
        expect(v as number).toBeLessThan(10_000_000_000)
      }
      if ((k === 'id' || k.endsWith('_id')) && v !== null && typeof v === 'number')
        expect(Number.isInteger(v), `${path}.${k}`).toBe(true)
      assertIntegerTimestamps(v, `${path}.${k}`)
    }
  }
}

describe('envelope', () => {
  it('wraps success in {result, data} and errors in {result, error{code,description,errors}}', async () => {
    const okReply = await call(sb, '/2/profile')
    expect(okReply.status).toBe(200)
    expect(okReply.body.result).toBe('success')
    expect(data<Row>(okReply).id).toBe(sb.data.tokens.find((t) => t.name === 'owner')?.userId)
    expect(okReply.headers.get('content-type')).toMatch(/application\/json/)
    const bad = await call(sb, '/1/does-not-exist')
    expect(bad.status).toBe(404)
    expect(bad.body.result).toBe('error')
    expect(bad.body).not.toHaveProperty('data')
    expect(errorOf(bad)).toEqual({ code: 'method_not_found', description: expect.any(String), errors: [] })
  })

  it('keeps the HTTP status and result consistent on every route', async () => {
    const org = sb.data.orgs[1]!.id
    const paths = [
      '/2/profile',
      '/1/profile',
      '/1/accounts',
      '/1/account',
      `/1/accounts/${org}`,
      `/1/accounts/${org}/services`,
      `/1/accounts/${org}/tags`,
      '/1/products',
      `/1/accounts/${org}/products`,
      `/2/accounts/${org}/users`,
      `/1/accounts/${org}/teams`,
      `/1/accounts/${org}/basic/teams`,
      '/2/domains/domains',
      '/1/mail_hostings',
      `/2/drive?account_id=${org}`,
      `/1/swiss_backups?account_id=${org}`,
      '/2/drive',
      '/1/accounts/1',
      '/1/products?page=0',
    ]
    for (const path of paths) {
      for (const token of ['owner', 'noscope', 'revoked']) {
        const r = await call(sb, path, { token })
        expect(r.body.result, `${token} ${path}`).toBe(r.status < 300 ? 'success' : 'error')
        if (r.status >= 400) expect(Array.isArray(errorOf(r).errors), `${token} ${path}`).toBe(true)
      }
    }
  })

  it('uses integer ids and unix-second timestamps', async () => {
    const org = sb.data.orgs[1]!.id
    for (const path of [
      '/1/accounts',
      '/1/products',
      `/2/accounts/${org}/users?with=security,teams`,
      `/1/accounts/${org}/teams`,
      '/2/domains/domains',
      '/1/mail_hostings',
      `/1/accounts/${org}`,
    ]) {
      const r = await call(sb, path)
      expect(r.status, path).toBe(200)
      assertIntegerTimestamps(r.body.data, path)
    }
  })

  it('answers /2/profile with the documented profile fields', async () => {
    const r = await call(sb, '/2/profile?with=emails,phones&no_avatar_default=1')
    const p = data<Row>(r)
    for (const k of [
      'id',
      'display_name',
      'first_name',
      'last_name',
      'email',
      'login',
      'avatar',
      'is_sso',
      'preferences',
      'emails',
      'phones',
    ])
      expect(p).toHaveProperty(k)
    expect((p.preferences as { account: { current_account_id: number } }).account.current_account_id).toBe(
      sb.data.agencyAccountId,
    )
  })
})

describe('paging', () => {
  it('sends page fields only when page is sent', async () => {
    const all = await call(sb, '/1/products')
    expect(all.body).not.toHaveProperty('total')
    expect(all.body).not.toHaveProperty('page')
    expect(all.body).not.toHaveProperty('pages')
    expect(all.body).not.toHaveProperty('items_per_page')
    const total = data<Row[]>(all).length
    expect(total).toBeGreaterThan(200)

    const p2 = await call(sb, '/1/products?page=2&per_page=50')
    expect(p2.body).toMatchObject({
      result: 'success',
      total,
      page: 2,
      pages: Math.ceil(total / 50),
      items_per_page: 50,
    })
    expect(data<Row[]>(p2).map((x) => x.id)).toEqual(
      data<Row[]>(all)
        .slice(50, 100)
        .map((x) => x.id),
    )
  })

  it('uses the default page size when only page is sent', async () => {
    const r = await call(sb, '/1/products?page=1')
    expect(r.body.items_per_page).toBe(sb.settings.defaultPerPage)
    expect(data<Row[]>(r)).toHaveLength(sb.settings.defaultPerPage)
  })

  it('enforces the maximum page size by returning smaller pages, never an error', async () => {
    const r = await call(sb, '/1/products?page=1&per_page=5000')
    expect(r.status).toBe(200)
    expect(r.body.items_per_page).toBe(200)
    expect(data<Row[]>(r)).toHaveLength(200)
    expect(r.body.pages).toBe(Math.ceil((r.body.total as number) / 200))
    const off = await call(sb, '/1/products?limit=5000&skip=0')
    expect(data<Row[]>(off)).toHaveLength(200)
    sb.control.setSettings({ maxPerPage: 7 })
    try {
      const small = await call(sb, '/1/products?page=3&per_page=100')
      expect(small.body).toMatchObject({ page: 3, items_per_page: 7 })
      expect(data<Row[]>(small)).toHaveLength(7)
    } finally {
      sb.control.setSettings({ maxPerPage: 200 })
    }
  })

  it('supports limit/skip without page fields', async () => {
    const all = data<Row[]>(await call(sb, '/1/products'))
    const r = await call(sb, '/1/products?limit=10&skip=25')
    expect(r.body).not.toHaveProperty('total')
    expect(data<Row[]>(r).map((x) => x.id)).toEqual(all.slice(25, 35).map((x) => x.id))
  })

  it('turns data into the count with return=total', async () => {
    const all = data<Row[]>(await call(sb, '/1/products?service_name=domain'))
    const r = await call(sb, '/1/products?service_name=domain&return=total')
    expect(r.body.data).toBe(all.length)
    expect(all.every((p) => p.service_name === 'domain')).toBe(true)
  })

  it('returns an empty page past the end', async () => {
    const r = await call(sb, '/1/products?page=999&per_page=100')
    expect(r.status).toBe(200)
    expect(data<Row[]>(r)).toEqual([])
    expect(r.body.page).toBe(999)
  })

  it('rejects a non-integer or zero page with 422', async () => {
    for (const q of ['page=0', 'page=abc', 'per_page=0&page=1']) {
      const r = await call(sb, `/1/products?${q}`)
      expect(r.status, q).toBe(422)
      expect(errorOf(r).code).toBe('validation_failed')
    }
  })

  it('never paginates /1/accounts', async () => {
    const r = await call(sb, '/1/accounts?page=1&per_page=2')
    expect(r.body).not.toHaveProperty('total')
    expect(data<Row[]>(r)).toHaveLength(40)
  })

  it('paginates the users list unless usersPaginated is off', async () => {
    const org = sb.data.orgs.find((o) => sb.data.memberships.filter((m) => m.accountId === o.id).length > 3)!.id
    const paged = await call(sb, `/2/accounts/${org}/users?page=1&per_page=2`)
    expect(paged.body).toHaveProperty('total')
    expect(data<Row[]>(paged)).toHaveLength(2)
    sb.control.setSettings({ usersPaginated: false })
    try {
      const plain = await call(sb, `/2/accounts/${org}/users?page=1&per_page=2`)
      expect(plain.body).not.toHaveProperty('total')
      expect(plain.body).not.toHaveProperty('page')
      expect(data<Row[]>(plain).length).toBe(paged.body.total)
    } finally {
      sb.control.setSettings({ usersPaginated: true })
    }
  })
})

describe('ordering, filters and expansions', () => {
  it('orders by id ascending by default and by order_by/order on request', async () => {
    const ids = data<Row[]>(await call(sb, '/1/products')).map((p) => p.id as number)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    const byExp = data<Row[]>(await call(sb, '/1/products?order_by=expired_at&order=desc')).map(
      (p) => p.expired_at as number | null,
    )
    const nonNull = byExp.filter((x): x is number => x !== null)
    expect(nonNull).toEqual([...nonNull].sort((a, b) => b - a))
    const names = data<Row[]>(await call(sb, '/1/accounts?order_by=name')).map((a) => a.name as string)
    expect(names).toEqual(
      [...names].sort((a, b) => new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare(a, b)),
    )
  })

  it('orders domains with order_by=expiration and order_dir', async () => {
    const r = await call(sb, '/2/domains/domains?order_by=expiration&order_dir=desc&page=1&per_page=30')
    const exp = data<Row[]>(r).map((d) => d.expires_at as number)
    expect(exp).toEqual([...exp].sort((a, b) => b - a))
    const bad = await call(sb, '/2/domains/domains?order_by=expiration&order_dir=sideways')
    expect(bad.status).toBe(422)
  })

  it('rejects an invalid order_by with 422 validation_rule_in', async () => {
    const r = await call(sb, '/1/products?order_by=price')
    expect(r.status).toBe(422)
    const e = errorOf(r)
    expect(e.code).toBe('validation_failed')
    expect(e.errors[0]).toMatchObject({ code: 'validation_rule_in', context: { attribute: 'order_by' } })
    expect(e.errors[0]!.context!.values).toContain('expired_at')
  })

  it('rejects an invalid with= value with 422 listing the allowed values', async () => {
    const r = await call(sb, '/1/accounts?with=logo,spaceship')
    expect(r.status).toBe(422)
    const e = errorOf(r)
    expect(e).toMatchObject({ code: 'validation_failed', description: 'Validation failed' })
    expect(e.errors[0]).toEqual({
      code: 'validation_rule_in',
      description: expect.any(String),
      context: { attribute: 'with', values: ['logo', 'logo_square', 'addresses', 'tags'] },
    })
    const users = await call(sb, `/2/accounts/${sb.data.agencyAccountId}/users?with=nope`)
    expect(errorOf(users).errors[0]!.context!.values).toContain('security')
  })

  it('returns logo only with with=logo, and addresses on the detail', async () => {
    const plain = data<Row[]>(await call(sb, '/1/accounts'))
    expect(plain[0]).not.toHaveProperty('logo')
    const withLogo = data<Row[]>(await call(sb, '/1/accounts?order_by=name&with=logo'))
    expect(withLogo[0]).toHaveProperty('logo')
    const detail = data<Row>(await call(sb, `/1/accounts/${sb.data.agencyAccountId}`))
    expect(Array.isArray(detail.addresses)).toBe(true)
  })

  it('filters products by account, service and customer name', async () => {
    const org = sb.data.orgs[3]!.id
    const r = data<Row[]>(await call(sb, `/1/products?account_id=${org}&service_name=domain`))
    expect(r.length).toBeGreaterThan(0)
    expect(r.every((p) => p.account_id === org && p.service_name === 'domain')).toBe(true)
    const name = r[0]!.customer_name as string
    const one = data<Row[]>(await call(sb, `/1/products?customer_name=${encodeURIComponent(name)}`))
    expect(one.map((p) => p.customer_name)).toContain(name)
    const perOrg = data<Row[]>(await call(sb, `/1/accounts/${org}/products?filter[service_names][]=domain`))
    expect(perOrg.map((p) => p.id)).toEqual(r.map((p) => p.id))
  })

  it('lists members and pending invitees together, filterable by state and role', async () => {
    const org = sb.data.orgs[1]!.id
    const all = data<Row[]>(await call(sb, `/2/accounts/${org}/users`))
    const pending = data<Row[]>(await call(sb, `/2/accounts/${org}/users?filter[state_in_account]=pending`))
    expect(pending.length).toBeGreaterThan(0)
    for (const p of pending)
      expect(p).toMatchObject({ user_id: null, invitation_id: expect.any(Number), state_in_account: 'pending' })
    const valid = data<Row[]>(await call(sb, `/2/accounts/${org}/users?filter[state_in_account]=valid`))
    expect(valid.length + pending.length).toBe(all.length)
    const owners = data<Row[]>(
      await call(sb, `/2/accounts/${org}/users?filter[role_type]=owner&filter[state_in_account]=valid`),
    )
    expect(owners.length).toBeGreaterThan(0)
    expect(owners.every((u) => u.role_type === 'owner')).toBe(true)
    const sec = data<Row[]>(await call(sb, `/2/accounts/${org}/users?with=security`))
    expect(sec.find((u) => u.user_id !== null)!.security).toHaveProperty('double_auth')
  })

  it('answers the product-family routes with their scopes and shapes', async () => {
    const org = sb.data.orgs.find((o) =>
      sb.data.products.some((p) => p.accountId === o.id && p.serviceName === 'drive'),
    )!.id
    const drives = data<Row[]>(await call(sb, `/2/drive?account_id=${org}`))
    expect(drives.length).toBeGreaterThan(0)
    expect(drives[0]).toHaveProperty('maintenance_reason')
    const mail = data<Row[]>(await call(sb, '/1/mail_hostings?page=1&per_page=1'))
    const boxes = await call(sb, `/1/mail_hostings/${mail[0]!.id as number}/mailboxes?page=1&per_page=2`)
    expect(boxes.body).toHaveProperty('total')
    expect(data<Row[]>(boxes)[0]).toHaveProperty('mailbox_name')
    const domain = data<Row[]>(await call(sb, '/2/domains/domains?page=1&per_page=1'))[0]!
    const one = await call(sb, `/2/domains/domains/${domain.name as string}`)
    expect(data<Row>(one).name).toBe(domain.name)
    expect(data<Row>(one).contacts).toHaveProperty('owner')
  })
})

describe('transport conventions', () => {
  it('treats POST with X-HTTP-METHOD-OVERRIDE: DELETE or _method=DELETE as DELETE', async () => {
    const org = sb.data.agencyAccountId
    const created = await call(sb, `/1/accounts/${org}/teams`, { method: 'POST', body: { name: 'Override A' } })
    expect(created.status).toBe(201)
    const id = data<Row>(created).id as number
    const del = await call(sb, `/1/accounts/${org}/teams/${id}`, {
      method: 'POST',
      headers: { 'X-HTTP-METHOD-OVERRIDE': 'DELETE' },
    })
    expect(del.status).toBe(200)
    expect(del.body).toEqual({ result: 'success', data: true })
    expect((await call(sb, `/1/accounts/${org}/teams/${id}`)).status).toBe(404)

    const created2 = data<Row>(
      await call(sb, `/1/accounts/${org}/teams`, { method: 'POST', body: { name: 'Override B' } }),
    )
    const del2 = await call(sb, `/1/accounts/${org}/teams/${created2.id as number}?_method=DELETE`, { method: 'POST' })
    expect(del2.body).toEqual({ result: 'success', data: true })
    const created3 = data<Row>(
      await call(sb, `/1/accounts/${org}/teams`, { method: 'POST', body: { name: 'Override C' } }),
    )
    const del3 = await call(sb, `/1/accounts/${org}/teams/${created3.id as number}`, {
      method: 'POST',
      body: { _method: 'DELETE' },
    })
    expect(del3.body.data).toBe(true)
  })

  it('answers an unknown verb on a known path with method_not_found', async () => {
    const r = await call(sb, '/1/accounts', { method: 'PUT', body: {} })
    expect(r.status).toBe(404)
    expect(errorOf(r).code).toBe('method_not_found')
  })

  it('binds to 127.0.0.1', () => {
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })
})
