/**
 * zod DTO schemas of the Infomaniak API answers the client reads (see infomaniak-api.md §3.5, §6–§9).
 *
 * Conventions: objects ignore unknown fields (stripped), expansions of undocumented shape are kept loose
 * (passthrough), documented nulls are accepted (`nullish`), ids are integers, timestamps are unix seconds.
 * Only the identity fields of each DTO are required, so a new or missing optional field never fails a sync.
 * Field names are exactly the API's, misspellings included (`has_customer_paiement_method`).
 */
import { z } from 'zod'

/** An integer id. */
export const Id = z.int()
/** A unix timestamp in seconds. */
export const UnixSeconds = z.int()
/** A boolean, tolerating 0/1 as PHP APIs sometimes send. */
export const Bool = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1)
/** A number, tolerating numeric strings (amounts, sizes). */
export const Num = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
])

/**
 * An expansion (`with=`) whose shape the spec leaves open (§15): the object itself, a list (its first element is
 * taken), a bare string (shape unknown → null), or absent.
 */
export function expansion<T extends z.ZodType>(schema: T) {
  return z
    .union([
      schema,
      z.array(schema).transform((a): z.output<T> | null => a[0] ?? null),
      z.string().transform((): z.output<T> | null => null),
    ])
    .nullish()
}

const Str = z.string().nullish()
const Ts = UnixSeconds.nullish()
const Flag = Bool.nullish()
const Count = z.int().nullish()

// ---------------------------------------------------------------------------------------------- profile

/** `GET /2/profile` (scope `user_info`). */
export const ProfileSchema = z.object({
  id: Id,
  display_name: Str,
  first_name: Str,
  last_name: Str,
  email: Str,
  login: Str,
  avatar: Str,
  is_sso: Flag,
  is_staff: Flag,
  type: Str,
  emails: z
    .array(z.object({ id: Id.nullish(), email: z.string(), type: Str, checked: Flag, created_at: Ts }))
    .nullish(),
  phones: z.array(z.looseObject({})).nullish(),
  preferences: z
    .object({
      account: z.looseObject({ current_account_id: Id.nullish() }).nullish(),
      language: z.looseObject({ id: Id.nullish(), locale: Str, short_locale: Str }).nullish(),
      timezone: z.looseObject({ id: Id.nullish(), name: Str, gmt: Str }).nullish(),
      country: z.looseObject({ id: Id.nullish(), short_name: Str }).nullish(),
      security: z.looseObject({ otp: Flag, double_auth: Flag, double_auth_method: Str }).nullish(),
    })
    .nullish(),
})
/** The current user. */
export type Profile = z.output<typeof ProfileSchema>

// ---------------------------------------------------------------------------------------------- accounts

/** An address of an account. */
export const AddressSchema = z.object({
  id: Id.nullish(),
  street: Str,
  street2: Str,
  zip: Str,
  city: Str,
  type: Str,
  for_invoice: Flag,
  country: z.looseObject({ id: Id.nullish(), name: Str, short_name: Str }).nullish(),
})

/**
 * `GET /1/accounts` item and `GET /1/accounts/{id}`: an organisation. `type` is the current user's role in it
 * (`owner` | `admin` | `normal` | `client`); kept as a string so a new value does not fail the sync.
 */
export const AccountSchema = z.object({
  id: Id,
  name: z.string(),
  type: Str,
  legal_entity_type: Str,
  created_at: Ts,
  logo: Str,
  logo_square: Str,
  timezone: Str,
  website: Str,
  phone: Str,
  language: Str,
  locale: Str,
  language_id: Id.nullish(),
  support_level: Count,
  has_2fa_required: Flag,
  billing: Flag,
  mailing: Flag,
  billing_mailing: Flag,
  workspace_only: Flag,
  no_access: Flag,
  is_blocked: Flag,
  blocked_at: Ts,
  vat_number: Str,
  nb_invitations: Count,
  nb_users: Count,
  count_owners: Count,
  is_customer: Flag,
  is_sso: Flag,
  has_full_access: Flag,
  has_customer_paiement_method: Flag,
  partner_id: Id.nullish(),
  in_partnership_full_access: Flag,
  in_partnership_limited: Flag,
  ksuite_id: Id.nullish(),
  addresses: z.array(AddressSchema).nullish(),
})
/** An organisation ("account"). */
export type Account = z.output<typeof AccountSchema>

