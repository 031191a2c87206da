import type { OrgUserRow, ProductRow } from '../../../../shared/domain/cache'
import { expiryMs, productName, productTypes } from '../products/products-model'

const DAY_MS = 86_400_000

export interface OverviewModel {
  total: number
  byType: { type: string; count: number }[]
  expired: number
  /** Products expiring within 30, 60 and 90 days (cumulative; expired ones not included). */
  expiring: { days: 30 | 60 | 90; count: number }[]
  /** The next products to expire within 90 days, soonest first. */
  soonest: ProductRow[]
  flagged: { product: ProductRow; flags: ('locked' | 'maintenance' | 'trial' | 'operation')[] }[]
}

export function overviewModel(products: readonly ProductRow[], nowMs: number): OverviewModel {
  let expired = 0
  const within = { 30: 0, 60: 0, 90: 0 }
  const soon: ProductRow[] = []
  const flagged: OverviewModel['flagged'] = []
  for (const p of products) {
    const exp = expiryMs(p)
    if (exp !== null) {
      const left = exp - nowMs
      if (left <= 0) expired++
      else {
        if (left <= 30 * DAY_MS) within[30]++
        if (left <= 60 * DAY_MS) within[60]++
        if (left <= 90 * DAY_MS) {
          within[90]++
          soon.push(p)
        }
      }
    }
    const flags: OverviewModel['flagged'][number]['flags'] = []
    if (p.isLocked) flags.push('locked')
    if (p.hasMaintenance) flags.push('maintenance')
    if (p.isTrial) flags.push('trial')
    if (p.hasOperationInProgress) flags.push('operation')
    if (flags.length > 0) flagged.push({ product: p, flags })
  }
  soon.sort((a, b) => (a.expiredAt ?? 0) - (b.expiredAt ?? 0))
  flagged.sort((a, b) => productName(a.product).localeCompare(productName(b.product)))
  return {
    total: products.length,
    byType: productTypes(products),
    expired,
    expiring: [
      { days: 30, count: within[30] },
      { days: 60, count: within[60] },
      { days: 90, count: within[90] },
    ],
    soonest: soon.slice(0, 8),
    flagged,
  }
}

/** Members, pending invitations and teams (teams that have at least one member). */
export function peopleCounts(users: readonly OrgUserRow[]): { members: number; pending: number; teams: number } {
  let pending = 0
  const teams = new Set<number>()
  for (const u of users) {
    if (u.invitationId !== null && u.userId === null) pending++
    for (const t of u.teamIds) teams.add(t)
  }
  return { members: users.length - pending, pending, teams: teams.size }
}
