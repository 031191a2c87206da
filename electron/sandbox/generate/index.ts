/**
 * Deterministic generator of a Swiss/European web agency and its clients.
 * Same (seed, referenceTime, counts) → byte-identical data. Only `Rng` is used for randomness.
 *
 * `generate()` runs its phases in a fixed order, all drawing from one random stream (see `context.ts`):
 * organisations → people (users, memberships) → tags → products → teams → partnerships → invitations →
 * invoices, then the tokens from a stream of their own. Reordering phases or draws changes the data, which
 * `test/unit/sandbox/generate-stable.test.ts` pins by hash.
 */
import type { SandboxData } from '../model'
import { createContext } from './context'
import { addInvitations } from './invitations'
import { addInvoices } from './invoices'
import type { GenerateOptions } from './options'
import { planOrgs } from './orgs'
import { addPartnerships } from './partnerships'
import { addPeople } from './people'
import { addProducts } from './products'
import { addTags } from './tags'
import { addTeams } from './teams'
import { makeTokens } from './tokens'

export { ALL_SCOPES, SCALES, resolveCounts, type Counts, type GenerateOptions, type Scale } from './options'

export function generate(options: GenerateOptions): SandboxData {
  const ctx = createContext(options)
  const orgs = planOrgs(ctx)
  const people = addPeople(ctx, orgs)
  const { tags, tagsByOrg } = addTags(ctx, orgs)
  const { products, productsByOrg } = addProducts(ctx, {
    plans: orgs.plans,
    membersByOrg: people.membersByOrg,
    tagsByOrg,
  })
  const teams = addTeams(ctx, { ...orgs, ...people, productsByOrg })
  const { partner, partnerships } = addPartnerships(ctx, { ...orgs, ...people, productsByOrg })
  const invitations = addInvitations(ctx, { ...orgs, ...people, teams, partnerships })
  const invoices = addInvoices(ctx, { plans: orgs.plans, productsByOrg })
  const tokens = makeTokens(ctx, { ...orgs, ...people })

  const { memberships } = people
  memberships.sort((a, b) => a.accountId - b.accountId || a.userId - b.userId)
  return {
    seed: ctx.seed,
    referenceTime: options.referenceTime,
    agencyAccountId: orgs.agency.id,
    orgs: orgs.plans.map((p) => p.org),
    users: people.users,
    memberships,
    products,
    tags,
    teams,
    invitations,
    partnerships,
    partners: [partner],
    invoices,
    tokens,
    nextIds: { ...ctx.ids },
  }
}
