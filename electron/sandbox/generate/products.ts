/** Phase 4: products (domains first, then mail, hosting and the rest), with per-product user rights. */
import type { Membership, Product, Tag } from '../model'
import { SERVICE_BY_NAME, SERVICE_WEIGHTS, WORDS, type ServiceDef } from '../vocab'
import { ALL_RIGHTS, DAY, MONTH, YEAR, rightsFrom, type GenContext, type OrgPlan } from './context'

/** Internal names a user may give a product. */
const INTERNAL_NAMES = [
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
/** Display names of the services whose products are named "<label> <organisation>". */
const LABELS: Record<string, string> = {
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

export interface ProductsPhase {
  products: Product[]
  productsByOrg: Map<number, Product[]>
}

export interface ProductsInput {
  plans: OrgPlan[]
  membersByOrg: Map<number, Membership[]>
  tagsByOrg: Map<number, Tag[]>
}

export function addProducts(ctx: GenContext, { plans, membersByOrg, tagsByOrg }: ProductsInput): ProductsPhase {
  const { rng, ref, nextId, uniqueDomain } = ctx
  const products: Product[] = []
  const productsByOrg = new Map<number, Product[]>()

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
          customerName = `${LABELS[svc.name] ?? svc.name} ${shortName}`
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
        internalName: rng.chance(0.2) ? rng.pick(INTERNAL_NAMES) : null,
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
  return { products, productsByOrg }
}
