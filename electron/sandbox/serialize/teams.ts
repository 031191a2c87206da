/** Work teams and their members. */
import type { Product, Team, User } from '../model'
import type { Store } from '../store'
import { SERVICE_BY_ID } from '../vocab'
import { displayName, miniUser } from './common'

export function teamProducts(store: Store, t: Team): Product[] {
  return (store.ix.productsByOrg.get(t.accountId) ?? []).filter((p) =>
    t.permissions.some((e) => e.productId === p.id || (e.productId === null && e.serviceId === p.serviceId)),
  )
}

export function team(store: Store, t: Team, expand: ReadonlySet<string>, position: number): Record<string, unknown> {
  const ix = store.ix
  const products = teamProducts(store, t)
  const byService = new Map<number, number>()
  for (const p of products) byService.set(p.serviceId, (byService.get(p.serviceId) ?? 0) + 1)
  const out: Record<string, unknown> = {
    id: t.id,
    name: t.name,
    description: t.description,
    color_id: t.colorId,
    owned_by_id: t.ownedById,
    created_by_id: t.createdById,
    created_at: t.createdAt,
    updated_at: t.updatedAt,
    user_count: t.userIds.length,
    product_count: products.length,
    product_by_service_count: [...byService.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([id, count]) => ({ service_id: id, service_name: SERVICE_BY_ID.get(id)?.name ?? String(id), count })),
    is_sso: false,
    permissions: t.permissions.map((e) => ({
      service_id: e.serviceId,
      service_name: e.serviceName,
      product_id: e.productId,
      rights: e.rights.slice(),
    })),
    parent_id: null,
    children: [],
    position,
  }
  if (expand.has('owned_by')) {
    const u = t.ownedById !== null ? ix.users.get(t.ownedById) : undefined
    out.owned_by = u ? miniUser(u) : null
  }
  if (expand.has('created_by')) {
    const u = ix.users.get(t.createdById)
    out.created_by = u ? miniUser(u) : null
  }
  if (expand.has('users'))
    out.users = t.userIds.flatMap((id) => (ix.users.has(id) ? [miniUser(ix.users.get(id) as User)] : []))
  if (expand.has('products'))
    out.products = products.map((p) => ({
      id: p.id,
      service_id: p.serviceId,
      service_name: p.serviceName,
      customer_name: p.customerName,
    }))
  return out
}

export function teamUser(store: Store, u: User, accountId: number): Record<string, unknown> {
  return {
    id: u.id,
    display_name: displayName(u),
    first_name: u.firstName,
    last_name: u.lastName,
    email: u.email,
    is_sso: u.isSso,
    last_login_at: u.lastLoginAt,
    teams: (store.ix.teamsByOrg.get(accountId) ?? [])
      .filter((t) => t.userIds.includes(u.id))
      .map((t) => ({
        id: t.id,
        name: t.name,
        color_id: t.colorId,
        created_at: t.createdAt,
        updated_at: t.updatedAt,
        user_count: t.userIds.length,
      })),
  }
}
