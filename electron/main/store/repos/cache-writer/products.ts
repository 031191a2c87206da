import type { Product } from '../../../api/schemas'
import { autoRenewOf } from '../../../../../shared/domain/renewals'
import { serviceSearchText } from '../../../../../shared/domain/service-catalogue'
import { b, json, RIGHTS, type RightName, type WriterContext } from './context'

type Rights = Record<RightName, number>

const UPSERT_PRODUCT = `INSERT INTO products (account_id, id, org_id, service_id, service_name, customer_name, internal_name, fqdn, created_at, expired_at,
   is_trial, is_locked, has_maintenance, has_operation_in_progress, is_free, tags, my_rights, data, synced_at)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
 ON CONFLICT (account_id, id) DO UPDATE SET org_id = excluded.org_id, service_id = excluded.service_id,
   service_name = excluded.service_name, customer_name = excluded.customer_name, internal_name = excluded.internal_name,
   fqdn = excluded.fqdn, created_at = excluded.created_at, expired_at = excluded.expired_at, is_trial = excluded.is_trial,
   is_locked = excluded.is_locked, has_maintenance = excluded.has_maintenance,
   has_operation_in_progress = excluded.has_operation_in_progress, is_free = excluded.is_free, tags = excluded.tags,
   my_rights = excluded.my_rights, data = excluded.data, synced_at = excluded.synced_at`

/** The name a product is shown and searched under. */
export function productName(p: Product): string {
  return p.customer_name ?? p.internal_name ?? `#${p.id}`
}

/** The parameters of {@link UPSERT_PRODUCT} for one product item (the one row mapper of the products table). */
export function productRow(accountId: string, p: Product, at: number): unknown[] {
  return [
    accountId,
    p.id,
    p.account_id,
    p.service_id ?? null,
    p.service_name ?? 'unknown',
    productName(p),
    p.internal_name ?? null,
    p.fqdn ?? null,
    p.created_at ?? null,
    p.expired_at ?? null,
    b(p.is_trial),
    b(p.is_locked ?? p.status?.locked),
    b(p.has_maintenance ?? p.status?.maintenance),
    b(p.has_operation_in_progress),
    b(p.is_free),
    json((p.tags ?? []).map((t) => ({ id: t.id, name: t.name, color: t.color ?? null }))),
    json(p.rights ?? {}),
    json({
      description: p.description ?? null,
      bill_reference: p.bill_reference ?? null,
      is_zero_price: p.is_zero_price ?? null,
      is_managed_by_partner: p.is_managed_by_partner ?? null,
      parent_id: p.parent_id ?? null,
      admin: p.admin ?? null,
      deleted_at: p.deleted_at ?? null,
      unique_id: p.unique_id ?? null,
      auto_renew: autoRenewOf({
        has_auto_renew: p.has_auto_renew,
        auto_renew: p.auto_renew,
        renew_preferences: p.renew_preferences,
      }),
    }),
    at,
  ]
}

/** Every name of the service (code and the five languages) and the FQDN, so any of them finds the product. */
function searchSubtitle(p: Product): string {
  return [serviceSearchText({ name: p.service_name, id: p.service_id }), p.fqdn].filter(Boolean).join(' ')
}

/**
 * One page of a products listing (`/1/products`, every organisation or one), in the page's own transaction:
 * upserts the page's products of known organisations (their `synced_at` is the writer's time, which is how
 * {@link finishProducts} tells what the listing saw), replaces the per-user rights of the products that carry
 * them, and records history for the rights each product's item proves changed (not on a baseline). Nothing is
 * deleted here: a product missing from a page may be on a later one. Returns the number of products stored.
 */
