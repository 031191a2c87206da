/** Users of an organisation and the profile. */
import type { Invitation, Membership, Product, User } from '../model'
import type { Store } from '../store'
import { LANGUAGE_ID } from '../vocab'
import { displayName, initialsImage, rightNames } from './common'
import { driveId } from './products'
import { acceptUrl } from './invitations'

export function security(u: User): Record<string, unknown> {
  const method = u.otp ? 'otp' : u.yubikey ? 'yubikey' : u.sms ? 'sms' : null
  return {
    has_otp: u.otp,
    otp: u.otp,
    sms: u.sms,
    yubikey: u.yubikey,
    double_auth: method !== null,
    double_auth_method: method,
    last_login_at: u.lastLoginAt,
  }
}

export interface UserRowContext {
  store: Store
  accountId: number
  expand: ReadonlySet<string>
}

export function memberRow(c: UserRowContext, m: Membership, u: User): Record<string, unknown> {
  const ix = c.store.ix
  const out: Record<string, unknown> = {
    user_id: u.id,
    invitation_id: null,
    first_name: u.firstName,
    last_name: u.lastName,
    display_name: displayName(u),
    email: u.email,
    avatar: u.hasAvatar ? initialsImage(displayName(u), u.id) : null,
    role_type: m.role,
    state_in_account: 'valid',
    is_correspondent: m.isCorrespondent,
    is_correspondent_billing: m.isCorrespondentBilling,
    is_workspace_only: m.isWorkspaceOnly,
    has_no_manager_access: m.hasNoManagerAccess,
    has_billing_access: m.hasBillingAccess,
    is_sso: u.isSso,
    language_id: LANGUAGE_ID[u.locale] ?? 1,
    unique_key: `u${u.id.toString(36)}`,
    last_login_at: u.lastLoginAt,
    partnership_id: null,
  }
  const teams = (ix.teamsByOrg.get(c.accountId) ?? []).filter((t) => t.userIds.includes(u.id))
  for (const key of c.expand) {
    switch (key) {
      case 'security':
        out.security = security(u)
        break
      case 'teams':
        out.teams = teams.map((t) => ({ id: t.id, name: t.name, color_id: t.colorId }))
        break
      case 'app_access':
        out.app_access = appAccesses(c.store, c.accountId, m, u)
        break
      case 'permissions':
        out.permissions = (ix.productsByOrg.get(c.accountId) ?? []).flatMap((p) => {
          const d = p.users.find((x) => x.userId === u.id)
          return d
            ? [{ product_id: p.id, service_id: p.serviceId, service_name: p.serviceName, rights: rightNames(d.rights) }]
            : []
        })
        break
      case 'service_permissions':
        out.service_permissions = teams.flatMap((t) =>
          t.permissions.map((e) => ({
            team_id: t.id,
            service_id: e.serviceId,
            service_name: e.serviceName,
            product_id: e.productId,
            rights: e.rights.slice(),
          })),
        )
        break
      case 'pending_invitations':
        out.pending_invitations = (ix.invitationsByOrg.get(c.accountId) ?? [])
          .filter(
            (i) => i.status === 'pending' && (i.userId === u.id || i.email.toLowerCase() === u.email.toLowerCase()),
          )
          .map((i) => ({ id: i.id, role_type: i.roleType, sent_at: i.sentAt }))
        break
      case 'invitation_details':
        out.invitation_details = null
        break
      default:
        out[key] = null
    }
  }
  return out
}

export function pendingRow(c: UserRowContext, i: Invitation): Record<string, unknown> {
  const out: Record<string, unknown> = {
    user_id: null,
    invitation_id: i.id,
    first_name: i.firstName,
    last_name: i.lastName,
    display_name: `${i.firstName} ${i.lastName}`,
    email: i.email,
    avatar: null,
    role_type: i.roleType,
    state_in_account: 'pending',
    is_correspondent: false,
    is_correspondent_billing: false,
    is_workspace_only: false,
    has_no_manager_access: false,
    has_billing_access: i.hasBilling,
    is_sso: false,
    language_id: LANGUAGE_ID[i.locale] ?? 1,
    unique_key: `i${i.id.toString(36)}`,
    last_login_at: null,
    partnership_id: null,
  }
  for (const key of c.expand) {
    switch (key) {
      case 'teams':
        out.teams = i.teamIds.flatMap((id) => {
          const t = c.store.ix.teams.get(id)
          return t ? [{ id: t.id, name: t.name, color_id: t.colorId }] : []
        })
        break
      case 'invitation_details':
        out.invitation_details = {
          id: i.id,
          status: i.status,
          sent_at: i.sentAt,
          expired_at: i.expiredAt,
          invited_by_id: i.invitedById,
          url_accept: acceptUrl(i),
        }
        break
      case 'permissions':
      case 'service_permissions':
      case 'pending_invitations':
        out[key] = []
        break
      default:
        out[key] = null
    }
  }
  return out
}