/** `GET /1/accounts/{id}/services`: product count per service. */
export const AccountServiceSchema = z.object({ id: Id, name: z.string(), count: Count })
/** Product count of one service in an account. */
export type AccountService = z.output<typeof AccountServiceSchema>

/** `GET /1/accounts/{id}/tags` item, also embedded in products (`color` is an int palette index). */
export const TagSchema = z.object({
  id: Id,
  name: z.string(),
  color: z.union([z.int(), z.string()]).nullish(),
  product_count: Count,
})
/** A product tag. */
export type Tag = z.output<typeof TagSchema>

// ---------------------------------------------------------------------------------------------- products

/** Product rights flags; an absent flag means the right is not held. */
export const RightsSchema = z.object({
  technical: Bool.default(false),
  statistic: Bool.default(false),
  check: Bool.default(false),
  sale: Bool.default(false),
})
/** `{technical, statistic, check, sale}`. */
export type Rights = z.output<typeof RightsSchema>

const RIGHT_NAMES = ['technical', 'statistic', 'check', 'sale'] as const
function rightsOfNames(names: readonly string[]): Rights {
  const has = (n: string): boolean => names.includes(n)
  return { technical: has('technical'), statistic: has('statistic'), check: has('check'), sale: has('sale') }
}
/** Rights as an object, a single right name or a list of names (all three appear in the spec). */
export const RightsLikeSchema = z.union([
  RightsSchema,
  z.enum(RIGHT_NAMES).transform((n) => rightsOfNames([n])),
  z.array(z.string()).transform((a) => rightsOfNames(a)),
])

/**
 * A status flag: a boolean, or (spec, §15) an object `{technical, superuser, infomaniak}` of booleans, true when
 * any of them is.
 */
export const StatusFlagSchema = z.union([
  Bool,
  z.record(z.string(), z.unknown()).transform((o) => Object.values(o).some((v) => v === true || v === 1)),
])

/** `Product.users[]`: one user's rights on the product. */
export const ProductUserSchema = z.object({ user_id: Id, rights: RightsLikeSchema })
/** A user's rights on a product. */
export type ProductUser = z.output<typeof ProductUserSchema>

/** `GET /1/products` and `/1/accounts/{id}/products` item. */
export const ProductSchema = z.object({
  id: Id,
  account_id: Id,
  service_id: Id.nullish(),
  service_name: Str,
  customer_name: Str,
  internal_name: Str,
  description: Str,
  fqdn: Str,
  unique_id: z.union([z.int(), z.string()]).nullish(),
  created_at: Ts,
  expired_at: Ts,
  deleted_at: Ts,
  version: z.union([z.int(), z.string()]).nullish(),
  has_maintenance: Flag,
  is_locked: Flag,
  has_operation_in_progress: Flag,
  is_trial: Flag,
  is_free: Flag,
  is_zero_price: Flag,
  is_managed_by_partner: Flag,
  is_transferable: Flag,
  bill_reference: Str,
  parent_id: Id.nullish(),
  parent_service_id: Id.nullish(),
  parent_service_name: Str,
  tags: z.array(TagSchema).nullish(),
  /** kSuite's auto-renew flag (spec); other products may carry it too. Read by `autoRenewOf`. */
  has_auto_renew: z.unknown().optional(),
  auto_renew: z.unknown().optional(),
  /** Untyped in the spec (an array): kept as sent, read liberally by `autoRenewOf`. */
  renew_preferences: z.unknown().optional(),
  rights: RightsLikeSchema.nullish(),
  /** Absent (not empty) when the server did not send per-user rights: they are unknown, not none. */
  users: z.array(ProductUserSchema).nullish(),
  admin: expansion(z.object({ user_id: Id.nullish(), email: Str, display_name: Str })),
  status: z
    .looseObject({ maintenance: StatusFlagSchema.nullish(), locked: StatusFlagSchema.nullish(), activated_at: Ts })
    .nullish(),
})
/** A product (domain, hosting, mail service, drive, ...). */
export type Product = z.output<typeof ProductSchema>

