/**
 * Control API: mutate the truth between syncs, revoke tokens, change settings and faults.
 * The same methods are available in-process (`sandbox.control.addMember({...})`) and over HTTP
 * (`POST /__control/addMember` with the argument object as JSON body and the
 * `X-Sandbox-Control: <secret>` header).
 */
import { z } from 'zod'
import type { Membership, Product, Rights, Team, TokenDef, User } from './model'
import { RIGHT_NAMES } from './model'
import { Rng, TOKEN_ALPHABET } from './prng'
import type { Runtime } from './runtime'
import {
  FAULT_KINDS,
  applySettings,
  type FaultSettings,
  type FaultsPatch,
  type SandboxSettings,
  type SettingsPatch,
} from './settings'
import { hashData } from './hash'
import { ALL_SCOPES } from './generate'
import { LANGUAGE_LOCALE, SERVICE_BY_NAME, SERVICES } from './vocab'
import type { RequestFilter, RequestLogEntry } from './requests'

export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const id = z.number().int().positive()
const role = z.enum(['owner', 'admin', 'normal'])
const unix = z.number().int()
const rightsSchema = z
  .object({ technical: z.boolean(), statistic: z.boolean(), check: z.boolean(), sale: z.boolean() })
  .strict()
const rightName = z.enum(RIGHT_NAMES as unknown as ['technical', 'statistic', 'check', 'sale'])

export const controlSchemas = {
  addMember: z
    .object({
      accountId: id,
      email: z.string().email(),
      firstName: z.string().min(1).optional(),
      lastName: z.string().min(1).optional(),
      role: role.optional(),
      hasBillingAccess: z.boolean().optional(),
      otp: z.boolean().optional(),
      lastLoginAt: unix.nullable().optional(),
    })
    .strict(),
  removeMember: z.object({ accountId: id, userId: id }).strict(),
  updateMember: z
    .object({
      accountId: id,
      userId: id,
      role: role.optional(),
      hasBillingAccess: z.boolean().optional(),
      isCorrespondent: z.boolean().optional(),
      isCorrespondentBilling: z.boolean().optional(),
      isWorkspaceOnly: z.boolean().optional(),
      hasNoManagerAccess: z.boolean().optional(),
    })
    .strict(),
  updateUser: z
    .object({
      userId: id,
      firstName: z.string().min(1).optional(),
      lastName: z.string().min(1).optional(),
      email: z.string().email().optional(),
      otp: z.boolean().optional(),
      sms: z.boolean().optional(),
      yubikey: z.boolean().optional(),
      lastLoginAt: unix.nullable().optional(),
    })
    .strict(),
  addProduct: z
    .object({
      accountId: id,
      serviceName: z.enum(SERVICES.map((s) => s.name) as [string, ...string[]]),
      customerName: z.string().min(1),
      internalName: z.string().nullable().optional(),
      expiredAt: unix.nullable().optional(),
      isTrial: z.boolean().optional(),
      isLocked: z.boolean().optional(),
      hasMaintenance: z.boolean().optional(),
      hasOperationInProgress: z.boolean().optional(),
      yearlyPriceCents: z.number().int().min(0).optional(),
    })
    .strict(),
  removeProduct: z.object({ productId: id }).strict(),
  updateProduct: z
    .object({
      productId: id,
      customerName: z.string().min(1).optional(),
      internalName: z.string().nullable().optional(),
      expiredAt: unix.nullable().optional(),
      isTrial: z.boolean().optional(),
      isLocked: z.boolean().optional(),
      hasMaintenance: z.boolean().optional(),
      hasOperationInProgress: z.boolean().optional(),
      tagIds: z.array(id).optional(),
    })
    .strict(),
  moveExpiry: z
    .object({
      productIds: z.array(id).optional(),
      accountId: id.optional(),
      serviceName: z.string().optional(),
      bySeconds: z.number().int().optional(),
      to: unix.nullable().optional(),
    })
    .strict()
    .refine((v) => (v.bySeconds === undefined) !== (v.to === undefined), {
      message: 'exactly one of bySeconds or to is required',
    })
    .refine((v) => v.productIds !== undefined || v.accountId !== undefined, {
      message: 'productIds or accountId is required',
    }),
  setProductRights: z.object({ productId: id, userId: id, rights: rightsSchema.nullable() }).strict(),
  addTeamMembers: z.object({ teamId: id, userIds: z.array(id).min(1) }).strict(),
  removeTeamMembers: z.object({ teamId: id, userIds: z.array(id).min(1) }).strict(),
  setTeamPermissions: z
    .object({
      teamId: id,
      permissions: z.array(
        z.object({ serviceId: id, productId: id.nullable().optional(), rights: z.array(rightName) }).strict(),
      ),
    })
    .strict(),
  setTeamLeader: z.object({ teamId: id, userId: id.nullable() }).strict(),
  revokeToken: z.object({ name: z.string() }).strict(),
  restoreToken: z.object({ name: z.string() }).strict(),
  addToken: z
    .object({
      name: z.string().min(1),
      userId: id,
      scopes: z.array(z.string()).optional(),
      expiresAt: unix.nullable().optional(),
    })
    .strict(),
  queueFaults: z.object({ kinds: z.array(z.enum(FAULT_KINDS)).min(1) }).strict(),
  empty: z.object({}).strict(),
}

