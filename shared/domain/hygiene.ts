import { z } from 'zod'
import { Finding, FindingRule, OrgTarget } from './access'

export const Severity = z.enum(['high', 'medium', 'low'])
export type Severity = z.infer<typeof Severity>

/** "Accept the risk" (until reopened) or "snooze until" a date; both need a reason. */
export const DecisionKind = z.enum(['accepted', 'snoozed'])
export type DecisionKind = z.infer<typeof DecisionKind>

export const FindingStatus = z.enum(['open', 'accepted', 'snoozed'])
export type FindingStatus = z.infer<typeof FindingStatus>

export const HygieneDecision = z.object({
  kind: DecisionKind,
  reason: z.string(),
  /** Unix ms; snoozed findings come back after it. */
  until: z.number().int().nullable(),
  decidedAt: z.number().int(),
})
export type HygieneDecision = z.infer<typeof HygieneDecision>

export const HygieneFinding = Finding.extend({ status: FindingStatus, decision: HygieneDecision.nullable() })
export type HygieneFinding = z.infer<typeof HygieneFinding>

/** Which findings a hygiene view shows. */
export const HygieneFilter = z
  .object({
    severities: z.array(Severity).max(3).optional(),
    rules: z.array(FindingRule).max(20).optional(),
    /** Organizations (clients); empty or absent: all. */
    clients: z.array(OrgTarget).max(5_000).optional(),
    accountId: z.string().min(1).max(100).optional(),
    /** `open` (default): what needs work; `decided`: accepted and snoozed; `all`. */
    status: z.enum(['open', 'decided', 'all']).optional(),
    /** Client name, person, e-mail or team (accents and case folded). */
    text: z.string().max(200).optional(),
    /**
     * The screens' reads: when the cache changed since the last grouping, answer that grouping at once
     * (marked `stale`, with its `computedAt`) and recompute right after, instead of waiting for it.
     */
    allowStale: z.boolean().optional(),
  })
  .strict()
export type HygieneFilter = z.input<typeof HygieneFilter>

export const HygieneClientGroup = z.object({
  accountId: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  count: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
})
export type HygieneClientGroup = z.infer<typeof HygieneClientGroup>

export const HygieneRuleGroup = z.object({
  rule: FindingRule,
  severity: Severity,
  count: z.number().int(),
  clients: z.array(HygieneClientGroup),
})
export type HygieneRuleGroup = z.infer<typeof HygieneRuleGroup>

export const HygieneTotals = z.object({
  open: z.number().int(),
  accepted: z.number().int(),
  snoozed: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
  /** Organizations with at least one finding shown. */
  clients: z.number().int(),
})

/** Findings grouped by rule, then by client, with counts (grouped in the core). */
export const HygieneSummary = z.object({
  /** Unix ms of the computation the counts come from. */
  computedAt: z.number().int(),
  /** The cache changed since: a new grouping is being computed (ask again shortly). */
  stale: z.boolean().optional(),
  totals: HygieneTotals,
  rules: z.array(HygieneRuleGroup),
  /** Organizations whose users are cached (judged) and those never synced (not judged). */
  orgsJudged: z.number().int(),
  orgsNotSynced: z.number().int(),
})
export type HygieneSummary = z.infer<typeof HygieneSummary>

/** A client's hygiene score (0–100, from its open findings) and its change over 30 days. */
export const ClientScore = z.object({
  accountId: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  /** null: the organization's users were never synced. */
  score: z.number().int().nullable(),
  open: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
  /** Score now minus score 30 days ago (null without history that old). */
  delta30: z.number().int().nullable(),
})
export type ClientScore = z.infer<typeof ClientScore>

export const TrendPoint = z.object({
  /** `yyyy-mm-dd` (UTC). */
  day: z.string(),
  score: z.number().int().nullable(),
  open: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
})
export type TrendPoint = z.infer<typeof TrendPoint>

/** How much each rule weighs in a client's score (the weights add up to 1). */
export const SCORE_WEIGHTS: Readonly<Record<z.infer<typeof FindingRule>, number>> = {
  no_2fa: 0.35,
  inactive_user: 0.15,
  broad_collaborator: 0.15,
  single_legal_representative: 0.15,
  stale_invitation: 0.1,
  team_without_leader: 0.1,
  agency_staff: 0,
}

/**
 * A client's score: 100 minus each rule's weight times the share of the organization it affects
 * (people rules: share of members; a single legal representative: all of it; stale invitations: one
 * fifth per invitation; teams without a leader: share of teams). Accepted and snoozed findings do not count.
 */
export function hygieneScore(
  counts: Partial<Record<z.infer<typeof FindingRule>, number>>,
  org: { members: number; teams: number },
): number {
  const share = (n: number, of: number) => (of <= 0 ? (n > 0 ? 1 : 0) : Math.min(1, n / of))
  const penalty =
    SCORE_WEIGHTS.no_2fa * share(counts.no_2fa ?? 0, org.members) +
    SCORE_WEIGHTS.inactive_user * share(counts.inactive_user ?? 0, org.members) +
    SCORE_WEIGHTS.broad_collaborator * share(counts.broad_collaborator ?? 0, org.members) +
    SCORE_WEIGHTS.single_legal_representative * Math.min(1, counts.single_legal_representative ?? 0) +
    SCORE_WEIGHTS.stale_invitation * Math.min(1, (counts.stale_invitation ?? 0) / 5) +
    SCORE_WEIGHTS.team_without_leader * share(counts.team_without_leader ?? 0, org.teams)
  return Math.max(0, Math.min(100, Math.round(100 * (1 - penalty))))
}
