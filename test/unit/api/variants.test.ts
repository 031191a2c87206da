import { describe, expect, it } from 'vitest'
import { createApiClient } from '../../../electron/main/api/client'
import { endpointOf } from '../../../electron/main/api/items'
import { RateLimiter } from '../../../electron/main/api/rate-limiter'
import { OrgUserSchema, ProductSchema, TeamPermissionSchema } from '../../../electron/main/api/schemas'
import { BASE, FakeClock, TOKEN, drive, fail, fakeFetch, ok, type Responder } from './helpers'

function setup(responder: Responder) {
  const clock = new FakeClock()
  const faked = fakeFetch(responder)
  const api = createApiClient({
    baseUrl: BASE,
    getToken: async () => TOKEN,
    fetch: faked.fetch,
    clock,
    limiter: new RateLimiter({ clock, random: () => 0 }),
    random: () => 0,
  })
  return { api, clock, calls: faked.calls }
}

const refusedWith = (values: string[]) =>
  fail(422, 'validation_failed', 'Validation failed', {
    errors: [{ code: 'validation_rule_in', description: 'x', context: { attribute: 'with', values } }],
  })

describe('reference §15 variants', () => {
  it('reads status objects, rights as names, expansions as objects, lists, strings or absent', () => {
    const p = ProductSchema.parse({
      id: 1,
      account_id: 2,
      status: { maintenance: { technical: false, superuser: true, infomaniak: false }, locked: false },
      users: [{ user_id: 3, rights: ['technical', 'sale'] }],
      admin: [{ user_id: 3, email: null, display_name: null }],
    })
    expect(p.status?.maintenance).toBe(true)
    expect(p.status?.locked).toBe(false)
    expect(p.users?.[0]?.rights).toEqual({ technical: true, statistic: false, check: false, sale: true })
    expect(p.admin?.user_id).toBe(3)
    expect(ProductSchema.parse({ id: 1, account_id: 2 }).users).toBeUndefined()
    const u = OrgUserSchema.parse({ user_id: 1, security: 'otp', teams: 'team list', invitation_details: [] })
    expect([u.security, u.teams, u.invitation_details]).toEqual([null, null, null])
    expect(OrgUserSchema.parse({ user_id: 1, teams: [4, { id: 5, name: 'Ops' }] }).teams).toEqual([
      { id: 4, name: null },
      { id: 5, name: 'Ops' },
    ])
    expect(TeamPermissionSchema.parse({ service_id: 1, service_name: 'x', rights: 'technical' }).rights).toBe(
      'technical',
    )
  })

  it('drops a refused with= value, retries once with the allowed ones, and remembers it', async () => {
    const { api, clock, calls } = setup((call) =>
      (call.url.searchParams.get('with') ?? '').includes('teams')
        ? refusedWith(['security', 'invitation_details'])
        : ok([{ user_id: 1, email: 'a@b.ch' }]),
    )
    const users = await drive(clock, api.listOrgUsers(7, { with: ['security', 'teams'] }))
    expect(users).toHaveLength(1)
    expect(calls.map((c) => c.url.searchParams.get('with'))).toEqual(['security,teams', 'security'])
    expect(api.learned().rejectedWith).toEqual({ 'GET /2/accounts/{org}/users': ['teams'] })
    await drive(clock, api.listOrgUsers(8, { with: ['security', 'teams'] }))
    expect(calls.at(-1)?.url.searchParams.get('with')).toBe('security')
  })

  it('never asks more than 500 per page and halves (or takes the stated maximum) on a refused per_page', async () => {
    const { api, clock, calls } = setup((call) => {
      const perPage = Number(call.url.searchParams.get('per_page'))
      if (perPage > 120)
        return fail(422, 'validation_failed', 'Validation failed', {
          errors: [{ code: 'validation_rule_max', description: 'x', context: { attribute: 'per_page' } }],
        })
      return ok([{ id: 1, name: 't' }], { total: 1, page: 1, pages: 1, items_per_page: perPage })
    })
    await drive(clock, api.listTeams(7, { perPage: 5000 }))
    expect(calls.map((c) => c.url.searchParams.get('per_page'))).toEqual(['500', '250', '125', '62'])
    expect(api.learned().perPageCap).toBe(62)
  })

  it('names endpoints without ids, domains or mailbox names', () => {
    expect(endpointOf('GET', '/1/accounts/18547/teams/3/users')).toBe('GET /1/accounts/{org}/teams/{team}/users')
    expect(endpointOf('GET', '/2/domains/domains/acme.ch')).toBe('GET /2/domains/domains/{domain}')
    expect(endpointOf('GET', '/1/mail_hostings/5/mailboxes/alice')).toBe('GET /1/mail_hostings/…')
    expect(endpointOf('GET', '/1/Some.Name/x')).toBe('GET /1/{param}/…')
  })
})
