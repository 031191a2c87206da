import { z } from 'zod'
import { Problem } from './problem'

/** Bits of a rights mask: technical, statistic, check, sale. */
export const RIGHT_BITS = { technical: 1, statistic: 2, check: 4, sale: 8 } as const
export type RightName = keyof typeof RIGHT_BITS
export const RIGHT_NAMES: readonly RightName[] = ['technical', 'statistic', 'check', 'sale']

/** The rights named in a mask, in canonical order. */
export function rightsOfMask(mask: number): RightName[] {
  return RIGHT_NAMES.filter((n) => (mask & RIGHT_BITS[n]) !== 0)
}

/** Short letters for a mask (T S C V), '' when none. */
export function maskLetters(mask: number): string {
  return (mask & 1 ? 'T' : '') + (mask & 2 ? 'S' : '') + (mask & 4 ? 'C' : '') + (mask & 8 ? 'V' : '')
}

export const MemberRole = z.enum(['owner', 'admin', 'normal'])
export type MemberRole = z.infer<typeof MemberRole>

const Id = z.number().int()
const Unix = z.number().int().nullable()

export const MatrixProduct = z.object({
  id: Id,
  serviceId: Id.nullable(),
  serviceName: z.string(),
  name: z.string(),
})
export type MatrixProduct = z.infer<typeof MatrixProduct>

export const MatrixUser = z.object({
  memberKey: z.string(),
  userId: Id.nullable(),
  invitationId: Id.nullable(),
  email: z.string(),
  displayName: z.string(),
  roleType: z.string(),
  pending: z.boolean(),
  billing: z.boolean(),
  correspondent: z.boolean(),
  correspondentBilling: z.boolean(),
  has2fa: z.boolean().nullable(),
  lastLoginAt: Unix,
  invitedAt: Unix,
  teamIds: z.array(Id),
})
export type MatrixUser = z.infer<typeof MatrixUser>

/**
 * One non-empty cell: [userIndex, productIndex, explicit mask (direct ∪ teams), direct mask, source team ids].
 * Owners and administrators also hold every right through their role; the matrix shows explicit grants.
 */
export const MatrixCell = z.tuple([Id, Id, Id, Id, z.array(Id)])
export type MatrixCell = z.infer<typeof MatrixCell>

export const MatrixData = z.object({
  accountId: z.string(),
  orgId: Id,
  orgName: z.string(),
  myRole: z.string(),
  syncedAt: Unix,
  products: z.array(MatrixProduct),
  users: z.array(MatrixUser),
  teams: z.array(z.object({ id: Id, name: z.string() })),
  cells: z.array(MatrixCell),
})
export type MatrixData = z.infer<typeof MatrixData>

export const PersonHit = z.object({
  email: z.string(),
  displayName: z.string(),
  orgCount: Id,
  pendingCount: Id,
})
export type PersonHit = z.infer<typeof PersonHit>

export const PersonOrg = z.object({
  accountId: z.string(),
  accountLabel: z.string(),
  orgId: Id,
  orgName: z.string(),
  myRole: z.string(),
  memberKey: z.string(),
  userId: Id.nullable(),
  invitationId: Id.nullable(),
  roleType: z.string(),
  pending: z.boolean(),
  billing: z.boolean(),
  has2fa: z.boolean().nullable(),
  lastLoginAt: Unix,
  invitedAt: Unix,
  teams: z.array(z.object({ id: Id, name: z.string(), isLeader: z.boolean() })),
  rights: z.array(
    z.object({
      productId: Id,
      productName: z.string(),
      serviceName: z.string(),
      mask: Id,
      directMask: Id,
      teamIds: z.array(Id),
    }),
  ),
  asOf: Unix,
})
export type PersonOrg = z.infer<typeof PersonOrg>

export const Person = z.object({ email: z.string(), displayName: z.string(), orgs: z.array(PersonOrg) })
export type Person = z.infer<typeof Person>

export const OrgTarget = z.object({ accountId: z.string().min(1).max(100), orgId: z.number().int().nonnegative() })
export type OrgTarget = z.infer<typeof OrgTarget>

export const StepKind = z.enum([
  'remove_from_team',
  'cancel_invitation',
  'remove_member',
  'transfer_legal_representative',
])
export type StepKind = z.infer<typeof StepKind>

export const PlanStep = z.object({
  id: z.string(),
  accountId: z.string(),
  orgId: Id,
  kind: StepKind,
  /** true: applied through the API; false: a checklist item with a Manager deep link. */
  api: z.boolean(),
  teamId: Id.nullable(),
  teamName: z.string().nullable(),
  invitationId: Id.nullable(),
  userId: Id.nullable(),
  url: z.string().nullable(),
})
export type PlanStep = z.infer<typeof PlanStep>

export const RefusalCode = z.enum(['not_manager', 'last_legal_representative', 'not_found'])
export type RefusalCode = z.infer<typeof RefusalCode>

