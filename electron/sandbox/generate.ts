/**
 * Deterministic generator of a Swiss/European web agency and its clients.
 * Same (seed, referenceTime, counts) → byte-identical data. Only `Rng` is used for randomness.
 */
import { Rng } from './prng'
import type {
  Country,
  Currency,
  Invitation,
  InvitationLocale,
  Invoice,
  InvoiceLine,
  Language,
  LegalEntityType,
  Membership,
  Money,
  Org,
  Partner,
  Partnership,
  Product,
  RightName,
  Rights,
  Role,
  SandboxData,
  Tag,
  Team,
  TeamPermission,
  TokenDef,
  User,
} from './model'
import {
  COUNTRIES,
  FIRST_NAMES,
  LANGUAGE_LOCALE,
  MAIL_PROVIDERS,
  ORG_PATTERNS,
  ASSOC_PATTERNS,
  SERVICE_BY_NAME,
  SERVICE_WEIGHTS,
  SURNAMES,
  TAG_NAMES,
  TEAM_NAMES,
  WORDS,
  slugify,
  type CountryDef,
  type ServiceDef,
} from './vocab'
import { TOKEN_ALPHABET } from './prng'

export type Scale = 'tiny' | 'demo' | 'large'

export interface Counts {
  orgs: number
  products: number
  users: number
}

export const SCALES: Record<Scale, Counts> = {
  tiny: { orgs: 3, products: 30, users: 16 },
  demo: { orgs: 40, products: 600, users: 240 },
  large: { orgs: 1000, products: 100_000, users: 20_000 },
}

export interface GenerateOptions {
  seed: number
  /** Unix ms; dates are spread around it. */
  referenceTime: number
  scale?: Scale
  /** Total organisations, the agency's own included. */
  orgs?: number
  products?: number
  users?: number
}

/** Every product-level and granular scope (§3.2). */
export const ALL_SCOPES: readonly string[] = [
  'crypt_key',
  'user_info',
  'user_password',
  'private',
  'recovery',
  'user_info_contact',
  'user_email',
  'accounts',
  'users',
  'profile_update',
  'nas',
  'mail',
  'event',
  'video',
  'vod',
  'web',
  'housing',
  'vps',
  'affiliation',
  'jelastic',
  'swiss-backup',
  'shop_public',
  'certificates',
  'cloud-hd',
  'drive',
  'infomaniak',
  'website_builder',
  'public_cloud',
  'radio',
  'kchat',
  'domain:read',
  'domain:write',
  'dns:read',
  'dns:write',
  'workspace:mail',
  'workspace:calendar',
  'workspace:contact',
]

const DAY = 86_400
const MONTH = Math.round(30.44 * DAY)
const YEAR = 365 * DAY

export function resolveCounts(opts: Pick<GenerateOptions, 'scale' | 'orgs' | 'products' | 'users'>): Counts {
  let counts: Counts
  if (opts.scale) {
    const base = SCALES[opts.scale]
    const orgs = opts.orgs ?? base.orgs
    const ratio = orgs / base.orgs
    counts = { orgs, products: Math.round(base.products * ratio), users: Math.round(base.users * ratio) }
  } else if (opts.orgs !== undefined) {
    counts = { orgs: opts.orgs, products: opts.orgs * 15, users: Math.max(opts.orgs * 6, 16) }
  } else {
    counts = { ...SCALES.demo }
  }
  if (opts.products !== undefined) counts.products = opts.products
  if (opts.users !== undefined) counts.users = opts.users
  if (!Number.isInteger(counts.orgs) || counts.orgs < 1) throw new Error('orgs must be a positive integer')
  counts.products = Math.max(counts.products, counts.orgs)
  counts.users = Math.max(counts.users, counts.orgs + staffCount(counts.orgs) + 1)
  return counts
}

function staffCount(orgs: number): number {
  return Math.min(60, Math.max(2, Math.round(Math.sqrt(orgs) * 1.3)))
}

/** Splits `total` into `weights.length` integers ≥ `min`, proportional to the weights. */
function allocate(total: number, weights: number[], min: number): number[] {
  const n = weights.length
  const rest = total - min * n
  const sum = weights.reduce((a, b) => a + b, 0)
  const out = weights.map((w) => min + Math.floor((rest * w) / sum))
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (let k = 0; left > 0; k = (k + 1) % n, left--) {
    const idx = order[k]?.[1] ?? 0
    out[idx] = (out[idx] ?? 0) + 1
  }
  return out
}

