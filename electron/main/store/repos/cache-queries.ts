import type Database from 'better-sqlite3'
import type { OrgSummary, OrgUserRow, ProductRow } from '../../../../shared/domain/cache'

/** Read models for the renderer and the CLI. Every statement is indexed. */
export class CacheQueries {
  constructor(private readonly db: Database.Database) {}

  orgs(accountId?: string): OrgSummary[] {
    type Row = {
      account_id: string
      id: number
      name: string
      role: string
      legal_entity_type: string | null
      is_partner_client: number
      product_count: number
      user_count: number
    }
    const columns =
      'account_id, id, name, role, legal_entity_type, is_partner_client, product_count, user_count FROM orgs'
    const rows =
      accountId === undefined
        ? this.db.prepare<[], Row>(`SELECT ${columns} ORDER BY name COLLATE NOCASE, account_id`).all()
        : this.db
            .prepare<[string], Row>(`SELECT ${columns} WHERE account_id = ? ORDER BY name COLLATE NOCASE`)
            .all(accountId)
    // "As of" of an organization: the oldest of its own resources and the account-wide ones.
    const asOf = new Map<string, number | null>()
    const accountWide = new Map<string, number | null>()
    for (const s of this.db
      .prepare<[], { account_id: string; org_id: number; t: number | null }>(
        `SELECT account_id, org_id, min(synced_at) AS t FROM sync_state
         WHERE resource IN ('orgs', 'products', 'users', 'teams') GROUP BY account_id, org_id`,
      )
      .all()) {
      if (s.org_id === 0) accountWide.set(s.account_id, s.t)
      else asOf.set(`${s.account_id}:${s.org_id}`, s.t)
    }
    // Products of an organisation are complete once a listing that covers it completed: its own
    // (`GET /1/products?account_id=`) or the account-wide one; "as of" is the newer of the two.
    const productsAsOf = new Map<string, number>()
    for (const s of this.db
      .prepare<[], { account_id: string; org_id: number; t: number }>(
        "SELECT account_id, org_id, synced_at AS t FROM sync_state WHERE resource = 'products' AND synced_at IS NOT NULL",
      )
      .all())
      productsAsOf.set(`${s.account_id}:${s.org_id}`, s.t)
    return rows.map((r) => {
      const own = asOf.get(`${r.account_id}:${r.id}`) ?? null
      const wide = accountWide.get(r.account_id) ?? null
      const productsOwn = productsAsOf.get(`${r.account_id}:${r.id}`) ?? null
      const productsWide = productsAsOf.get(`${r.account_id}:0`) ?? null
      const products =
        productsOwn === null ? productsWide : productsWide === null ? productsOwn : Math.max(productsOwn, productsWide)
      return {
        accountId: r.account_id,
        id: r.id,
        name: r.name,
        role: r.role,
        legalEntityType: r.legal_entity_type,
        isPartnerClient: r.is_partner_client === 1,
        productCount: r.product_count,
        userCount: r.user_count,
        syncedAt: own === null ? wide : wide === null ? own : Math.min(own, wide),
        productsComplete: products !== null,
        productsAsOf: products,
      }
    })
  }

  /**
   * Products, filtered by account, organization and/or an expiry window (unix seconds).
   * The SQL is built from the filters actually given, so each form uses its index
   * (`(@x IS NULL OR col = @x)` would defeat them all).
   */
  products(filter: {
    accountId?: string | undefined
    orgId?: number | undefined
    expiringFrom?: number | undefined
    expiringBefore?: number | undefined
    /** At most this many rows (first page); see {@link countProducts} for the total. */
    limit?: number | undefined
  }): ProductRow[] {
    const where: string[] = []
    const params: Record<string, string | number> = {}
    if (filter.accountId !== undefined) {
      where.push('account_id = @account')
      params.account = filter.accountId
    }
    if (filter.orgId !== undefined) {
      where.push('org_id = @org')
      params.org = filter.orgId
    }
    const byExpiry = filter.expiringFrom !== undefined || filter.expiringBefore !== undefined
    if (byExpiry) where.push('expired_at IS NOT NULL')
    if (filter.expiringFrom !== undefined) {
      where.push('expired_at >= @from')
      params.from = filter.expiringFrom
    }
    if (filter.expiringBefore !== undefined) {
      where.push('expired_at <= @before')
      params.before = filter.expiringBefore
    }
    const sql = `SELECT account_id, id, org_id, service_name, customer_name, internal_name, fqdn, created_at, expired_at,
                        is_trial, is_locked, has_maintenance, has_operation_in_progress, tags
                 FROM products ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY ${byExpiry ? 'expired_at, id' : 'customer_name COLLATE NOCASE, id'}
                 ${filter.limit !== undefined ? 'LIMIT @limit' : ''}`
    if (filter.limit !== undefined) params.limit = filter.limit
    const rows = this.db
      .prepare<
        Record<string, string | number>,
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
      >(sql)
      .all(params)
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
      tags:
        r.tags === '[]'
          ? []
          : (JSON.parse(r.tags) as { id: number; name: string }[]).map((t) => ({ id: t.id, name: t.name })),
    }))
  }

  /** How many products expire in a window (unix seconds), from the expiry index alone. */
  countExpiring(from: number, before: number): number {
    return (
      this.db
        .prepare<[number, number], { n: number }>(
          'SELECT count(*) AS n FROM products WHERE expired_at IS NOT NULL AND expired_at >= ? AND expired_at <= ?',
        )
        .get(from, before)?.n ?? 0
    )
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
    const terms = words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ')
    const statement = this.db.prepare<
      { match: string; limit: number },
      { kind: string; accountId: string; orgId: number; ref: string; title: string; subtitle: string }
    >(
      `SELECT d.kind, d.account_id AS accountId, d.org_id AS orgId, d.ref, d.title, d.subtitle
       FROM search_index JOIN search_docs d ON d.id = search_index.rowid
       WHERE search_index MATCH @match ORDER BY search_index.rank LIMIT @limit`,
    )
    // One ranked query per kind: `kind` is an indexed FTS column, so each is its own top n.
    return (['org', 'person', 'product'] as const).flatMap((kind) =>
      statement.all({ match: `kind:${kind} AND {title subtitle}:(${terms})`, limit }),
    )
  }

  /** Service and domain of products by id (for the subtitles of product search hits). */
  productBriefs(
    refs: readonly { accountId: string; id: number }[],
  ): Map<string, { serviceName: string; serviceId: number | null; fqdn: string | null }> {
    const statement = this.db.prepare<
      [string, number],
      { service_name: string; service_id: number | null; fqdn: string | null }
    >('SELECT service_name, service_id, fqdn FROM products WHERE account_id = ? AND id = ?')
    const out = new Map<string, { serviceName: string; serviceId: number | null; fqdn: string | null }>()
    for (const r of refs) {
      const row = statement.get(r.accountId, r.id)
      if (row)
        out.set(`${r.accountId}:${r.id}`, { serviceName: row.service_name, serviceId: row.service_id, fqdn: row.fqdn })
    }
    return out
  }
}
