import { RIGHT_BITS, type RightName } from '../../../shared/domain/access'

/** A team permission as cached (`teams.permissions`, the API's shape). */
export interface CachedTeamPermission {
  service_id?: number | null
  product_id?: number | null
  rights?: unknown
}

function isRightName(v: unknown): v is RightName {
  return typeof v === 'string' && Object.hasOwn(RIGHT_BITS, v)
}

/**
 * The mask of an API rights value: a right name, a list of names, or a `{technical, ...}` object
 * (the API documents the first, the spec allows the others).
 */
export function maskOfRights(rights: unknown): number {
  if (isRightName(rights)) return RIGHT_BITS[rights]
  if (Array.isArray(rights)) {
    let m = 0
    for (const r of rights) if (isRightName(r)) m |= RIGHT_BITS[r]
    return m
  }
  if (rights && typeof rights === 'object') {
    let m = 0
    const o = rights as Record<string, unknown>
    for (const name of Object.keys(RIGHT_BITS) as RightName[]) if (o[name] === true) m |= RIGHT_BITS[name]
    return m
  }
  return 0
}

/** Parses the cached permissions JSON of a team; malformed entries are ignored. */
export function parseTeamPermissions(json: string): CachedTeamPermission[] {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return []
  }
  if (!Array.isArray(value)) return []
  return value.filter((e): e is CachedTeamPermission => !!e && typeof e === 'object')
}

/**
 * Whether a team permission applies to a product: the same product id, or (product id null) the
 * same service id, exactly like the sandbox's `teamGrant`.
 */
export function permissionApplies(e: CachedTeamPermission, productId: number, serviceId: number | null): boolean {
  const pid = e.product_id ?? null
  if (pid !== null) return pid === productId
  return serviceId !== null && e.service_id != null && e.service_id === serviceId
}

/** Mask of the four product_rights columns. */
export function maskOfRow(r: { technical: number; statistic: number; check: number; sale: number }): number {
  return (r.technical ? 1 : 0) | (r.statistic ? 2 : 0) | (r.check ? 4 : 0) | (r.sale ? 8 : 0)
}
