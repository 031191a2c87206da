import type { AccountSummary, SyncStatus } from '../../../../shared/domain/cache'

export type AccountHealth = 'working' | 'syncing' | 'token_rejected' | 'offline' | 'signed_out' | 'needs_scopes'

/** One word for an account's state, from the account and its sync status. */
export function accountHealth(account: AccountSummary, status: SyncStatus | undefined): AccountHealth {
  if (account.state === 'signed_out') return 'signed_out'
  if (account.state === 'token_rejected' || status?.state === 'token_rejected') return 'token_rejected'
  if (account.state === 'offline' || status?.state === 'offline') return 'offline'
  if (status?.state === 'syncing') return 'syncing'
  if (status?.issues.some((i) => i.status === 'needs_scope')) return 'needs_scopes'
  return 'working'
}

/** Scopes the sync reported as missing (distinct). */
export function neededScopes(status: SyncStatus | undefined): string[] {
  return [...new Set((status?.issues ?? []).flatMap((i) => (i.status === 'needs_scope' && i.scope ? [i.scope] : [])))]
}

export interface SyncSummary {
  kind: 'idle' | 'syncing' | 'offline' | 'token_rejected'
  /** Oldest "last full sync" of the active accounts (null when one has never completed). */
  lastSyncAt?: number | null
  done: number
  planned: number
  etaMs: number | null
  offlineSince: number | null
  /** Labels of the accounts concerned (token rejected / offline). */
  accounts: string[]
}

/**
 * What the header indicator shows for all accounts together, one state by precedence: a rejected token,
 * then offline, then syncing, then idle. A retry while offline (a run started again with `offlineSince`
 * still set and nothing done yet) is still offline, not "syncing", so the line does not flip at every
 * attempt; so is a sync while the system reports no network (`online` false).
 */
export function summarizeSync(
  statuses: readonly SyncStatus[],
  accounts: readonly AccountSummary[],
  online = true,
): SyncSummary {
  const label = (id: string) => accounts.find((a) => a.id === id)?.label ?? id
  const active = statuses.filter((s) => accounts.some((a) => a.id === s.accountId && a.state !== 'signed_out'))
  const rejected = active.filter(
    (s) => s.state === 'token_rejected' || accounts.find((a) => a.id === s.accountId)?.state === 'token_rejected',
  )
  if (rejected.length > 0)
    return {
      kind: 'token_rejected',
      done: 0,
      planned: 0,
      etaMs: null,
      offlineSince: null,
      accounts: rejected.map((s) => label(s.accountId)),
    }
  const retrying = (s: SyncStatus): boolean =>
    (s.state === 'syncing' || s.state === 'waiting') && s.offlineSince !== null && s.done === 0
  const running = (s: SyncStatus): boolean => s.state === 'syncing' || s.state === 'waiting'
  const offline = active.filter((s) => s.state === 'offline' || retrying(s) || (!online && running(s)))
  const syncing = active.filter((s) => running(s) && !offline.includes(s))
  if (offline.length > 0) {
    const since = offline.map((s) => s.offlineSince).filter((n): n is number => n !== null)
    return {
      kind: 'offline',
      done: 0,
      planned: 0,
      etaMs: null,
      offlineSince: since.length > 0 ? Math.min(...since) : null,
      accounts: offline.map((s) => label(s.accountId)),
    }
  }
  const synced = active.map((s) => s.lastSyncAt)
  const lastSyncAt = synced.length > 0 && synced.every((n): n is number => n !== null) ? Math.min(...synced) : null
  if (syncing.length > 0) {
    const etas = syncing.map((s) => s.etaMs).filter((n): n is number => n !== null)
    return {
      kind: 'syncing',
      done: syncing.reduce((n, s) => n + s.done, 0),
      planned: syncing.reduce((n, s) => n + s.planned, 0),
      etaMs: etas.length > 0 ? Math.max(...etas) : null,
      offlineSince: null,
      lastSyncAt,
      accounts: syncing.map((s) => label(s.accountId)),
    }
  }
  return { kind: 'idle', done: 0, planned: 0, etaMs: null, offlineSince: null, lastSyncAt, accounts: [] }
}

/** How long "syncing" must last after "offline" before the line shows it. */
export const SYNC_LINE_HOLD_MS = 4_000

/** The state the status line shows, and a change waiting to be confirmed. */
export interface SettledKind {
  shown: SyncSummary['kind']
  pending: SyncSummary['kind'] | null
  pendingSince: number
}

/**
 * Debounces the line: it leaves "offline" for "syncing" only once syncing has lasted `holdMs` (a retry
 * that fails again never shows "syncing" for a moment); every other change shows at once (going offline,
 * a rejected token, the end of a sync, a sync started from idle).
 */
export function settleKind(
  prev: SettledKind | null,
  next: SyncSummary['kind'],
  now: number,
  holdMs = SYNC_LINE_HOLD_MS,
): SettledKind {
  if (!prev || next === prev.shown) return { shown: next, pending: null, pendingSince: now }
  if (!(prev.shown === 'offline' && next === 'syncing')) return { shown: next, pending: null, pendingSince: now }
  if (prev.pending !== next) return { shown: prev.shown, pending: next, pendingSince: now }
  if (now - prev.pendingSince >= holdMs) return { shown: next, pending: null, pendingSince: now }
  return prev
}

/** A full sync this long or longer asks first ("Sync everything now" on a large fleet). */
export const CONFIRM_SYNC_ABOVE_MS = 5 * 60_000

export function needsSyncConfirmation(etaMs: number, thresholdMs = CONFIRM_SYNC_ABOVE_MS): boolean {
  return etaMs > thresholdMs
}

/** Products still arriving for the accounts whose first listing is not complete (null when none is). */
export interface FirstSyncProgress {
  /** Organisations whose products have arrived, over all such accounts. */
  orgsDone: number
  orgs: number
  /** Pages of the running listings committed, and announced (null until the first page). */
  pagesDone: number
  pages: number | null
}

export function firstSyncProgress(statuses: readonly SyncStatus[]): FirstSyncProgress | null {
  const arriving = statuses.filter(
    (s) => s.products && !s.products.complete && (s.state === 'syncing' || s.products.listing !== null),
  )
  if (arriving.length === 0) return null
  let pages: number | null = 0
  for (const s of arriving) {
    const announced = s.products?.listing?.pages ?? null
    pages = pages === null || announced === null ? null : pages + announced
  }
  return {
    orgsDone: arriving.reduce((n, s) => n + (s.products?.orgsWithProducts ?? 0), 0),
    orgs: arriving.reduce((n, s) => n + (s.products?.orgs ?? 0), 0),
    pagesDone: arriving.reduce((n, s) => n + (s.products?.listing?.pagesDone ?? 0), 0),
    pages,
  }
}
