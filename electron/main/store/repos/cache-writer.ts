import type Database from 'better-sqlite3'
import type { Account, AccountUser, Product, Team } from '../../api/schemas'
import { isPartnerClientOrg } from '../../../../shared/domain/roles'
import { autoRenewOf } from '../../../../shared/domain/renewals'
import { serviceSearchText } from '../../../../shared/domain/service-catalogue'

/**
 * Writes one fetched resource set for one account: upserts what changed, deletes what
 * vanished, and appends access-history rows for every gained or lost access. Callers run
 * each method inside the job's single transaction.
 *
 * `baseline` is true on the first successful sync of a resource: the state is recorded
 * without history (otherwise a first sync would "gain" everything).
 */
export interface HistoryEntry {
  orgId: number
  kind: HistoryKind
  subjectKey: string
  subjectEmail: string | null
  subjectName: string | null
  objectType: 'org' | 'product' | 'team'
  objectId: number | null
  objectName: string | null
  detail?: string | null
  before?: string | null
  after?: string | null
}

export type HistoryKind =
  | 'org_added'
  | 'org_removed'
  | 'member_added'
  | 'member_removed'
  | 'invited'
  | 'invitation_removed'
  | 'role_changed'
  | 'billing_gained'
  | 'billing_lost'
  | 'right_gained'
  | 'right_lost'
  | 'team_joined'
  | 'team_left'

const RIGHTS = ['technical', 'statistic', 'check', 'sale'] as const
type RightName = (typeof RIGHTS)[number]

const b = (v: boolean | null | undefined): number => (v ? 1 : 0)
const json = (v: unknown): string => JSON.stringify(v ?? null)

export function memberKey(u: {
  user_id?: number | null | undefined
  invitation_id?: number | null | undefined
}): string {
  return u.user_id != null ? `u:${u.user_id}` : `i:${u.invitation_id ?? 0}`
}

function has2fa(u: AccountUser): number | null {
  const s = u.security
  if (!s) return null
  const flags = [s.otp, s.has_otp, s.sms, s.yubikey, s.double_auth]
  if (flags.every((f) => f == null) && !s.double_auth_method) return null
  return flags.some((f) => f === true) || Boolean(s.double_auth_method) ? 1 : 0
}

