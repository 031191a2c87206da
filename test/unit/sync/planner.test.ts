import { describe, expect, it } from 'vitest'
import {
  etaMs,
  nextJob,
  observedMsPerRequest,
  planAccountJobs,
  planOrgJobs,
  type Job,
} from '../../../electron/main/sync/planner'

const orgs = [
  { id: 1, name: 'Alpha SA' },
  { id: 2, name: 'Bäckerei Zürich AG' },
  { id: 3, name: "L'Atelier Sàrl" },
]

describe('planner', () => {
  it('plans the organization list and products account-wide, users and teams per organization', () => {
    expect(planAccountJobs({ orgs, states: [] }).map((j) => j.resource)).toEqual(['orgs', 'products'])
    const perOrg = planOrgJobs({ orgs, states: [] })
    expect(perOrg.map((j) => `${j.resource}:${j.orgId}`)).toEqual([
      'users:1',
      'teams:1',
      'users:2',
      'teams:2',
      'users:3',
      'teams:3',
    ])
  })

  it('estimates each job from the requests it cost last time', () => {
    const states = [
      { resource: 'products', orgId: 0, status: 'ok', syncedAt: 10, requestCount: 7 },
      { resource: 'users', orgId: 2, status: 'ok', syncedAt: 10, requestCount: 3 },
      { resource: 'users', orgId: 3, status: 'error', syncedAt: 5, requestCount: 9 },
    ]
    const all = [...planAccountJobs({ orgs, states }), ...planOrgJobs({ orgs, states })]
    const cost = (r: string, o: number) => all.find((j) => j.resource === r && j.orgId === o)!.estimate
    expect(cost('products', 0)).toBe(7)
    expect(cost('users', 2)).toBe(3)
    expect(cost('users', 3)).toBe(1) // a failed job's count is not trusted
    expect(cost('teams', 1)).toBe(1)
  })

  it('limits a refresh to one organization', () => {
    expect(planAccountJobs({ orgs, states: [], onlyOrgId: 2 })).toEqual([])
    // An organisation refresh reads its products too (GET /1/products?account_id=), then users and teams.
    expect(planOrgJobs({ orgs, states: [], onlyOrgId: 2 }).map((j) => `${j.resource}:${j.orgId}`)).toEqual([
      'products:2',
      'users:2',
      'teams:2',
    ])
    // A full run plans products once, account-wide.
    expect(planOrgJobs({ orgs, states: [] }).some((j) => j.resource === 'products')).toBe(false)
  })

  it('skips jobs already synced since a resumed run started, and blocked resources', () => {
    const states = [
      { resource: 'orgs', orgId: 0, status: 'ok', syncedAt: 100, requestCount: 1 },
      { resource: 'products', orgId: 0, status: 'ok', syncedAt: 50, requestCount: 2 },
      { resource: 'users', orgId: 1, status: 'ok', syncedAt: 120, requestCount: 1 },
    ]
    expect(planAccountJobs({ orgs, states, skipFreshSince: 100 }).map((j) => j.resource)).toEqual(['products'])
    const perOrg = planOrgJobs({ orgs, states, skipFreshSince: 100, blockedResources: new Set(['teams']) })
    expect(perOrg.map((j) => `${j.resource}:${j.orgId}`)).toEqual(['users:2', 'users:3'])
  })

  it('orders: organization list, then the focused organization, then products, then stalest first', () => {
    const job = (
      resource: Job['resource'],
      orgId: number,
      syncedAt: number | null,
      orgName: string | null = null,
    ): Job => ({
      resource,
      orgId,
      orgName,
      estimate: 1,
      syncedAt,
    })
    const queue = [
      job('users', 1, 500, 'A'),
      job('teams', 2, null, 'B'),
      job('products', 0, 900),
      job('users', 3, 100, 'C'),
      job('orgs', 0, 1000),
    ]
    const order = (focus: number | null) => {
      const q = [...queue]
      const out: string[] = []
      while (q.length) {
        const j = nextJob(q, focus)!
        q.splice(q.indexOf(j), 1)
        out.push(`${j.resource}:${j.orgId}`)
      }
      return out
    }
    expect(order(null)).toEqual(['orgs:0', 'products:0', 'teams:2', 'users:3', 'users:1'])
    expect(order(1)).toEqual(['orgs:0', 'users:1', 'products:0', 'teams:2', 'users:3'])
    // A focused organisation's own products listing goes before its users, and before the account-wide listing.
    queue.push(job('products', 2, null, 'B'))
    expect(order(2)).toEqual(['orgs:0', 'products:2', 'teams:2', 'products:0', 'users:3', 'users:1'])
  })

  it('costs an interrupted products listing at the pages it has left', () => {
    const states = [{ resource: 'products', orgId: 0, status: 'ok', syncedAt: 5, requestCount: 475 }]
    expect(planAccountJobs({ orgs, states }).find((j) => j.resource === 'products')!.estimate).toBe(475)
    expect(
      planAccountJobs({ orgs, states, productPagesLeft: 238 }).find((j) => j.resource === 'products')!.estimate,
    ).toBe(238)
  })

  it('computes the ETA from the limiter pace', () => {
    expect(etaMs(120, 1016.7)).toBe(122004)
    expect(etaMs(-3, 1000)).toBe(0)
  })
})

describe('observedMsPerRequest', () => {
  it('counts the pauses a run really takes once it has sent enough requests, never faster than the limit', () => {
    // 60 per minute: 1 s per request nominally.
    expect(observedMsPerRequest(1_000, 5_000, 5)).toBe(1_000)
    // Pages with pauses: 100 requests took 150 s, so the rest is counted at 1.5 s each.
    expect(observedMsPerRequest(1_000, 150_000, 100)).toBe(1_500)
    expect(etaMs(400, observedMsPerRequest(1_000, 150_000, 100))).toBe(600_000)
    // A burst at the start (60 requests in 2 s) does not make the estimate optimistic.
    expect(observedMsPerRequest(1_000, 2_000, 60)).toBe(1_000)
  })
})