export const PlanOrg = z.object({
  accountId: z.string(),
  orgId: Id,
  orgName: z.string(),
  myRole: z.string(),
  personRole: z.string().nullable(),
  refusal: RefusalCode.nullable(),
  steps: z.array(PlanStep),
})
export type PlanOrg = z.infer<typeof PlanOrg>

export const OffboardingPlan = z.object({
  email: z.string(),
  displayName: z.string(),
  createdAt: Id,
  orgs: z.array(PlanOrg),
})
export type OffboardingPlan = z.infer<typeof OffboardingPlan>

export const StepOutcome = z.enum(['planned', 'applied', 'failed', 'skipped', 'manual'])
export const StepResult = PlanStep.extend({
  outcome: StepOutcome,
  verified: z.boolean().nullable(),
  /** Why the step failed (worded by the renderer or the report writer). */
  error: Problem.nullable(),
  at: Unix,
})
export type StepResult = z.infer<typeof StepResult>

export const OffboardingRun = z.object({
  runId: z.string(),
  email: z.string(),
  displayName: z.string(),
  startedAt: Id,
  finishedAt: Unix,
  /** `interrupted`: the app stopped while the run was in progress (its steps say how far it got). */
  state: z.enum(['running', 'done', 'failed', 'interrupted']),
  orgs: z.array(z.object({ accountId: z.string(), orgId: Id, orgName: z.string(), resynced: z.boolean() })),
  steps: z.array(StepResult),
})
export type OffboardingRun = z.infer<typeof OffboardingRun>

/** A past (or running) offboarding run as listed per person or per organization. */
export const OffboardingRunSummary = z.object({
  runId: z.string(),
  email: z.string(),
  displayName: z.string(),
  startedAt: Id,
  finishedAt: Unix,
  state: OffboardingRun.shape.state,
  orgs: z.array(z.object({ accountId: z.string(), orgId: Id, orgName: z.string() })),
  steps: z.object({ total: Id, applied: Id, failed: Id, manual: Id, verified: Id }),
})
export type OffboardingRunSummary = z.infer<typeof OffboardingRunSummary>

export const AccessProgress = z.object({
  runId: z.string(),
  done: Id,
  total: Id,
  phase: z.enum(['applying', 'resyncing', 'done']),
  stepId: z.string().nullable(),
})
export type AccessProgress = z.infer<typeof AccessProgress>

export const HistoryRow = z.object({
  id: Id,
  accountId: z.string(),
  orgId: Id,
  orgName: z.string(),
  at: Id,
  kind: z.string(),
  subjectKey: z.string(),
  subjectEmail: z.string().nullable(),
  subjectName: z.string().nullable(),
  objectType: z.string(),
  objectId: Id.nullable(),
  objectName: z.string().nullable(),
  detail: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
})
export type HistoryRow = z.infer<typeof HistoryRow>

export const FindingRule = z.enum([
  'single_legal_representative',
  'broad_collaborator',
  'no_2fa',
  'stale_invitation',
  'team_without_leader',
  'inactive_user',
  'agency_staff',
])
export type FindingRule = z.infer<typeof FindingRule>

export const Finding = z.object({
  /** Stable identity across syncs (rule, organization, subject): decisions hang on it. */
  key: z.string(),
  rule: FindingRule,
  severity: z.enum(['high', 'medium', 'low']),
  accountId: z.string().nullable(),
  orgId: Id.nullable(),
  orgName: z.string().nullable(),
  subject: z.string(),
  email: z.string().nullable(),
  /** Numbers for the explanation (days, counts, percent). */
  value: Id,
  /** In-app route of the screen that fixes it. */
  link: z.string(),
})
export type Finding = z.infer<typeof Finding>

export const TeamView = z.object({
  id: Id,
  name: z.string(),
  leaderId: Id.nullable(),
  leaderName: z.string().nullable(),
  members: z.array(z.object({ userId: Id, displayName: z.string(), email: z.string() })),
  /** The team's grants: one product, or every product of a service (productId null). */
  grants: z.array(
    z.object({ serviceName: z.string(), productId: Id.nullable(), productName: z.string().nullable(), mask: Id }),
  ),
})
export type TeamView = z.infer<typeof TeamView>

export const PendingInvitation = z.object({
  accountId: z.string(),
  orgId: Id,
  orgName: z.string(),
  invitationId: Id,
  email: z.string(),
  displayName: z.string(),
  roleType: z.string(),
  billing: z.boolean(),
  /** Unix seconds. */
  invitedAt: Unix,
  ageDays: Id.nullable(),
})
export type PendingInvitation = z.infer<typeof PendingInvitation>

export const InvitationLocale = z.enum(['de_DE', 'en_GB', 'es_ES', 'fr_FR', 'it_IT'])

/** What a write answered per organization. */
export const WriteOutcome = z.object({
  accountId: z.string(),
  orgId: Id,
  orgName: z.string(),
  ok: z.boolean(),
  id: Id.nullable(),
  /** Why the write failed (worded by the renderer). */
  error: Problem.nullable(),
  resynced: z.boolean(),
})
export type WriteOutcome = z.infer<typeof WriteOutcome>