export class CacheWriter {
  private readonly insertHistory: Database.Statement
  constructor(
    private readonly db: Database.Database,
    private readonly accountId: string,
    private readonly at: number,
  ) {
    this.insertHistory = db.prepare(
      `INSERT INTO access_history (account_id, org_id, at, kind, subject_key, subject_email, subject_name, object_type, object_id, object_name, detail, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
  }

  /** Number of history rows written by this writer. */
  historyCount = 0

  private history(e: HistoryEntry): void {
    this.insertHistory.run(
      this.accountId,
      e.orgId,
      this.at,
      e.kind,
      e.subjectKey,
      e.subjectEmail,
      e.subjectName,
      e.objectType,
      e.objectId,
      e.objectName,
      e.detail ?? null,
      e.before ?? null,
      e.after ?? null,
    )
    this.historyCount++
  }

  private person(orgId: number, userId: number): { email: string | null; name: string | null } {
    const row = this.db
      .prepare<[string, number, number], { email: string; display_name: string }>(
        'SELECT email, display_name FROM org_users WHERE account_id = ? AND org_id = ? AND user_id = ?',
      )
      .get(this.accountId, orgId, userId)
    return { email: row?.email ?? null, name: row?.display_name ?? null }
  }

  /**
   * Brings the search entries of one kind (for the account, or one organization of it) in line
   * with `rows`, touching only entries that changed: search_docs is indexed by (account, kind,
   * org), so nothing here scans the FTS index, and an unchanged sync writes nothing.
   */
  private reindex(
    kind: string,
    orgId: number | null,
    rows: { ref: string; title: string; subtitle: string; orgId?: number }[],
  ): void {
    const existing = new Map(
      (orgId === null
        ? this.db
            .prepare<[string, string], { id: number; ref: string; org_id: number; title: string; subtitle: string }>(
              'SELECT id, ref, org_id, title, subtitle FROM search_docs WHERE account_id = ? AND kind = ?',
            )
            .all(this.accountId, kind)
        : this.db
            .prepare<
              [string, string, number],
              { id: number; ref: string; org_id: number; title: string; subtitle: string }
            >(
              'SELECT id, ref, org_id, title, subtitle FROM search_docs WHERE account_id = ? AND kind = ? AND org_id = ?',
            )
            .all(this.accountId, kind, orgId)
      ).map((r) => [r.ref, r]),
    )
    const insert = this.db.prepare(
      'INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const update = this.db.prepare('UPDATE search_docs SET org_id = ?, title = ?, subtitle = ? WHERE id = ?')
    const remove = this.db.prepare('DELETE FROM search_docs WHERE id = ?')
    for (const r of rows) {
      const org = r.orgId ?? orgId ?? 0
      const before = existing.get(r.ref)
      if (!before) insert.run(kind, this.accountId, org, r.ref, r.title, r.subtitle)
      else {
        existing.delete(r.ref)
        if (before.title !== r.title || before.subtitle !== r.subtitle || before.org_id !== org) {
          update.run(org, r.title, r.subtitle, before.id)
        }
      }
    }
    for (const gone of existing.values()) remove.run(gone.id)
  }

  /** Keeps the denormalized counts of the switcher list in step with the rows (same transaction). */
  private recount(orgId: number | null): void {
    this.db
      .prepare(
        `UPDATE orgs SET
           product_count = (SELECT count(*) FROM products p WHERE p.account_id = orgs.account_id AND p.org_id = orgs.id),
           user_count = (SELECT count(*) FROM org_users u WHERE u.account_id = orgs.account_id AND u.org_id = orgs.id AND u.user_id IS NOT NULL)
         WHERE account_id = @account AND (@org IS NULL OR id = @org)`,
      )
      .run({ account: this.accountId, org: orgId })
  }

  /** Deletes everything cached about organizations the token no longer reaches. */
  private purgeOrg(orgId: number): void {
    for (const table of ['org_users', 'teams', 'team_members', 'product_rights', 'products', 'sync_state']) {
      this.db.prepare(`DELETE FROM ${table} WHERE account_id = ? AND org_id = ?`).run(this.accountId, orgId)
    }
    this.db.prepare('DELETE FROM search_docs WHERE account_id = ? AND org_id = ?').run(this.accountId, orgId)
  }

  /** `/1/accounts`: the organizations and the token owner's role in each. */
  writeOrgs(
    orgs: readonly Account[],
    owner: { key: string; email: string | null; name: string | null },
    baseline: boolean,
  ): void {
    const existing = new Map(
      this.db
        .prepare<[string], { id: number; name: string; role: string }>(
          'SELECT id, name, role FROM orgs WHERE account_id = ?',
        )
        .all(this.accountId)
        .map((r) => [r.id, r]),
    )
    const upsert = this.db.prepare(
      `INSERT INTO orgs (account_id, id, name, role, legal_entity_type, logo, is_partner_client, partner_id, nb_users, created_at, data, synced_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, id) DO UPDATE SET name = excluded.name, role = excluded.role,
         legal_entity_type = excluded.legal_entity_type, logo = excluded.logo, is_partner_client = excluded.is_partner_client,
         partner_id = excluded.partner_id, nb_users = excluded.nb_users, created_at = excluded.created_at,
         data = excluded.data, synced_at = excluded.synced_at`,
    )
    const seen = new Set<number>()
    for (const o of orgs) {
      seen.add(o.id)
      const role = (o.type ?? '').trim()
      upsert.run(
        this.accountId,
        o.id,
        o.name,
        role,
        o.legal_entity_type ?? null,
        o.logo ?? null,
        isPartnerClientOrg(o) ? 1 : 0,
        o.partner_id ?? null,
        o.nb_users ?? null,
        o.created_at ?? null,
        json({
          has_2fa_required: o.has_2fa_required ?? null,
          billing: o.billing ?? null,
          is_customer: o.is_customer ?? null,
          in_partnership_full_access: o.in_partnership_full_access ?? null,
          in_partnership_limited: o.in_partnership_limited ?? null,
          has_customer_paiement_method: o.has_customer_paiement_method ?? null,
          count_owners: o.count_owners ?? null,
          vat_number: o.vat_number ?? null,
        }),
        this.at,
      )
      const before = existing.get(o.id)
      if (baseline) continue
      if (!before) {
        this.history({
          orgId: o.id,
          kind: 'org_added',
          subjectKey: owner.key,
          subjectEmail: owner.email,
          subjectName: owner.name,
          objectType: 'org',
          objectId: o.id,
          objectName: o.name,
          after: role,
        })
      } else if (before.role !== role) {
        this.history({
          orgId: o.id,
          kind: 'role_changed',
          subjectKey: owner.key,
          subjectEmail: owner.email,
          subjectName: owner.name,
          objectType: 'org',
          objectId: o.id,
          objectName: o.name,
          before: before.role,
          after: role,
        })
      }
    }
    for (const [id, row] of existing) {
      if (seen.has(id)) continue
      this.db.prepare('DELETE FROM orgs WHERE account_id = ? AND id = ?').run(this.accountId, id)
      this.purgeOrg(id)
      if (!baseline) {
        this.history({
          orgId: id,
          kind: 'org_removed',
          subjectKey: owner.key,
          subjectEmail: owner.email,
          subjectName: owner.name,
          objectType: 'org',
          objectId: id,
          objectName: row.name,
          before: row.role,
        })
      }
    }
    this.reindex(
      'org',
      null,
      orgs.map((o) => ({ ref: String(o.id), title: o.name, subtitle: o.type ?? '' })),
    )
    this.recount(null)
  }

  /** `/1/products` (every organization): products and each user's direct rights. */
  /** Returns the number of products stored (products of unknown organizations are skipped). */
  writeProducts(products: readonly Product[], baseline: boolean): number {
    const knownOrgs = new Set(
      this.db
        .prepare<[string], { id: number }>('SELECT id FROM orgs WHERE account_id = ?')
        .all(this.accountId)
        .map((r) => r.id),
    )
    const existingIds = new Set(
      this.db
        .prepare<[string], { id: number }>('SELECT id FROM products WHERE account_id = ?')
        .all(this.accountId)
        .map((r) => r.id),
    )
    const upsert = this.db.prepare(
      `INSERT INTO products (account_id, id, org_id, service_id, service_name, customer_name, internal_name, fqdn, created_at, expired_at,
         is_trial, is_locked, has_maintenance, has_operation_in_progress, is_free, tags, my_rights, data, synced_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, id) DO UPDATE SET org_id = excluded.org_id, service_id = excluded.service_id,
         service_name = excluded.service_name, customer_name = excluded.customer_name, internal_name = excluded.internal_name,
         fqdn = excluded.fqdn, created_at = excluded.created_at, expired_at = excluded.expired_at, is_trial = excluded.is_trial,
         is_locked = excluded.is_locked, has_maintenance = excluded.has_maintenance,
         has_operation_in_progress = excluded.has_operation_in_progress, is_free = excluded.is_free, tags = excluded.tags,
         my_rights = excluded.my_rights, data = excluded.data, synced_at = excluded.synced_at`,
    )
    // Old rights, to diff: key product:user -> rights.
    const oldRights = new Map<string, { org_id: number; rights: Record<RightName, number> }>()
    for (const r of this.db
      .prepare<[string], { org_id: number; product_id: number; user_id: number } & Record<RightName, number>>(
        'SELECT org_id, product_id, user_id, technical, statistic, "check", sale FROM product_rights WHERE account_id = ?',
      )
      .all(this.accountId)) {
      oldRights.set(`${r.product_id}:${r.user_id}`, {
        org_id: r.org_id,
        rights: { technical: r.technical, statistic: r.statistic, check: r.check, sale: r.sale },
      })
    }
    // A product without `users[]` has unknown (not no) per-user rights: its rows are kept as they were.
    const unknownRights = new Set(products.filter((p) => p.users == null).map((p) => p.id))
    const kept = this.db
      .prepare<[string], { org_id: number; product_id: number; user_id: number } & Record<RightName, number>>(
        'SELECT org_id, product_id, user_id, technical, statistic, "check", sale FROM product_rights WHERE account_id = ?',
      )
      .all(this.accountId)
      .filter((r) => unknownRights.has(r.product_id))
    for (const r of kept) oldRights.delete(`${r.product_id}:${r.user_id}`)
    this.db.prepare('DELETE FROM product_rights WHERE account_id = ?').run(this.accountId)
    const insertRight = this.db.prepare(
      'INSERT INTO product_rights (account_id, org_id, product_id, user_id, technical, statistic, "check", sale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    for (const r of kept)
      insertRight.run(this.accountId, r.org_id, r.product_id, r.user_id, r.technical, r.statistic, r.check, r.sale)
    const seen = new Set<number>()
    const names = new Map<number, string>()
    const index: { ref: string; title: string; subtitle: string; orgId: number }[] = []
    for (const p of products) {
      if (!knownOrgs.has(p.account_id)) continue
      seen.add(p.id)
      const name = p.customer_name ?? p.internal_name ?? `#${p.id}`
      names.set(p.id, name)
      upsert.run(
        this.accountId,
        p.id,
        p.account_id,
        p.service_id ?? null,
        p.service_name ?? 'unknown',
        name,
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
        this.at,
      )
      index.push({
        ref: String(p.id),
        title: name,
        // Every name of the service (code and the five languages), so any of them finds the product.
        subtitle: [serviceSearchText({ name: p.service_name, id: p.service_id }), p.fqdn].filter(Boolean).join(' '),
        orgId: p.account_id,
      })
      for (const u of p.users ?? []) {
        const now = {
          technical: b(u.rights.technical),
          statistic: b(u.rights.statistic),
          check: b(u.rights.check),
          sale: b(u.rights.sale),
        }
        insertRight.run(
          this.accountId,
          p.account_id,
          p.id,
          u.user_id,
          now.technical,
          now.statistic,
          now.check,
          now.sale,
        )
        const key = `${p.id}:${u.user_id}`
        const before = oldRights.get(key)
        oldRights.delete(key)
        if (baseline) continue
        for (const right of RIGHTS) {
          const was = before?.rights[right] ?? 0
          if (was === now[right]) continue
          const who = this.person(p.account_id, u.user_id)
          this.history({
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
    }
    // Rights that vanished (user removed from a product, or product gone).
    if (!baseline) {
      for (const [key, before] of oldRights) {
        const [productId, userId] = key.split(':').map(Number) as [number, number]
        const productName =
          names.get(productId) ??
          this.db
            .prepare<[string, number], { customer_name: string }>(
              'SELECT customer_name FROM products WHERE account_id = ? AND id = ?',
            )
            .get(this.accountId, productId)?.customer_name ??
          null
        const who = this.person(before.org_id, userId)
        for (const right of RIGHTS) {
          if (!before.rights[right]) continue
          this.history({
            orgId: before.org_id,
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
    }
    const del = this.db.prepare('DELETE FROM products WHERE account_id = ? AND id = ?')
    for (const id of existingIds) if (!seen.has(id)) del.run(this.accountId, id)
    this.reindex('product', null, index)
    this.recount(null)
    return seen.size
  }

  /**
   * One page of a products listing (`/1/products`, every organisation or one), in the page's own transaction:
   * upserts the page's products of known organisations (their `synced_at` is this writer's time, which is how
   * {@link finishProducts} tells what the listing saw), replaces the per-user rights of the products that carry
   * them, and records history for the rights each product's item proves changed (not on a baseline). Nothing is
   * deleted here: a product missing from a page may be on a later one. Returns the number of products stored.
   */
  writeProductPage(products: readonly Product[], baseline: boolean): number {
    const knownOrg = this.db.prepare<[string, number], { id: number }>(
      'SELECT id FROM orgs WHERE account_id = ? AND id = ?',
    )
    const known = new Map<number, boolean>()
    const isKnown = (orgId: number): boolean => {
      let k = known.get(orgId)
      if (k === undefined) {
        k = knownOrg.get(this.accountId, orgId) !== undefined
        known.set(orgId, k)
      }
      return k
    }
    const upsert = this.db.prepare(
      `INSERT INTO products (account_id, id, org_id, service_id, service_name, customer_name, internal_name, fqdn, created_at, expired_at,
         is_trial, is_locked, has_maintenance, has_operation_in_progress, is_free, tags, my_rights, data, synced_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, id) DO UPDATE SET org_id = excluded.org_id, service_id = excluded.service_id,
         service_name = excluded.service_name, customer_name = excluded.customer_name, internal_name = excluded.internal_name,
         fqdn = excluded.fqdn, created_at = excluded.created_at, expired_at = excluded.expired_at, is_trial = excluded.is_trial,
         is_locked = excluded.is_locked, has_maintenance = excluded.has_maintenance,
         has_operation_in_progress = excluded.has_operation_in_progress, is_free = excluded.is_free, tags = excluded.tags,
         my_rights = excluded.my_rights, data = excluded.data, synced_at = excluded.synced_at`,
    )
    const rightsOf = this.db.prepare<[string, number], { org_id: number; user_id: number } & Record<RightName, number>>(
      'SELECT org_id, user_id, technical, statistic, "check", sale FROM product_rights WHERE account_id = ? AND product_id = ?',
    )
    const dropRights = this.db.prepare('DELETE FROM product_rights WHERE account_id = ? AND product_id = ?')
    const insertRight = this.db.prepare(
      'INSERT INTO product_rights (account_id, org_id, product_id, user_id, technical, statistic, "check", sale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const docOf = this.db.prepare<[string, string], { id: number; org_id: number; title: string; subtitle: string }>(
      "SELECT id, org_id, title, subtitle FROM search_docs WHERE account_id = ? AND kind = 'product' AND ref = ?",
    )
    const insertDoc = this.db.prepare(
      "INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle) VALUES ('product', ?, ?, ?, ?, ?)",
    )
    const updateDoc = this.db.prepare('UPDATE search_docs SET org_id = ?, title = ?, subtitle = ? WHERE id = ?')
    const touched = new Set<number>()
    let stored = 0
    for (const p of products) {
      if (!isKnown(p.account_id)) continue
      stored++
      touched.add(p.account_id)
      const name = p.customer_name ?? p.internal_name ?? `#${p.id}`
      upsert.run(
        this.accountId,
        p.id,
        p.account_id,
        p.service_id ?? null,
        p.service_name ?? 'unknown',
        name,
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
        this.at,
      )
      const subtitle = [serviceSearchText({ name: p.service_name, id: p.service_id }), p.fqdn].filter(Boolean).join(' ')
      const doc = docOf.get(this.accountId, String(p.id))
      if (!doc) insertDoc.run(this.accountId, p.account_id, String(p.id), name, subtitle)
      else if (doc.title !== name || doc.subtitle !== subtitle || doc.org_id !== p.account_id)
        updateDoc.run(p.account_id, name, subtitle, doc.id)
      // A product without `users[]` has unknown (not no) per-user rights: its rows are kept as they were.
      if (p.users == null) continue
      const before = new Map(rightsOf.all(this.accountId, p.id).map((r) => [r.user_id, r]))
      dropRights.run(this.accountId, p.id)
      for (const u of p.users) {
        const now = {
          technical: b(u.rights.technical),
          statistic: b(u.rights.statistic),
          check: b(u.rights.check),
          sale: b(u.rights.sale),
        }
        insertRight.run(
          this.accountId,
          p.account_id,
          p.id,
          u.user_id,
          now.technical,
          now.statistic,
          now.check,
          now.sale,
        )
        const was = before.get(u.user_id)
        before.delete(u.user_id)
        if (baseline) continue
        for (const right of RIGHTS) {
          if ((was?.[right] ?? 0) === now[right]) continue
          const who = this.person(p.account_id, u.user_id)
          this.history({
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
      if (!baseline) for (const gone of before.values()) this.rightsLost(gone.org_id, p.id, name, gone.user_id, gone)
    }
    for (const org of touched) this.recount(org)
    return stored
  }

  /**
   * Ends a products listing that completed: the products it did not see (not written since `since`, the
   * listing's start), of every organisation or of `orgId` only, are gone. Their rights are recorded as lost
   * (not on a baseline) and their rows and search entries removed. Returns the number of products removed.
   */
  finishProducts(since: number, baseline: boolean, orgId: number | null): number {
    const gone = this.db
      .prepare<
        [{ account: string; since: number; org: number | null }],
        { id: number; org_id: number; customer_name: string }
      >(
        'SELECT id, org_id, customer_name FROM products WHERE account_id = @account AND synced_at < @since AND (@org IS NULL OR org_id = @org)',
      )
      .all({ account: this.accountId, since, org: orgId })
    if (gone.length === 0) return 0
    const rightsOf = this.db.prepare<[string, number], { org_id: number; user_id: number } & Record<RightName, number>>(
      'SELECT org_id, user_id, technical, statistic, "check", sale FROM product_rights WHERE account_id = ? AND product_id = ?',
    )
    const dropRights = this.db.prepare('DELETE FROM product_rights WHERE account_id = ? AND product_id = ?')
    const drop = this.db.prepare('DELETE FROM products WHERE account_id = ? AND id = ?')
    const dropDoc = this.db.prepare("DELETE FROM search_docs WHERE account_id = ? AND kind = 'product' AND ref = ?")
    const touched = new Set<number>()
    for (const p of gone) {
      if (!baseline)
        for (const r of rightsOf.all(this.accountId, p.id))
          this.rightsLost(r.org_id, p.id, p.customer_name, r.user_id, r)
      dropRights.run(this.accountId, p.id)
      drop.run(this.accountId, p.id)
      dropDoc.run(this.accountId, String(p.id))
      touched.add(p.org_id)
    }
    for (const org of touched) this.recount(org)
    return gone.length
  }

  private rightsLost(
    orgId: number,
    productId: number,
    productName: string | null,
    userId: number,
    rights: Record<RightName, number>,
  ): void {
    const who = this.person(orgId, userId)
    for (const right of RIGHTS) {
      if (!rights[right]) continue
      this.history({
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

  /** `/2/accounts/{id}/users?with=security,teams,invitation_details`: members, invitees, team membership. */
  writeOrgUsers(orgId: number, users: readonly AccountUser[], baseline: boolean): void {
    type Old = {
      member_key: string
      email: string
      display_name: string
      role_type: string
      state: string
      has_billing_access: number
      user_id: number | null
    }
    const existing = new Map(
      this.db
        .prepare<[string, number], Old>(
          'SELECT member_key, email, display_name, role_type, state, has_billing_access, user_id FROM org_users WHERE account_id = ? AND org_id = ?',
        )
        .all(this.accountId, orgId)
        .map((r) => [r.member_key, r]),
    )
    const upsert = this.db.prepare(
      `INSERT INTO org_users (account_id, org_id, member_key, user_id, invitation_id, email, first_name, last_name, display_name, role_type, state,
         has_billing_access, is_correspondent, is_correspondent_billing, has_no_manager_access, is_workspace_only, has_2fa, last_login_at,
         invited_at, partnership_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, org_id, member_key) DO UPDATE SET user_id = excluded.user_id, invitation_id = excluded.invitation_id,
         email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name, display_name = excluded.display_name,
         role_type = excluded.role_type, state = excluded.state, has_billing_access = excluded.has_billing_access,
         is_correspondent = excluded.is_correspondent, is_correspondent_billing = excluded.is_correspondent_billing,
         has_no_manager_access = excluded.has_no_manager_access, is_workspace_only = excluded.is_workspace_only,
         has_2fa = excluded.has_2fa, last_login_at = excluded.last_login_at, invited_at = excluded.invited_at,
         partnership_id = excluded.partnership_id, data = excluded.data`,
    )
    const orgName =
      this.db
        .prepare<[string, number], { name: string }>('SELECT name FROM orgs WHERE account_id = ? AND id = ?')
        .get(this.accountId, orgId)?.name ?? null
    const seen = new Set<string>()
    const teamsKnown = users.every((u) => u.user_id == null || u.teams != null)
    const newMembership = new Set<string>()
    const teamNames = new Map<number, string>()
    const index: { ref: string; title: string; subtitle: string }[] = []
    for (const u of users) {
      const key = memberKey(u)
      seen.add(key)
      const email = u.email ?? ''
      const name = u.display_name ?? ([u.first_name, u.last_name].filter(Boolean).join(' ') || email)
      const state = u.state_in_account ?? (u.user_id == null ? 'pending' : 'valid')
      const role = u.role_type ?? 'unknown'
      upsert.run(
        this.accountId,
        orgId,
        key,
        u.user_id ?? null,
        u.invitation_id ?? null,
        email,
        u.first_name ?? null,
        u.last_name ?? null,
        name,
        role,
        state,
        b(u.has_billing_access),
        b(u.is_correspondent),
        b(u.is_correspondent_billing),
        b(u.has_no_manager_access),
        b(u.is_workspace_only),
        has2fa(u),
        u.last_login_at ?? null,
        u.invitation_details?.sent_at ?? null,
        u.partnership_id ?? null,
        json({ is_sso: u.is_sso ?? null, invitation_expires_at: u.invitation_details?.expired_at ?? null }),
      )
      index.push({ ref: key, title: name, subtitle: email })
      if (u.user_id != null) {
        for (const t of u.teams ?? []) {
          newMembership.add(`${t.id}:${u.user_id}`)
          if (t.name) teamNames.set(t.id, t.name)
        }
      }
      const before = existing.get(key)
      if (baseline) continue
      const subject = {
        subjectKey: key,
        subjectEmail: email,
        subjectName: name,
        objectType: 'org' as const,
        objectId: orgId,
        objectName: orgName,
      }
      if (!before) {
        this.history({ orgId, kind: state === 'pending' ? 'invited' : 'member_added', ...subject, after: role })
        if (u.has_billing_access && state !== 'pending') this.history({ orgId, kind: 'billing_gained', ...subject })
        continue
      }
      if (before.role_type !== role)
        this.history({ orgId, kind: 'role_changed', ...subject, before: before.role_type, after: role })
      if (before.has_billing_access !== b(u.has_billing_access)) {
        this.history({ orgId, kind: u.has_billing_access ? 'billing_gained' : 'billing_lost', ...subject })
      }
    }
    for (const [key, row] of existing) {
      if (seen.has(key)) continue
      this.db
        .prepare('DELETE FROM org_users WHERE account_id = ? AND org_id = ? AND member_key = ?')
        .run(this.accountId, orgId, key)
      if (baseline) continue
      this.history({
        orgId,
        kind: row.state === 'pending' ? 'invitation_removed' : 'member_removed',
        subjectKey: key,
        subjectEmail: row.email,
        subjectName: row.display_name,
        objectType: 'org',
        objectId: orgId,
        objectName: orgName,
        before: row.role_type,
      })
    }
    if (teamsKnown) this.replaceTeamMembers(orgId, newMembership, teamNames, baseline)
    this.reindex('person', orgId, index)
    this.recount(orgId)
  }

  /** Team memberships read from each team's member list (users came without their `teams`). */
  writeTeamMembers(
    orgId: number,
    teams: readonly { teamId: number; userIds: readonly number[] }[],
    baseline: boolean,
  ): void {
    const next = new Set<string>()
    for (const t of teams) for (const u of t.userIds) next.add(`${t.teamId}:${u}`)
    this.replaceTeamMembers(orgId, next, new Map(), baseline)
  }

  private replaceTeamMembers(
    orgId: number,
    next: Set<string>,
    teamNames: Map<number, string>,
    baseline: boolean,
  ): void {
    const old = new Set(
      this.db
        .prepare<[string, number], { team_id: number; user_id: number }>(
          'SELECT team_id, user_id FROM team_members WHERE account_id = ? AND org_id = ?',
        )
        .all(this.accountId, orgId)
        .map((r) => `${r.team_id}:${r.user_id}`),
    )
    const insert = this.db.prepare(
      'INSERT INTO team_members (account_id, org_id, team_id, user_id) VALUES (?, ?, ?, ?)',
    )
    const del = this.db.prepare(
      'DELETE FROM team_members WHERE account_id = ? AND org_id = ? AND team_id = ? AND user_id = ?',
    )
    const teamName = (id: number): string | null =>
      teamNames.get(id) ??
      this.db
        .prepare<[string, number, number], { name: string }>(
          'SELECT name FROM teams WHERE account_id = ? AND org_id = ? AND id = ?',
        )
        .get(this.accountId, orgId, id)?.name ??
      null
    for (const key of next) {
      if (old.has(key)) continue
      const [teamId, userId] = key.split(':').map(Number) as [number, number]
      insert.run(this.accountId, orgId, teamId, userId)
      if (baseline) continue
      const who = this.person(orgId, userId)
      this.history({
        orgId,
        kind: 'team_joined',
        subjectKey: `u:${userId}`,
        subjectEmail: who.email,
        subjectName: who.name,
        objectType: 'team',
        objectId: teamId,
        objectName: teamName(teamId),
      })
    }
    for (const key of old) {
      if (next.has(key)) continue
      const [teamId, userId] = key.split(':').map(Number) as [number, number]
      del.run(this.accountId, orgId, teamId, userId)
      if (baseline) continue
      const who = this.person(orgId, userId)
      this.history({
        orgId,
        kind: 'team_left',
        subjectKey: `u:${userId}`,
        subjectEmail: who.email,
        subjectName: who.name,
        objectType: 'team',
        objectId: teamId,
        objectName: teamName(teamId),
      })
    }
  }

  /** `/1/accounts/{id}/teams`: teams with leader and permissions. */
  writeTeams(orgId: number, teams: readonly Team[]): void {
    const existing = new Set(
      this.db
        .prepare<[string, number], { id: number }>('SELECT id FROM teams WHERE account_id = ? AND org_id = ?')
        .all(this.accountId, orgId)
        .map((r) => r.id),
    )
    const upsert = this.db.prepare(
      `INSERT INTO teams (account_id, org_id, id, name, owned_by_id, user_count, product_count, permissions, created_at, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, org_id, id) DO UPDATE SET name = excluded.name, owned_by_id = excluded.owned_by_id,
         user_count = excluded.user_count, product_count = excluded.product_count, permissions = excluded.permissions,
         created_at = excluded.created_at, data = excluded.data`,
    )
    const seen = new Set<number>()
    for (const t of teams) {
      seen.add(t.id)
      upsert.run(
        this.accountId,
        orgId,
        t.id,
        t.name,
        t.owned_by_id ?? null,
        t.user_count ?? null,
        t.product_count ?? null,
        json(t.permissions ?? []),
        t.created_at ?? null,
        json({
          description: t.description ?? null,
          color_id: t.color_id ?? null,
          created_by_id: t.created_by_id ?? null,
        }),
      )
    }
    for (const id of existing) {
      if (seen.has(id)) continue
      this.db.prepare('DELETE FROM teams WHERE account_id = ? AND org_id = ? AND id = ?').run(this.accountId, orgId, id)
      this.db
        .prepare('DELETE FROM team_members WHERE account_id = ? AND org_id = ? AND team_id = ?')
        .run(this.accountId, orgId, id)
    }
  }
}