function rightsFrom(names: readonly RightName[]): Rights {
  return {
    technical: names.includes('technical'),
    statistic: names.includes('statistic'),
    check: names.includes('check'),
    sale: names.includes('sale'),
  }
}

const ALL_RIGHTS: RightName[] = ['technical', 'statistic', 'check', 'sale']

interface OrgPlan {
  org: Org
  def: CountryDef
  products: number
  userCount: number
  partnership: boolean
  /** Role of the agency owner as a member, or null (client through partnership only). */
  ownerRole: Role | null
}

export function generate(options: GenerateOptions): SandboxData {
  const counts = resolveCounts(options)
  const seed = options.seed >>> 0
  const rng = Rng.derive(seed, 'data')
  const ref = Math.floor(options.referenceTime / 1000)

  const ids = {
    org: 18_000 + rng.int(0, 900),
    user: 210_000 + rng.int(0, 9_000),
    product: 1_000_000 + rng.int(0, 90_000),
    tag: 300 + rng.int(0, 90),
    team: 5_000 + rng.int(0, 900),
    invitation: 70_000 + rng.int(0, 9_000),
    partnership: 900 + rng.int(0, 90),
    invoice: 4_000_000 + rng.int(0, 90_000),
  }
  const nextId = (kind: keyof typeof ids, maxGap = 1): number => {
    const id = ids[kind]
    ids[kind] = id + (maxGap > 1 ? rng.int(1, maxGap) : 1)
    return id
  }

  const usedOrgNames = new Set<string>()
  const usedCores = new Set<string>()
  const usedSlugs = new Set<string>()
  const usedDomains = new Set<string>()
  const usedEmails = new Set<string>()

  const uniqueSlug = (base: string): string => {
    let slug = base.slice(0, 40).replace(/-+$/, '') || 'org'
    for (let i = 2; usedSlugs.has(slug); i++) slug = `${base.slice(0, 36)}-${i}`
    usedSlugs.add(slug)
    return slug
  }
  const uniqueDomain = (candidate: string): string => {
    let name = candidate
    const dot = candidate.lastIndexOf('.')
    for (let i = 2; usedDomains.has(name); i++) name = `${candidate.slice(0, dot)}${i}${candidate.slice(dot)}`
    usedDomains.add(name)
    return name
  }
  const uniqueEmail = (local: string, domain: string): string => {
    let email = `${local}@${domain}`
    for (let i = 2; usedEmails.has(email); i++) email = `${local}${i}@${domain}`
    usedEmails.add(email)
    return email
  }
  const phoneFor = (country: Country): string => {
    const d = (n: number): string => String(rng.int(10 ** (n - 1), 10 ** n - 1))
    switch (country) {
      case 'CH':
        return `+41 ${rng.pick(['21', '22', '26', '27', '31', '32', '44', '61', '71', '81', '91', '79', '78'])} ${d(3)} ${d(2)} ${d(2)}`
      case 'FR':
        return `+33 ${rng.int(1, 7)} ${d(2)} ${d(2)} ${d(2)} ${d(2)}`
      case 'DE':
        return `+49 ${d(3)} ${d(7)}`
      case 'IT':
        return `+39 0${d(2)} ${d(6)}`
      case 'GB':
        return `+44 20 ${d(4)} ${d(4)}`
    }
  }

  // ---------------------------------------------------------------- organisations
  const agencyDef = COUNTRIES[0] as CountryDef
  const agency: Org = {
    id: nextId('org', 37),
    name: 'Agence Lémanique du Web Sàrl',
    slug: uniqueSlug('alweb'),
    legalEntityType: 'company',
    createdAt: ref - 9 * YEAR - rng.int(0, YEAR),
    country: 'CH',
    language: 'fr',
    currency: 'CHF',
    street: 'Avenue de Rumine 12',
    zip: '1005',
    city: 'Lausanne',
    website: 'https://www.alweb.ch',
    phone: '+41 21 555 12 34',
    vatNumber: 'CHE-116.281.710 TVA',
    has2faRequired: true,
    supportLevel: 2,
    isBlocked: false,
    blockedAt: null,
    hasLogo: true,
    partnerId: 4_200 + rng.int(0, 700),
  }
  usedOrgNames.add(agency.name)

  const plans: OrgPlan[] = []
  const productWeights: number[] = [1.2]
  plans.push({ org: agency, def: agencyDef, products: 0, userCount: 0, partnership: false, ownerRole: 'owner' })

  for (let i = 1; i < counts.orgs; i++) {
    const def = rng.weighted(COUNTRIES.map((c) => [c, c.weight] as const))
    const lang = def.language
    const [zip, city] = rng.pick(def.cities)
    let name = ''
    let legal: LegalEntityType = 'company'
    let core = ''
    for (let attempt = 0; attempt < 8; attempt++) {
      const kind = rng.next()
      if (kind < 0.04 && def.country === 'CH') {
        core = lang === 'de' ? `Gemeinde ${city}` : lang === 'it' ? `Comune di ${city}` : `Commune de ${city}`
        name = core
        legal = 'public_body'
      } else if (kind < 0.1) {
        const first = rng.pick(FIRST_NAMES[lang])
        const last = rng.pick(SURNAMES[lang])
        const trade = { fr: 'photographe', de: 'Grafikdesign', it: 'architetto', en: 'Photography' }[lang]
        core = `${first} ${last}`
        name = `${core}, ${trade}`
        legal = 'individual'
      } else {
        const assoc = kind > 0.9
        const pattern = rng.pick(assoc ? ASSOC_PATTERNS[lang] : ORG_PATTERNS[lang])
        core = pattern.replace('{n}', rng.pick(SURNAMES[lang])).replace('{c}', city)
        const form = rng.pick(assoc ? def.assocForms : def.forms)
        name = form === 'e.V.' || !assoc ? `${core} ${form}` : `${form} ${core}`
        legal = assoc && rng.chance(0.3) ? 'restrict' : 'company'
      }
      if (!usedOrgNames.has(name) && !usedCores.has(core)) break
      if (attempt < 7) continue
      name = `${name} (${city})`
      if (!usedOrgNames.has(name)) break
    }
    usedCores.add(core)
    for (let k = 2; usedOrgNames.has(name); k++) name = `${name.replace(/ \d+$/, '')} ${k}`
    usedOrgNames.add(name)
    const blocked = rng.chance(0.01)
    const org: Org = {
      id: nextId('org', 97),
      name,
      slug: uniqueSlug(slugify(core)),
      legalEntityType: legal,
      createdAt: ref - rng.int(60 * DAY, 12 * YEAR),
      country: def.country,
      language: lang,
      currency: def.country === 'CH' ? 'CHF' : 'EUR',
      street: `${rng.pick(['Rue du Lac', 'Bahnhofstrasse', 'Via Nassa', 'Rue de Lausanne', 'Hauptgasse', 'Grand-Rue', "Chemin de l'Église", 'Seestrasse', 'High Street'])} ${rng.int(1, 120)}`,
      zip,
      city,
      website: rng.chance(0.7) ? `https://www.${slugify(core)}.${def.tld}` : null,
      phone: rng.chance(0.85) ? phoneFor(def.country) : null,
      vatNumber:
        legal !== 'company'
          ? null
          : def.country === 'CH'
            ? `CHE-${rng.int(100, 999)}.${rng.int(100, 999)}.${rng.int(100, 999)} ${lang === 'de' ? 'MWST' : lang === 'it' ? 'IVA' : 'TVA'}`
            : def.country === 'FR'
              ? `FR${rng.int(10, 99)}${rng.int(100_000_000, 999_999_999)}`
              : def.country === 'DE'
                ? `DE${rng.int(100_000_000, 999_999_999)}`
                : def.country === 'IT'
                  ? `IT${rng.int(10_000_000_000, 99_999_999_999)}`
                  : null,
      has2faRequired: rng.chance(0.15),
      supportLevel: rng.weighted([
        [0, 80],
        [1, 15],
        [2, 5],
      ] as const),
      isBlocked: blocked,
      blockedAt: blocked ? ref - rng.int(DAY, 90 * DAY) : null,
      hasLogo: rng.chance(0.6),
      partnerId: null,
    }
    const partnership = rng.chance(0.7)
    const ownerRole: Role | null = partnership
      ? rng.chance(0.2)
        ? 'admin'
        : null
      : rng.chance(0.2)
        ? 'owner'
        : 'admin'
    plans.push({ org, def, products: 0, userCount: 0, partnership, ownerRole })
    productWeights.push(Math.exp(rng.normal() * 0.9))
  }
  // The tiny scale must still show both kinds of client organisation.
  const firstClient = plans[1]
  const secondClient = plans[2]
  if (firstClient && !firstClient.partnership) {
    firstClient.partnership = true
    firstClient.ownerRole = null
  }
  if (secondClient && secondClient.partnership) {
    secondClient.partnership = false
    secondClient.ownerRole = 'admin'
  }

  const productCounts = allocate(counts.products, productWeights, 1)
  const nStaff = staffCount(counts.orgs)
  const clientUserTotal = counts.users - 1 - nStaff
  const userWeights = plans.slice(1).map((_, i) => Math.pow(productCounts[i + 1] ?? 1, 0.6))
  const clientUserCounts = userWeights.length > 0 ? allocate(clientUserTotal, userWeights, 1) : []
  plans.forEach((p, i) => {
    p.products = productCounts[i] ?? 1
    p.userCount = i === 0 ? 0 : (clientUserCounts[i - 1] ?? 1)
  })
  // With a single organisation every remaining user joins the agency.
  const extraAgencyUsers = plans.length === 1 ? clientUserTotal : 0

  // ---------------------------------------------------------------- users
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

  // ---------------------------------------------------------------- tags
  const tags: Tag[] = []
  const tagsByOrg = new Map<number, Tag[]>()
  for (const plan of plans) {
    const n =
      plan.products < 5 ? (rng.chance(0.3) ? 1 : 0) : rng.int(0, Math.min(5, 1 + Math.floor(plan.products / 10)))
    const list: Tag[] = rng
      .sample(TAG_NAMES, n)
      .map((name) => ({ id: nextId('tag', 3), accountId: plan.org.id, name, color: rng.int(0, 11) }))
    tags.push(...list)
    tagsByOrg.set(plan.org.id, list)
  }

  // ---------------------------------------------------------------- products
  const products: Product[] = []
  const productsByOrg = new Map<number, Product[]>()
  const internalNames = [
    'prod',
    'staging',
    'Site vitrine',
    'Ancien site',
    'Shop',
    'Intranet',
    'Kampagne 2025',
    'Sito principale',
    'Newsletter',
  ]
  const labels: Record<string, string> = {
    drive: 'kDrive',
    ksuite: 'kSuite',
    swiss_backup: 'Swiss Backup',
    cloud: 'Cloud Server',
    public_cloud: 'Public Cloud',
    website_builder: 'Site Creator',
    mailing: 'Newsletter',
    video: 'Streaming vidéo',
    radio: 'Streaming radio',
    vod: 'VOD',
    nas: 'NAS',
    jelastic: 'Jelastic Cloud',
    ai_tools: 'AI Tools',
    backup: 'Acronis Backup',
    dedicated_server: 'Serveur dédié',
    housing: 'Housing',
    cloud_hd: 'Cloud HD',
    custom_url: 'URL personnalisée',
    invitation: 'Invitation',
    e_ticketing: 'Billetterie',
  }

  for (const plan of plans) {
    const { org, def } = plan
    const orgProducts: Product[] = []
    productsByOrg.set(org.id, orgProducts)
    const orgDomains: string[] = []
    const mailDomains = new Set<string>()
    const members = membersByOrg.get(org.id) ?? []
    const managers = members.filter((m) => m.role !== 'normal')
    const normals = members.filter((m) => m.role === 'normal')
    const broad = new Set(
      normals
        .filter(() => rng.chance(0.2))
        .slice(0, 2)
        .map((m) => m.userId),
    )
    const orgTags = tagsByOrg.get(org.id) ?? []
    const shortName = org.name.replace(
      / (SA|Sàrl|AG|GmbH|Sagl|SARL|SAS|S\.r\.l\.|S\.p\.A\.|Ltd|LLP|GmbH & Co\. KG|e\.V\.)$/,
      '',
    )
    const newDomain = (): string => {
      const r = rng.next()
      const tld = rng.weighted([
        [def.tld, 6],
        ['ch', 3],
        ['swiss', 1.2],
        ['com', 2.5],
        ['fr', 0.8],
        ['de', 0.8],
      ] as const)
      const base =
        orgDomains.length === 0 && plan !== plans[0]
          ? `${org.slug}.${def.tld}`
          : r < 0.35
            ? `${org.slug}.${tld}`
            : r < 0.7
              ? `${rng.pick(WORDS)}-${org.slug}.${tld}`
              : r < 0.85
                ? `${org.slug}-${rng.pick(WORDS)}.${tld}`
                : `${rng.pick(WORDS)}${rng.pick(WORDS)}.${tld}`
      const name = uniqueDomain(base)
      orgDomains.push(name)
      return name
    }
    for (let k = 0; k < plan.products; k++) {
      const svc: ServiceDef =
        k === 0
          ? (SERVICE_BY_NAME.get('domain') as ServiceDef)
          : k === 1
            ? (SERVICE_BY_NAME.get('email_hosting') as ServiceDef)
            : k === 2
              ? (SERVICE_BY_NAME.get(rng.chance(0.6) ? 'hosting' : 'web_hosting') as ServiceDef)
              : rng.weighted(SERVICE_WEIGHTS)
      let customerName: string
      let fqdn: string | null = null
      let parentId: number | null = null
      switch (svc.name) {
        case 'domain':
          customerName = newDomain()
          fqdn = customerName
          break
        case 'email_hosting': {
          const free = orgDomains.find((d) => !mailDomains.has(d))
          customerName =
            free ??
            (orgDomains.length > 0 && rng.chance(0.3)
              ? rng.pick(orgDomains)
              : uniqueDomain(`mail-${org.slug}.${def.tld}`))
          mailDomains.add(customerName)
          fqdn = customerName
          break
        }
        case 'hosting':
        case 'web_hosting':
          fqdn = orgDomains.length > 0 ? rng.pick(orgDomains) : `${org.slug}.${def.tld}`
          customerName = rng.chance(0.6)
            ? fqdn
            : `${org.language === 'de' ? 'Webhosting' : org.language === 'it' ? 'Hosting' : 'Hébergement'} ${shortName}`
          break
        case 'certificate': {
          fqdn = orgDomains.length > 0 ? rng.pick(orgDomains) : `${org.slug}.${def.tld}`
          customerName = fqdn
          const parent = orgProducts.find((p) => p.serviceName === 'domain' && p.customerName === fqdn)
          parentId = parent ? parent.id : null
          break
        }
        default:
          customerName = `${labels[svc.name] ?? svc.name} ${shortName}`
          if (orgProducts.some((p) => p.customerName === customerName))
            customerName = `${customerName} ${rng.pick(['2', 'B', 'Archive', 'Team', 'Projet'])}`
      }
      const noExpiry = rng.chance(svc.noExpiry)
      const trial = !noExpiry && rng.chance(0.03)
      const createdAt = Math.max(org.createdAt, ref - rng.int(20 * DAY, 10 * YEAR))
      let expiredAt: number | null = null
      if (!noExpiry) {
        expiredAt = trial
          ? ref + rng.int(-10 * DAY, 30 * DAY)
          : rng.chance(0.2)
            ? ref - rng.int(0, 18 * MONTH)
            : ref + rng.int(0, 18 * MONTH)
      }
      const expired = expiredAt !== null && expiredAt < ref
      const [lo, hi] = svc.price
      const free = svc.price[1] === 0 || (!trial && rng.chance(0.03))
      let price = free ? 0 : Math.round((lo + rng.next() * (hi - lo)) / 100) * 100
      if (org.currency === 'EUR') price = Math.round(price * 1.05)
      const product: Product = {
        id: nextId('product', 29),
        accountId: org.id,
        serviceId: svc.id,
        serviceName: svc.name,
        customerName,
        internalName: rng.chance(0.2) ? rng.pick(internalNames) : null,
        description: rng.chance(0.05)
          ? rng.pick(['Géré par l’agence', 'Nicht verlängern', 'Da migrare', 'Client pays directly'])
          : null,
        fqdn,
        createdAt: trial ? ref - rng.int(DAY, 25 * DAY) : createdAt,
        expiredAt,
        isTrial: trial,
        isLocked: expired ? rng.chance(0.25) : rng.chance(0.015),
        hasMaintenance: expired ? rng.chance(0.25) : rng.chance(0.015),
        hasOperationInProgress: rng.chance(0.015),
        isFree: free || trial,
        isManagedByPartner: plan.partnership && rng.chance(0.6),
        tagIds: orgTags.length > 0 && rng.chance(0.15) ? rng.sample(orgTags, rng.int(1, 2)).map((t) => t.id) : [],
        users: [],
        adminUserId: managers.length > 0 && rng.chance(0.5) ? rng.pick(managers).userId : null,
        parentId,
        yearlyPriceCents: price,
      }
      const density = Math.min(0.3, 1.2 / Math.max(1, normals.length - broad.size))
      for (const m of normals) {
        if (broad.has(m.userId)) {
          if (rng.chance(0.6)) product.users.push({ userId: m.userId, rights: rightsFrom(ALL_RIGHTS) })
        } else if (rng.chance(density)) {
          product.users.push({
            userId: m.userId,
            rights: { technical: true, statistic: rng.chance(0.6), check: rng.chance(0.1), sale: rng.chance(0.05) },
          })
        }
      }
      orgProducts.push(product)
      products.push(product)
    }
  }

  // ---------------------------------------------------------------- teams
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

  // ---------------------------------------------------------------- partnerships
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

  // ---------------------------------------------------------------- invitations
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

  // ---------------------------------------------------------------- invoices
  const invoices: Invoice[] = []
  const windowStart = ref - 18 * MONTH
  const renewWord: Record<Language, [string, string]> = {
    fr: ['Renouvellement', 'Commande'],
    de: ['Verlängerung', 'Bestellung'],
    it: ['Rinnovo', 'Ordine'],
    en: ['Renewal', 'Order'],
  }
  for (const plan of plans) {
    const { org } = plan
    const buckets = new Map<number, InvoiceLine[]>()
    const [renew, order] = renewWord[org.language]
    for (const p of productsByOrg.get(org.id) ?? []) {
      if (p.yearlyPriceCents === 0) continue
      const events: { at: number; kind: string }[] = []
      if (p.createdAt >= windowStart && p.createdAt <= ref) events.push({ at: p.createdAt, kind: order })
      if (p.expiredAt !== null) {
        for (let k = 1; k <= 2; k++) {
          const at = p.expiredAt - k * YEAR
          if (at >= windowStart && at <= ref && at > p.createdAt) events.push({ at: at - 30 * DAY, kind: renew })
        }
      }
      for (const e of events) {
        if (e.at < windowStart) continue
        const bucket = Math.floor((e.at - windowStart) / MONTH)
        let lines = buckets.get(bucket)
        if (!lines) buckets.set(bucket, (lines = []))
        lines.push({
          productId: p.id,
          serviceName: p.serviceName,
          description: `${e.kind} ${p.customerName}`,
          quantity: 1,
          unitPriceCents: p.yearlyPriceCents,
          amountExclVatCents: p.yearlyPriceCents,
          periodFrom: e.at + 30 * DAY,
          periodTo: e.at + 30 * DAY + YEAR,
        })
      }
    }
    for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
      const lines = buckets.get(bucket) as InvoiceLine[]
      const issuedAt = Math.min(ref - 3600, windowStart + bucket * MONTH + rng.int(0, 27 * DAY))
      const dueAt = issuedAt + 30 * DAY
      const currency: Currency = org.currency === 'CHF' && rng.chance(0.04) ? 'EUR' : org.currency
      const vatRateBp = currency === 'CHF' ? 810 : 0
      const excl = lines.reduce((s, l) => s + l.amountExclVatCents, 0)
      const vat = Math.round((excl * vatRateBp) / 10_000)
      const cancelled = rng.chance(0.02)
      const paid = !cancelled && (dueAt < ref ? rng.chance(0.95) : rng.chance(0.3))
      const id = nextId('invoice', 41)
      invoices.push({
        id,
        number: `FA-${new Date(issuedAt * 1000).getUTCFullYear()}-${String(id % 10_000_000).padStart(7, '0')}`,
        accountId: org.id,
        issuedAt,
        dueAt,
        paidAt: paid ? issuedAt + rng.int(DAY, 30 * DAY) : null,
        currency,
        vatRateBp,
        amountExclVatCents: excl,
        vatCents: vat,
        amountInclVatCents: excl + vat,
        status: cancelled ? 'cancelled' : paid ? 'paid' : 'unpaid',
        lines,
      })
    }
  }

  // ---------------------------------------------------------------- tokens
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

  memberships.sort((a, b) => a.accountId - b.accountId || a.userId - b.userId)
  return {
    seed,
    referenceTime: options.referenceTime,
    agencyAccountId: agency.id,
    orgs: plans.map((p) => p.org),
    users,
    memberships,
    products,
    tags,
    teams,
    invitations,
    partnerships,
    partners: [partner],
    invoices,
    tokens,
    nextIds: { ...ids },
  }
}
