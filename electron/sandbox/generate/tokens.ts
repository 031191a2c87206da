/** Phase 9: the named API tokens, drawn from their own stream (`tokens`) so they do not shift the data. */
import { Rng, TOKEN_ALPHABET } from '../prng'
import type { Membership, TokenDef, User } from '../model'
import { DAY, type GenContext, type OrgPlan } from './context'
import { ALL_SCOPES } from './options'

export interface TokensInput {
  plans: OrgPlan[]
  membersByOrg: Map<number, Membership[]>
  clientOwnerIds: Set<number>
  agencyOwner: User
  staffLead: User
}

export function makeTokens(ctx: GenContext, input: TokensInput): TokenDef[] {
  const { seed, ref } = ctx
  const { plans, membersByOrg, clientOwnerIds, agencyOwner, staffLead } = input
  const trng = Rng.derive(seed, 'tokens')
  const clientOrgPlan = plans[2] ?? plans[1]
  const clientOwner = clientOrgPlan
    ? ((membersByOrg.get(clientOrgPlan.org.id) ?? []).find((m) => clientOwnerIds.has(m.userId))?.userId ??
      agencyOwner.id)
    : agencyOwner.id
  const token = (): string => trng.string(72, TOKEN_ALPHABET)
  const tokens: TokenDef[] = [
    {
      name: 'owner',
      userId: agencyOwner.id,
      scopes: ALL_SCOPES.slice(),
      revoked: false,
      expiresAt: null,
      description: 'Agency owner (partner): every organisation, every scope',
    },
    {
      name: 'staff',
      userId: staffLead.id,
      scopes: ALL_SCOPES.slice(),
      revoked: false,
      expiresAt: null,
      description: 'Agency employee: a subset of organisations, admin in some, collaborator (normal) in others',
    },
    {
      name: 'limited',
      userId: agencyOwner.id,
      scopes: ['user_info', 'accounts'],
      revoked: false,
      expiresAt: null,
      description: 'Agency owner with only user_info + accounts (no domain:read, mail, drive, swiss-backup)',
    },
    {
      name: 'noscope',
      userId: agencyOwner.id,
      scopes: ['profile', 'email', 'phone'],
      revoked: false,
      expiresAt: null,
      description: 'Identity-only token (OAuth-like scopes): 403 all_scopes everywhere except /1/profile',
    },
    {
      name: 'client',
      userId: clientOwner,
      scopes: ALL_SCOPES.slice(),
      revoked: false,
      expiresAt: null,
      description: 'Legal representative of one client organisation (not a partner)',
    },
    {
      name: 'revoked',
      userId: agencyOwner.id,
      scopes: ALL_SCOPES.slice(),
      revoked: true,
      expiresAt: null,
      description: 'Revoked token: 401 everywhere',
    },
    {
      name: 'expired',
      userId: staffLead.id,
      scopes: ALL_SCOPES.slice(),
      revoked: false,
      expiresAt: ref - DAY,
      description: 'Token whose validity ended one day before the reference time: 401',
    },
  ].map((t) => ({ ...t, token: token() }))

  return tokens
}