type In<K extends keyof typeof controlSchemas> = z.input<(typeof controlSchemas)[K]>

export interface SandboxState {
  counts: Record<string, number>
  settings: SandboxSettings
  faults: FaultSettings
  tokens: {
    name: string
    userId: number
    scopes: string[]
    revoked: boolean
    expiresAt: number | null
    description: string
  }[]
  hash?: string
}

/** Builds the control object for a runtime. Every method validates its argument. */
export function createControl(rt: Runtime) {
  const store = rt.store
  const data = store.data
  const nowSec = (): number => Math.floor(rt.clock.now() / 1000)

  const org = (accountId: number) => {
    const o = store.ix.orgs.get(accountId)
    if (!o) throw new ControlError(404, 'object_not_found', `Account ${accountId} not found`)
    return o
  }
  const user = (userId: number): User => {
    const u = store.ix.users.get(userId)
    if (!u) throw new ControlError(404, 'object_not_found', `User ${userId} not found`)
    return u
  }
  const product = (productId: number): Product => {
    const p = store.ix.products.get(productId)
    if (!p) throw new ControlError(404, 'object_not_found', `Product ${productId} not found`)
    return p
  }
  const team = (teamId: number): Team => {
    const t = store.ix.teams.get(teamId)
    if (!t) throw new ControlError(404, 'object_not_found', `Team ${teamId} not found`)
    return t
  }
  const member = (accountId: number, userId: number): Membership => {
    const m = store.membership(accountId, userId)
    if (!m) throw new ControlError(404, 'object_not_found', `User ${userId} is not a member of account ${accountId}`)
    return m
  }
  const token = (name: string): TokenDef => {
    const t = data.tokens.find((x) => x.name === name)
    if (!t) throw new ControlError(404, 'object_not_found', `Token ${name} not found`)
    return t
  }

  const control = {
    /** Adds a member (creating the user when the e-mail is new). */
    addMember(args: In<'addMember'>): { userId: number } {
      const a = controlSchemas.addMember.parse(args)
      const o = org(a.accountId)
      let u = store.ix.usersByEmail.get(a.email.toLowerCase())
      if (u && store.membership(o.id, u.id))
        throw new ControlError(409, 'object_already_exists', `${a.email} is already a member of ${o.id}`)
      if (!u) {
        const [local = 'user'] = a.email.split('@')
        const [first = local, last = ''] = local.split('.')
        u = {
          id: store.allocId('user'),
          firstName: a.firstName ?? first.charAt(0).toUpperCase() + first.slice(1),
          lastName: a.lastName ?? (last ? last.charAt(0).toUpperCase() + last.slice(1) : 'User'),
          email: a.email,
          locale: LANGUAGE_LOCALE[o.language],
          createdAt: nowSec(),
          lastLoginAt: a.lastLoginAt === undefined ? null : a.lastLoginAt,
          isSso: false,
          otp: a.otp ?? false,
          sms: false,
          yubikey: false,
          phone: null,
          hasAvatar: false,
        }
        data.users.push(u)
      }
      const r = a.role ?? 'normal'
      data.memberships.push({
        accountId: o.id,
        userId: u.id,
        role: r,
        hasBillingAccess: a.hasBillingAccess ?? r === 'owner',
        isCorrespondent: false,
        isCorrespondentBilling: false,
        isWorkspaceOnly: false,
        hasNoManagerAccess: false,
        joinedAt: nowSec(),
      })
      store.touch()
      return { userId: u.id }
    },

    /** Removes a member from an account, with its team memberships and direct product rights there. */
    removeMember(args: In<'removeMember'>): true {
      const a = controlSchemas.removeMember.parse(args)
      const m = member(a.accountId, a.userId)
      data.memberships.splice(data.memberships.indexOf(m), 1)
      for (const t of data.teams) if (t.accountId === a.accountId) t.userIds = t.userIds.filter((x) => x !== a.userId)
      for (const p of store.ix.productsByOrg.get(a.accountId) ?? []) {
        p.users = p.users.filter((x) => x.userId !== a.userId)
        if (p.adminUserId === a.userId) p.adminUserId = null
      }
      store.touch()
      return true
    },

    updateMember(args: In<'updateMember'>): true {
      const a = controlSchemas.updateMember.parse(args)
      const m = member(a.accountId, a.userId)
      if (a.role !== undefined) m.role = a.role
      if (a.hasBillingAccess !== undefined) m.hasBillingAccess = a.hasBillingAccess
      if (a.isCorrespondent !== undefined) m.isCorrespondent = a.isCorrespondent
      if (a.isCorrespondentBilling !== undefined) m.isCorrespondentBilling = a.isCorrespondentBilling
      if (a.isWorkspaceOnly !== undefined) m.isWorkspaceOnly = a.isWorkspaceOnly
      if (a.hasNoManagerAccess !== undefined) m.hasNoManagerAccess = a.hasNoManagerAccess
      store.touch()
      return true
    },

    updateUser(args: In<'updateUser'>): true {
      const a = controlSchemas.updateUser.parse(args)
      const u = user(a.userId)
      if (a.firstName !== undefined) u.firstName = a.firstName
      if (a.lastName !== undefined) u.lastName = a.lastName
      if (a.email !== undefined) u.email = a.email
      if (a.otp !== undefined) u.otp = a.otp
      if (a.sms !== undefined) u.sms = a.sms
      if (a.yubikey !== undefined) u.yubikey = a.yubikey
      if (a.lastLoginAt !== undefined) u.lastLoginAt = a.lastLoginAt
      store.touch()
      return true
    },

    addProduct(args: In<'addProduct'>): { productId: number } {
      const a = controlSchemas.addProduct.parse(args)
      const o = org(a.accountId)
      const svc = SERVICE_BY_NAME.get(a.serviceName)
      if (!svc) throw new ControlError(422, 'validation_failed', `Unknown service ${a.serviceName}`)
      if (svc.name === 'domain' && store.ix.domains.has(a.customerName.toLowerCase()))
        throw new ControlError(409, 'object_already_exists', `Domain ${a.customerName} exists`)
      const p: Product = {
        id: store.allocId('product'),
        accountId: o.id,
        serviceId: svc.id,
        serviceName: svc.name,
        customerName: svc.name === 'domain' ? a.customerName.toLowerCase() : a.customerName,
        internalName: a.internalName ?? null,
        description: null,
        fqdn: ['domain', 'email_hosting', 'hosting', 'web_hosting', 'certificate'].includes(svc.name)
          ? a.customerName.toLowerCase()
          : null,
        createdAt: nowSec(),
        expiredAt: a.expiredAt === undefined ? nowSec() + 365 * 86_400 : a.expiredAt,
        isTrial: a.isTrial ?? false,
        isLocked: a.isLocked ?? false,
        hasMaintenance: a.hasMaintenance ?? false,
        hasOperationInProgress: a.hasOperationInProgress ?? false,
        isFree: false,
        isManagedByPartner: false,
        tagIds: [],
        users: [],
        adminUserId: null,
        parentId: null,
        yearlyPriceCents: a.yearlyPriceCents ?? svc.price[0],
      }
      data.products.push(p)
      store.touch()
      return { productId: p.id }
    },

    removeProduct(args: In<'removeProduct'>): true {
      const a = controlSchemas.removeProduct.parse(args)
      const p = product(a.productId)
      data.products.splice(data.products.indexOf(p), 1)
      for (const t of data.teams) t.permissions = t.permissions.filter((e) => e.productId !== p.id)
      for (const x of data.partnerships) x.products = x.products.filter((r) => r.productId !== p.id)
      store.touch()
      return true
    },

    updateProduct(args: In<'updateProduct'>): true {
      const a = controlSchemas.updateProduct.parse(args)
      const p = product(a.productId)
      if (a.customerName !== undefined) p.customerName = a.customerName
      if (a.internalName !== undefined) p.internalName = a.internalName
      if (a.expiredAt !== undefined) p.expiredAt = a.expiredAt
      if (a.isTrial !== undefined) p.isTrial = a.isTrial
      if (a.isLocked !== undefined) p.isLocked = a.isLocked
      if (a.hasMaintenance !== undefined) p.hasMaintenance = a.hasMaintenance
      if (a.hasOperationInProgress !== undefined) p.hasOperationInProgress = a.hasOperationInProgress
      if (a.tagIds !== undefined) p.tagIds = a.tagIds.slice()
      store.touch()
      return true
    },

    /** Shifts (bySeconds) or sets (to) `expired_at` of the given products, or of an account's products (optionally one service). */
    moveExpiry(args: In<'moveExpiry'>): { count: number } {
      const a = controlSchemas.moveExpiry.parse(args)
      const targets = a.productIds
        ? a.productIds.map((pid) => product(pid))
        : (store.ix.productsByOrg.get(org(a.accountId as number).id) ?? []).filter(
            (p) => a.serviceName === undefined || p.serviceName === a.serviceName,
          )
      for (const p of targets) {
        if (a.to !== undefined) p.expiredAt = a.to
        else if (p.expiredAt !== null) p.expiredAt += a.bySeconds ?? 0
      }
      store.touch()
      return { count: targets.length }
    },

    /** Sets a member's direct rights on a product; null (or all false) removes the grant. */
    setProductRights(args: In<'setProductRights'>): true {
      const a = controlSchemas.setProductRights.parse(args)
      const p = product(a.productId)
      member(p.accountId, a.userId)
      p.users = p.users.filter((x) => x.userId !== a.userId)
      const r: Rights | null = a.rights
      if (r && (r.technical || r.statistic || r.check || r.sale)) {
        p.users.push({ userId: a.userId, rights: { ...r } })
        p.users.sort((x, y) => x.userId - y.userId)
      }
      store.touch()
      return true
    },

    addTeamMembers(args: In<'addTeamMembers'>): true {
      const a = controlSchemas.addTeamMembers.parse(args)
      const t = team(a.teamId)
      for (const uid of a.userIds) {
        member(t.accountId, uid)
        if (!t.userIds.includes(uid)) t.userIds.push(uid)
      }
      t.userIds.sort((x, y) => x - y)
      t.updatedAt = nowSec()
      store.touch()
      return true
    },

    removeTeamMembers(args: In<'removeTeamMembers'>): true {
      const a = controlSchemas.removeTeamMembers.parse(args)
      const t = team(a.teamId)
      t.userIds = t.userIds.filter((x) => !a.userIds.includes(x))
      t.updatedAt = nowSec()
      store.touch()
      return true
    },

    setTeamPermissions(args: In<'setTeamPermissions'>): true {
      const a = controlSchemas.setTeamPermissions.parse(args)
      const t = team(a.teamId)
      t.permissions = a.permissions.map((e) => {
        const svc = SERVICES.find((s) => s.id === e.serviceId)
        if (!svc) throw new ControlError(422, 'validation_failed', `Unknown service id ${e.serviceId}`)
        if (e.productId !== undefined && e.productId !== null) {
          const p = product(e.productId)
          if (p.accountId !== t.accountId || p.serviceId !== svc.id)
            throw new ControlError(
              422,
              'validation_failed',
              `Product ${p.id} is not a ${svc.name} of account ${t.accountId}`,
            )
        }
        return {
          serviceId: svc.id,
          serviceName: svc.name,
          productId: e.productId ?? null,
          rights: [...new Set(e.rights)],
        }
      })
      t.updatedAt = nowSec()
      store.touch()
      return true
    },

    setTeamLeader(args: In<'setTeamLeader'>): true {
      const a = controlSchemas.setTeamLeader.parse(args)
      const t = team(a.teamId)
      if (a.userId !== null) member(t.accountId, a.userId)
      t.ownedById = a.userId
      t.updatedAt = nowSec()
      store.touch()
      return true
    },

    revokeToken(args: In<'revokeToken'>): true {
      const a = controlSchemas.revokeToken.parse(args)
      token(a.name).revoked = true
      store.touch()
      return true
    },

    restoreToken(args: In<'restoreToken'>): true {
      const a = controlSchemas.restoreToken.parse(args)
      token(a.name).revoked = false
      store.touch()
      return true
    },

    /** Creates a token for any user (deterministic from the seed and the name). */
    addToken(args: In<'addToken'>): { token: string } {
      const a = controlSchemas.addToken.parse(args)
      user(a.userId)
      if (data.tokens.some((t) => t.name === a.name))
        throw new ControlError(409, 'object_already_exists', `Token ${a.name} exists`)
      const value = Rng.derive(data.seed, 'token', a.name).string(72, TOKEN_ALPHABET)
      data.tokens.push({
        name: a.name,
        token: value,
        userId: a.userId,
        scopes: a.scopes ?? ALL_SCOPES.slice(),
        revoked: false,
        expiresAt: a.expiresAt ?? null,
        description: 'Added through the control API',
      })
      store.touch()
      return { token: value }
    },

    setFaults(patch: FaultsPatch): FaultSettings {
      return rt.faults.set(patch)
    },

    queueFaults(args: In<'queueFaults'>): { queued: number } {
      const a = controlSchemas.queueFaults.parse(args)
      return { queued: rt.faults.queue(a.kinds) }
    },

    clearFaults(): FaultSettings {
      return rt.faults.clear()
    },

    setSettings(patch: SettingsPatch): SandboxSettings {
      rt.settings = applySettings(rt.settings, patch)
      return rt.settings
    },

    resetRequests(): true {
      rt.requests.clear()
      return true
    },

    resetRateLimit(): true {
      rt.limiter.reset()
      return true
    },

    requests(filter?: RequestFilter): RequestLogEntry[] {
      return rt.requests.list(filter)
    },

    getState(args?: { hash?: boolean }): SandboxState {
      const state: SandboxState = {
        counts: {
          orgs: data.orgs.length,
          users: data.users.length,
          memberships: data.memberships.length,
          products: data.products.length,
          teams: data.teams.length,
          invitations: data.invitations.length,
          pendingInvitations: data.invitations.filter((i) => i.status === 'pending').length,
          partnerships: data.partnerships.length,
          invoices: data.invoices.length,
          requests: rt.requests.count(),
        },
        settings: rt.settings,
        faults: rt.faults.config,
        tokens: data.tokens.map((t) => ({
          name: t.name,
          userId: t.userId,
          scopes: t.scopes.slice(),
          revoked: t.revoked,
          expiresAt: t.expiresAt,
          description: t.description,
        })),
      }
      if (args?.hash) state.hash = hashData(data)
      return state
    },
  }
  return control
}

export type SandboxControl = ReturnType<typeof createControl>

/** Names callable through `POST /__control/<name>`. */
export const CONTROL_METHODS: readonly (keyof SandboxControl)[] = [
  'addMember',
  'removeMember',
  'updateMember',
  'updateUser',
  'addProduct',
  'removeProduct',
  'updateProduct',
  'moveExpiry',
  'setProductRights',
  'addTeamMembers',
  'removeTeamMembers',
  'setTeamPermissions',
  'setTeamLeader',
  'revokeToken',
  'restoreToken',
  'addToken',
  'setFaults',
  'queueFaults',
  'clearFaults',
  'setSettings',
  'resetRequests',
  'resetRateLimit',
  'requests',
  'getState',
]
