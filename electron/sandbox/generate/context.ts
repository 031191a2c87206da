/**
 * What every phase shares: the resolved counts, the one random stream (`rng`, drawn from in phase order, so
 * moving a draw from one phase to another changes the data), the id counters and the uniqueness registers.
 */
import { Rng } from '../prng'
import type { Country, Org, RightName, Rights, Role } from '../model'
import type { CountryDef } from '../vocab'
import { resolveCounts, type Counts, type GenerateOptions } from './options'

export const DAY = 86_400
export const MONTH = Math.round(30.44 * DAY)
export const YEAR = 365 * DAY

/** Splits `total` into `weights.length` integers ≥ `min`, proportional to the weights. */
export function allocate(total: number, weights: number[], min: number): number[] {
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

export function rightsFrom(names: readonly RightName[]): Rights {
  return {
    technical: names.includes('technical'),
    statistic: names.includes('statistic'),
    check: names.includes('check'),
    sale: names.includes('sale'),
  }
}

export const ALL_RIGHTS: RightName[] = ['technical', 'statistic', 'check', 'sale']

export interface OrgPlan {
  org: Org
  def: CountryDef
  products: number
  userCount: number
  partnership: boolean
  /** Role of the agency owner as a member, or null (client through partnership only). */
  ownerRole: Role | null
}

export interface IdCounters {
  org: number
  user: number
  product: number
  tag: number
  team: number
  invitation: number
  partnership: number
  invoice: number
}

export interface GenContext {
  counts: Counts
  /** The seed as an unsigned 32-bit integer. */
  seed: number
  /** The data stream: every phase draws from it, in the order `generate()` calls them. */
  rng: Rng
  /** Reference time, unix seconds. */
  ref: number
  /** Next free id of each kind (returned as `nextIds`). */
  ids: IdCounters
  /** Takes the next id of a kind and advances its counter by a random gap of 1..maxGap. */
  nextId: (kind: keyof IdCounters, maxGap?: number) => number
  /** Domains already used (products, mailboxes); add to it when a domain is taken outside `uniqueDomain`. */
  usedDomains: Set<string>
  uniqueSlug: (base: string) => string
  uniqueDomain: (candidate: string) => string
  uniqueEmail: (local: string, domain: string) => string
  phoneFor: (country: Country) => string
}

export function createContext(options: GenerateOptions): GenContext {
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
  return { counts, seed, rng, ref, ids, nextId, usedDomains, uniqueSlug, uniqueDomain, uniqueEmail, phoneFor }
}
