/** Phase 1: the agency and its client organisations, and how many products and users each one gets. */
import type { LegalEntityType, Org, Role } from '../model'
import { ASSOC_PATTERNS, COUNTRIES, FIRST_NAMES, ORG_PATTERNS, SURNAMES, slugify, type CountryDef } from '../vocab'
import { DAY, YEAR, allocate, type GenContext, type OrgPlan } from './context'
import { staffCount } from './options'

export interface OrgsPhase {
  agency: Org
  /** The agency first, then the clients. */
  plans: OrgPlan[]
  /** Number of agency employees. */
  nStaff: number
  /** Users that join the agency when there is no client to put them in. */
  extraAgencyUsers: number
}

export function planOrgs(ctx: GenContext): OrgsPhase {
  const { counts, rng, ref, nextId, uniqueSlug, phoneFor } = ctx
  const usedOrgNames = new Set<string>()
  const usedCores = new Set<string>()

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
  return { agency, plans, nStaff, extraAgencyUsers }
}
