/**
 * What the server gives this account, learnt by the sync and kept in `api_capabilities` (cache store):
 * page-size cap and refused `with=` values (learnt by the client from 422 answers), and per dataset whether the
 * answers carry it directly. Detection results carry the app version that found them: after an update, the next
 * full "Sync now" checks again. See `electron/main/api/README.md`, "Capability detection".
 */
import type Database from 'better-sqlite3'
import { z } from 'zod'
import type { LearnedLimits } from '../api/client'

/** `inline`: in the plain answer; `with_users`: only with the expansion; `absent`: not offered. */
const Presence = z.enum(['unknown', 'inline', 'with_users', 'absent'])
export type Presence = z.infer<typeof Presence>

export const CapabilitiesSchema = z.object({
  learned: z.object({
    perPageCap: z.number().int().min(1).nullable(),
    rejectedWith: z.record(z.string(), z.array(z.string())),
  }),
  /** Per-user rights on products (`users[]`). */
  productUsers: Presence,
  /** Team membership on users (`teams`); `absent` → read from each team's member list. */
  userTeams: Presence,
  /** 2FA state on users (`security`). */
  userSecurity: Presence,
  /** Invitation details on pending invitees (`invitation_details`). */
  invitationDetails: Presence,
})
export type Capabilities = z.infer<typeof CapabilitiesSchema>

export const UNKNOWN_CAPABILITIES: Capabilities = {
  learned: { perPageCap: null, rejectedWith: {} },
  productUsers: 'unknown',
  userTeams: 'unknown',
  userSecurity: 'unknown',
  invitationDetails: 'unknown',
}

export interface StoredCapabilities {
  caps: Capabilities
  appVersion: string | null
}

export function loadCapabilities(db: Database.Database, accountId: string): StoredCapabilities {
  const row = db
    .prepare<[string], { data: string; app_version: string | null }>(
      'SELECT data, app_version FROM api_capabilities WHERE account_id = ?',
    )
    .get(accountId)
  if (!row) return { caps: structuredClone(UNKNOWN_CAPABILITIES), appVersion: null }
  let parsed: unknown
  try {
    parsed = JSON.parse(row.data)
  } catch {
    parsed = null
  }
  const caps = CapabilitiesSchema.safeParse(parsed)
  return { caps: caps.success ? caps.data : structuredClone(UNKNOWN_CAPABILITIES), appVersion: row.app_version }
}

export function saveCapabilities(
  db: Database.Database,
  accountId: string,
  caps: Capabilities,
  appVersion: string | null,
  at: number,
): void {
  db.prepare(
    `INSERT INTO api_capabilities (account_id, data, app_version, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET data = excluded.data, app_version = excluded.app_version, updated_at = excluded.updated_at`,
  ).run(accountId, JSON.stringify(caps), appVersion, at)
}

/** The client's learnt limits, for building a client that starts from them. */
export function learnedOf(db: Database.Database, accountId: string): LearnedLimits {
  return loadCapabilities(db, accountId).caps.learned
}

/**
 * Presence of an expansion in a list: `inline` when at least one item carries it, `absent` when items that
 * should carry it exist and none does, else unchanged (nothing to judge from).
 */
export function presenceIn<T>(
  items: readonly T[],
  applies: (item: T) => boolean,
  has: (item: T) => boolean,
  before: Presence,
): Presence {
  const relevant = items.filter(applies)
  if (relevant.length === 0) return before
  if (relevant.some(has)) return before === 'with_users' ? before : 'inline'
  return 'absent'
}
