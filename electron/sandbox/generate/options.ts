/** The generator's public options: scales, counts and the scopes every full token carries. */
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

export function staffCount(orgs: number): number {
  return Math.min(60, Math.max(2, Math.round(Math.sqrt(orgs) * 1.3)))
}
