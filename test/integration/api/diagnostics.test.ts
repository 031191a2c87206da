/**
 * The API diagnostics export contains shapes only: no value, name, e-mail, id or token from the data it saw.
 * Every kind is planted in the sandbox (including inside an item that is skipped) and searched for.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { DeliveredFile } from '../../../shared/domain/files'
import { syncFixture } from '../../helpers/sync'

type Fixture = Awaited<ReturnType<typeof syncFixture>>

describe.each(['faithful', 'live-shapes'] as const)('API diagnostics (%s)', (profile) => {
  let f: Fixture
  afterEach(async () => f?.dispose())

  it('reports endpoints, statuses, field types, skipped items and capabilities, and nothing planted', async () => {
    f = await syncFixture({ scale: 'tiny', seed: 21, profile })
    const data = f.sandbox.data
    const planted = {
      orgName: 'Zzyzx Planted Holding SA',
      firstName: 'Quillonna',
      lastName: 'Vexmarrow',
      email: 'quillonna.vexmarrow@planted-example.ch',
      product: 'planted-zzyzx-domain.ch',
      team: 'Planted Team Ouroboros',
      oddValue: 987_654_321,
    }
    data.orgs[0]!.name = planted.orgName
    const user = data.users.find((u) =>
      data.memberships.some((m) => m.userId === u.id && m.accountId === data.orgs[0]!.id),
    )!
    Object.assign(user, { firstName: planted.firstName, lastName: planted.lastName, email: planted.email })
    data.products[0]!.customerName = planted.product
    if (data.teams[0]) data.teams[0].name = planted.team
    // One product that does not fit: its planted value must not appear either.
    Object.assign(data.products[2]!, { customerName: planted.oddValue })

    const accountId = await f.addAccount('owner')
    const status = f.core.services.sync.status(accountId)[0]!
    expect(status.skippedCount).toBe(1)
    const result = await f.core.dispatch('diagnostics:export', {}, { transport: 'test' })
    expect(result.ok).toBe(true)
    const file = (result.ok ? result.value : null) as DeliveredFile
    expect(file.savedPath).not.toBeNull()
    const text = readFileSync(file.savedPath!, 'utf8')
    const report = JSON.parse(text) as {
      accounts: {
        account: string
        endpoints: { endpoint: string; statuses: Record<string, number>; fields: Record<string, string[]> }[]
        skipped: { path: string; expected: string; seen: string }[]
        capabilities: { productUsers: string; userTeams: string }
      }[]
    }

    // What it must say.
    const a = report.accounts[0]!
    expect(a.account).toBe('account 1')
    const products = a.endpoints.find((e) => e.endpoint === 'GET /1/products')!
    expect(products.statuses['200']).toBeGreaterThan(0)
    expect(products.fields['[].customer_name']).toEqual(expect.arrayContaining(['string', 'number']))
    expect(a.endpoints.map((e) => e.endpoint)).toContain('GET /2/accounts/{org}/users')
    expect(a.skipped).toEqual([expect.objectContaining({ path: 'customer_name', expected: 'string', seen: 'number' })])
    if (profile === 'live-shapes') {
      expect(a.capabilities).toMatchObject({ productUsers: 'with_users', userTeams: 'absent' })
      const users = a.endpoints.find((e) => e.endpoint === 'GET /2/accounts/{org}/users')!
      expect(users.statuses['422']).toBeGreaterThan(0)
    }

    // What it must never contain.
    const forbidden: string[] = [
      ...Object.values(planted).map(String),
      ...Object.values(f.sandbox.tokens),
      accountId,
      ...data.orgs.map((o) => o.name),
      ...data.users.flatMap((u) => [u.email, u.firstName, u.lastName]),
      ...data.products.map((p) => p.customerName).filter((n): n is string => typeof n === 'string' && n.length > 3),
    ]
    for (const value of forbidden) expect(text.includes(value), `report contains "${value}"`).toBe(false)
    const ids = [...data.orgs.map((o) => o.id), ...data.users.map((u) => u.id), ...data.products.map((p) => p.id)]
    for (const id of ids)
      expect(new RegExp(`(?<![\\d.])${id}(?![\\d.])`).test(text), `report contains id ${id}`).toBe(false)
  })
})
