/** Determinism by hash, realism of the generated agency, and generation time of the large scale. */
import { describe, expect, it } from 'vitest'
import { effectiveRights, generate, hashData, resolveCounts } from '../../../electron/sandbox/index'
import { REF } from './helpers'

const DAY = 86_400

describe('determinism', () => {
  it('gives the same hash for the same seed and a different one for another seed', () => {
    const a = hashData(generate({ seed: 42, referenceTime: REF, scale: 'demo' }))
    const b = hashData(generate({ seed: 42, referenceTime: REF, scale: 'demo' }))
    const c = hashData(generate({ seed: 43, referenceTime: REF, scale: 'demo' }))
    const d = hashData(generate({ seed: 42, referenceTime: REF + DAY * 1000, scale: 'demo' }))
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(b).toBe(a)
    expect(c).not.toBe(a)
    expect(d).not.toBe(a)
  })

  it('derives the tokens from the seed', () => {
    const a = generate({ seed: 5, referenceTime: REF, scale: 'tiny' }).tokens
    const b = generate({ seed: 5, referenceTime: REF, scale: 'tiny' }).tokens
    const c = generate({ seed: 6, referenceTime: REF, scale: 'tiny' }).tokens
    expect(a.map((t) => t.token)).toEqual(b.map((t) => t.token))
    expect(a[0]!.token).not.toBe(c[0]!.token)
    expect(a.map((t) => t.name)).toEqual(['owner', 'staff', 'limited', 'noscope', 'client', 'revoked', 'expired'])
  })

  it('never uses Math.random in the sandbox sources', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const dir = new URL('../../../electron/sandbox/', import.meta.url)
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.ts'))
    expect(files).toContain('generate/index.ts')
    for (const f of files) {
      const src = readFileSync(new URL(f, dir), 'utf8')
      expect(src.includes('Math.random'), f).toBe(false)
      expect(/from ['"]electron['"]/.test(src), f).toBe(false)
    }
  })
})

describe('scales', () => {
  it('resolves tiny, demo and large', () => {
    expect(resolveCounts({ scale: 'tiny' })).toEqual({ orgs: 3, products: 30, users: 16 })
    expect(resolveCounts({ scale: 'demo' })).toEqual({ orgs: 40, products: 600, users: 240 })
    expect(resolveCounts({ scale: 'large' })).toEqual({ orgs: 1000, products: 100_000, users: 20_000 })
    expect(resolveCounts({ orgs: 300 })).toEqual({ orgs: 300, products: 4500, users: 1800 })
  })

  it('generates the large scale (1,000 orgs, 100,000 products, 20,000 users) in a few seconds', () => {
    const t0 = performance.now()
    const d = generate({ seed: 42, referenceTime: REF, scale: 'large' })
    const ms = performance.now() - t0
    expect(d.orgs).toHaveLength(1000)
    expect(d.products).toHaveLength(100_000)
    expect(d.users).toHaveLength(20_000)
    expect(new Set(d.products.map((p) => p.id)).size).toBe(100_000)
    expect(ms).toBeLessThan(15_000)
  })
})

describe('realism (demo scale)', () => {
  const d = generate({ seed: 42, referenceTime: REF, scale: 'demo' })
  const ref = REF / 1000
  const membersOf = (org: number) => d.memberships.filter((m) => m.accountId === org)

  it('names organisations in four languages with legal forms, accents and apostrophes', () => {
    const names = d.orgs.map((o) => o.name).join('\n')
    expect(names).toMatch(/\b(SA|Sàrl|AG|GmbH|Sagl|SARL|Ltd|Association|Verein|Stiftung|Fondation)\b/)
    expect(names).toMatch(/[àâäéèêëïîôöùûüç]/i)
    expect(names).toMatch(/'/)
    const languages = new Set(d.orgs.map((o) => o.language))
    expect(languages.size).toBeGreaterThanOrEqual(3)
    expect(new Set(d.orgs.map((o) => o.currency))).toEqual(new Set(['CHF', 'EUR']))
  })

  it('mixes TLDs and services, domains and e-mail hosting first', () => {
    const domains = d.products.filter((p) => p.serviceName === 'domain').map((p) => p.customerName.split('.').pop())
    for (const tld of ['ch', 'swiss', 'com']) expect(domains).toContain(tld)
    expect(new Set(domains).size).toBeGreaterThanOrEqual(4)
    const count = (s: string) => d.products.filter((p) => p.serviceName === s).length
    expect(count('domain')).toBeGreaterThan(count('email_hosting'))
    expect(count('email_hosting')).toBeGreaterThan(count('drive'))
    for (const s of ['drive', 'ksuite', 'swiss_backup', 'certificate', 'hosting'])
      expect(count(s), s).toBeGreaterThan(0)
  })

  it('spreads expiry over the last and next 18 months with flagged products', () => {
    const exp = d.products.map((p) => p.expiredAt).filter((x): x is number => x !== null)
    expect(exp.some((x) => x < ref - 300 * DAY)).toBe(true)
    expect(exp.some((x) => x > ref + 400 * DAY)).toBe(true)
    expect(exp.some((x) => x > ref && x < ref + 14 * DAY)).toBe(true)
    expect(exp.every((x) => x >= ref - 550 * DAY && x <= ref + 550 * DAY)).toBe(true)
    for (const flag of ['isLocked', 'hasMaintenance', 'isTrial', 'hasOperationInProgress'] as const)
      expect(
        d.products.some((p) => p[flag]),
        flag,
      ).toBe(true)
  })

  it('has single legal representatives, broad collaborators, old invitations and 2FA mixes', () => {
    expect(d.orgs.some((o) => membersOf(o.id).filter((m) => m.role === 'owner').length === 1)).toBe(true)
    expect(d.orgs.some((o) => membersOf(o.id).filter((m) => m.role === 'owner').length > 1)).toBe(true)
    const broad = d.products.some((p) =>
      p.users.some((u) => u.rights.technical && u.rights.statistic && u.rights.check && u.rights.sale),
    )
    expect(broad).toBe(true)
    const pending = d.invitations.filter((i) => i.status === 'pending')
    expect(pending.some((i) => i.sentAt < ref - 30 * DAY)).toBe(true)
    expect(pending.some((i) => i.sentAt > ref - 30 * DAY)).toBe(true)
    expect(d.users.some((u) => u.otp)).toBe(true)
    expect(d.users.some((u) => !u.otp && !u.sms && !u.yubikey)).toBe(true)
    expect(d.users.some((u) => u.lastLoginAt !== null && u.lastLoginAt < ref - 180 * DAY)).toBe(true)
  })

  it('has teams with and without a leader, and staff present in many organisations', () => {
    expect(d.teams.some((t) => t.ownedById === null)).toBe(true)
    expect(d.teams.some((t) => t.ownedById !== null)).toBe(true)
    const staffId = d.tokens.find((t) => t.name === 'staff')!.userId
    const staffOrgs = d.memberships.filter((m) => m.userId === staffId)
    expect(staffOrgs.length).toBeGreaterThan(5)
    expect(new Set(staffOrgs.map((m) => m.role))).toEqual(new Set(['admin', 'normal']))
  })

  it('reaches client organisations through partnerships with figures', () => {
    expect(d.partnerships.length).toBeGreaterThan(10)
    const p = d.partnerships[0]!
    expect(p.partnerAccountId).toBe(d.agencyAccountId)
    expect(p.totalPayed.amountCents).toBeGreaterThan(0)
    expect(d.partnerships.some((x) => x.hasCustomerPaymentMethod)).toBe(true)
    expect(d.partnerships.some((x) => !x.hasCustomerPaymentMethod && x.discounts.amountCents > 0)).toBe(true)
    expect(d.partnerships.some((x) => !x.hasFullAccess)).toBe(true)
    const ownerId = d.tokens.find((t) => t.name === 'owner')!.userId
    expect(
      d.partnerships.some(
        (x) => !d.memberships.some((m) => m.userId === ownerId && m.accountId === x.customerAccountId),
      ),
    ).toBe(true)
  })

  it('issues invoices in CHF and EUR whose totals add up', () => {
    expect(new Set(d.invoices.map((i) => i.currency))).toEqual(new Set(['CHF', 'EUR']))
    for (const i of d.invoices) {
      expect(i.amountExclVatCents).toBe(i.lines.reduce((s, l) => s + l.amountExclVatCents, 0))
      expect(i.amountInclVatCents).toBe(i.amountExclVatCents + i.vatCents)
      expect(i.issuedAt).toBeLessThanOrEqual(ref)
    }
    expect(new Set(d.invoices.map((i) => i.status))).toContain('unpaid')
  })

  it('computes effective rights as direct ∪ teams ∪ role', () => {
    const org = d.orgs.find(
      (o) =>
        d.teams.some((t) => t.accountId === o.id && t.userIds.length > 0) &&
        membersOf(o.id).some((m) => m.role === 'normal'),
    )!
    const rights = effectiveRights(d, org.id)
    expect(rights.length).toBeGreaterThan(0)
    for (const r of rights) {
      const m = d.memberships.find((x) => x.accountId === org.id && x.userId === r.userId)!
      if (m.role === 'owner' || m.role === 'admin')
        expect(r.effective).toEqual({ technical: true, statistic: true, check: true, sale: true })
      else expect(r.effective).toEqual(r.explicit)
    }
  })
})