export function writeProductPage(c: WriterContext, products: readonly Product[], baseline: boolean): number {
  const knownOrg = c.stmt<[string, number], { id: number }>('SELECT id FROM orgs WHERE account_id = ? AND id = ?')
  const known = new Map<number, boolean>()
  const isKnown = (orgId: number): boolean => {
    let k = known.get(orgId)
    if (k === undefined) {
      k = knownOrg.get(c.accountId, orgId) !== undefined
      known.set(orgId, k)
    }
    return k
  }
  const upsert = c.stmt(UPSERT_PRODUCT)
  const rightsOf = c.stmt<[string, number], { org_id: number; user_id: number } & Rights>(
    'SELECT org_id, user_id, technical, statistic, "check", sale FROM product_rights WHERE account_id = ? AND product_id = ?',
  )
  const dropRights = c.stmt('DELETE FROM product_rights WHERE account_id = ? AND product_id = ?')
  const insertRight = c.stmt(
    'INSERT INTO product_rights (account_id, org_id, product_id, user_id, technical, statistic, "check", sale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const docOf = c.stmt<[string, string], { id: number; org_id: number; title: string; subtitle: string }>(
    "SELECT id, org_id, title, subtitle FROM search_docs WHERE account_id = ? AND kind = 'product' AND ref = ?",
  )
  const insertDoc = c.stmt(
    "INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle) VALUES ('product', ?, ?, ?, ?, ?)",
  )
  const updateDoc = c.stmt('UPDATE search_docs SET org_id = ?, title = ?, subtitle = ? WHERE id = ?')
  const touched = new Set<number>()
  let stored = 0
  for (const p of products) {
    if (!isKnown(p.account_id)) continue
    stored++
    touched.add(p.account_id)
    const name = productName(p)
    upsert.run(...productRow(c.accountId, p, c.at))
    const subtitle = searchSubtitle(p)
    const doc = docOf.get(c.accountId, String(p.id))
    if (!doc) insertDoc.run(c.accountId, p.account_id, String(p.id), name, subtitle)
    else if (doc.title !== name || doc.subtitle !== subtitle || doc.org_id !== p.account_id)
      updateDoc.run(p.account_id, name, subtitle, doc.id)
    // A product without `users[]` has unknown (not no) per-user rights: its rows are kept as they were.
    if (p.users == null) continue
    const before = new Map(rightsOf.all(c.accountId, p.id).map((r) => [r.user_id, r]))
    dropRights.run(c.accountId, p.id)
    for (const u of p.users) {
      const now: Rights = {
        technical: b(u.rights.technical),
        statistic: b(u.rights.statistic),
        check: b(u.rights.check),
        sale: b(u.rights.sale),
      }
      insertRight.run(c.accountId, p.account_id, p.id, u.user_id, now.technical, now.statistic, now.check, now.sale)
      const was = before.get(u.user_id)
      before.delete(u.user_id)
      if (baseline) continue
      for (const right of RIGHTS) {
        if ((was?.[right] ?? 0) === now[right]) continue
        const who = c.person(p.account_id, u.user_id)
        c.history({
          orgId: p.account_id,
          kind: now[right] ? 'right_gained' : 'right_lost',
          subjectKey: `u:${u.user_id}`,
          subjectEmail: who.email,
          subjectName: who.name,
          objectType: 'product',
          objectId: p.id,
          objectName: name,
          detail: right,
        })
      }
    }
    // Users the product's item no longer lists: the item proves they lost their rights on it.
    if (!baseline) for (const gone of before.values()) rightsLost(c, gone.org_id, p.id, name, gone.user_id, gone)
  }
  for (const org of touched) c.recount(org)
  return stored
}

/**
 * Ends a products listing that completed: the products it did not see (not written since `since`, the
 * listing's start), of every organisation or of `orgId` only, are gone. Their rights are recorded as lost
 * (not on a baseline) and their rows and search entries removed. Returns the number of products removed.
 */
export function finishProducts(c: WriterContext, since: number, baseline: boolean, orgId: number | null): number {
  const gone = c
    .stmt<
      [{ account: string; since: number; org: number | null }],
      { id: number; org_id: number; customer_name: string }
    >(
      'SELECT id, org_id, customer_name FROM products WHERE account_id = @account AND synced_at < @since AND (@org IS NULL OR org_id = @org)',
    )
    .all({ account: c.accountId, since, org: orgId })
  if (gone.length === 0) return 0
  const rightsOf = c.stmt<[string, number], { org_id: number; user_id: number } & Rights>(
    'SELECT org_id, user_id, technical, statistic, "check", sale FROM product_rights WHERE account_id = ? AND product_id = ?',
  )
  const dropRights = c.stmt('DELETE FROM product_rights WHERE account_id = ? AND product_id = ?')
  const drop = c.stmt('DELETE FROM products WHERE account_id = ? AND id = ?')
  const dropDoc = c.stmt("DELETE FROM search_docs WHERE account_id = ? AND kind = 'product' AND ref = ?")
  const touched = new Set<number>()
  for (const p of gone) {
    if (!baseline)
      for (const r of rightsOf.all(c.accountId, p.id)) rightsLost(c, r.org_id, p.id, p.customer_name, r.user_id, r)
    dropRights.run(c.accountId, p.id)
    drop.run(c.accountId, p.id)
    dropDoc.run(c.accountId, String(p.id))
    touched.add(p.org_id)
  }
  for (const org of touched) c.recount(org)
  return gone.length
}

function rightsLost(
  c: WriterContext,
  orgId: number,
  productId: number,
  productName: string | null,
  userId: number,
  rights: Rights,
): void {
  const who = c.person(orgId, userId)
  for (const right of RIGHTS) {
    if (!rights[right]) continue
    c.history({
      orgId,
      kind: 'right_lost',
      subjectKey: `u:${userId}`,
      subjectEmail: who.email,
      subjectName: who.name,
      objectType: 'product',
      objectId: productId,
      objectName: productName,
      detail: right,
    })
  }
}
