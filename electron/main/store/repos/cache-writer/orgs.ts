import type { ApiOrg } from '../../../api/schemas'
import { isPartnerClientOrg } from '../../../../../shared/domain/roles'
import { json, type WriterContext } from './context'

/** The token owner, as the subject of the organization history rows. */
export interface OrgOwner {
  key: string
  email: string | null
  name: string | null
}

const ORG_TABLES = ['org_users', 'teams', 'team_members', 'product_rights', 'products', 'sync_state', 'search_docs']

/** Deletes everything cached about an organization the token no longer reaches. */
function purgeOrg(c: WriterContext, orgId: number): void {
  for (const table of ORG_TABLES) {
    c.stmt(`DELETE FROM ${table} WHERE account_id = ? AND org_id = ?`).run(c.accountId, orgId)
  }
}

/** `/1/accounts`: the organizations and the token owner's role in each. */
export function writeOrgs(c: WriterContext, orgs: readonly ApiOrg[], owner: OrgOwner, baseline: boolean): void {
  const existing = new Map(
    c
      .stmt<[string], { id: number; name: string; role: string }>(
        'SELECT id, name, role FROM orgs WHERE account_id = ?',
      )
      .all(c.accountId)
      .map((r) => [r.id, r]),
  )
  const upsert = c.stmt(
    `INSERT INTO orgs (account_id, id, name, role, legal_entity_type, logo, is_partner_client, partner_id, nb_users, created_at, data, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, id) DO UPDATE SET name = excluded.name, role = excluded.role,
       legal_entity_type = excluded.legal_entity_type, logo = excluded.logo, is_partner_client = excluded.is_partner_client,
       partner_id = excluded.partner_id, nb_users = excluded.nb_users, created_at = excluded.created_at,
       data = excluded.data, synced_at = excluded.synced_at`,
  )
  const subject = { subjectKey: owner.key, subjectEmail: owner.email, subjectName: owner.name }
  const seen = new Set<number>()
  for (const o of orgs) {
    seen.add(o.id)
    const role = (o.type ?? '').trim()
    upsert.run(
      c.accountId,
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
      c.at,
    )
    const before = existing.get(o.id)
    if (baseline) continue
    const object = { orgId: o.id, objectType: 'org' as const, objectId: o.id, objectName: o.name }
    if (!before) c.history({ ...object, ...subject, kind: 'org_added', after: role })
    else if (before.role !== role)
      c.history({ ...object, ...subject, kind: 'role_changed', before: before.role, after: role })
  }
  const drop = c.stmt('DELETE FROM orgs WHERE account_id = ? AND id = ?')
  for (const [id, row] of existing) {
    if (seen.has(id)) continue
    drop.run(c.accountId, id)
    purgeOrg(c, id)
    if (!baseline) {
      c.history({
        orgId: id,
        kind: 'org_removed',
        ...subject,
        objectType: 'org',
        objectId: id,
        objectName: row.name,
        before: row.role,
      })
    }
  }
  c.reindex(
    'org',
    null,
    orgs.map((o) => ({ ref: String(o.id), title: o.name, subtitle: o.type ?? '' })),
  )
  c.recount(null)
}
