/** Phase 6: the agency as a partner, and its partnerships with the client organisations that have one. */
import type { Currency, Membership, Money, Org, Partner, Partnership, Product, RightName, User } from '../model'
import { ALL_RIGHTS, DAY, YEAR, type GenContext, type OrgPlan } from './context'

export interface PartnershipsPhase {
  partner: Partner
  partnerships: Partnership[]
}

export interface PartnershipsInput {
  agency: Org
  clientPlans: OrgPlan[]
  membersByOrg: Map<number, Membership[]>
  productsByOrg: Map<number, Product[]>
  agencyOwner: User
  staff: User[]
}

export function addPartnerships(ctx: GenContext, input: PartnershipsInput): PartnershipsPhase {
  const { rng, ref, nextId } = ctx
  const { agency, clientPlans, membersByOrg, productsByOrg, agencyOwner, staff } = input
  const partner: Partner = {
    id: agency.partnerId as number,
    accountId: agency.id,
    name: agency.name,
    email: 'partenaires@alweb.ch',
    isActive: true,
    isPremium: true,
    isPrivileged: false,
    medal: 'silver',
    createdAt: agency.createdAt + YEAR,
  }
  const partnerships: Partnership[] = []
  const money = (amountCents: number, currency: Currency): Money => ({ amountCents, currency })
  for (const plan of clientPlans) {
    if (!plan.partnership) continue
    const { org } = plan
    const orgProducts = productsByOrg.get(org.id) ?? []
    const yearly = orgProducts.reduce((sum, p) => sum + p.yearlyPriceCents, 0)
    const years = 1 + rng.next() * 3
    const totalPayed = Math.round(yearly * years)
    const customerPays = rng.chance(0.5)
    const fullAccess = rng.chance(0.85)
    const discountRate = customerPays ? 0 : 0.1 + rng.next() * 0.15
    const createdAt = Math.max(org.createdAt, ref - rng.int(30 * DAY, 6 * YEAR))
    partnerships.push({
      id: nextId('partnership', 11),
      partnerAccountId: agency.id,
      customerAccountId: org.id,
      name: org.name,
      colorId: rng.int(0, 11),
      ownedById: agencyOwner.id,
      createdById: agencyOwner.id,
      createdAt,
      updatedAt: createdAt + rng.int(0, Math.max(0, ref - createdAt)),
      hasFullAccess: fullAccess,
      hasCustomerPaymentMethod: customerPays,
      incomes: money(customerPays ? Math.round(totalPayed * (0.1 + rng.next() * 0.1)) : 0, org.currency),
      discounts: money(Math.round(totalPayed * discountRate), org.currency),
      totalPayed: money(totalPayed, org.currency),
      totalPayedBasePrice: money(Math.round(totalPayed / (1 - discountRate)), org.currency),
      products: fullAccess
        ? []
        : rng.sample(orgProducts, Math.max(1, Math.ceil(orgProducts.length / 3))).map((p) => ({
            productId: p.id,
            serviceId: p.serviceId,
            rights: rng.chance(0.5) ? ALL_RIGHTS.slice() : (['technical', 'statistic'] as RightName[]),
            createdAt,
          })),
      userIds: (membersByOrg.get(org.id) ?? [])
        .filter((m) => staff.some((s) => s.id === m.userId))
        .map((m) => m.userId),
    })
  }
  return { partner, partnerships }
}
