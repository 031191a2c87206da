/**
 * The sandbox's source of truth. Records are camelCase and minimal; `serialize.ts` turns them
 * into the Infomaniak wire shapes (snake_case, misspellings included). Timestamps are unix
 * seconds, money is integer cents.
 */

export type Role = 'owner' | 'admin' | 'normal'
/** The current user's role in an account as `/1/accounts` reports it. */
export type OrgAccessType = Role | 'client'
export type RightName = 'technical' | 'statistic' | 'check' | 'sale'
export const RIGHT_NAMES: readonly RightName[] = ['technical', 'statistic', 'check', 'sale']
export interface Rights {
  technical: boolean
  statistic: boolean
  check: boolean
  sale: boolean
}
export type Currency = 'CHF' | 'EUR'
export type InvitationLocale = 'de_DE' | 'en_GB' | 'es_ES' | 'fr_FR' | 'it_IT'
export type Language = 'fr' | 'de' | 'it' | 'en'
export type Country = 'CH' | 'FR' | 'DE' | 'IT' | 'GB'
export type LegalEntityType = 'company' | 'individual' | 'public_body' | 'restrict'

export interface Org {
  id: number
  name: string
  /** ASCII slug used for domains and e-mail addresses. */
  slug: string
  legalEntityType: LegalEntityType
  createdAt: number
  country: Country
  language: Language
  currency: Currency
  street: string
  zip: string
  city: string
  website: string | null
  phone: string | null
  vatNumber: string | null
  has2faRequired: boolean
  supportLevel: number
  isBlocked: boolean
  blockedAt: number | null
  hasLogo: boolean
  /** Partner-program id when this account is a partner (the agency), else null. */
  partnerId: number | null
}

export interface User {
  id: number
  firstName: string
  lastName: string
  email: string
  locale: InvitationLocale
  createdAt: number
  /** null: never logged in. */
  lastLoginAt: number | null
  isSso: boolean
  /** 2FA factors. `double_auth` is true when any factor is on. */
  otp: boolean
  sms: boolean
  yubikey: boolean
  phone: string | null
  hasAvatar: boolean
}

export interface Membership {
  accountId: number
  userId: number
  role: Role
  hasBillingAccess: boolean
  isCorrespondent: boolean
  isCorrespondentBilling: boolean
  isWorkspaceOnly: boolean
  hasNoManagerAccess: boolean
  joinedAt: number
}

export interface ProductUser {
  userId: number
  rights: Rights
}

export interface Product {
  id: number
  accountId: number
  serviceId: number
  serviceName: string
  customerName: string
  internalName: string | null
  description: string | null
  fqdn: string | null
  createdAt: number
  expiredAt: number | null
  isTrial: boolean
  isLocked: boolean
  hasMaintenance: boolean
  hasOperationInProgress: boolean
  isFree: boolean
  isManagedByPartner: boolean
  tagIds: number[]
  /** Direct per-product grants (members with explicit rights). Owners/admins are implicit, not listed. */
  users: ProductUser[]
  /** Per-product administrator (`Product.admin`). */
  adminUserId: number | null
  parentId: number | null
  /** Yearly list price in cents, in the organisation's currency (drives invoices and partnership figures). */
  yearlyPriceCents: number
}

export interface Tag {
  id: number
  accountId: number
  name: string
  color: number
}

/** A team's grant: every product of `serviceId` in the team's account (productId null) or one product. */
export interface TeamPermission {
  serviceId: number
  serviceName: string
  productId: number | null
  rights: RightName[]
}

export interface Team {
  id: number
  accountId: number
  name: string
  description: string | null
  colorId: number
  /** Team leader; null = a team without a leader. */
  ownedById: number | null
  createdById: number
  createdAt: number
  updatedAt: number
  userIds: number[]
  permissions: TeamPermission[]
}

export type InvitationStatus = 'accepted' | 'cancelled' | 'pending' | 'rejected'

export interface InvitationPermission {
  applyToAll: boolean
  productId: number | null
  serviceId: number | null
  types: RightName[]
}

export interface Invitation {
  id: number
  accountId: number
  email: string
  firstName: string
  lastName: string
  locale: InvitationLocale
  roleType: Role
  status: InvitationStatus
  strict: boolean
  teamIds: number[]
  hasBilling: boolean
  hasBillingMailing: boolean
  hasMailing: boolean
  /** The user the invitation belongs to once known (accepted, or an existing user's e-mail). */
  userId: number | null
  invitedById: number
  sentAt: number
  createdAt: number
  updatedAt: number
  expiredAt: number
  permissions: InvitationPermission[]
  /** Client partnerships given to a partner employee through this invitation (`…/b2b`). */
  partnershipIds: number[]
}

export interface Money {
  amountCents: number
  currency: Currency
}

export interface RoleRight {
  productId: number
  serviceId: number
  rights: RightName[]
  createdAt: number
}

export interface Partnership {
  id: number
  /** The partner's (agency's) account. */
  partnerAccountId: number
  /** The client organisation. */
  customerAccountId: number
  name: string
  colorId: number
  ownedById: number
  createdById: number
  createdAt: number
  updatedAt: number
  hasFullAccess: boolean
  /** true: the client pays (partner earns cashback = incomes); false: the partner pays (discounts). */
  hasCustomerPaymentMethod: boolean
  incomes: Money
  discounts: Money
  totalPayed: Money
  totalPayedBasePrice: Money
  /** Products reachable through a limited partnership (ignored when hasFullAccess). */
  products: RoleRight[]
  /** Partner staff working on this client. */
  userIds: number[]
}

export interface Partner {
  id: number
  accountId: number
  name: string
  email: string
  isActive: boolean
  isPremium: boolean
  isPrivileged: boolean
  medal: 'bronze' | 'silver' | 'gold'
  createdAt: number
}

export type InvoiceStatus = 'paid' | 'unpaid' | 'cancelled'

export interface InvoiceLine {
  productId: number | null
  serviceName: string
  description: string
  quantity: number
  unitPriceCents: number
  amountExclVatCents: number
  periodFrom: number
  periodTo: number
}

export interface Invoice {
  id: number
  number: string
  accountId: number
  issuedAt: number
  dueAt: number
  paidAt: number | null
  currency: Currency
  /** VAT rate in basis points (810 = 8.1 %). */
  vatRateBp: number
  amountExclVatCents: number
  vatCents: number
  amountInclVatCents: number
  status: InvoiceStatus
  lines: InvoiceLine[]
}

export interface TokenDef {
  name: string
  token: string
  userId: number
  scopes: string[]
  revoked: boolean
  /** Unix seconds; null = never expires. */
  expiresAt: number | null
  description: string
}

export interface SandboxData {
  seed: number
  /** Unix ms around which dates were generated. */
  referenceTime: number
  agencyAccountId: number
  orgs: Org[]
  users: User[]
  memberships: Membership[]
  products: Product[]
  tags: Tag[]
  teams: Team[]
  invitations: Invitation[]
  partnerships: Partnership[]
  partners: Partner[]
  invoices: Invoice[]
  tokens: TokenDef[]
  /** Next free id per entity kind (for runtime creations). */
  nextIds: {
    org: number
    user: number
    product: number
    tag: number
    team: number
    invitation: number
    partnership: number
    invoice: number
  }
}
