import type { Problem } from '../../../shared/domain/problem'
import type { ProblemReason } from '../../../shared/i18n/problems'
import type { ErrorCode } from '../../../shared/ipc/result'

/**
 * An error a service raises on purpose. The IPC dispatcher turns it into a typed
 * `{ ok: false, error: { code, reason, params, details } }` result; any other thrown value
 * becomes `INTERNAL` (the detail stays in the log). There is no message: `reason` is a key of
 * `shared/i18n/problems.ts`, worded in the user's language by the renderer (or the CLI).
 */
export class AppError extends Error {
  override readonly name = 'AppError'
  readonly params: Record<string, string | number> | undefined
  readonly details: unknown
  constructor(
    readonly code: ErrorCode,
    readonly reason: ProblemReason,
    extra: { params?: Record<string, string | number>; details?: unknown } = {},
  ) {
    super(reason)
    this.params = extra.params
    this.details = extra.details
  }

  /** The problem as data (what crosses IPC). */
  get problem(): Problem {
    return this.params === undefined ? { reason: this.reason } : { reason: this.reason, params: this.params }
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}
