/** Users of an organisation (`/2/accounts/{account}/users…`). */
import type { Invitation, User } from '../model'
import type { Store } from '../store'
import { E, listResponse, ok, parseWith, rule, sortItems } from '../http'
import * as S from '../serialize'
import { ROLES, type RouteDef, UNDOCUMENTED, idParam, orgParam, pageOpts, textMatch } from './context'

export const usersRoutes: RouteDef[] = [
  // ---------------------------------------------------------------- users of an account
  {
    id: 'users.list',
    method: 'GET',
    path: '/2/accounts/{account}/users',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const q = ctx.query
      const expand = parseWith(q, [
        'app_access',
        'teams',
        'drive_infos',
        'kchat_infos',
        'security',
        'pending_invitations',
        'preferences',
        'invitation_details',
        'service_permissions',
        'permissions',
      ])
      const { org } = orgParam(ctx)
      const ix = ctx.store.ix
      const states = q.filter('state_in_account')
      if (states.some((s) => s !== 'pending' && s !== 'valid'))
        throw E.validation([rule.in('filter.state_in_account', ['pending', 'valid'])])
      const roles = q.filter('role_type')
      if (roles.some((r) => !(ROLES as readonly string[]).includes(r)))
        throw E.validation([rule.in('filter.role_type', ROLES)])
      const billing = q.bool('filter[has_billing_access]')
      const hasOtp = q.bool('filter[has_otp]')
      const userIds = q.filter('user_ids').map(Number)
      const teamIds = q.filter('team_ids').map(Number)
      const invitationStatus = q.filter('invitation_status')
      const search = q.str('search')
      const teams = ix.teamsByOrg.get(org.id) ?? []
      type Row =
        | { kind: 'member'; m: NonNullable<ReturnType<Store['membership']>>; u: User }
        | { kind: 'pending'; i: Invitation }
      const rows: Row[] = []
      for (const m of ix.membersByOrg.get(org.id)?.values() ?? []) {
        const u = ix.users.get(m.userId)
        if (u) rows.push({ kind: 'member', m, u })
      }
      rows.sort((a, b) => (a.kind === 'member' && b.kind === 'member' ? a.u.id - b.u.id : 0))
      for (const i of ix.invitationsByOrg.get(org.id) ?? [])
        if (i.status === 'pending') rows.push({ kind: 'pending', i })
      const filtered = rows.filter((r) => {
        const state = r.kind === 'member' ? 'valid' : 'pending'
        const role = r.kind === 'member' ? r.m.role : r.i.roleType
        if (states.length > 0 && !states.includes(state)) return false
        if (roles.length > 0 && !roles.includes(role)) return false
        if (billing !== undefined && (r.kind === 'member' ? r.m.hasBillingAccess : r.i.hasBilling) !== billing)
          return false
        if (hasOtp !== undefined && (r.kind === 'member' ? r.u.otp : false) !== hasOtp) return false
        if (userIds.length > 0 && (r.kind === 'pending' || !userIds.includes(r.u.id))) return false
        if (
          teamIds.length > 0 &&
          (r.kind === 'pending'
            ? !r.i.teamIds.some((t) => teamIds.includes(t))
            : !teams.some((t) => teamIds.includes(t.id) && t.userIds.includes(r.u.id)))
        )
          return false
        if (invitationStatus.length > 0 && (r.kind === 'member' || !invitationStatus.includes(r.i.status))) return false
        if (search) {
          const text =
            r.kind === 'member'
              ? `${r.u.firstName} ${r.u.lastName} ${r.u.email}`
              : `${r.i.firstName} ${r.i.lastName} ${r.i.email}`
          if (!textMatch(text, search)) return false
        }
        return true
      })
      const pick =
        <T>(member: (u: User, m: NonNullable<ReturnType<Store['membership']>>) => T, pending: (i: Invitation) => T) =>
        (r: Row): T =>
          r.kind === 'member' ? member(r.u, r.m) : pending(r.i)
      const sorted = sortItems(filtered, q, {
        fields: {
          email: pick(
            (u) => u.email,
            (i) => i.email,
          ),
          first_name: pick(
            (u) => u.firstName,
            (i) => i.firstName,
          ),
          last_name: pick(
            (u) => u.lastName,
            (i) => i.lastName,
          ),
          role_type: pick(
            (_u, m) => m.role,
            (i) => i.roleType,
          ),
          state_in_account: pick(
            () => 'valid',
            () => 'pending',
          ),
          last_login_at: pick(
            (u) => u.lastLoginAt,
            () => null,
          ),
        },
        // members first (by user id), then pending invitees (by invitation id)
        id: pick(
          (u) => u.id,
          (i) => 1e12 + i.id,
        ),
      })
      const c = { store: ctx.store, accountId: org.id, expand }
      return listResponse(sorted, q, pageOpts(ctx, ctx.settings.usersPaginated), (r) =>
        r.kind === 'member' ? S.memberRow(c, r.m, r.u) : S.pendingRow(c, r.i),
      )
    },
  },
  {
    id: 'users.app_accesses',
    method: 'GET',
    path: '/2/accounts/{account}/users/{user}/app_accesses',
    scope: UNDOCUMENTED,
    handle: (ctx) => {
      const { org } = orgParam(ctx)
      const userId = idParam(ctx, 'user', 'User')
      const m = ctx.store.membership(org.id, userId)
      const u = ctx.store.ix.users.get(userId)
      if (!m || !u) throw E.objectNotFound('User')
      return ok(S.appAccesses(ctx.store, org.id, m, u))
    },
  },
]
