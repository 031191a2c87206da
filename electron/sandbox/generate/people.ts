/** Phase 2: users (agency owner, staff, client members) and their memberships. */
import type { InvitationLocale, Language, Membership, Org, Role, User } from '../model'
import { FIRST_NAMES, LANGUAGE_LOCALE, MAIL_PROVIDERS, SURNAMES, slugify } from '../vocab'
import { DAY, YEAR, type GenContext, type OrgPlan } from './context'
import type { OrgsPhase } from './orgs'

export interface PeoplePhase {
  users: User[]
  agencyDomain: string
  agencyOwner: User
  staff: User[]
  /** The first employee, the `staff` token's user. */
  staffLead: User
  memberships: Membership[]
  membersByOrg: Map<number, Membership[]>
  /** The first member (an owner) of each client organisation. */
  clientOwnerIds: Set<number>
  clientPlans: OrgPlan[]
}

export function addPeople(ctx: GenContext, { agency, plans, nStaff, extraAgencyUsers }: OrgsPhase): PeoplePhase {
  const { rng, ref, nextId, usedDomains, uniqueEmail, phoneFor } = ctx
  const users: User[] = []
  const makeUser = (
    lang: Language,
    emailDomain: string | null,
    staff: boolean,
    fixed?: { first: string; last: string },
  ): User => {
    const first = fixed?.first ?? rng.pick(FIRST_NAMES[lang])
    const last = fixed?.last ?? rng.pick(SURNAMES[lang])
    const local = `${slugify(first)}.${slugify(last)}`.replace(/-/g, '')
    const domain = emailDomain ?? rng.pick(MAIL_PROVIDERS)
    const loginRoll = rng.next()
    const lastLoginAt =
      loginRoll < (staff ? 0.01 : 0.08)
        ? null
        : loginRoll < (staff ? 0.06 : 0.24)
          ? ref - rng.int(181 * DAY, 900 * DAY)
          : ref - Math.floor(Math.pow(rng.next(), 2.5) * 180 * DAY)
    const otp = rng.chance(staff ? 0.85 : 0.42)
    const user: User = {
      id: nextId('user', 13),
      firstName: first,
      lastName: last,
      email: uniqueEmail(local, domain),
      locale: (rng.chance(0.85)
        ? LANGUAGE_LOCALE[lang]
        : rng.pick(['fr_FR', 'de_DE', 'it_IT', 'en_GB', 'es_ES'] as const)) satisfies InvitationLocale,
      createdAt: ref - rng.int(30 * DAY, 11 * YEAR),
      lastLoginAt,
      isSso: rng.chance(0.02),
      otp,
      sms: !otp && rng.chance(0.12),
      yubikey: otp && rng.chance(0.05),
      phone: rng.chance(0.6) ? phoneFor(lang === 'de' && rng.chance(0.3) ? 'DE' : 'CH') : null,
      hasAvatar: rng.chance(0.35),
    }
    if (user.lastLoginAt !== null && user.lastLoginAt < user.createdAt)
      user.createdAt = user.lastLoginAt - rng.int(DAY, 400 * DAY)
    users.push(user)
    return user
  }

  const agencyDomain = 'alweb.ch'
  usedDomains.add(agencyDomain)
  const agencyOwner = makeUser('fr', agencyDomain, true, { first: 'Claire', last: 'Rochat' })
  agencyOwner.otp = true
  agencyOwner.lastLoginAt = ref - 2 * 3600
  const staff: User[] = []
  for (let i = 0; i < nStaff; i++) {
    const lang: Language =
      i === 0
        ? 'it'
        : rng.weighted([
            ['fr', 5],
            ['de', 4],
            ['it', 1],
            ['en', 1],
          ] as const)
    staff.push(makeUser(lang, agencyDomain, true, i === 0 ? { first: 'Luca', last: 'Bernasconi' } : undefined))
  }
  const staffLead = staff[0] as User
  staffLead.lastLoginAt = ref - 5 * 3600

  const memberships: Membership[] = []
  const membersByOrg = new Map<number, Membership[]>()
  const addMembership = (org: Org, user: User, role: Role, joinedAt?: number): Membership => {
    const normal = role === 'normal'
    const m: Membership = {
      accountId: org.id,
      userId: user.id,
      role,
      hasBillingAccess: role === 'owner' || (role === 'admin' ? rng.chance(0.6) : rng.chance(0.08)),
      isCorrespondent: role === 'owner' ? rng.chance(0.7) : rng.chance(0.05),
      isCorrespondentBilling: role === 'owner' ? rng.chance(0.4) : rng.chance(0.03),
      isWorkspaceOnly: normal && rng.chance(0.05),
      hasNoManagerAccess: normal && rng.chance(0.05),
      joinedAt: joinedAt ?? Math.max(org.createdAt, ref - rng.int(DAY, 8 * YEAR)),
    }
    memberships.push(m)
    let list = membersByOrg.get(org.id)
    if (!list) membersByOrg.set(org.id, (list = []))
    list.push(m)
    return m
  }

  // agency members
  addMembership(agency, agencyOwner, 'owner', agency.createdAt)
  staff.forEach((s, i) => addMembership(agency, s, i === 0 ? 'admin' : rng.chance(0.3) ? 'admin' : 'normal'))
  for (let i = 0; i < extraAgencyUsers; i++) addMembership(agency, makeUser('fr', agencyDomain, true), 'normal')

  // client members
  const sharedCandidates: User[] = []
  const clientOwnerIds = new Set<number>()
  for (const plan of plans.slice(1)) {
    const { org } = plan
    const emailDomain = `${org.slug}.${plan.def.tld}`
    usedDomains.add(emailDomain)
    const owners = plan.userCount === 1 ? 1 : rng.chance(0.55) ? 1 : rng.chance(0.8) ? 2 : 3
    for (let k = 0; k < plan.userCount; k++) {
      const lang = rng.chance(0.85) ? org.language : rng.pick(['fr', 'de', 'it', 'en'] as const)
      const user = makeUser(lang, rng.chance(0.8) ? emailDomain : null, false)
      const role: Role = k < owners ? 'owner' : rng.chance(0.2) ? 'admin' : 'normal'
      addMembership(org, user, role)
      if (k === 0) clientOwnerIds.add(user.id)
      else sharedCandidates.push(user)
    }
  }
  // freelancers / accountants present in several client organisations
  const clientPlans = plans.slice(1)
  if (clientPlans.length > 1) {
    for (const user of sharedCandidates) {
      if (!rng.chance(0.04)) continue
      const home = new Set(memberships.filter((m) => m.userId === user.id).map((m) => m.accountId))
      for (const plan of rng.sample(clientPlans, rng.int(1, 4))) {
        if (home.has(plan.org.id)) continue
        addMembership(plan.org, user, rng.chance(0.35) ? 'admin' : 'normal')
      }
    }
  }
  // agency owner and staff inside client organisations
  for (const plan of clientPlans) if (plan.ownerRole) addMembership(plan.org, agencyOwner, plan.ownerRole)
  staff.forEach((s, i) => {
    const share = i === 0 ? 0.35 : 0.1 + rng.next() * 0.2
    clientPlans.forEach((plan, idx) => {
      const forced = i === 0 && (idx === 0 || idx === 1)
      if (!forced && !rng.chance(share)) return
      const role: Role =
        i === 0 && idx === 0 ? 'admin' : i === 0 && idx === 1 ? 'normal' : rng.chance(0.55) ? 'admin' : 'normal'
      addMembership(plan.org, s, role)
    })
  })
  return {
    users,
    agencyDomain,
    agencyOwner,
    staff,
    staffLead,
    memberships,
    membersByOrg,
    clientOwnerIds,
    clientPlans,
  }
}
