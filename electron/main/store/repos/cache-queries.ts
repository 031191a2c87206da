import type Database from 'better-sqlite3'
import type { OrgRole, OrgSummary, OrgUserRow, ProductRow } from '../../../../shared/domain/cache'

const ROLES: readonly string[] = ['owner', 'admin', 'normal', 'client']

/** Read models for the renderer and the CLI. Every statement is indexed. */
export class CacheQueries {
  constructor(private readonly db: Database.Database) {}

  orgs(accountId?: string): OrgSummary[] {
    const rows = this.db
      .prepare<
        { account: string | null },
        {
          account_id: string
          id: number
          name: string
          role: string
          legal_entity_type: string | null
          is_partner_client: number
          product_count: number
          user_count: number
          synced_at: number | null
        }
      >(
        `SELECT o.account_id, o.id, o.name, o.role, o.legal_entity_type, o.is_partner_client,
           (SELECT count(*) FROM products p WHERE p.account_id = o.account_id AND p.org_id = o.id) AS product_count,
           (SELECT count(*) FROM org_users u WHERE u.account_id = o.account_id AND u.org_id = o.id AND u.user_id IS NOT NULL) AS user_count,
           (SELECT min(s.synced_at) FROM sync_state s
              WHERE s.account_id = o.account_id AND s.org_id IN (0, o.id) AND s.resource IN ('orgs', 'products', 'users', 'teams')) AS synced_at
         FROM orgs o
         WHERE @account IS NULL OR o.account_id = @account
         ORDER BY o.name COLLATE NOCASE, o.account_id`,
      )
      .all({ account: accountId ?? null })
    return rows.map((r) => ({
      accountId: r.account_id,
      id: r.id,
      name: r.name,
      role: (ROLES.includes(r.role) ? r.role : 'unknown') as OrgRole,
      legalEntityType: r.legal_entity_type,
      isPartnerClient: r.is_partner_client === 1,
      productCount: r.product_count,
      userCount: r.user_count,
      syncedAt: r.synced_at,
    }))
  }

  products(filter: {
    accountId?: string | undefined
    orgId?: number | undefined
    expiringBefore?: number | undefined
  }): ProductRow[] {
    const rows = this.db
      .prepare<
        { account: string | null; org: number | null; before: number | null },
        {
          account_id: string
          id: number
          org_id: number
          service_name: string
          customer_name: string
          internal_name: string | null
          fqdn: string | null
          created_at: number | null
          expired_at: number | null
          is_trial: number
          is_locked: number
          has_maintenance: number
          has_operation_in_progress: number
          tags: string
        }
      >(
        `SELECT account_id, id, org_id, service_name, customer_name, internal_name, fqdn, created_at, expired_at,
                is_trial, is_locked, has_maintenance, has_operation_in_progress, tags
         FROM products
         WHERE (@account IS NULL OR account_id = @account)
           AND (@org IS NULL OR org_id = @org)
           AND (@before IS NULL OR (expired_at IS NOT NULL AND expired_at <= @before))
         ORDER BY customer_name COLLATE NOCASE, id`,
      )
      .all({ account: filter.accountId ?? null, org: filter.orgId ?? null, before: filter.expiringBefore ?? null })
    return rows.map((r) => ({
      accountId: r.account_id,
      id: r.id,
      orgId: r.org_id,
      serviceName: r.service_name,
      customerName: r.customer_name,
      internalName: r.internal_name,
      fqdn: r.fqdn,
      createdAt: r.created_at,
      expiredAt: r.expired_at,
      isTrial: r.is_trial === 1,
      isLocked: r.is_locked === 1,
      hasMaintenance: r.has_maintenance === 1,
      hasOperationInProgress: r.has_operation_in_progress === 1,
      tags: (JSON.parse(r.tags) as { id: number; name: string }[]).map((t) => ({ id: t.id, name: t.name })),
    }))
  }

  users(accountId: string, orgId: number): OrgUserRow[] {
    const rows = this.db
      .prepare<
        [string, number],
        {
          account_id: string
          org_id: number
          member_key: string
          user_id: number | null
          invitation_id: number | null
          email: string
          display_name: string
          role_type: string
          state: string
          has_billing_access: number
          has_2fa: number | null
          last_login_at: number | null
          team_ids: string
        }
      >(
        `SELECT u.account_id, u.org_id, u.member_key, u.user_id, u.invitation_id, u.email, u.display_name, u.role_type, u.state,
                u.has_billing_access, u.has_2fa, u.last_login_at,
                COALESCE((SELECT json_group_array(tm.team_id) FROM team_members tm
                  WHERE tm.account_id = u.account_id AND tm.org_id = u.org_id AND tm.user_id = u.user_id), '[]') AS team_ids
         FROM org_users u
         WHERE u.account_id = ? AND u.org_id = ?
         ORDER BY u.state DESC, u.display_name COLLATE NOCASE`,
      )
      .all(accountId, orgId)
    return rows.map((r) => ({
      accountId: r.account_id,
      orgId: r.org_id,
      memberKey: r.member_key,
      userId: r.user_id,
      invitationId: r.invitation_id,
      email: r.email,
      displayName: r.display_name,
      roleType: r.role_type,
      state: r.state,
      hasBillingAccess: r.has_billing_access === 1,
      has2fa: r.has_2fa === null ? null : r.has_2fa === 1,
      lastLoginAt: r.last_login_at,
      teamIds: (JSON.parse(r.team_ids) as number[]).sort((a, b) => a - b),
    }))
  }

  /**
   * Every membership and pending invitation of a person (by e-mail, case-insensitive) across
   * all organizations of all accounts.
   */
  personByEmail(
    email: string,
  ): { accountId: string; orgId: number; orgName: string; memberKey: string; roleType: string; state: string }[] {
    return this.db
      .prepare<
        [string],
        { accountId: string; orgId: number; orgName: string; memberKey: string; roleType: string; state: string }
      >(
        `SELECT u.account_id AS accountId, u.org_id AS orgId, o.name AS orgName, u.member_key AS memberKey, u.role_type AS roleType, u.state
         FROM org_users u JOIN orgs o ON o.account_id = u.account_id AND o.id = u.org_id
         WHERE u.email = ? COLLATE NOCASE
         ORDER BY o.name COLLATE NOCASE`,
      )
      .all(email.trim())
  }

  /**
   * Full-text search over organizations, products (and domains) and people, accents folded,
   * each word matched as a prefix. Returns at most `limit` hits per kind, best first.
   */
  search(
    text: string,
    limit = 8,
  ): { kind: string; accountId: string; orgId: number; ref: string; title: string; subtitle: string }[] {
    const words = text
      .normalize('NFKC')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0)
      .slice(0, 8)
    if (words.length === 0) return []
    const match = words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ')
    return this.db
      .prepare<
        { match: string; limit: number },
        { kind: string; accountId: string; orgId: number; ref: string; title: string; subtitle: string }
      >(
        `SELECT kind, accountId, orgId, ref, title, subtitle FROM (
           SELECT kind, account_id AS accountId, org_id AS orgId, ref, title, subtitle,
                  row_number() OVER (PARTITION BY kind ORDER BY rank) AS n
           FROM search_index WHERE search_index MATCH @match
         ) WHERE n <= @limit ORDER BY kind, n`,
      )
      .all({ match, limit })
  }
}