// ---------------------------------------------------------------------------------------------- users, teams

/** A team reference embedded in users and invitations: an id, or a small object. */
export const TeamRefSchema = z.union([
  Id.transform((id) => ({ id, name: null as string | null })),
  z.object({ id: Id, name: z.string().nullish(), color_id: z.int().nullish() }),
])
/** A team reference. */
export type TeamRef = z.output<typeof TeamRefSchema>

/** Expanded `security` of an account user (`with=security`): 2FA state; shape undocumented, so kept loose. */
export const UserSecuritySchema = z.looseObject({
  otp: Flag,
  has_otp: Flag,
  sms: Flag,
  yubikey: Flag,
  double_auth: Flag,
  double_auth_method: Str,
})
/** 2FA state of a user. */
export type UserSecurity = z.output<typeof UserSecuritySchema>

/**
 * `GET /2/accounts/{id}/users` item: an active member (`user_id` set) or a pending invitee (`user_id` null,
 * `invitation_id` set, `state_in_account: "pending"`).
 */
export const AccountUserSchema = z
  .object({
    user_id: Id.nullish(),
    invitation_id: Id.nullish(),
    first_name: Str,
    last_name: Str,
    display_name: Str,
    email: Str,
    avatar: Str,
    role_type: Str,
    state_in_account: Str,
    is_correspondent: Flag,
    is_correspondent_billing: Flag,
    is_workspace_only: Flag,
    has_no_manager_access: Flag,
    has_billing_access: Flag,
    is_sso: Flag,
    language_id: Id.nullish(),
    unique_key: Str,
    last_login_at: Ts,
    partnership_id: Id.nullish(),
    /** `with=security`; the spec types it as a bare string, so any shape is accepted (null = unknown). */
    security: expansion(UserSecuritySchema),
    /** `with=teams`: a list of ids or team objects; a bare string (undocumented shape) counts as unknown. */
    teams: z.union([z.array(TeamRefSchema), z.string().transform((): null => null)]).nullish(),
    /** `with=invitation_details` on a pending invitee: when it was sent and when it expires. */
    invitation_details: expansion(z.looseObject({ id: Id.nullish(), status: Str, sent_at: Ts, expired_at: Ts })),
  })
  .refine((u) => u.user_id != null || u.invitation_id != null, {
    message: 'either user_id or invitation_id is required',
    path: ['user_id'],
  })
/** A member or pending invitee of an account. */
export type AccountUser = z.output<typeof AccountUserSchema>

/** One service-level permission of a team; `rights` is a right name, a list of them, or a rights object. */
export const TeamPermissionSchema = z.object({
  service_id: Id.nullish(),
  service_name: Str,
  product_id: Id.nullish(),
  /** A single right name (spec), a list of names, or a rights object: kept as sent, read by `access/rights.ts`. */
  rights: z.union([z.string(), z.array(z.string()), RightsSchema]).nullish(),
})
/** A team permission. */
export type TeamPermission = z.output<typeof TeamPermissionSchema>

/** `GET /1/accounts/{id}/teams` item. `owned_by_id` is the team leader, null when none. */
export const TeamSchema = z.object({
  id: Id,
  name: z.string(),
  description: Str,
  color_id: z.int().nullish(),
  owned_by_id: Id.nullish(),
  created_by_id: Id.nullish(),
  parent_id: Id.nullish(),
  created_at: Ts,
  updated_at: Ts,
  user_count: Count,
  product_count: Count,
  is_sso: Flag,
  permissions: z.array(TeamPermissionSchema).nullish(),
})
/** A work team. */
export type Team = z.output<typeof TeamSchema>

