/** Organisations (`/1/accounts`). */
import type { Org } from '../model'
import type { Store } from '../store'
import { canManage, type Access } from '../truth'
import { LANGUAGE_ID } from '../vocab'
import { initialsImage } from './common'

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
