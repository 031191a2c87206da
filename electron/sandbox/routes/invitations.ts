/** Invitations and partner (b2b) assignments (`/1/accounts/{account}/invitations…`). */
import type { Invitation, InvitationLocale, Role } from '../model'
import { canGrantOwner } from '../truth'
import { ApiError, E, listResponse, ok, rule } from '../http'
import { LANGUAGE_ID } from '../vocab'
import * as S from '../serialize'
import {
  DAY,
  EMAIL,
  LOCALES,
  ROLES,
  type RouteDef,
  UNDOCUMENTED,
  idParam,
  invitationParam,
  orgParam,
  pageOpts,
  permissionsFromBody,
  requireManage,
  requirePartner,
  teamIdsValid,
} from './context'

export const invitationsRoutes: RouteDef[] = [
  // ---------------------------------------------------------------- invitations
  {
    id: 'invitations.create',
    method: 'POST',
    path: '/1/accounts/{account}/invitations',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const b = ctx.body
      const email = b.str('email', true)
      if (email !== undefined && !EMAIL.test(email)) b.errors.push(rule.email('email'))
      const firstName = b.str('first_name', true)
      const lastName = b.str('last_name', true)
      const locale = b.oneOf('locale', LOCALES, true)
      const roleType = b.oneOf('role_type', ROLES, true)
      const silent = b.bool('silent')
      const strict = b.bool('strict') ?? false
      const teams = b.intArray('teams', false)
      teamIdsValid(ctx, org, b, 'teams', teams)
      const billing = b.object('permissions')?.bool('billing') ?? false
      const notifications = b.object('notifications')
      const notifyBilling = notifications?.bool('billing') ?? false
      const notifyProducts = notifications?.bool('products') ?? false
      b.done()
      void silent
      if (roleType === 'owner' && !canGrantOwner(access))
        throw E.accessDenied('Only a legal representative can invite a legal representative')
      const ix = ctx.store.ix
      const lower = (email as string).toLowerCase()
      if (
        (ix.invitationsByOrg.get(org.id) ?? []).some((i) => i.status === 'pending' && i.email.toLowerCase() === lower)
      ) {
        throw E.badRequest('invitation_already_exists_with_this_email', 'An invitation already exists with this email')
      }
      const existing = ix.usersByEmail.get(lower)
      if (existing && ctx.store.membership(org.id, existing.id))
        throw new ApiError(409, 'object_already_exists', 'This user is already a member of the account')
      const inv: Invitation = {
        id: ctx.store.allocId('invitation'),
        accountId: org.id,
        email: email as string,
        firstName: firstName as string,
        lastName: lastName as string,
        locale: locale as InvitationLocale,
        roleType: roleType as Role,
        status: 'pending',
        strict,
        teamIds: teams ?? [],
        hasBilling: billing,
        hasBillingMailing: notifyBilling,
        hasMailing: notifyProducts,
        userId: existing ? existing.id : null,
        invitedById: ctx.user.id,
        sentAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        expiredAt: ctx.now + 30 * DAY,
        permissions: [],
        partnershipIds: [],
      }
      ctx.store.data.invitations.push(inv)
      ctx.store.touch()
      return ok(S.invitation(ctx.store, inv), 201)
    },
  },
  {
    id: 'invitations.get',
    method: 'GET',
    path: '/1/accounts/{account}/invitations/{invitation}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      return ok(S.invitation(ctx.store, invitationParam(ctx, org)))
    },
  },
  {
    id: 'invitations.update',
    method: 'PATCH',
    path: '/1/accounts/{account}/invitations/{invitation}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const inv = invitationParam(ctx, org)
      const b = ctx.body
      const hasBilling = b.bool('has_billing')
      const hasBillingMailing = b.bool('has_billing_mailing')
      const hasMailing = b.bool('has_mailing')
      const languageId = b.int('language_id', false)
      if (languageId !== undefined && !Object.values(LANGUAGE_ID).includes(languageId))
        b.errors.push(rule.in('language_id', Object.values(LANGUAGE_ID)))
      const roleType = b.oneOf('role_type', ROLES, false)
      const teamIds = b.intArray('team_ids', false)
      teamIdsValid(ctx, org, b, 'team_ids', teamIds)
      const permissions = permissionsFromBody(b, org, ctx)
      b.done()
      if (roleType === 'owner' && !canGrantOwner(access))
        throw E.accessDenied('Only a legal representative can grant the legal representative role')
      if (inv.status === 'accepted')
        throw E.badRequest('invitation_is_already_accepted', 'The invitation is already accepted')
      if (inv.status !== 'pending') throw E.objectNotFound('Invitation')
      if (hasBilling !== undefined) inv.hasBilling = hasBilling
      if (hasBillingMailing !== undefined) inv.hasBillingMailing = hasBillingMailing
      if (hasMailing !== undefined) inv.hasMailing = hasMailing
      if (languageId !== undefined)
        inv.locale = (Object.entries(LANGUAGE_ID).find(([, id]) => id === languageId)?.[0] ??
          inv.locale) as InvitationLocale
      if (roleType !== undefined) inv.roleType = roleType
      if (teamIds !== undefined) inv.teamIds = teamIds
      if (permissions !== undefined) inv.permissions = permissions
      inv.updatedAt = ctx.now
      ctx.store.touch()
      return ok(S.invitation(ctx.store, inv))
    },
  },
  {
    id: 'invitations.delete',
    method: 'DELETE',
    path: '/1/accounts/{account}/invitations/{invitation}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requireManage(access)
      const inv = invitationParam(ctx, org)
      if (inv.status === 'accepted') throw new ApiError(500, 'cannot_delete_object', 'The invitation cannot be deleted')
      inv.status = 'cancelled'
      inv.updatedAt = ctx.now
      ctx.store.touch()
      return ok(true)
    },
  },
  {
    id: 'invitations.user',
    method: 'GET',
    path: '/1/accounts/{account}/invitations/users/{user}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      const userId = idParam(ctx, 'user', 'User')
      const u = ctx.store.ix.users.get(userId)
      if (!u) throw E.objectNotFound('User')
      const type = ctx.query.str('type')
      if (type !== undefined && !(ROLES as readonly string[]).includes(type))
        throw E.validation([rule.in('type', ROLES)])
      const list = (ctx.store.ix.invitationsByOrg.get(org.id) ?? []).filter(
        (i) =>
          (i.userId === u.id || i.email.toLowerCase() === u.email.toLowerCase()) &&
          (type === undefined || i.roleType === type),
      )
      return ok(list.map((i) => S.invitation(ctx.store, i)))
    },
  },
  {
    id: 'b2b.list',
    method: 'GET',
    path: '/1/accounts/{account}/invitations/{invitation}/b2b',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      requirePartner(org)
      const inv = invitationParam(ctx, org)
      const list = inv.partnershipIds.flatMap((id) => {
        const p = ctx.store.ix.partnerships.get(id)
        return p ? [p] : []
      })
      return listResponse(list, ctx.query, pageOpts(ctx), (p) => S.partnership(ctx.store, p))
    },
  },
  {
    id: 'b2b.add',
    method: 'POST',
    path: '/1/accounts/{account}/invitations/{invitation}/b2b',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requirePartner(org)
      requireManage(access)
      const inv = invitationParam(ctx, org)
      const b = ctx.body
      const ids = b.intArray('partnership_ids', true)
      const valid = (ctx.store.ix.partnershipsByPartner.get(org.id) ?? []).map((p) => p.id)
      if (ids && ids.some((id) => !valid.includes(id))) b.errors.push(rule.in('partnership_ids', valid))
      b.done()
      for (const id of ids ?? []) if (!inv.partnershipIds.includes(id)) inv.partnershipIds.push(id)
      inv.updatedAt = ctx.now
      ctx.store.touch()
      return ok(true)
    },
  },
  {
    id: 'b2b.delete',
    method: 'DELETE',
    path: '/1/accounts/{account}/invitations/{invitation}/b2b/{partnership}',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org, access } = orgParam(ctx)
      requirePartner(org)
      requireManage(access)
      const inv = invitationParam(ctx, org)
      const id = idParam(ctx, 'partnership', 'Partnership')
      if (!inv.partnershipIds.includes(id)) throw E.objectNotFound('Partnership')
      inv.partnershipIds = inv.partnershipIds.filter((x) => x !== id)
      inv.updatedAt = ctx.now
      ctx.store.touch()
      return ok(true)
    },
  },
]