/** `GET /1/accounts/{id}/teams/{team}/users` item (`id` is the user id). */
export const TeamUserSchema = z.object({
  id: Id,
  display_name: Str,
  first_name: Str,
  last_name: Str,
  email: Str,
  is_sso: Flag,
  last_login_at: Ts,
  teams: z.array(TeamRefSchema).nullish(),
})
/** A member of a team. */
export type TeamUser = z.output<typeof TeamUserSchema>

/** AccountInvitation: `GET|POST|PATCH /1/accounts/{id}/invitations[/{invitation}]`. */
export const InvitationSchema = z.object({
  id: Id,
  account_id: Id.nullish(),
  email: Str,
  first_name: Str,
  last_name: Str,
  status: Str,
  role_type: Str,
  strict: Flag,
  teams: z.array(TeamRefSchema).nullish(),
  language_id: Id.nullish(),
  locale: Str,
  has_ksuite: Flag,
  has_billing: Flag,
  has_billing_mailing: Flag,
  has_mailing: Flag,
  permissions: z.unknown().optional(),
  url_accept: Str,
  sent_at: Ts,
  created_at: Ts,
  updated_at: Ts,
  expired_at: Ts,
})
/** An invitation to join an account. */
export type Invitation = z.output<typeof InvitationSchema>

// ---------------------------------------------------------------------------------------------- partnerships

/** `{amount, currency}`; the amount tolerates a numeric string. */
export const MoneySchema = z.object({ amount: Num, currency: z.string() })
/** An amount of money. */
export type Money = z.output<typeof MoneySchema>

/** `GET /1/accounts/{a}/invitations/{i}/b2b` item (partner program; §9). */
export const PartnershipSchema = z.object({
  id: Id,
  name: Str,
  color_id: z.int().nullish(),
  owned_by_id: Id.nullish(),
  created_by_id: Id.nullish(),
  created_at: Ts,
  updated_at: Ts,
  user_count: Count,
  product_count: Count,
  has_full_access: Flag,
  has_customer_payment_method: Flag,
  incomes: MoneySchema.nullish(),
  discounts: MoneySchema.nullish(),
  total_payed: MoneySchema.nullish(),
  total_payed_base_price: MoneySchema.nullish(),
  customer: z.looseObject({ id: Id.nullish(), name: Str }).nullish(),
  partner: z.looseObject({ id: Id.nullish(), name: Str }).nullish(),
})
/** A client partnership. */
export type Partnership = z.output<typeof PartnershipSchema>

// ---------------------------------------------------------------------------------------------- products by kind

/** A domain contact (owner, admin, tech, billing); loose because it carries many address fields. */
export const DomainContactSchema = z.looseObject({
  id: Id.nullish(),
  type: Str,
  first_name: Str,
  last_name: Str,
  company: Str,
  email: Str,
  country_code: Str,
  is_validated: Flag,
})

/** `GET /2/domains/domains` item (scope `domain:read`); identified by `name`, `id` when given. */
export const DomainSchema = z.object({
  id: Id.nullish(),
  account_id: Id.nullish(),
  name: z.string(),
  tld: Str,
  is_premium: Flag,
  created_at: Ts,
  expires_at: Ts,
  resale_status: Str,
  options: z.record(z.string(), z.unknown()).nullish(),
  contacts: z.record(z.string(), DomainContactSchema.nullable()).nullish(),
  status: z.array(z.string()).nullish(),
})
/** A domain (v2). */
export type Domain = z.output<typeof DomainSchema>

/** `GET /1/mail_hostings` item (scope `mail`): product fields plus mail service fields. */
export const MailHostingSchema = z.object({
  id: Id,
  account_id: Id.nullish(),
  service_id: Id.nullish(),
  service_name: Str,
  customer_name: Str,
  internal_name: Str,
  created_at: Ts,
  expired_at: Ts,
  main_fqdn: Str,
  main_fqdn_idn: Str,
  bill_periodicity: z.union([z.int(), z.string()]).nullish(),
  quota: Num.nullish(),
  used: Num.nullish(),
  total: Num.nullish(),
  limit: Num.nullish(),
  dns_error: z.unknown().optional(),
  diagnostic_dns: z.looseObject({ has_error: Flag }).nullish(),
  pack: z.looseObject({ id: Id.nullish(), description: Str, is_starter: Flag }).nullish(),
})
/** A mail service. */
export type MailHosting = z.output<typeof MailHostingSchema>

