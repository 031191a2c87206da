/**
 * The sync planner: which jobs an account needs, what each costs in requests, and in which
 * order they run. Pure functions over plain data, unit-tested without a database.
 */
export type Resource = 'orgs' | 'products' | 'users' | 'teams' | 'memberships'

/** Account-wide resources live under organization 0. */
export const ACCOUNT_WIDE = 0

export interface Job {
  resource: Resource
  orgId: number
  orgName: string | null
  /** Requests this job is expected to cost (refined while its pages arrive). */
  estimate: number
  /** When the resource was last synced successfully (ms), null when never. */
  syncedAt: number | null
}

export interface JobStateInput {
  resource: string
  orgId: number
  status: string
  syncedAt: number | null
  requestCount: number | null
}

export interface PlanInput {
  orgs: readonly { id: number; name: string }[]
  states: readonly JobStateInput[]
  /** Only this organization (a "refresh this organization" request). */
  onlyOrgId?: number | null
  /** Jobs already synced at or after this time are skipped (resume after a crash or offline spell). */
  skipFreshSince?: number | null
  /** Resources the token lacks a scope for: not planned again in this run. */
  blockedResources?: ReadonlySet<Resource>
  /**
   * Users come without their teams: plan one `memberships` job per organisation, which reads each team's member
   * list (one request per team, known from the cached teams; ordered after products, users and teams).
   */
  membershipsViaTeams?: boolean
  /** Cached team count per organisation (the cost of its `memberships` job). */
  teamCounts?: ReadonlyMap<number, number>
  /** Pages left in the interrupted cross-organisation products listing (the cost of resuming it). */
  productPagesLeft?: number | null
}

const PER_ORG: readonly Resource[] = ['users', 'teams']
/** An organisation refresh also reads that organisation's products (`GET /1/products?account_id=`). */
const PER_ORG_REFRESH: readonly Resource[] = ['products', 'users', 'teams']

function stateOf(states: readonly JobStateInput[], resource: Resource, orgId: number): JobStateInput | undefined {
  return states.find((s) => s.resource === resource && s.orgId === orgId)
}

function job(resource: Resource, orgId: number, orgName: string | null, states: readonly JobStateInput[]): Job {
  const s = stateOf(states, resource, orgId)
  return {
    resource,
    orgId,
    orgName,
    estimate: Math.max(1, s?.status === 'ok' ? (s.requestCount ?? 1) : 1),
    syncedAt: s?.status === 'ok' ? s.syncedAt : null,
  }
}

function fresh(j: Job, since: number | null | undefined): boolean {
  return since != null && j.syncedAt != null && j.syncedAt >= since
}

/** Account-wide jobs: the organization list first, then every product in one cross-organization listing. */
export function planAccountJobs(input: PlanInput): Job[] {
  if (input.onlyOrgId != null) return []
  return (['orgs', 'products'] as const)
    .filter((r) => !input.blockedResources?.has(r))
    .map((r) => {
      const j = job(r, ACCOUNT_WIDE, null, input.states)
      if (r === 'products' && input.productPagesLeft != null) j.estimate = Math.max(1, input.productPagesLeft)
      return j
    })
    .filter((j) => !fresh(j, input.skipFreshSince))
}

/** Per-organization jobs (users with team membership, teams) for the known organizations. */
export function planOrgJobs(input: PlanInput): Job[] {
  const orgs = input.onlyOrgId != null ? input.orgs.filter((o) => o.id === input.onlyOrgId) : input.orgs
  const jobs: Job[] = []
  const base = input.onlyOrgId != null ? PER_ORG_REFRESH : PER_ORG
  const resources: readonly Resource[] = input.membershipsViaTeams ? [...base, 'memberships'] : base
  for (const o of orgs) {
    for (const r of resources) {
      if (input.blockedResources?.has(r)) continue
      if (r === 'memberships' && (input.blockedResources?.has('teams') || input.blockedResources?.has('users')))
        continue
      const j = job(r, o.id, o.name, input.states)
      if (r === 'memberships' && j.syncedAt === null) j.estimate = Math.max(1, input.teamCounts?.get(o.id) ?? 1)
      if (!fresh(j, input.skipFreshSince)) jobs.push(j)
    }
  }
  return jobs
}

/**
 * Picks the next job: the organization list first (everything else depends on it), then the
 * organization the user is looking at (its products first), then products, then the stalest (never synced first).
 */
export function nextJob(queue: readonly Job[], focusOrgId: number | null): Job | undefined {
  const rank = (j: Job): number => {
    if (j.resource === 'orgs') return 0
    // Team member lists (a fallback costing one request per team) come after every other job.
    if (j.resource === 'memberships') return 5
    if (focusOrgId != null && j.orgId === focusOrgId) return j.resource === 'products' ? 1 : 2
    if (j.resource === 'products') return 3
    return 4
  }
  let best: Job | undefined
  for (const j of queue) {
    if (!best) {
      best = j
      continue
    }
    const a = rank(j)
    const b = rank(best)
    if (a !== b) {
      if (a < b) best = j
      continue
    }
    const sa = j.syncedAt ?? -1
    const sb = best.syncedAt ?? -1
    if (sa !== sb) {
      if (sa < sb) best = j
      continue
    }
    if ((j.orgName ?? '') < (best.orgName ?? '')) best = j
  }
  return best
}

/** Time to send `requests` more requests at the limiter's pace. */
export function etaMs(remainingRequests: number, msPerRequest: number): number {
  return Math.max(0, Math.round(remainingRequests * msPerRequest))
}

/** Requests a run must have sent before its own pace is trusted over the nominal one. */
export const OBSERVED_PACE_MIN_REQUESTS = 20

/**
 * The pace to count the rest of a run at: the nominal one (the limiter's 60 per minute), or the run's
 * own when it is slower, as it is once the pauses between pages, limiter windows and retries add up.
 * Never faster than the nominal pace (the first requests of a run go out in a burst).
 */
export function observedMsPerRequest(nominalMs: number, elapsedMs: number, requests: number): number {
  if (requests < OBSERVED_PACE_MIN_REQUESTS || elapsedMs <= 0) return nominalMs
  return Math.max(nominalMs, elapsedMs / requests)
}
