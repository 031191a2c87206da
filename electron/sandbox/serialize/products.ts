/** Products and the product APIs (domains, mail, kDrive, Swiss Backup); details nobody mutates are derived from (seed, product id). */
import type { Org, Product, Rights, User } from '../model'
import type { Store } from '../store'
import { type Access } from '../truth'
import { slugify } from '../vocab'
import { DAY, derived, displayName } from './common'

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
    // kSuite carries `has_auto_renew` (spec); other products say nothing about auto-renewal (as live).
    ...(p.serviceName === 'ksuite' ? { has_auto_renew: derived(store.data, p, 'auto-renew').chance(0.6) } : {}),
  }
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
