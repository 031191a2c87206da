/**
 * Roles, in the Manager's words, and what Switchboard lets the user do with each.
 *
 * Two API fields carry a role, with one vocabulary:
 * - `type` in `GET /1/accounts`: the token owner's relation to an organisation;
 * - `role_type` in `GET /2/accounts/{org}/users`: a member's role in an organisation.
 *
 * Known values (see `electron/main/api/README.md`, "Roles"): `owner`, `admin`, `normal`, `client` (mobile apps'
 * enum), and `partner_admin`, `partner_limited`, `external` (seen on a live partner account). Any other value is
 * kept raw, shown as itself and allows read-only use only: we never refuse to show an organisation because of it.
 *
 * The allowed actions follow the Manager's rules (product brief): only legal representatives and administrators
 * manage users (offboarding, teams, invitations); a partner with full access (`partner_admin`) manages the client
 * organisation like an administrator; only a legal representative may grant the legal-representative role.
 */

export const KNOWN_ROLES = [
  'owner',
  'admin',
  'normal',
  'client',
  'partner_admin',
  'partner_limited',
  'external',
] as const
export type KnownRole = (typeof KNOWN_ROLES)[number]

/** Colour family of a role badge (the renderer maps it to a theme colour). */
export type RoleTone = 'legal' | 'admin' | 'member' | 'partner' | 'limited' | 'unknown'

export interface RoleActions {
  /** Plan and apply offboarding steps (remove from teams, cancel invitations). */
  offboarding: boolean
  /** Create, rename and delete teams, change their members. */
  teams: boolean
  /** Send, edit and cancel invitations. */
  invitations: boolean
  /** Invite or promote someone as legal representative. */
  grantOwner: boolean
  /** Nothing can be changed from Switchboard in this organisation: data is shown read-only. */
  readOnly: boolean
}

export interface RoleDescriptor {
  /** The value exactly as the API sent it (trimmed); `''` when absent. */
  raw: string
  /** The known role, or null for a value Switchboard does not know. */
  known: KnownRole | null
  /** i18n key of the label (`roles.<known>`, or `roles.raw` with `{{raw}}` for an unknown value). */
  labelKey: `roles.${KnownRole}` | 'roles.raw' | 'roles.none'
  /** Interpolation values for {@link labelKey}. */
  labelParams: { raw: string }
  tone: RoleTone
  /** The relation goes through a partnership (partner staff acting in a client organisation). */
  viaPartnership: boolean
  actions: RoleActions
}

const READ_ONLY: RoleActions = {
  offboarding: false,
  teams: false,
  invitations: false,
  grantOwner: false,
  readOnly: true,
}
const MANAGER: RoleActions = { offboarding: true, teams: true, invitations: true, grantOwner: false, readOnly: false }

const TABLE: Record<KnownRole, Pick<RoleDescriptor, 'tone' | 'viaPartnership' | 'actions'>> = {
  owner: { tone: 'legal', viaPartnership: false, actions: { ...MANAGER, grantOwner: true } },
  admin: { tone: 'admin', viaPartnership: false, actions: MANAGER },
  normal: { tone: 'member', viaPartnership: false, actions: READ_ONLY },
  // An organisation reached through a partnership, rights unspecified: read-only until the API says more.
  client: { tone: 'partner', viaPartnership: true, actions: READ_ONLY },
  // The partner manages the client organisation with full access.
  partner_admin: { tone: 'partner', viaPartnership: true, actions: MANAGER },
  partner_limited: { tone: 'limited', viaPartnership: true, actions: READ_ONLY },
  external: { tone: 'limited', viaPartnership: false, actions: READ_ONLY },
}

function isKnown(value: string): value is KnownRole {
  return (KNOWN_ROLES as readonly string[]).includes(value)
}

/** Describes a raw `type` / `role_type` value. Never throws; unknown values stay visible and read-only. */
export function describeRole(raw: string | null | undefined): RoleDescriptor {
  const value = typeof raw === 'string' ? raw.trim() : ''
  if (isKnown(value)) {
    return { raw: value, known: value, labelKey: `roles.${value}`, labelParams: { raw: value }, ...TABLE[value] }
  }
  return {
    raw: value,
    known: null,
    labelKey: value === '' ? 'roles.none' : 'roles.raw',
    labelParams: { raw: readableRaw(value) },
    tone: 'unknown',
    viaPartnership: false,
    actions: READ_ONLY,
  }
}

/** `some_new_role` → `some new role`: an unknown value shown readably, never hidden. */
export function readableRaw(value: string): string {
  return value.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60)
}

/** True when the token owner may manage users (offboarding, teams, invitations) in an organisation. */
export function canManageUsers(orgType: string | null | undefined): boolean {
  const a = describeRole(orgType).actions
  return a.offboarding && a.teams && a.invitations
}

/** True when the token owner may grant the legal-representative role in an organisation. */
export function canGrantOwner(orgType: string | null | undefined): boolean {
  return describeRole(orgType).actions.grantOwner
}

/** Partnership fields of a `/1/accounts` item that tell a partner-client organisation apart. */
export interface PartnershipFlags {
  type?: string | null | undefined
  in_partnership_full_access?: boolean | null | undefined
  in_partnership_limited?: boolean | null | undefined
}

/**
 * A client organisation reached through a partnership: recognised from `type` (`client`, `partner_admin`,
 * `partner_limited`) and the partnership flags together (`in_partnership_full_access` or
 * `in_partnership_limited` true), since sources disagree on which of them the server fills. `partner_id` alone
 * does not count: a partner's own organisation carries its partner id too.
 */
export function isPartnerClientOrg(org: PartnershipFlags): boolean {
  if (describeRole(org.type).viaPartnership) return true
  return org.in_partnership_full_access === true || org.in_partnership_limited === true
}
