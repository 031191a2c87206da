/** Work teams (`/1/accounts/{account}/teams…`). */
import type { Team } from '../model'
import { ApiError, listResponse, ok, parseWith, rule, sortItems } from '../http'
import * as S from '../serialize'
import {
  type RouteDef,
  UNDOCUMENTED,
  findMember,
  orgParam,
  pageOpts,
  requireManage,
  serviceIdsToPermissions,
  teamParam,
  teamServices,
  textMatch,
} from './context'

export const teamsRoutes: RouteDef[] = [
  // ---------------------------------------------------------------- teams
  {
    id: 'teams.list',
    method: 'GET',
    path: '/1/accounts/{account}/teams',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const q = ctx.query
      const expand = parseWith(q, ['users', 'owned_by', 'created_by', 'permissions', 'products'])
      const { org } = orgParam(ctx)
      const createdBy = q.filter('created_by_ids').map(Number)
      const ownedBy = q.filter('owned_by_ids').map(Number)
      const teamIds = q.filter('team_ids').map(Number)
      const userIds = q.filter('user_ids').map(Number)
      const all = ctx.store.ix.teamsByOrg.get(org.id) ?? []
      const items = all.filter(
        (t) =>
          (createdBy.length === 0 || createdBy.includes(t.createdById)) &&
          (ownedBy.length === 0 || (t.ownedById !== null && ownedBy.includes(t.ownedById))) &&
          (teamIds.length === 0 || teamIds.includes(t.id)) &&
          (userIds.length === 0 || t.userIds.some((u) => userIds.includes(u))) &&
          textMatch(t.name, q.str('search')),
      )
      const sorted = sortItems(items, q, {
        fields: {
          name: (t) => t.name,
          created_at: (t) => t.createdAt,
          user_count: (t) => t.userIds.length,
          product_count: (t) => S.teamProducts(ctx.store, t).length,
        },
        id: (t) => t.id,
      })
      return listResponse(sorted, q, pageOpts(ctx), (t) => S.team(ctx.store, t, expand, all.indexOf(t)))
    },
  },
  {
    id: 'teams.basic',
    method: 'GET',
    path: '/1/accounts/{account}/basic/teams',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      return ok(
        (ctx.store.ix.teamsByOrg.get(org.id) ?? []).map((t) => ({ id: t.id, name: t.name, color_id: t.colorId })),
      )
    },
  },
  {
    id: 'teams.create',
    method: 'POST',
    path: '/1/accounts/{account}/teams',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const b = ctx.body
      const name = b.str('name', true)
      if (name !== undefined && name.length > 255) b.errors.push(rule.in('name', []))
      const ownedById = b.int('owned_by_id', false)
      if (ownedById !== undefined && !ctx.store.membership(org.id, ownedById)) b.errors.push(rule.exists('owned_by_id'))
      const services = teamServices(b)
      b.done()
      const t: Team = {
        id: ctx.store.allocId('team'),
        accountId: org.id,
        name: name as string,
        description: typeof b.raw.description === 'string' ? b.raw.description : null,
        colorId: typeof b.raw.color_id === 'number' ? b.raw.color_id : 0,
        ownedById: ownedById ?? null,
        createdById: ctx.user.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        userIds: [],
        permissions: serviceIdsToPermissions(services ?? []),
      }
      ctx.store.data.teams.push(t)
      ctx.store.touch()
      return ok(S.team(ctx.store, t, new Set(), (ctx.store.ix.teamsByOrg.get(org.id) ?? []).length - 1), 201)
    },
  },
  {
    id: 'teams.get',
    method: 'GET',
    path: '/1/accounts/{account}/teams/{team}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const expand = parseWith(ctx.query, ['users', 'owned_by', 'created_by', 'permissions', 'products'])
      const { org } = orgParam(ctx)
      const t = teamParam(ctx, org)
      return ok(S.team(ctx.store, t, expand, (ctx.store.ix.teamsByOrg.get(org.id) ?? []).indexOf(t)))
    },
  },
  {
    id: 'teams.update',
    method: 'PATCH',
    path: '/1/accounts/{account}/teams/{team}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const t = teamParam(ctx, org)
      const b = ctx.body
      const name = b.str('name', false)
      const ownedById = b.has('owned_by_id') && b.raw.owned_by_id !== null ? b.int('owned_by_id', false) : undefined
      if (ownedById !== undefined && !ctx.store.membership(org.id, ownedById)) b.errors.push(rule.exists('owned_by_id'))
      const services = teamServices(b)
      b.done()
      if (name !== undefined) t.name = name
      if (b.has('owned_by_id')) t.ownedById = ownedById ?? null
      if (typeof b.raw.description === 'string' || b.raw.description === null) t.description = b.raw.description
      if (typeof b.raw.color_id === 'number') t.colorId = b.raw.color_id
      if (services !== undefined) t.permissions = serviceIdsToPermissions(services)
      t.updatedAt = ctx.now
      ctx.store.touch()
      return ok(S.team(ctx.store, t, new Set(), (ctx.store.ix.teamsByOrg.get(org.id) ?? []).indexOf(t)))
    },
  },
  {
    id: 'teams.delete',
    method: 'DELETE',
    path: '/1/accounts/{account}/teams/{team}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const t = teamParam(ctx, org)
      const data = ctx.store.data
      data.teams.splice(data.teams.indexOf(t), 1)
      for (const i of data.invitations) if (i.teamIds.includes(t.id)) i.teamIds = i.teamIds.filter((x) => x !== t.id)
      ctx.store.touch()
      return ok(true)
    },
  },
  {
    id: 'teams.users.list',
    method: 'GET',
    path: '/1/accounts/{account}/teams/{team}/users',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      const t = teamParam(ctx, org)
      const users = t.userIds.flatMap((id) => {
        const u = ctx.store.ix.users.get(id)
        return u && textMatch(`${u.firstName} ${u.lastName} ${u.email}`, ctx.query.str('search')) ? [u] : []
      })
      const sorted = sortItems(users, ctx.query, {
        fields: { display_name: (u) => S.displayName(u), last_login_at: (u) => u.lastLoginAt },
        id: (u) => u.id,
      })
      return listResponse(sorted, ctx.query, pageOpts(ctx), (u) => S.teamUser(ctx.store, u, org.id))
    },
  },
  {
    id: 'teams.users.add',
    method: 'POST',
    path: '/1/accounts/{account}/teams/{team}/users',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const t = teamParam(ctx, org)
      const ids = ctx.body.intArray('user_ids', true)
      ctx.body.done()
      const list = ids ?? []
      if (list.some((id) => !findMember(ctx, org.id, id)))
        throw new ApiError(422, 'user_not_attached_to_account', 'User not attached to account')
      for (const id of list) if (!t.userIds.includes(id)) t.userIds.push(id)
      t.userIds.sort((a, b) => a - b)
      t.updatedAt = ctx.now
      ctx.store.touch()
      return ok(true)
    },
  },
  {
    id: 'teams.users.remove',
    method: 'DELETE',
    path: '/1/accounts/{account}/teams/{team}/users',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const t = teamParam(ctx, org)
      const ids = ctx.body.intArray('user_ids', true)
      ctx.body.done()
      const remove = new Set(ids ?? [])
      t.userIds = t.userIds.filter((id) => !remove.has(id))
      t.updatedAt = ctx.now
      ctx.store.touch()
      return ok(true)
    },
  },
]
