/** Profile and organisations (`/2/profile`, `/1/accounts…`). */
import type { Org } from '../model'
import { ok, parseWith, sortItems, type ApiResponse } from '../http'
import { SERVICE_BY_ID } from '../vocab'
import * as S from '../serialize'
import { type RouteContext, type RouteDef, orgParam, visibleInOrg } from './context'

const accountsList = (ctx: RouteContext): ApiResponse => {
  const expand = parseWith(ctx.query, ['logo', 'logo_square', 'addresses', 'tags'])
  const orgs = [...ctx.access.values()].map((a) => ({ a, org: ctx.store.ix.orgs.get(a.orgId) as Org }))
  const sorted = sortItems(orgs, ctx.query, { fields: { name: (x) => x.org.name }, id: (x) => x.org.id })
  return ok(sorted.map((x) => S.account(ctx.store, x.org, x.a, expand, false)))
}

export const profileOrgsRoutes: RouteDef[] = [
  // ---------------------------------------------------------------- profile
  {
    id: 'profile.v2',
    method: 'GET',
    path: '/2/profile',
    scope: 'user_info',
    handle: (ctx) => {
      const expand = parseWith(ctx.query, ['emails', 'phones', 'security', 'sessions', 'preferences'])
      return ok(S.profileV2(ctx.store, ctx.user, expand, ctx.query.str('no_avatar_default') === '1'))
    },
  },
  { id: 'profile.v1', method: 'GET', path: '/1/profile', scope: null, handle: (ctx) => ok(S.profileV1(ctx.user)) },

  // ---------------------------------------------------------------- accounts
  { id: 'accounts.list', method: 'GET', path: '/1/accounts', scope: 'accounts', handle: accountsList },
  { id: 'accounts.list', method: 'GET', path: '/1/account', scope: 'accounts', handle: accountsList },
  {
    id: 'accounts.get',
    method: 'GET',
    path: '/1/accounts/{account}',
    scope: 'accounts',
    handle: (ctx) => {
      const expand = parseWith(ctx.query, ['logo', 'logo_square', 'addresses', 'tags'])
      const { org, access } = orgParam(ctx)
      return ok(S.account(ctx.store, org, access, expand, true))
    },
  },
  {
    id: 'accounts.services',
    method: 'GET',
    path: '/1/accounts/{account}/services',
    scope: 'accounts',
    handle: (ctx) => {
      const { access } = orgParam(ctx)
      const counts = new Map<number, number>()
      for (const v of visibleInOrg(ctx, access))
        counts.set(v.product.serviceId, (counts.get(v.product.serviceId) ?? 0) + 1)
      return ok(
        [...counts.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([id, count]) => ({ id, name: SERVICE_BY_ID.get(id)?.name ?? String(id), count })),
      )
    },
  },
  {
    id: 'accounts.tags',
    method: 'GET',
    path: '/1/accounts/{account}/tags',
    scope: 'accounts',
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      const products = ctx.store.ix.productsByOrg.get(org.id) ?? []
      const rows = (ctx.store.ix.tagsByOrg.get(org.id) ?? []).map((t) => ({
        t,
        count: products.filter((p) => p.tagIds.includes(t.id)).length,
      }))
      const sorted = sortItems(rows, ctx.query, {
        fields: { id: (r) => r.t.id, name: (r) => r.t.name, products: (r) => r.count },
        id: (r) => r.t.id,
      })
      return ok(sorted.map((r) => ({ id: r.t.id, name: r.t.name, color: r.t.color, product_count: r.count })))
    },
  },
]
