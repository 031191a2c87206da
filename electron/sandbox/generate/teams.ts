/** Phase 5: teams of each organisation, with service-wide and per-product permissions. */
import type { Membership, Product, Team, TeamPermission, User } from '../model'
import { SERVICE_BY_NAME, TEAM_NAMES, type ServiceDef } from '../vocab'
import { ALL_RIGHTS, DAY, YEAR, type GenContext, type OrgPlan } from './context'

export interface TeamsInput {
  plans: OrgPlan[]
  membersByOrg: Map<number, Membership[]>
  productsByOrg: Map<number, Product[]>
  agencyOwner: User
}

export function addTeams(ctx: GenContext, { plans, membersByOrg, productsByOrg, agencyOwner }: TeamsInput): Team[] {
  const { rng, ref, nextId } = ctx
  const teams: Team[] = []
  for (const plan of plans) {
    const { org } = plan
    const members = (membersByOrg.get(org.id) ?? []).filter((m) => m.userId !== agencyOwner.id || plan === plans[0])
    const managers = members.filter((m) => m.role !== 'normal')
    const orgProducts = productsByOrg.get(org.id) ?? []
    let n =
      members.length <= 2 ? (rng.chance(0.5) ? 0 : 1) : Math.min(8, Math.round(members.length / 5) + rng.int(0, 2))
    if (plan === plans[0]) n = Math.max(n, 2)
    if (members.length === 0) n = 0
    const names = rng.sample(TEAM_NAMES[org.language], n)
    const services = [...new Set(orgProducts.map((p) => p.serviceName))]
    for (const name of names) {
      const teamMembers = rng.sample(members, rng.int(1, Math.min(8, members.length))).map((m) => m.userId)
      const permissions: TeamPermission[] = []
      for (const svcName of rng.sample(services, rng.int(1, Math.min(2, services.length)))) {
        const svc = SERVICE_BY_NAME.get(svcName) as ServiceDef
        permissions.push({
          serviceId: svc.id,
          serviceName: svc.name,
          productId: null,
          rights: rng.chance(0.5) ? ['technical', 'statistic'] : rng.chance(0.5) ? ALL_RIGHTS.slice() : ['statistic'],
        })
      }
      if (rng.chance(0.3)) {
        for (const p of rng.sample(orgProducts, rng.int(1, 3))) {
          if (permissions.some((x) => x.productId === null && x.serviceId === p.serviceId)) continue
          permissions.push({
            serviceId: p.serviceId,
            serviceName: p.serviceName,
            productId: p.id,
            rights: ['technical', 'check'],
          })
        }
      }
      const createdAt = Math.max(org.createdAt, ref - rng.int(10 * DAY, 5 * YEAR))
      teams.push({
        id: nextId('team', 7),
        accountId: org.id,
        name,
        description: rng.chance(0.3)
          ? rng.pick(['Accès aux sites', 'Zugriff Webhosting', 'Accesso posta', 'Billing and renewals'])
          : null,
        colorId: rng.int(0, 11),
        ownedById: rng.chance(0.75)
          ? rng.chance(0.7)
            ? rng.pick(teamMembers)
            : managers.length > 0
              ? rng.pick(managers).userId
              : null
          : null,
        createdById: managers.length > 0 ? rng.pick(managers).userId : (teamMembers[0] ?? agencyOwner.id),
        createdAt,
        updatedAt: createdAt + rng.int(0, Math.max(0, ref - createdAt)),
        userIds: teamMembers.sort((a, b) => a - b),
        permissions,
      })
    }
  }
  return teams
}
