/**
 * The result envelope every IPC call returns.
 *
 * Electron strips custom fields from errors thrown across `invoke`, so handlers never
 * throw over the wire: they answer `{ ok: false, error: { code, reason, params } }`. No sentence
 * crosses: `reason` is a key of `shared/i18n/problems.ts`, worded by the renderer in its language.
 */
import type { ProblemReason } from '../i18n/problems'

export const ERROR_CODES = [
  /** The input did not match the channel's schema. */
  'INVALID_INPUT',
  /** The channel does not exist or is not allowlisted. */
  'UNKNOWN_CHANNEL',
  /** The sender is not a trusted frame. */
  'FORBIDDEN',
  /** The thing asked for does not exist (account, organization, product...). */
  'NOT_FOUND',
  /** The request conflicts with the current state (already syncing, duplicate...). */
  'CONFLICT',
  /** The OS keychain cannot be used. */
  'KEYCHAIN_UNAVAILABLE',
  /** The Infomaniak API rejected the token (401). */
  'TOKEN_REJECTED',
  /** The token lacks a scope the call needs. */
  'MISSING_SCOPE',
  /** The API or the network cannot be reached. */
  'OFFLINE',
  /** The Infomaniak API answered with an error. */
  'API_ERROR',
  /** A Manager rule refuses the action (e.g. last legal representative). */
  'RULE_VIOLATION',
  /** The user cancelled. */
  'CANCELLED',
  /** The disk is full: nothing was written (what was stored before is intact). */
  'DISK_FULL',
  /** The data cannot be changed (read-only disk or file, or damaged user data opened read-only). */
  'READ_ONLY',
  /** A data file is damaged; it is checked and repaired at the next start. */
  'STORE_CORRUPT',
  /** The app's background engine stopped (it is being restarted); the call can be tried again. */
  'UNAVAILABLE',
  /** Anything unexpected; details are in the main-process log. */
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface IpcErrorPayload {
  /** What kind of failure, for the UI to branch on. */
  code: ErrorCode
  /** Why, as a key of `shared/i18n/problems.ts`. Never a sentence, never a token or a stack trace. */
  reason: ProblemReason
  /** Values for the reason's placeholders: names, numbers, codes. */
  params?: Record<string, string | number>
  /** Optional structured detail (e.g. which fields were invalid, which scopes are missing). */
  details?: unknown
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorPayload }

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value }
}

export function fail(
  code: ErrorCode,
  reason: ProblemReason,
  extra: { params?: Record<string, string | number> | undefined; details?: unknown } = {},
): IpcResult<never> {
  const error: IpcErrorPayload = { code, reason }
  if (extra.params !== undefined) error.params = extra.params
  if (extra.details !== undefined) error.details = extra.details
  return { ok: false, error }
}