/** `GET /2/drive?account_id=` item (scope `drive`). */
export const DriveSchema = z.object({
  id: Id,
  name: z.string(),
  account_id: Id.nullish(),
  product_id: Id.nullish(),
  size: Num.nullish(),
  used_size: Num.nullish(),
  created_at: Ts,
  updated_at: Ts,
  expired_at: Ts,
  is_locked: Flag,
  is_demo: Flag,
  in_maintenance: Flag,
  maintenance_reason: Str,
  maintenance_at: Ts,
  role: Str,
  account_admin: Flag,
  users_count: Count,
  users_quota: Count,
  status: z.unknown().optional(),
})
/** A kDrive. */
export type Drive = z.output<typeof DriveSchema>

/** `GET /1/swiss_backups?account_id=` item (scope `swiss-backup`). */
export const SwissBackupSchema = z.object({
  id: Id,
  account_id: Id.nullish(),
  service_id: Id.nullish(),
  customer_name: Str,
  internal_name: Str,
  created_at: Ts,
  expired_at: Ts,
  nb_slots: Count,
  storage_used: Num.nullish(),
  storage_reserved: Num.nullish(),
  is_locked: Flag,
  has_maintenance: Flag,
})
/** A Swiss Backup product. */
export type SwissBackup = z.output<typeof SwissBackupSchema>

/**
 * An invoice from the undocumented `/1/account/{id}/invoice` route (§9: unverified). Tolerant on purpose until
 * the sandbox settles a shape: only an id is required, unknown fields are kept.
 */
export const InvoiceSchema = z.looseObject({
  id: z.union([Id, z.string()]),
  number: z.union([z.string(), z.int()]).nullish(),
  account_id: Id.nullish(),
  status: Str,
  amount: Num.nullish(),
  total: Num.nullish(),
  currency: Str,
  created_at: Ts,
  date: z.union([z.int(), z.string()]).nullish(),
  due_at: Ts,
  paid_at: Ts,
  url: Str,
  pdf_url: Str,
})
/** An invoice (optional route). */
export type Invoice = z.output<typeof InvoiceSchema>

// ---------------------------------------------------------------------------------------------- write bodies

/** Locales accepted when inviting (§7.4). */
export type InvitationLocale = 'de_DE' | 'en_GB' | 'es_ES' | 'fr_FR' | 'it_IT'

/** Body of `POST /1/accounts/{id}/invitations`. */
export interface CreateInvitationBody {
  email: string
  first_name: string
  last_name: string
  locale: InvitationLocale
  role_type: 'admin' | 'normal' | 'owner'
  notifications?: { billing?: boolean; products?: boolean }
  permissions?: { billing?: boolean }
  silent?: boolean
  strict?: boolean
  teams?: number[]
}

/** One product permission of an invitation PATCH. */
export interface InvitationPermission {
  apply_to_all?: boolean
  product_id?: number
  service_id?: number
  types: ('check' | 'sale' | 'statistic' | 'technical')[]
}

/** Body of `PATCH /1/accounts/{id}/invitations/{invitation}`. */
export interface PatchInvitationBody {
  has_billing?: boolean
  has_billing_mailing?: boolean
  has_mailing?: boolean
  language_id?: number
  role_type?: 'admin' | 'normal' | 'owner'
  team_ids?: number[]
  permissions?: InvitationPermission[]
}

/** Body of `POST /1/accounts/{id}/teams` (and PATCH, where every field is optional). */
export interface TeamBody {
  name: string
  owned_by_id?: number | null
  permissions?: { services: number[] }
}
