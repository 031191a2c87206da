import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createApiClient } from '../../../electron/main/api/client'
import { ApiError, isApiError } from '../../../electron/main/api/errors'
import type { SuccessEnvelope } from '../../../electron/main/api/envelope'
import {
  fetchAllPages,
  type FetchedPage,
  type PageParams,
  type PageProgress,
} from '../../../electron/main/api/pagination'
import { RateLimiter } from '../../../electron/main/api/rate-limiter'
import { memoryLogger } from '../../../electron/main/lib/logger'
import { BASE, FakeClock, TOKEN, drive, fakeFetch, ok, rejection, type Call } from './helpers'

const Item = z.object({ id: z.int(), name: z.string() })
const items = (n: number, from = 1): { id: number; name: string }[] =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, name: `item ${from + i}` }))

/** A server list that caps `per_page` at `cap`, and answers unpaginated without `page`. */
function pagedServer(all: unknown[], cap: number) {
  return (call: Call): Response => {
    const page = call.url.searchParams.get('page')
    if (page === null) return ok(all)
    const asked = Number(call.url.searchParams.get('per_page') ?? 15)
    const size = Math.min(asked, cap)
    const p = Number(page)
    return ok(all.slice((p - 1) * size, p * size), {
      total: all.length,
      page: p,
      pages: Math.max(1, Math.ceil(all.length / size)),
      items_per_page: size,
    })
  }
}

function client(fetchImpl: typeof fetch, clock = new FakeClock()) {
  const logger = memoryLogger()
  const limiter = new RateLimiter({ clock, limit: 1000, windowMs: 1000, minIntervalMs: 0 })
  const api = createApiClient({
    baseUrl: BASE,
    getToken: async () => TOKEN,
    fetch: fetchImpl,
    clock,
    limiter,
    logger,
    random: () => 0,
  })
  return { api, clock, logger }
}

function envelope(data: unknown, page: Partial<SuccessEnvelope['pageInfo']> | null): FetchedPage {
  return {
    request: { method: 'GET', path: '/x' },
    envelope: {
      result: 'success',
      status: 200,
      data,
      pageInfo: { total: null, page: null, pages: null, itemsPerPage: null, ...(page ?? {}) },
    },
  }
}

describe('pagination through the client', () => {
  it('asks per_page=500 then follows the server cap (100) and its pages', async () => {
    const all = items(250)
    const { fetch, calls } = fakeFetch(pagedServer(all, 100))
    const { api, clock } = client(fetch)
    const progress: PageProgress[] = []
    const teams = await drive(clock, api.listTeams(7, { onPage: (p) => progress.push(p) }))
    expect(teams.map((t) => t.id)).toEqual(all.map((t) => t.id))
    expect(
      calls.map((c) => [c.url.pathname, c.url.searchParams.get('page'), c.url.searchParams.get('per_page')]),
    ).toEqual([
      ['/1/accounts/7/teams', '1', '500'],
      ['/1/accounts/7/teams', '2', '100'],
      ['/1/accounts/7/teams', '3', '100'],
    ])
    expect(progress.map((p) => [p.page, p.pages, p.received, p.collected, p.total, p.requests])).toEqual([
      [1, 3, 100, 100, 250, 1],
      [2, 3, 100, 200, 250, 2],
      [3, 3, 50, 250, 250, 3],
    ])
  })

  it('takes an unpaginated answer (no page fields) as the whole list in one request', async () => {
    const all = items(40).map((u) => ({ user_id: u.id, email: `${u.name}@x.ch`, role_type: 'normal' }))
    const { fetch, calls } = fakeFetch(() => ok(all)) // ignores page and per_page, like the observed users list
    const { api, clock } = client(fetch)
    const users = await drive(clock, api.listOrgUsers(7, { with: ['security', 'teams'] }))
    expect(users).toHaveLength(40)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url.searchParams.get('with')).toBe('security,teams')
    expect(calls[0]?.url.searchParams.get('page')).toBe('1')
  })

  it('an empty paginated list costs one request', async () => {
    const { fetch, calls } = fakeFetch(() => ok([], { total: 0, page: 1, pages: 0, items_per_page: 1000 }))
    const { api, clock } = client(fetch)
    expect(await drive(clock, api.listProducts())).toEqual([])
    expect(calls).toHaveLength(1)
  })

  it('routes documenting no paging send no page params, but follow pages if the server paginates anyway', async () => {
    const all = items(5)
    const { fetch, calls } = fakeFetch((call) => {
      const page = Number(call.url.searchParams.get('page') ?? 1)
      const size = 3
      return ok(all.slice((page - 1) * size, page * size), { total: 5, page, pages: 2, items_per_page: size })
    })
    const { api, clock } = client(fetch)
    const orgs = await drive(clock, api.listOrgs())
    expect(orgs.map((o) => o.id)).toEqual([1, 2, 3, 4, 5])
    expect(calls[0]?.url.search).toBe('?order_by=name')
    expect(calls[1]?.url.searchParams.get('page')).toBe('2')
    expect(calls[1]?.url.searchParams.get('per_page')).toBe('3')
  })

  it('a failing page fails the whole listing (never a partial list)', async () => {
    const all = items(30)
    const serve = pagedServer(all, 10)
    const { fetch } = fakeFetch((call) =>
      call.url.searchParams.get('page') === '2' ? new Response('{}', { status: 403, headers: {} }) : serve(call),
    )
    const { api, clock } = client(fetch)
    const error = await rejection(drive(clock, api.listTeams(1)))
    expect(isApiError(error, 'forbidden')).toBe(true)
  })
})

