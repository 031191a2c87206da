/**
 * Phase 7: invitations: pending ones, the history of accepted/cancelled/rejected ones, and the agency-staff
 * invitations that carry client partnerships.
 */
import type { Invitation, Membership, Org, Partnership, Team, User } from '../model'
import { FIRST_NAMES, LANGUAGE_LOCALE, MAIL_PROVIDERS, SURNAMES, slugify } from '../vocab'
import { DAY, type GenContext, type OrgPlan } from './context'

export interface InvitationsInput {
  agency: Org
  plans: OrgPlan[]
  users: User[]
  agencyDomain: string
  agencyOwner: User
  staff: User[]
  membersByOrg: Map<number, Membership[]>
  teams: Team[]
  partnerships: Partnership[]
}

export function addInvitations(ctx: GenContext, input: InvitationsInput): Invitation[] {
  const { rng, ref, nextId, uniqueEmail } = ctx
  const { agency, plans, users, agencyDomain, agencyOwner, staff, membersByOrg, teams, partnerships } = input
  const invitations: Invitation[] = []
  const userById = new Map(users.map((u) => [u.id, u]))
  const makeInvitation = (
    org: Org,
    fields: Partial<Invitation> &
      Pick<Invitation, 'email' | 'firstName' | 'lastName' | 'roleType' | 'status' | 'sentAt'>,
  ): Invitation => {
    const managers = (membersByOrg.get(org.id) ?? []).filter((m) => m.role !== 'normal')
    const inv: Invitation = {
      id: nextId('invitation', 17),
      accountId: org.id,
      locale: LANGUAGE_LOCALE[org.language],
      strict: false,
      teamIds: [],
      hasBilling: false,
      hasBillingMailing: false,
      hasMailing: rng.chance(0.5),
      userId: null,
      invitedById: managers.length > 0 ? rng.pick(managers).userId : agencyOwner.id,
      createdAt: fields.sentAt,
      updatedAt: fields.sentAt,
      expiredAt: fields.sentAt + 30 * DAY,
      permissions: [],
      partnershipIds: [],
      ...fields,
    }
    invitations.push(inv)
    return inv
  }
  for (const plan of plans) {
    const { org } = plan
    const members = membersByOrg.get(org.id) ?? []
    const orgTeams = teams.filter((t) => t.accountId === org.id)
    const pending =
      rng.weighted([
        [0, 55],
        [1, 30],
        [2, 12],
        [3, 3],
      ] as const) + (plan === plans[1] ? 1 : 0)
    for (let k = 0; k < pending; k++) {
      const lang = rng.chance(0.8) ? org.language : rng.pick(['fr', 'de', 'it', 'en'] as const)
      const existing = rng.chance(0.15) ? rng.pick(users) : null
      const isMember = existing !== null && members.some((m) => m.userId === existing.id)
      const first = existing && !isMember ? existing.firstName : rng.pick(FIRST_NAMES[lang])
      const last = existing && !isMember ? existing.lastName : rng.pick(SURNAMES[lang])
      const email =
        existing && !isMember
          ? existing.email
          : uniqueEmail(
              `${slugify(first)}.${slugify(last)}`.replace(/-/g, ''),
              rng.chance(0.6) ? `${org.slug}.${plan.def.tld}` : rng.pick(MAIL_PROVIDERS),
            )
      const sentAt = ref - (rng.chance(0.4) ? rng.int(31 * DAY, 200 * DAY) : rng.int(3600, 29 * DAY))
      makeInvitation(org, {
        email,
        firstName: first,
        lastName: last,
        locale: LANGUAGE_LOCALE[lang],
        roleType: rng.weighted([
          ['normal', 70],
          ['admin', 25],
          ['owner', 5],
        ] as const),
        status: 'pending',
        sentAt,
        userId: existing && !isMember ? existing.id : null,
        hasBilling: rng.chance(0.2),
        teamIds: orgTeams.length > 0 && rng.chance(0.3) ? [rng.pick(orgTeams).id] : [],
      })
    }
    // history: accepted, cancelled, rejected
    for (const m of members) {
      if (m.role === 'owner' || !rng.chance(0.3)) continue
      const u = userById.get(m.userId) as User
      makeInvitation(org, {
        email: u.email,
        firstName: u.firstName,
        lastName: u.lastName,
        locale: u.locale,
        roleType: m.role,
        status: 'accepted',
        sentAt: Math.max(org.createdAt, m.joinedAt - rng.int(3600, 5 * DAY)),
        userId: u.id,
        hasBilling: m.hasBillingAccess,
      })
    }
    if (rng.chance(0.1)) {
      const first = rng.pick(FIRST_NAMES[org.language])
      const last = rng.pick(SURNAMES[org.language])
      makeInvitation(org, {
        email: uniqueEmail(`${slugify(first)}.${slugify(last)}`.replace(/-/g, ''), rng.pick(MAIL_PROVIDERS)),
        firstName: first,
        lastName: last,
        roleType: 'normal',
        status: rng.chance(0.5) ? 'cancelled' : 'rejected',
        sentAt: ref - rng.int(40 * DAY, 700 * DAY),
      })
    }
  }
  // partner-staff invitations in the agency carry client partnerships (b2b)
  const staffInvitations = invitations.filter((i) => i.accountId === agency.id && i.status === 'accepted')
  for (const s of staff) {
    let inv = staffInvitations.find((i) => i.userId === s.id)
    if (!inv) {
      const m = (membersByOrg.get(agency.id) ?? []).find((x) => x.userId === s.id) as Membership
      inv = makeInvitation(agency, {
        email: s.email,
        firstName: s.firstName,
        lastName: s.lastName,
        locale: s.locale,
        roleType: m.role,
        status: 'accepted',
        sentAt: Math.max(agency.createdAt, m.joinedAt - DAY),
        userId: s.id,
        invitedById: agencyOwner.id,
      })
    }
    inv.partnershipIds = partnerships.filter((p) => p.userIds.includes(s.id)).map((p) => p.id)
  }
  if (partnerships.length > 0) {
    makeInvitation(agency, {
      email: uniqueEmail('nadia.keller', agencyDomain),
      firstName: 'Nadia',
      lastName: 'Keller',
      roleType: 'normal',
      status: 'pending',
      sentAt: ref - 3 * DAY,
      invitedById: agencyOwner.id,
      partnershipIds: rng.sample(partnerships, Math.min(3, partnerships.length)).map((p) => p.id),
    })
  }
  invitations.sort((a, b) => a.id - b.id)
  return invitations
}
