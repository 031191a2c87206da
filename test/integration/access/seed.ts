import type Database from 'better-sqlite3'

/** Writes cache rows directly (no HTTP): for hygiene tests and access benchmarks. */
export class CacheSeed {
  private readonly s: Record<string, Database.Statement>
  constructor(
    db: Database.Database,
    readonly accountId: string,
  ) {
    this.s = {
      org: db.prepare("INSERT INTO orgs (account_id, id, name, role, synced_at, data) VALUES (?, ?, ?, ?, ?, '{}')"),
      user: db.prepare(
        `INSERT INTO org_users (account_id, org_id, member_key, user_id, invitation_id, email, first_name, last_name, display_name,
           role_type, state, has_billing_access, has_2fa, last_login_at, invited_at)
         VALUES (@account, @org, @key, @userId, @invitationId, @email, NULL, NULL, @name, @role, @state, @billing, @has2fa, @lastLoginAt, @invitedAt)`,
      ),
      product: db.prepare(
        `INSERT INTO products (account_id, id, org_id, service_id, service_name, customer_name, synced_at)
         VALUES (?, ?, ?, ?, ?, ?, 0)`,
      ),
      right: db.prepare(
        `INSERT INTO product_rights (account_id, org_id, product_id, user_id, technical, statistic, "check", sale)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      team: db.prepare(
        'INSERT INTO teams (account_id, org_id, id, name, owned_by_id, permissions) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      member: db.prepare('INSERT INTO team_members (account_id, org_id, team_id, user_id) VALUES (?, ?, ?, ?)'),
      state: db.prepare(
        `INSERT OR REPLACE INTO sync_state (account_id, org_id, resource, status, synced_at, attempted_at)
         VALUES (?, ?, ?, 'ok', ?, ?)`,
      ),
    }
  }

  static account(db: Database.Database, id: string, label = id): CacheSeed {
    db.prepare(
      "INSERT INTO accounts (id, label, base_url, state, is_demo, scopes, created_at) VALUES (?, ?, 'http://127.0.0.1:1', 'ok', 0, '[]', 0)",
    ).run(id, label)
    return new CacheSeed(db, id)
  }

  org(id: number, name: string, role = 'owner', syncedAt = 0): this {
    this.s.org!.run(this.accountId, id, name, role, syncedAt)
    for (const r of ['users', 'teams']) this.s.state!.run(this.accountId, id, r, syncedAt, syncedAt)
    return this
  }

  user(
    org: number,
    u: {
      userId?: number
      invitationId?: number
      email: string
      name?: string
      role?: string
      pending?: boolean
      billing?: boolean
      has2fa?: boolean | null
      lastLoginAt?: number | null
      invitedAt?: number | null
    },
  ): this {
    const pending = u.pending ?? false
    this.s.user!.run({
      account: this.accountId,
      org,
      key: pending ? `i:${u.invitationId}` : `u:${u.userId}`,
      userId: pending ? null : (u.userId ?? null),
      invitationId: pending ? (u.invitationId ?? null) : null,
      email: u.email,
      name: u.name ?? u.email,
      role: u.role ?? 'normal',
      state: pending ? 'pending' : 'valid',
      billing: u.billing ? 1 : 0,
      has2fa: u.has2fa === undefined || u.has2fa === null ? null : u.has2fa ? 1 : 0,
      lastLoginAt: u.lastLoginAt ?? null,
      invitedAt: u.invitedAt ?? null,
    })
    return this
  }

  product(
    org: number,
    id: number,
    serviceId: number,
    serviceName = `service${serviceId}`,
    name = `product ${id}`,
  ): this {
    this.s.product!.run(this.accountId, id, org, serviceId, serviceName, name)
    return this
  }

  right(org: number, productId: number, userId: number, mask: number): this {
    this.s.right!.run(
      this.accountId,
      org,
      productId,
      userId,
      mask & 1 ? 1 : 0,
      mask & 2 ? 1 : 0,
      mask & 4 ? 1 : 0,
      mask & 8 ? 1 : 0,
    )
    return this
  }

  team(
    org: number,
    id: number,
    name: string,
    leader: number | null,
    permissions: { service_id: number; product_id: number | null; rights: string[] }[] = [],
    members: number[] = [],
  ): this {
    this.s.team!.run(this.accountId, org, id, name, leader, JSON.stringify(permissions))
    for (const m of members) this.s.member!.run(this.accountId, org, id, m)
    return this
  }
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * One large organization (default 300 members + 30 invitees × 2,000 products in 40 services, 20 direct
 * grants per member, 20 teams of 15 with service-wide and single-product grants), written in one transaction.
 */
export function seedLargeOrg(
  db: Database.Database,
  o: { accountId: string; orgId: number; name?: string; users?: number; products?: number; syncedAt?: number },
): CacheSeed {
  const nUsers = o.users ?? 300
  const nProducts = o.products ?? 2000
  const services = 40
  const rnd = prng(42)
  const seed = CacheSeed.account(db, o.accountId)
  const org = o.orgId
  db.transaction(() => {
    seed.org(org, o.name ?? 'Large client SA', 'owner', o.syncedAt ?? 0)
    for (let p = 0; p < nProducts; p++) seed.product(org, 10_000 + p, 1 + (p % services))
    for (let u = 0; u < nUsers; u++) {
      const userId = 100_000 + u
      seed.user(org, {
        userId,
        email: `user${u}@large.ch`,
        name: `User ${String(u).padStart(3, '0')}`,
        role: u < 3 ? 'owner' : u < 20 ? 'admin' : 'normal',
        has2fa: rnd() < 0.7,
        lastLoginAt: 1_700_000_000,
      })
      const direct = new Set<number>()
      for (let k = 0; k < 20; k++) direct.add(Math.floor(rnd() * nProducts))
      for (const p of direct) seed.right(org, 10_000 + p, userId, 1 + Math.floor(rnd() * 15))
    }
    for (let i = 0; i < 30; i++) seed.user(org, { invitationId: 900_000 + i, email: `invitee${i}@x.ch`, pending: true })
    for (let t = 0; t < 20; t++) {
      const members = new Set<number>()
      for (let k = 0; k < 15; k++) members.add(100_000 + Math.floor(rnd() * nUsers))
      seed.team(
        org,
        5_000 + t,
        `Team ${t}`,
        t % 4 === 0 ? null : 100_000 + t,
        [
          { service_id: 1 + (t % services), product_id: null, rights: ['technical', 'statistic'] },
          { service_id: 1 + ((t + 7) % services), product_id: 10_000 + t * 13, rights: ['sale'] },
        ],
        [...members],
      )
    }
  })()
  return seed
}
