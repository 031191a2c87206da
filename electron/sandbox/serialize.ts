/**
 * Internal records → Infomaniak wire shapes (snake_case, unix seconds, integer ids, the spec's
 * misspellings such as `has_customer_paiement_method`). Product-derived details that nobody
 * mutates (mailboxes, drive sizes, domain contacts) are derived on the fly from (seed, product id).
 */
import type {
  Invitation,
  Invoice,
  Membership,
  Money,
  Org,
  Partnership,
  Product,
  Rights,
  SandboxData,
  Team,
  User,
} from './model'
import { Rng } from './prng'
import type { Store } from './store'
import { canManage, type Access } from './truth'
import { LANGUAGE_ID, SERVICE_BY_ID, slugify } from './vocab'

const DAY = 86_400

const PALETTE = [
  '#0098FF',
  '#E91E63',
  '#4CAF50',
  '#FF9800',
  '#9C27B0',
  '#009688',
  '#795548',
  '#3F51B5',
  '#F44336',
  '#607D8B',
  '#8BC34A',
  '#FFC107',
]

/** A small SVG with initials, as a data URI (no network, works offline and under a strict CSP with data: images). */
export function initialsImage(text: string, id: number): string {
  const initials = text
    .replace(/['’]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .slice(0, 2)
    .map((w) => w[0])
    .join('')
  const color = PALETTE[id % PALETTE.length] ?? '#0098FF'
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" rx="8" fill="${color}"/><text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${initials || '?'}</text></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

export function money(m: Money): { amount: number; currency: string } {
  return { amount: m.amountCents / 100, currency: m.currency }
}

const rightNames = (r: Rights): string[] => (Object.keys(r) as (keyof Rights)[]).filter((k) => r[k])

export function displayName(u: Pick<User, 'firstName' | 'lastName'>): string {
  return `${u.firstName} ${u.lastName}`
}

const TIMEZONES: Record<string, string> = {
  CH: 'Europe/Zurich',
  FR: 'Europe/Paris',
  DE: 'Europe/Berlin',
  IT: 'Europe/Rome',
  GB: 'Europe/London',
}
const COUNTRY_IDS: Record<string, { id: number; name: string }> = {
  CH: { id: 41, name: 'Switzerland' },
  FR: { id: 33, name: 'France' },
  DE: { id: 49, name: 'Germany' },
  IT: { id: 39, name: 'Italy' },
  GB: { id: 44, name: 'United Kingdom' },
}

export function miniUser(u: User): Record<string, unknown> {
  return {
    id: u.id,
    display_name: displayName(u),
    first_name: u.firstName,
    last_name: u.lastName,
    email: u.email,
    avatar: u.hasAvatar ? initialsImage(displayName(u), u.id) : null,
  }
}

// ------------------------------------------------------------------ accounts

export function account(
  store: Store,
  org: Org,
  access: Access,
  expand: ReadonlySet<string>,
  detail: boolean,
): Record<string, unknown> {
  const ix = store.ix
  const members = [...(ix.membersByOrg.get(org.id)?.values() ?? [])]
  const pending = (ix.invitationsByOrg.get(org.id) ?? []).filter((i) => i.status === 'pending').length
  const customerPartnership = ix.partnershipByCustomer.get(org.id) ?? null
  const m = access.membership
  const country = COUNTRY_IDS[org.country] ?? { id: 41, name: 'Switzerland' }
  const address = {
    id: org.id * 10 + 1,
    street: org.street,
    street2: null,
    zip: org.zip,
    city: org.city,
    type: 'main',
    created_at: org.createdAt,
    country: { id: country.id, name: country.name, short_name: org.country, is_enabled: true },
    for_invoice: true,
  }
  const locale = `${org.language}_${org.country}`
  const out: Record<string, unknown> = {
    id: org.id,
    name: org.name,
    legal_entity_type: org.legalEntityType,
    created_at: org.createdAt,
    type: access.type,
    timezone: TIMEZONES[org.country] ?? 'Europe/Zurich',
    website: org.website,
    phone: org.phone,
    fax: null,
    language: org.language,
    locale,
    language_id: LANGUAGE_ID[`${org.language}_${org.language === 'en' ? 'GB' : org.language.toUpperCase()}`] ?? 1,
    order: 0,
    beta: false,
    support_level: org.supportLevel,
    has_2fa_required: org.has2faRequired,
    billing: m ? m.hasBillingAccess : access.partnership?.hasFullAccess === true,
    mailing: m ? m.isCorrespondent : false,
    billing_mailing: m ? m.isCorrespondentBilling : false,
    workspace_only: m ? m.isWorkspaceOnly : false,
    no_access: m ? m.hasNoManagerAccess : false,
    is_blocked: org.isBlocked,
    blocked_at: org.blockedAt,
    vat_number: org.vatNumber,
    field1: null,
    field2: null,
    services_already_demo: [],
    customization_url: null,
    nb_invitations: pending,
    nb_users: members.length,
    count_owners: members.filter((x) => x.role === 'owner').length,
    is_customer: true,
    is_sso: false,
    has_full_access: canManage(access),
    has_customer_paiement_method: customerPartnership ? customerPartnership.hasCustomerPaymentMethod : true,
    partner_id:
      org.partnerId ??
      (customerPartnership
        ? (store.data.partners.find((p) => p.accountId === customerPartnership.partnerAccountId)?.id ?? null)
        : null),
    in_partnership_full_access: customerPartnership?.hasFullAccess === true,
    in_partnership_limited: customerPartnership !== null && !customerPartnership.hasFullAccess,
    support_premium: null,
    is_user_has_ksuite_access: (ix.productsByOrg.get(org.id) ?? []).some((p) => p.serviceName === 'ksuite'),
    is_user_email_account_mailbox_exist: false,
    ksuite_id: null,
    my_ksuite: null,
  }
  if (expand.has('logo') || expand.has('logo_square')) {
    const logo = org.hasLogo ? initialsImage(org.name, org.id) : null
    out.logo = logo
    out.logo_square = logo
  }
  if (detail || expand.has('addresses')) out.addresses = [address]
  if (detail || expand.has('tags'))
    out.tags = (ix.tagsByOrg.get(org.id) ?? []).map((t) => ({ id: t.id, name: t.name, color: t.color }))
  return out
}

// ------------------------------------------------------------------ products

export function product(store: Store, p: Product, rights: Rights): Record<string, unknown> {
  const ix = store.ix
  const parent = p.parentId !== null ? ix.products.get(p.parentId) : undefined
  const admin = p.adminUserId !== null ? ix.users.get(p.adminUserId) : undefined
  return {
    id: p.id,
    account_id: p.accountId,
    service_id: p.serviceId,
    service_name: p.serviceName,
    customer_name: p.customerName,
    internal_name: p.internalName,
    created_at: p.createdAt,
    expired_at: p.expiredAt,
    deleted_at: null,
    version: 1,
    has_maintenance: p.hasMaintenance,
    is_locked: p.isLocked,
    has_operation_in_progress: p.hasOperationInProgress,
    tags: p.tagIds.flatMap((id) => {
      const t = ix.tags.get(id)
      return t ? [{ id: t.id, name: t.name, color: t.color }] : []
    }),
    unique_id: 100_000_000 + p.id,
    description: p.description,
    bill_reference: `${p.serviceId}-${p.id}`,
    is_free: p.isFree,
    is_zero_price: p.yearlyPriceCents === 0,
    is_trial: p.isTrial,
    rights: { ...rights },
    parent_id: p.parentId,
    parent_service_id: parent ? parent.serviceId : null,
    parent_service_name: parent ? parent.serviceName : null,
    status: { maintenance: p.hasMaintenance, locked: p.isLocked, activated_by: [], activated_at: p.createdAt },
    users: p.users.map((u) => ({ user_id: u.userId, rights: { ...u.rights } })),
    admin: admin ? { user_id: admin.id, email: admin.email, display_name: displayName(admin) } : null,
    fqdn: p.fqdn,
    is_managed_by_partner: p.isManagedByPartner,
    flags: [],
    renew_preferences: [],
    is_transferable: p.serviceName === 'domain',
  }
}

// ------------------------------------------------------------------ users of an account

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

// ------------------------------------------------------------------ teams

export function teamProducts(store: Store, t: Team): Product[] {
  return (store.ix.productsByOrg.get(t.accountId) ?? []).filter((p) =>
    t.permissions.some((e) => e.productId === p.id || (e.productId === null && e.serviceId === p.serviceId)),
  )
}

export function team(store: Store, t: Team, expand: ReadonlySet<string>, position: number): Record<string, unknown> {
  const ix = store.ix
  const products = teamProducts(store, t)
  const byService = new Map<number, number>()
  for (const p of products) byService.set(p.serviceId, (byService.get(p.serviceId) ?? 0) + 1)
  const out: Record<string, unknown> = {
    id: t.id,
    name: t.name,
    description: t.description,
    color_id: t.colorId,
    owned_by_id: t.ownedById,
    created_by_id: t.createdById,
    created_at: t.createdAt,
    updated_at: t.updatedAt,
    user_count: t.userIds.length,
    product_count: products.length,
    product_by_service_count: [...byService.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([id, count]) => ({ service_id: id, service_name: SERVICE_BY_ID.get(id)?.name ?? String(id), count })),
    is_sso: false,
    permissions: t.permissions.map((e) => ({
      service_id: e.serviceId,
      service_name: e.serviceName,
      product_id: e.productId,
      rights: e.rights.slice(),
    })),
    parent_id: null,
    children: [],
    position,
  }
  if (expand.has('owned_by')) {
    const u = t.ownedById !== null ? ix.users.get(t.ownedById) : undefined
    out.owned_by = u ? miniUser(u) : null
  }
  if (expand.has('created_by')) {
    const u = ix.users.get(t.createdById)
    out.created_by = u ? miniUser(u) : null
  }
  if (expand.has('users'))
    out.users = t.userIds.flatMap((id) => (ix.users.has(id) ? [miniUser(ix.users.get(id) as User)] : []))
  if (expand.has('products'))
    out.products = products.map((p) => ({
      id: p.id,
      service_id: p.serviceId,
      service_name: p.serviceName,
      customer_name: p.customerName,
    }))
  return out
}

export function teamUser(store: Store, u: User, accountId: number): Record<string, unknown> {
  return {
    id: u.id,
    display_name: displayName(u),
    first_name: u.firstName,
    last_name: u.lastName,
    email: u.email,
    is_sso: u.isSso,
    last_login_at: u.lastLoginAt,
    teams: (store.ix.teamsByOrg.get(accountId) ?? [])
      .filter((t) => t.userIds.includes(u.id))
      .map((t) => ({
        id: t.id,
        name: t.name,
        color_id: t.colorId,
        created_at: t.createdAt,
        updated_at: t.updatedAt,
        user_count: t.userIds.length,
      })),
  }
}

// ------------------------------------------------------------------ invitations and partnerships

export function acceptUrl(i: Invitation): string {
  return `https://welcome.infomaniak.com/invitation/${i.id}/${(i.id * 2_654_435_761) >>> 0}`
}

export function invitation(store: Store, i: Invitation): Record<string, unknown> {
  return {
    id: i.id,
    first_name: i.firstName,
    last_name: i.lastName,
    email: i.email,
    strict: i.strict,
    status: i.status,
    role_type: i.roleType,
    teams: i.teamIds.flatMap((id) => {
      const t = store.ix.teams.get(id)
      return t ? [{ id: t.id, name: t.name, color_id: t.colorId }] : []
    }),
    language_id: LANGUAGE_ID[i.locale] ?? 1,
    locale: i.locale,
    account_id: i.accountId,
    has_ksuite: false,
    has_billing: i.hasBilling,
    has_billing_mailing: i.hasBillingMailing,
    has_mailing: i.hasMailing,
    ksuite: null,
    app_accesses: [],
    permissions: i.permissions.map((x) => ({
      apply_to_all: x.applyToAll,
      product_id: x.productId,
      service_id: x.serviceId,
      types: x.types.slice(),
    })),
    service_permissions: [],
    sent_at: i.sentAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    expired_at: i.expiredAt,
    url_accept: acceptUrl(i),
    qr_code: null,
  }
}

export function partnership(store: Store, p: Partnership): Record<string, unknown> {
  const ix = store.ix
  const customer = ix.orgs.get(p.customerAccountId)
  const partnerRecord = store.data.partners.find((x) => x.accountId === p.partnerAccountId)
  const products = ix.productsByOrg.get(p.customerAccountId) ?? []
  const reach = p.hasFullAccess ? products : products.filter((x) => p.products.some((r) => r.productId === x.id))
  const byService = new Map<number, number>()
  for (const x of reach) byService.set(x.serviceId, (byService.get(x.serviceId) ?? 0) + 1)
  return {
    id: p.id,
    name: p.name,
    color_id: p.colorId,
    owned_by_id: p.ownedById,
    created_by_id: p.createdById,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    user_count: p.userIds.length,
    product_count: reach.length,
    product_by_service_count: [...byService.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([id, count]) => ({ service_id: id, service_name: SERVICE_BY_ID.get(id)?.name ?? String(id), count })),
    has_full_access: p.hasFullAccess,
    has_customer_payment_method: p.hasCustomerPaymentMethod,
    partner: partnerRecord
      ? {
          id: partnerRecord.id,
          name: partnerRecord.name,
          image: null,
          is_active: partnerRecord.isActive,
          budget_min: null,
          budget_max: null,
          email: partnerRecord.email,
          is_premium: partnerRecord.isPremium,
          is_privileged: partnerRecord.isPrivileged,
          created_at: partnerRecord.createdAt,
          medal: partnerRecord.medal,
        }
      : null,
    products: p.products.map((r, n) => {
      const x = ix.products.get(r.productId)
      return {
        role_id: p.id * 1000 + n,
        service_id: r.serviceId,
        product_id: r.productId,
        product_unique_id: 100_000_000 + r.productId,
        product_name: x ? x.customerName : null,
        rights: r.rights.slice(),
        created_at: r.createdAt,
      }
    }),
    incomes: money(p.incomes),
    discounts: money(p.discounts),
    total_payed: money(p.totalPayed),
    total_payed_base_price: money(p.totalPayedBasePrice),
    users: p.userIds.flatMap((id) => (ix.users.has(id) ? [miniUser(ix.users.get(id) as User)] : [])),
    customer: customer
      ? {
          id: customer.id,
          name: customer.name,
          legal_entity_type: customer.legalEntityType,
          created_at: customer.createdAt,
        }
      : null,
  }
}

// ------------------------------------------------------------------ domains, mail, drive, swiss backup

function derived(data: SandboxData, p: Product, salt: string): Rng {
  return Rng.derive(data.seed, 'product', p.id, salt)
}

function contact(org: Org, kind: 'Organization' | 'Person', id: number, person?: User): Record<string, unknown> {
  return {
    id,
    type: kind,
    first_name: person ? person.firstName : null,
    last_name: person ? person.lastName : null,
    company: kind === 'Organization' ? org.name : null,
    street1: org.street,
    street2: null,
    street3: null,
    postal_code: org.zip,
    city: org.city,
    state: null,
    country_code: org.country,
    phone: org.phone,
    fax: null,
    email: person ? person.email : `info@${org.slug}.ch`,
    is_validated: true,
    validated_at: org.createdAt + DAY,
    created_at: org.createdAt,
    address_type: 'int',
  }
}

export function domain(store: Store, p: Product): Record<string, unknown> {
  const ix = store.ix
  const rng = derived(store.data, p, 'domain')
  const org = ix.orgs.get(p.accountId) as Org
  const ref = Math.floor(store.data.referenceTime / 1000)
  const owners = [...(ix.membersByOrg.get(org.id)?.values() ?? [])].filter((m) => m.role === 'owner')
  const ownerUser = owners[0] ? ix.users.get(owners[0].userId) : undefined
  const partnership = ix.partnershipByCustomer.get(org.id)
  const agency = partnership ? ix.orgs.get(partnership.partnerAccountId) : undefined
  const exp = p.expiredAt
  let status: string[]
  if (exp === null || exp >= ref) status = rng.chance(0.7) ? ['ok', 'clientTransferProhibited'] : ['ok']
  else if (ref - exp < 45 * DAY) status = ['autoRenewPeriod']
  else if (ref - exp < 75 * DAY) status = ['redemptionPeriod']
  else status = ['pendingDelete']
  if (p.isLocked) status.push('clientHold')
  const individual = org.legalEntityType === 'individual'
  const contactBase = 800_000 + p.id
  return {
    id: p.id,
    name: p.customerName,
    tld: p.customerName.slice(p.customerName.indexOf('.') + 1),
    is_premium: rng.chance(0.01),
    created_at: p.createdAt,
    expires_at: p.expiredAt,
    options: {
      dns_anycast: rng.chance(0.2),
      renewal_warranty: rng.chance(0.35),
      domain_privacy: rng.chance(0.3),
      dnssec: rng.chance(0.25),
    },
    contacts: {
      owner: contact(org, individual ? 'Person' : 'Organization', contactBase, individual ? ownerUser : undefined),
      admin: contact(org, 'Person', contactBase + 1, ownerUser),
      tech: agency
        ? contact(agency, 'Organization', contactBase + 2)
        : contact(org, 'Person', contactBase + 2, ownerUser),
      billing: contact(org, 'Organization', contactBase + 3),
    },
    status,
    resale_status: null,
  }
}

export function mailHosting(store: Store, p: Product, rights: Rights): Record<string, unknown> {
  const rng = derived(store.data, p, 'mail')
  const boxes = mailboxes(store, p)
  const quota = rng.pick([5_120, 20_480, 51_200, 102_400])
  const used = boxes.reduce((s, b) => s + (b.size as number), 0) / (1024 * 1024)
  const starter = rng.chance(0.25)
  const dnsError = rng.chance(0.08)
  return {
    id: p.id,
    account_id: p.accountId,
    service_id: p.serviceId,
    service_name: p.serviceName,
    customer_name: p.customerName,
    internal_name: p.internalName,
    created_at: p.createdAt,
    expired_at: p.expiredAt,
    is_locked: p.isLocked,
    has_maintenance: p.hasMaintenance,
    has_operation_in_progress: p.hasOperationInProgress,
    is_trial: p.isTrial,
    is_free: p.isFree,
    rights: { ...rights },
    main_fqdn: p.fqdn ?? p.customerName,
    main_fqdn_idn: p.fqdn ?? p.customerName,
    bill_periodicity: rng.pick([12, 12, 12, 24, 1]),
    quota,
    used: Math.round(used),
    total: boxes.length,
    limit: starter ? 5 : rng.pick([10, 25, 50, 100, 500]),
    diagnostic_dns: { has_error: dnsError },
    dns_error: dnsError,
    pack: {
      id: starter ? 1 : 2,
      description: starter ? 'Starter' : 'Mail Service',
      is_starter: starter,
      has_list_tool: !starter,
      has_newsletter_tool: !starter && rng.chance(0.3),
      additional_paid_email: 0,
      free_additional_email: starter ? 0 : 5,
    },
  }
}

const mailboxCache = new WeakMap<Product, Record<string, unknown>[]>()

export function mailboxes(store: Store, p: Product): Record<string, unknown>[] {
  const cached = mailboxCache.get(p)
  if (cached) return cached
  const rng = derived(store.data, p, 'mailboxes')
  const ix = store.ix
  const ref = Math.floor(store.data.referenceTime / 1000)
  const members = [...(ix.membersByOrg.get(p.accountId)?.values() ?? [])]
  const names = new Set<string>()
  const generic = [
    'info',
    'contact',
    'admin',
    'compta',
    'buchhaltung',
    'support',
    'jobs',
    'noreply',
    'direction',
    'ufficio',
  ]
  const n = rng.int(1, Math.min(40, 3 + members.length))
  for (const m of rng.sample(members, Math.ceil(n * 0.7))) {
    const u = ix.users.get(m.userId)
    if (u) names.add(`${slugify(u.firstName)}.${slugify(u.lastName)}`.replace(/-/g, ''))
  }
  while (names.size < n) names.add(rng.pick(generic) + (names.size > generic.length ? String(names.size) : ''))
  const out = [...names].map((name, k) => {
    const createdAt = Math.min(ref, p.createdAt + rng.int(0, 400 * DAY))
    const imap = rng.chance(0.85) ? ref - rng.int(0, rng.chance(0.15) ? 400 * DAY : 30 * DAY) : null
    return {
      mailbox_name: name,
      mailbox: `${name}@${p.customerName}`,
      mailbox_idn: `${name}@${p.customerName}`,
      mailbox_id: p.id * 100 + k,
      note: null,
      type: 'mailbox',
      is_limited: rng.chance(0.1),
      is_free_mail: false,
      size: rng.int(1, 20_000) * 1024 * 1024,
      created_at: createdAt,
      password_last_changed_at: createdAt + rng.int(0, 300 * DAY),
      imap_last_login_at: imap,
      pop3_last_login_at: rng.chance(0.1) ? ref - rng.int(0, 200 * DAY) : null,
      has_auto_responder: rng.chance(0.1),
      has_redirection: rng.chance(0.15),
      aliases: rng.chance(0.2) ? [`${name.split('.')[0] ?? name}`] : [],
      count_devices: rng.int(0, 4),
      is_used_for_account: false,
    }
  })
  mailboxCache.set(p, out)
  return out
}

export function driveId(p: Product): number {
  return p.id - 700_000
}

export function drive(store: Store, p: Product, access: Access): Record<string, unknown> {
  const rng = derived(store.data, p, 'drive')
  const ref = Math.floor(store.data.referenceTime / 1000)
  const tb = rng.pick([1, 1, 2, 3, 6, 15])
  const size = tb * 1024 ** 4
  const quota = rng.pick([1, 3, 6, 12, 25, 50])
  const expired = p.expiredAt !== null && p.expiredAt < ref
  const maintenanceReason = p.hasMaintenance
    ? p.isTrial
      ? 'demo_end'
      : expired
        ? rng.pick(['not_renew', 'invoice_overdue'])
        : 'technical'
    : null
  const manager = access.type === 'owner' || access.type === 'admin' || access.partnership?.hasFullAccess === true
  return {
    id: driveId(p),
    name: p.customerName,
    size,
    used_size: Math.floor(size * rng.next() * 0.9),
    account_id: p.accountId,
    product_id: p.id,
    created_at: p.createdAt,
    updated_at: Math.min(ref, p.createdAt + rng.int(0, 500 * DAY)),
    expired_at: p.expiredAt,
    is_locked: p.isLocked,
    is_demo: p.isTrial,
    in_maintenance: p.hasMaintenance,
    maintenance_reason: maintenanceReason,
    maintenance_at: p.hasMaintenance ? Math.min(ref, (p.expiredAt ?? ref) + DAY) : null,
    role: manager ? 'admin' : 'user',
    account_admin: manager,
    users_count: rng.int(1, quota),
    users_quota: quota,
    pack: { id: quota <= 1 ? 1 : quota <= 6 ? 2 : 3, name: quota <= 1 ? 'solo' : quota <= 6 ? 'team' : 'pro' },
    k_suite: null,
    tags: [],
    status: p.hasMaintenance ? 'maintenance' : 'ok',
  }
}

export function swissBackup(store: Store, p: Product, rights: Rights): Record<string, unknown> {
  const rng = derived(store.data, p, 'swiss_backup')
  const slots = rng.int(1, 20)
  const reserved = rng.pick([500, 1000, 2000, 5000]) * 1024 ** 3
  return {
    id: p.id,
    account_id: p.accountId,
    service_id: p.serviceId,
    service_name: p.serviceName,
    customer_name: p.customerName,
    internal_name: p.internalName,
    created_at: p.createdAt,
    expired_at: p.expiredAt,
    is_locked: p.isLocked,
    has_maintenance: p.hasMaintenance,
    is_trial: p.isTrial,
    rights: { ...rights },
    nb_slots: slots,
    nb_slots_used: rng.int(0, slots),
    storage_reserved: reserved,
    storage_used: Math.floor(reserved * rng.next() * 0.95),
  }
}

// ------------------------------------------------------------------ invoices

export function invoice(i: Invoice): Record<string, unknown> {
  return {
    id: i.id,
    number: i.number,
    account_id: i.accountId,
    issued_at: i.issuedAt,
    due_at: i.dueAt,
    paid_at: i.paidAt,
    currency: i.currency,
    vat_rate: i.vatRateBp / 100,
    amount_excl_vat: i.amountExclVatCents / 100,
    vat: i.vatCents / 100,
    amount_incl_vat: i.amountInclVatCents / 100,
    status: i.status,
    lines: i.lines.map((l) => ({
      product_id: l.productId,
      service_name: l.serviceName,
      description: l.description,
      quantity: l.quantity,
      unit_price: l.unitPriceCents / 100,
      amount_excl_vat: l.amountExclVatCents / 100,
      period_from: l.periodFrom,
      period_to: l.periodTo,
    })),
  }
}

// ------------------------------------------------------------------ profile

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
