/**
 * The live data plus lookup indexes. Every mutation goes through this class (API writes and the
 * control API alike) and marks the indexes stale; they are rebuilt on the next read.
 */
import type {
  Invitation,
  Invoice,
  Membership,
  Org,
  Partnership,
  Product,
  SandboxData,
  Tag,
  Team,
  TokenDef,
  User,
} from './model'
import { orgAccess, type Access } from './truth'

export class Index {
  readonly orgs = new Map<number, Org>()
  readonly users = new Map<number, User>()
  readonly usersByEmail = new Map<string, User>()
  readonly products = new Map<number, Product>()
  readonly teams = new Map<number, Team>()
  readonly invitations = new Map<number, Invitation>()
  readonly partnerships = new Map<number, Partnership>()
  readonly invoices = new Map<number, Invoice>()
  readonly tokensByValue = new Map<string, TokenDef>()
  readonly tokensByName = new Map<string, TokenDef>()
  readonly productsByOrg = new Map<number, Product[]>()
  readonly membersByOrg = new Map<number, Map<number, Membership>>()
  readonly membershipsByUser = new Map<number, Membership[]>()
  readonly teamsByOrg = new Map<number, Team[]>()
  readonly tagsByOrg = new Map<number, Tag[]>()
  readonly tags = new Map<number, Tag>()
  readonly invitationsByOrg = new Map<number, Invitation[]>()
  readonly partnershipsByPartner = new Map<number, Partnership[]>()
  readonly partnershipByCustomer = new Map<number, Partnership>()
  readonly invoicesByOrg = new Map<number, Invoice[]>()
  readonly domains = new Map<string, Product>()

  constructor(data: SandboxData) {
    const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
      const list = map.get(key)
      if (list) list.push(value)
      else map.set(key, [value])
    }
    for (const o of data.orgs) this.orgs.set(o.id, o)
    for (const u of data.users) {
      this.users.set(u.id, u)
      this.usersByEmail.set(u.email.toLowerCase(), u)
    }
    for (const p of data.products) {
      this.products.set(p.id, p)
      push(this.productsByOrg, p.accountId, p)
      if (p.serviceName === 'domain') this.domains.set(p.customerName, p)
    }
    for (const m of data.memberships) {
      let map = this.membersByOrg.get(m.accountId)
      if (!map) this.membersByOrg.set(m.accountId, (map = new Map()))
      map.set(m.userId, m)
      push(this.membershipsByUser, m.userId, m)
    }
    for (const t of data.teams) {
      this.teams.set(t.id, t)
      push(this.teamsByOrg, t.accountId, t)
    }
    for (const t of data.tags) {
      this.tags.set(t.id, t)
      push(this.tagsByOrg, t.accountId, t)
    }
    for (const i of data.invitations) {
      this.invitations.set(i.id, i)
      push(this.invitationsByOrg, i.accountId, i)
    }
    for (const p of data.partnerships) {
      this.partnerships.set(p.id, p)
      push(this.partnershipsByPartner, p.partnerAccountId, p)
      this.partnershipByCustomer.set(p.customerAccountId, p)
    }
    for (const i of data.invoices) {
      this.invoices.set(i.id, i)
      push(this.invoicesByOrg, i.accountId, i)
    }
    for (const t of data.tokens) {
      this.tokensByValue.set(t.token, t)
      this.tokensByName.set(t.name, t)
    }
  }
}

export class Store {
  private index: Index | null = null
  private readonly accessCache = new Map<number, Map<number, Access>>()

  constructor(readonly data: SandboxData) {}

  get ix(): Index {
    if (!this.index) this.index = new Index(this.data)
    return this.index
  }

  /** Call after any mutation. */
  touch(): void {
    this.index = null
    this.accessCache.clear()
  }

  /** The organisations a user reaches, with the role (`type`) in each. */
  access(userId: number): Map<number, Access> {
    let a = this.accessCache.get(userId)
    if (!a) {
      a = orgAccessIndexed(this.ix, userId)
      this.accessCache.set(userId, a)
    }
    return a
  }

  membership(accountId: number, userId: number): Membership | undefined {
    return this.ix.membersByOrg.get(accountId)?.get(userId)
  }

  allocId(kind: keyof SandboxData['nextIds']): number {
    const id = this.data.nextIds[kind]
    this.data.nextIds[kind] = id + 1
    return id
  }
}

/** Same rule as `truth.orgAccess`, using the indexes. */
function orgAccessIndexed(ix: Index, userId: number): Map<number, Access> {
  const out = new Map<number, Access>()
  const mine = ix.membershipsByUser.get(userId) ?? []
  for (const m of mine) out.set(m.accountId, { orgId: m.accountId, type: m.role, membership: m, partnership: null })
  for (const m of mine) {
    if (m.role !== 'owner') continue
    for (const p of ix.partnershipsByPartner.get(m.accountId) ?? []) {
      const existing = out.get(p.customerAccountId)
      if (existing) existing.partnership = p
      else if (ix.orgs.has(p.customerAccountId))
        out.set(p.customerAccountId, {
          orgId: p.customerAccountId,
          type: 'client',
          membership: null,
          partnership: p,
        })
    }
  }
  return out
}

export { orgAccess }
