import { z } from 'zod'
import {
  AccessProgress,
  Finding,
  HistoryRow,
  InvitationLocale,
  MemberRole,
  PendingInvitation,
  TeamView,
  WriteOutcome,
  MatrixData,
  OffboardingPlan,
  OffboardingRun,
  OrgTarget,
  Person,
  PersonHit,
} from '../../domain/access'
import { DeliveredFile } from '../../domain/files'
import { Language } from '../../domain/settings'

const AccountId = z.string().min(1).max(100)
const OrgId = z.number().int().nonnegative()
const Email = z.string().trim().min(3).max(320)
const Targets = z.array(OrgTarget).min(1).max(2000)
const RunId = z.string().min(1).max(100)
const ConfirmName = z.string().max(300)
const UserIds = z.array(z.number().int().positive()).max(500)

/** Access channels: permission matrix, people, offboarding, history, hygiene. */
export const accessContract = {
  /** The permission matrix of one organization (compact: products, users, non-empty cells). */
  'access:matrix': { input: z.object({ accountId: AccountId, orgId: OrgId }).strict(), output: MatrixData },
  /** The matrix as a CSV or XLSX file (formula-looking cells neutralised). */
  'access:matrix-export': {
    input: z
      .object({ accountId: AccountId, orgId: OrgId, format: z.enum(['csv', 'xlsx']), language: Language.optional() })
      .strict(),
    output: DeliveredFile,
  },
  /** People whose e-mail or name contains the text, across every organization of every account. */
  'access:people-search': {
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: z.array(PersonHit),
  },
  /** Every organization, role, team, product right and pending invitation of a person. */
  'access:person': { input: z.object({ email: Email }).strict(), output: Person },
  /** An offboarding plan (API steps and Manager checklist) for a person across organizations. Writes nothing. */
  'access:offboarding-plan': {
    input: z.object({ email: Email, targets: Targets }).strict(),
    output: OffboardingPlan,
  },
  /**
   * Applies the plan (re-planned in main) when no Manager rule is broken and the confirmation names every
   * organization. Answers the run at once; progress arrives as `access:progress`.
   */
  'access:offboarding-apply': {
    input: z
      .object({ email: Email, targets: Targets, confirmOrgNames: z.array(z.string().max(300)).max(2000) })
      .strict(),
    output: OffboardingRun,
  },
  /** The current state of an offboarding run. */
  'access:offboarding-run': { input: z.object({ runId: RunId }).strict(), output: OffboardingRun },
  /** The report of a run (planned, applied, verified and manual steps) as CSV or PDF. */
  'access:offboarding-report': {
    input: z.object({ runId: RunId, format: z.enum(['csv', 'pdf']), language: Language.optional() }).strict(),
    output: DeliveredFile,
  },
  /** Access changes recorded between syncs, per organization and/or person, in a date range (unix ms). */
  'access:history': {
    input: z
      .object({
        accountId: AccountId.optional(),
        orgId: OrgId.optional(),
        email: z.string().trim().max(320).optional(),
        from: z.number().int().nonnegative().optional(),
        to: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    output: z.array(HistoryRow),
  },
  /** Access hygiene findings across every organization. */
  'access:hygiene': { input: z.object({}).strict(), output: z.array(Finding) },
  /** Teams of one organization with leader, members and grants. */
  'access:teams': { input: z.object({ accountId: AccountId, orgId: OrgId }).strict(), output: z.array(TeamView) },
  /** Creates a team through the API (administrators and legal representatives; confirmation names the organization). */
  'access:team-create': {
    input: z
      .object({
        accountId: AccountId,
        orgId: OrgId,
        name: z.string().trim().min(1).max(120),
        leaderId: z.number().int().positive().optional(),
        confirmOrgName: ConfirmName,
      })
      .strict(),
    output: WriteOutcome,
  },
  /** Adds and removes team members through the API. */
  'access:team-members': {
    input: z
      .object({
        accountId: AccountId,
        orgId: OrgId,
        teamId: z.number().int().positive(),
        add: UserIds,
        remove: UserIds,
        confirmOrgName: ConfirmName,
      })
      .strict(),
    output: WriteOutcome,
  },
  /** Pending invitations (all organizations, one account or one organization) with their age. */
  'access:invitations': {
    input: z.object({ accountId: AccountId.optional(), orgId: OrgId.optional() }).strict(),
    output: z.array(PendingInvitation),
  },
  /** Invites a person into one or several organizations; only a legal representative may invite one. */
  'access:invite': {
    input: z
      .object({
        targets: z
          .array(OrgTarget.extend({ teamIds: z.array(z.number().int().positive()).max(200).optional() }).strict())
          .min(1)
          .max(500),
        email: z.string().trim().email().max(320),
        firstName: z.string().trim().min(1).max(120),
        lastName: z.string().trim().min(1).max(120),
        locale: InvitationLocale,
        roleType: MemberRole,
        billing: z.boolean(),
        notifyProducts: z.boolean(),
        notifyBilling: z.boolean(),
        confirmOrgNames: z.array(ConfirmName).max(500),
      })
      .strict(),
    output: z.array(WriteOutcome),
  },
  /** Edits a pending invitation (role, billing access, notifications, teams). */
  'access:invitation-update': {
    input: z
      .object({
        accountId: AccountId,
        orgId: OrgId,
        invitationId: z.number().int().positive(),
        roleType: MemberRole.optional(),
        billing: z.boolean().optional(),
        notifyProducts: z.boolean().optional(),
        notifyBilling: z.boolean().optional(),
        teamIds: z.array(z.number().int().positive()).max(200).optional(),
        confirmOrgName: ConfirmName,
      })
      .strict(),
    output: WriteOutcome,
  },
  /** Cancels a pending invitation. */
  'access:invitation-cancel': {
    input: z
      .object({
        accountId: AccountId,
        orgId: OrgId,
        invitationId: z.number().int().positive(),
        confirmOrgName: ConfirmName,
      })
      .strict(),
    output: WriteOutcome,
  },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export const accessEvents = {
  /** Progress of an offboarding run. */
  'access:progress': AccessProgress,
} satisfies Record<string, z.ZodType>
