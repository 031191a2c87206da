/** Invitations, partnerships and invoices. */
import type { Invitation, Invoice, Partnership, User } from '../model'
import type { Store } from '../store'
import { LANGUAGE_ID, SERVICE_BY_ID } from '../vocab'
import { miniUser, money } from './common'

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

/** The shape seen live on `/2/invoicing/account/{id}/invoices` (amounts including tax only). */
export function invoiceV2(i: Invoice): Record<string, unknown> {
  return {
    id: i.id,
    type: 'invoice',
    status: i.status,
    amount_incl_tax: i.amountInclVatCents / 100,
    currency: i.currency,
    created_at: i.issuedAt,
    pdf: `https://api.infomaniak.com/2/invoicing/account/${i.accountId}/invoices/${i.id}/pdf`,
  }
}
