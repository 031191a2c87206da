/**
 * The reminder rules: pure functions from what the cache says (gathered by `rule-inputs.ts`) to
 * candidate reminders, each with a key that names its object and window. The service decides what
 * is new (a key that never fired), what is released (a condition that cleared) and how it is
 * announced (noise.ts). No SQL, no clock: `now` is an argument.
 */
import { AUTO_RENEW_CUTOFF_DAYS } from '../../../shared/domain/renewals'
import type { ReminderParams, ReminderRule, Severity } from '../../../shared/domain/reminders'

const DAY_S = 86_400

/** Renewals: the wider window, the last-call window (automatic renewal impossible), and "expired" news. */
export const RENEWAL_NOTICE_DAYS = 30
export const EXPIRED_NEWS_DAYS = 30
export const STALE_INVITATION_DAYS = 30
/** Partner gauge levels, in percent of the threshold: approaching, then reached. */
export const GAUGE_LEVELS = [90, 100] as const

export interface RuleAccount {
  id: string
  label: string
  state: string
}

export interface ExpiringProduct {
  productId: number
  orgId: number
  customerName: string
  serviceName: string
  /** Unix seconds. */
  expiredAt: number
}

export interface ScopeIssue {
  scope: string
  resources: string[]
  orgCount: number
}

export interface HighFinding {
  /** The hygiene rule (today only `no_2fa` of an owner or administrator is high). */
  rule: string
  orgId: number
  email: string
  name: string
  role: string
}

export interface AccessChange {
  historyId: number
  orgId: number
  orgName: string
  /** `member_added` or `role_changed`. */
  kind: string
  role: string
  before: string | null
  email: string | null
  name: string | null
  subjectKey: string
  /** Unix ms. */
  at: number
}

export interface StaleInvitation {
  orgId: number
  memberKey: string
  email: string
  name: string
  role: string
  /** Unix seconds. */
  invitedAt: number
}

export interface GaugeReading {
  currency: string
  yearlyCents: number
  thresholdCents: number
}

export interface RuleInputs {
  account: RuleAccount
  /** Organisation names by id (those of the account). */
  orgNames: ReadonlyMap<number, string>
  /** Products expiring within the notice window or expired within the news window. */
  products: readonly ExpiringProduct[]
  scopeIssues: readonly ScopeIssue[]
  highFindings: readonly HighFinding[]
  /** Access changes since the last evaluation, in watched organisations only. */
  accessChanges: readonly AccessChange[]
  staleInvitations: readonly StaleInvitation[]
  /** Null when the gauge cannot be read (no billing data). */
  gauge: readonly GaugeReading[] | null
}

/**
 * `state`: fires whenever its condition holds and its key never fired (e.g. a product in a window).
 * `change`: announces a change; on an account's first evaluation it is recorded silently, because
 * everything would look "new" then.
 */
export type RuleKind = 'state' | 'change'

export interface Candidate {
  key: string
  rule: ReminderRule
  kind: RuleKind
  severity: Severity
  orgId: number | null
  orgName: string | null
  subject: string
  params: ReminderParams
  link: string
  /** Record the key without a reminder (a lower gauge level passed on the way to a higher one). */
  silent?: boolean
  /**
   * The object is the same for every login that sees it (a product, a person in an organisation):
   * when another account already fired this key, it is recorded silently.
   */
  shared?: boolean
}

export interface RuleOutput {
  candidates: Candidate[]
  /**
   * Keys of conditions that hold now, for the rules whose key is released when the condition clears
   * (token, scope, hygiene, gauge). A fired key of these rules missing from this set is released.
   */
  holding: Set<string>
}

/** Rules whose keys are released when their condition no longer holds. */
export const RELEASABLE: ReadonlySet<ReminderRule> = new Set<ReminderRule>([
  'token_rejected',
  'scope_missing',
  'hygiene_high',
  'partner_threshold',
])

const enc = encodeURIComponent
const routes = {
  product: (accountId: string, orgId: number, productId: number) =>
    `/org/${enc(accountId)}/${orgId}/products?product=${productId}`,
  settings: () => '/settings',
  person: (email: string) => `/access/people/${enc(email.toLowerCase())}`,
  history: (accountId: string, orgId: number) => `/org/${enc(accountId)}/${orgId}/access/history`,
  invitations: (accountId: string, orgId: number) => `/org/${enc(accountId)}/${orgId}/access/invitations`,
  billing: () => '/billing',
}

/** Whole days from the start of today (UTC) to the expiry, as the renewals screen counts them. */
export function daysLeft(expiredAt: number, nowMs: number): number {
  const nowS = Math.floor(nowMs / 1000)
  const today = nowS - (nowS % DAY_S)
  return Math.floor((expiredAt - today) / DAY_S)
}

/** Which renewal window a product is in now, if any. */
export function renewalWindow(expiredAt: number, nowMs: number): 'renewal_30' | 'renewal_14' | 'expired' | null {
  const nowS = Math.floor(nowMs / 1000)
  if (expiredAt < nowS) return expiredAt >= nowS - EXPIRED_NEWS_DAYS * DAY_S ? 'expired' : null
  const days = daysLeft(expiredAt, nowMs)
  if (days < AUTO_RENEW_CUTOFF_DAYS) return 'renewal_14'
  if (days < RENEWAL_NOTICE_DAYS) return 'renewal_30'
  return null
}

function isoDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10)
}

