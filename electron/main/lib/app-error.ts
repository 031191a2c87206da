import type { ErrorCode } from '../../../shared/ipc/result'

/**
 * An error a service raises on purpose. The IPC dispatcher turns it into a typed
 * `{ ok: false, error: { code, message, details } }` result; any other thrown value
 * becomes `INTERNAL` with a generic message (the detail stays in the log).
 */
export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}