describe('fetchAllPages page by page', () => {
  const all = items(7)
  const pageOf = (p: PageParams): FetchedPage => {
    const size = p?.perPage ?? 3
    const page = p?.page ?? 1
    return envelope(all.slice((page - 1) * size, page * size), {
      total: all.length,
      page,
      pages: Math.ceil(all.length / size),
      itemsPerPage: size,
    })
  }

  it('hands each page to onItems as it arrives and can keep nothing itself', async () => {
    const seen: { page: number; ids: number[]; itemsPerPage: number | null }[] = []
    const result = await fetchAllPages({
      itemSchema: Item,
      perPage: 3,
      retainItems: false,
      fetchPage: async (p) => pageOf(p),
      onItems: (list, info) =>
        seen.push({ page: info.page, ids: list.map((i) => i.id), itemsPerPage: info.itemsPerPage }),
    })
    expect(seen).toEqual([
      { page: 1, ids: [1, 2, 3], itemsPerPage: 3 },
      { page: 2, ids: [4, 5, 6], itemsPerPage: 3 },
      { page: 3, ids: [7], itemsPerPage: 3 },
    ])
    expect(result.items).toEqual([])
    expect(result.requests).toBe(3)
  })

  it('resumes at startPage without asking for earlier pages, and stops when onItems throws', async () => {
    const asked: number[] = []
    const ids: number[] = []
    const result = await fetchAllPages({
      itemSchema: Item,
      perPage: 3,
      startPage: 2,
      fetchPage: async (p) => {
        asked.push(p!.page)
        return pageOf(p)
      },
      onItems: (list) => ids.push(...list.map((i) => i.id)),
    })
    expect(asked).toEqual([2, 3])
    expect(ids).toEqual([4, 5, 6, 7])
    expect(result.items.map((i) => i.id)).toEqual([4, 5, 6, 7])

    asked.length = 0
    const stop = new Error('paused')
    await expect(
      fetchAllPages({
        itemSchema: Item,
        perPage: 3,
        fetchPage: async (p) => {
          asked.push(p!.page)
          return pageOf(p)
        },
        onItems: () => {
          throw stop
        },
      }),
    ).rejects.toBe(stop)
    expect(asked).toEqual([1])
  })
})

describe('fetchAllPages guards', () => {
  it('drops duplicates across pages and warns', async () => {
    const logger = memoryLogger()
    const pages: FetchedPage[] = [
      envelope(items(3, 1), { total: 6, page: 1, pages: 2, itemsPerPage: 3 }),
      envelope([...items(1, 3), ...items(2, 4)], { total: 6, page: 2, pages: 2, itemsPerPage: 3 }),
    ]
    const result = await fetchAllPages({
      itemSchema: Item,
      logger,
      fetchPage: async (p) => pages[(p?.page ?? 1) - 1] ?? envelope([], null),
    })
    expect(result.items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5])
    expect(result).toMatchObject({ requests: 2, paginated: true, total: 6, itemsPerPage: 3 })
    const messages = logger.records.filter((r) => r.level === 'warn').map((r) => r.message)
    expect(messages).toContain('api: duplicate items across pages dropped')
    expect(messages).toContain('api: fewer items than the announced total; the list changed while paging')
  })

  it('refuses more pages than maxPages before fetching them', async () => {
    let requests = 0
    const error = await rejection(
      fetchAllPages({
        itemSchema: Item,
        maxPages: 50,
        fetchPage: async () => {
          requests++
          return envelope(items(1), { total: 1_000_000, page: 1, pages: 1_000_000, itemsPerPage: 1 })
        },
      }),
    )
    expect((error as ApiError).detail).toMatchObject({ kind: 'malformed', reason: 'pagination' })
    expect(requests).toBe(1)
  })

  it('stops a server that ignores `page` (every page repeats page 1)', async () => {
    let requests = 0
    const error = await rejection(
      fetchAllPages({
        itemSchema: Item,
        fetchPage: async () => {
          requests++
          return envelope(items(10), { total: 100, page: 1, pages: 10, itemsPerPage: 10 })
        },
      }),
    )
    expect((error as ApiError).detail).toMatchObject({ kind: 'malformed', reason: 'pagination' })
    expect(requests).toBe(2)
  })

  it('never loops past a page count the server keeps raising beyond the guard', async () => {
    const asked: PageParams[] = []
    const error = await rejection(
      fetchAllPages({
        itemSchema: Item,
        maxPages: 5,
        fetchPage: async (p) => {
          asked.push(p)
          const page = p?.page ?? 1
          return envelope(items(1, page), { page, pages: page + 1, itemsPerPage: 1 })
        },
      }),
    )
    expect(isApiError(error, 'malformed')).toBe(true)
    expect(asked.length).toBeLessThanOrEqual(5)
  })

  it('validates every item: keeps the good ones, describes the bad one by path and type only', async () => {
    const list = await fetchAllPages({
      itemSchema: Item,
      fetchPage: async () =>
        envelope(
          [
            { id: 1, name: 'a' },
            { id: 'two', name: 'secret-value' },
            { id: 3, name: 'c' },
          ],
          null,
        ),
    })
    expect(list.items.map((i) => i.id)).toEqual([1, 3])
    expect(list.skipped).toHaveLength(1)
    expect(list.skipped[0]!.issues).toEqual([{ path: 'id', expected: 'number', seen: 'string' }])
    expect(JSON.stringify(list.skipped)).not.toMatch(/two|secret/)
  })

  it('still fails a page whose data is not a list', async () => {
    const error = await rejection(fetchAllPages({ itemSchema: Item, fetchPage: async () => envelope({ id: 1 }, null) }))
    expect((error as ApiError).detail).toMatchObject({ kind: 'malformed', reason: 'schema' })
  })
})