export function appAccesses(store: Store, accountId: number, m: Membership, u: User): Record<string, unknown> {
  const ix = store.ix
  const teams = ix.teamsByOrg.get(accountId) ?? []
  const products = ix.productsByOrg.get(accountId) ?? []
  const manager = m.role === 'owner' || m.role === 'admin'
  const reach = (p: Product): boolean =>
    manager ||
    p.users.some((x) => x.userId === u.id) ||
    teams.some(
      (t) =>
        t.userIds.includes(u.id) &&
        t.permissions.some((e) => e.productId === p.id || (e.productId === null && e.serviceId === p.serviceId)),
    )
  return {
    manager: !m.hasNoManagerAccess,
    workspace: !m.hasNoManagerAccess || m.isWorkspaceOnly,
    ksuite: products.some((p) => p.serviceName === 'ksuite'),
    kchat: products.some((p) => p.serviceName === 'ksuite') && !m.hasNoManagerAccess,
    drives: products
      .filter((p) => p.serviceName === 'drive' && reach(p))
      .map((p) => ({ drive_id: driveId(p), role: manager ? 'admin' : 'user' })),
    mail_hostings: products
      .filter((p) => p.serviceName === 'email_hosting' && reach(p))
      .map((p) => ({ mail_hosting_id: p.id })),
  }
}

export function profileV2(
  store: Store,
  u: User,
  expand: ReadonlySet<string>,
  noAvatarDefault: boolean,
): Record<string, unknown> {
  const ix = store.ix
  const memberships = ix.membershipsByUser.get(u.id) ?? []
  const current = memberships.find((m) => m.role === 'owner') ?? memberships[0]
  const lang = u.locale.slice(0, 2)
  const langNames: Record<string, string> = {
    fr: 'Français',
    de: 'Deutsch',
    it: 'Italiano',
    en: 'English',
    es: 'Español',
  }
  const sec = security(u)
  const out: Record<string, unknown> = {
    id: u.id,
    user_id: u.id,
    display_name: displayName(u),
    first_name: u.firstName,
    last_name: u.lastName,
    email: u.email,
    login: u.email,
    avatar: u.hasAvatar
      ? initialsImage(displayName(u), u.id)
      : noAvatarDefault
        ? null
        : initialsImage(displayName(u), u.id),
    is_sso: u.isSso,
    is_staff: false,
    type: 'user',
    preferences: {
      security: {
        otp: u.otp,
        sms: u.sms,
        sms_phone: u.sms ? u.phone : null,
        yubikey: u.yubikey,
        infomaniak_application: false,
        double_auth: sec.double_auth,
        double_auth_method: sec.double_auth_method,
        remaining_rescue_code: u.otp ? 8 : 0,
        last_login_at: u.lastLoginAt,
        date_last_changed_password: u.createdAt,
        auth_devices: [],
      },
      account: { current_account_id: current ? current.accountId : null },
      connection: {},
      language: {
        id: LANGUAGE_ID[u.locale] ?? 1,
        name: langNames[lang] ?? 'English',
        short_name: lang.toUpperCase(),
        locale: u.locale,
        short_locale: lang,
      },
      country: { id: 41, name: 'Switzerland', short_name: 'CH', is_enabled: true },
      timezone: { id: 414, name: 'Europe/Zurich', gmt: '01:00' },
    },
  }
  if (expand.has('emails'))
    out.emails = [
      { id: u.id * 10, email: u.email, type: 'professional', checked: true, reminder: false, created_at: u.createdAt },
    ]
  if (expand.has('phones'))
    out.phones = u.phone
      ? [{ id: u.id * 10 + 1, phone: u.phone, type: 'mobile', checked: true, created_at: u.createdAt }]
      : []
  if (expand.has('sessions')) out.sessions = []
  if (expand.has('security')) out.security = sec
  return out
}

export function profileV1(u: User): Record<string, unknown> {
  return {
    id: u.id,
    user_id: u.id,
    login: u.email,
    email: u.email,
    firstname: u.firstName,
    lastname: u.lastName,
    display_name: displayName(u),
    locale: u.locale,
    avatar: u.hasAvatar ? initialsImage(displayName(u), u.id) : null,
  }
}