/** Evaluates every rule for one account. */
export function evaluateRules(input: RuleInputs, nowMs: number, firedKeys: ReadonlySet<string>): RuleOutput {
  const a = input.account
  const out: Candidate[] = []
  const holding = new Set<string>()
  const base = (orgId: number | null, orgName: string | null) => ({ orgId, orgName })
  const orgName = (orgId: number): string => input.orgNames.get(orgId) ?? `#${orgId}`

  // Renewals: one key per product, window and expiry date (a renewed product gets a new date).
  // Keys that fired are skipped before anything else is built: a fleet has thousands in its windows.
  for (const p of input.products) {
    const rule = renewalWindow(p.expiredAt, nowMs)
    if (!rule) continue
    const key = `${rule}|p${p.productId}|${p.expiredAt}`
    if (firedKeys.has(key)) continue
    out.push({
      key,
      rule,
      kind: 'state',
      severity: rule === 'renewal_30' ? 'medium' : 'high',
      ...base(p.orgId, orgName(p.orgId)),
      subject: p.customerName,
      params: {
        productId: p.productId,
        service: p.serviceName,
        expiredAt: p.expiredAt,
        date: isoDay(p.expiredAt),
        days: daysLeft(p.expiredAt, nowMs),
      },
      link: routes.product(a.id, p.orgId, p.productId),
      shared: true,
    })
  }

  // A rejected token (401) or a token source that is gone (keychain entry, environment variable):
  // either way nothing syncs until the user acts.
  if (a.state === 'token_rejected' || a.state === 'token_missing') {
    const key = 'token_rejected'
    holding.add(key)
    out.push({
      key,
      rule: 'token_rejected',
      kind: 'state',
      severity: 'high',
      ...base(null, null),
      subject: a.label,
      params: { account: a.label, reason: a.state === 'token_missing' ? 'missing' : 'rejected' },
      link: routes.settings(),
    })
  }

  for (const s of input.scopeIssues) {
    const key = `scope_missing|${s.scope}`
    holding.add(key)
    out.push({
      key,
      rule: 'scope_missing',
      kind: 'state',
      severity: 'medium',
      ...base(null, null),
      subject: s.scope,
      params: { scope: s.scope, resources: s.resources.join(', '), orgs: s.orgCount, account: a.label },
      link: routes.settings(),
    })
  }

  for (const f of input.highFindings) {
    const key = `hygiene_high|${f.rule}|o${f.orgId}|${f.email.toLowerCase()}`
    holding.add(key)
    out.push({
      key,
      rule: 'hygiene_high',
      kind: 'change',
      severity: 'high',
      ...base(f.orgId, orgName(f.orgId)),
      subject: f.name,
      params: { finding: f.rule, email: f.email, role: f.role },
      link: routes.person(f.email),
      shared: true,
    })
  }

  for (const c of input.accessChanges) {
    const rule: ReminderRule = c.role === 'owner' ? 'legal_rep_added' : 'admin_added'
    const key = `access|h${c.historyId}`
    if (firedKeys.has(key)) continue
    out.push({
      key,
      rule,
      kind: 'change',
      severity: 'medium',
      ...base(c.orgId, c.orgName),
      subject: c.name ?? c.email ?? c.subjectKey,
      params: { email: c.email, role: c.role, before: c.before, change: c.kind, at: c.at },
      link: routes.history(a.id, c.orgId),
    })
  }

  const nowS = Math.floor(nowMs / 1000)
  for (const i of input.staleInvitations) {
    const key = `invitation_stale|o${i.orgId}|${i.memberKey}`
    if (firedKeys.has(key)) continue
    out.push({
      key,
      rule: 'invitation_stale',
      kind: 'state',
      severity: 'low',
      ...base(i.orgId, orgName(i.orgId)),
      subject: i.name || i.email,
      params: { email: i.email, role: i.role, days: Math.floor((nowS - i.invitedAt) / DAY_S) },
      link: routes.invitations(a.id, i.orgId),
      shared: true,
    })
  }

  for (const g of input.gauge ?? []) {
    if (g.thresholdCents <= 0) continue
    const percent = Math.floor((100 * g.yearlyCents) / g.thresholdCents)
    const params = (level: number | null, direction: 'up' | 'down'): ReminderParams => ({
      currency: g.currency,
      level,
      direction,
      percent,
      yearlyCents: g.yearlyCents,
      thresholdCents: g.thresholdCents,
    })
    // Only the highest level reached is announced; the lower ones are recorded silently, so that
    // reaching 100 % at once does not also say "90 %", nor falling back to 95 % "approaching".
    const reached = GAUGE_LEVELS.filter((level) => percent >= level)
    const top = reached.at(-1)
    for (const level of reached) {
      const key = `partner_threshold|${g.currency}|${level}`
      holding.add(key)
      out.push({
        key,
        rule: 'partner_threshold',
        kind: 'change',
        severity: level === 100 ? 'medium' : 'low',
        ...base(null, null),
        subject: g.currency,
        params: params(level, 'up'),
        link: routes.billing(),
        ...(level === top ? {} : { silent: true }),
      })
    }
    // Falling back below the threshold after reaching it: the partner status is at risk.
    const downKey = `partner_threshold|${g.currency}|below`
    if (percent < 100 && (firedKeys.has(`partner_threshold|${g.currency}|100`) || firedKeys.has(downKey))) {
      holding.add(downKey)
      out.push({
        key: downKey,
        rule: 'partner_threshold',
        kind: 'change',
        severity: 'high',
        ...base(null, null),
        subject: g.currency,
        params: params(100, 'down'),
        link: routes.billing(),
      })
    }
  }
  return { candidates: out, holding }
}
