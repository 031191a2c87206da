/**
 * Turns any failure into a `Problem` (reason + params) for the renderer, the CLI and documents:
 * API errors by kind, app errors by their reason, the keychain by its own reason, anything else
 * as "internal" (the detail stays in the log). Never a sentence.
 */
import { Problem as ProblemSchema, problem, type Problem } from '../../../shared/domain/problem'
import { ApiError, type ApiErrorDetail } from '../api/errors'
import { KeychainUnavailableError } from '../secrets/secret-store'
import { isAppError } from './app-error'

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}

/** The problem of an API error's detail. */
export function apiProblem(detail: ApiErrorDetail): Problem {
  switch (detail.kind) {
    case 'token_rejected':
      return problem('api.tokenRejected')
    case 'token_unavailable':
      return problem('api.tokenUnavailable')
    case 'missing_scope':
      return problem('api.missingScope', {
        scopes: detail.scopes.length > 0 ? detail.scopes.map((s) => `“${s}”`).join(', ') : '?',
        count: Math.max(1, detail.scopes.length),
      })
    case 'forbidden':
      if (detail.code === 'access_denied') return problem('api.accessDenied')
      if (detail.code === 'account_not_partner') return problem('api.notPartner')
      return problem('api.forbidden', { status: detail.status })
    case 'not_found':
      if (detail.code === 'method_not_found') return problem('api.routeMissing')
      return problem('api.notFound', { status: detail.status })
    case 'validation':
      return problem('api.validation', {
        fields:
          detail.errors
            .slice(0, 3)
            .map((e) => (e.attribute ? `${e.attribute}: ${e.code}` : e.code))
            .join('; ') || `HTTP ${detail.status}`,
      })
    case 'client_error':
      return problem('api.refused', { status: detail.status })
    case 'rate_limited':
      return detail.retryAfterMs !== null
        ? problem('api.rateLimited', { count: seconds(detail.retryAfterMs) })
        : problem('api.rateLimitedUnknown')
    case 'server':
      return problem('api.server', { status: detail.status })
    case 'network':
      return detail.causeCode ? problem('api.network', { cause: detail.causeCode }) : problem('api.networkUnknown')
    case 'timeout':
      return problem('api.timeout', { count: seconds(detail.timeoutMs) })
    case 'cancelled':
      return problem('api.cancelled')
    case 'malformed':
      return problem(`api.malformed.${detail.reason}`)
  }
}

/** The problem of anything thrown. */
export function problemOf(error: unknown): Problem {
  if (isAppError(error)) return error.problem
  if (error instanceof ApiError) return apiProblem(error.detail)
  if (error instanceof KeychainUnavailableError) return problem('app.keychain')
  return problem('app.internal')
}

/** A problem as stored in a TEXT column (`accounts.last_error`, `sync_state.error_message`). */
export function encodeProblem(p: Problem | null): string | null {
  return p === null ? null : JSON.stringify(p)
}

/**
 * A stored problem read back. Text written by older versions (an English sentence) or anything
 * unreadable becomes the generic "the sync failed": never shown as it was.
 */
export function decodeProblem(text: string | null | undefined): Problem | null {
  if (text === null || text === undefined || text === '') return null
  try {
    const parsed = ProblemSchema.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
  } catch {
    // legacy plain text
  }
  return problem('sync.failed')
}
