/**
 * Typed errors of the Infomaniak API client.
 *
 * Every failure of a request surfaces as one {@link ApiError} whose `detail` is a discriminated union on
 * `kind`. Errors are built only from the HTTP status, the envelope's `error.code`, `error.context` and short
 * server descriptions (redacted): never from request headers, so the token can never reach a message, a log
 * line or the renderer.
 */
import { redact } from '../lib/logger'
import { MANAGER_TOKENS_URL } from '../../../shared/domain/manager-links'

/** One item of `error.errors[]` of a 422 answer (usually a `validation_rule_*` code). */
export interface ValidationIssue {
  /** Rule code, e.g. `validation_rule_required`, `validation_rule_in`. */
  code: string
  /** Server description (may be an i18n key such as `validation.password_unified_min`). */
  description: string | null
  /** `context.attribute`: the offending field, when given. */
  attribute: string | null
  /** `context.values`: allowed values for enumeration rules, when given. */
  values: readonly unknown[] | null
}

/** One problem found when the body did not match the expected envelope or DTO shape. */
export interface ShapeIssue {
  /** Dotted path into the body, e.g. `data[3].id` (never the offending value). */
  path: string
  /** Short description of the mismatch, e.g. `expected int, received string`. */
  message: string
}

/** Why a body was rejected as malformed. `truncated` and `unparsable` are considered transient. */
export type MalformedReason = 'truncated' | 'unparsable' | 'envelope' | 'schema' | 'inconsistent' | 'pagination'

/**
 * The discriminated union carried by {@link ApiError.detail}.
 *
 * - `token_rejected`: 401, the token is expired, revoked or unknown.
 * - `token_unavailable`: the token could not be read from the keychain (or is not valid header text).
 * - `missing_scope`: 403 `all_scopes`, the token lacks `scopes`.
 * - `forbidden`: any other 403 (`access_denied`, `account_not_partner`, `forbidden`, ...).
 * - `not_found`: 404; `code` distinguishes `object_not_found` from `method_not_found` (unknown route).
 * - `validation`: 422 with the `errors[]` items.
 * - `client_error`: any other 4xx (400, 409, 413, ...), e.g. `invitation_already_exists_with_this_email`.
 * - `rate_limited`: 429; `retryAfterMs` from `Retry-After` or `X-RateLimit-Reset`, else null.
 * - `server`: 5xx.
 * - `network`: fetch threw or the connection dropped; `causeCode` is a system code such as `ECONNREFUSED`.
 * - `timeout`: no complete answer within `timeoutMs`.
 * - `cancelled`: the caller aborted.
 * - `malformed`: non-JSON, truncated, envelope or DTO mismatch, or an inconsistent status/result pair.
 */
export type ApiErrorDetail =
  | { kind: 'token_rejected'; status: number; code: string | null }
  | { kind: 'token_unavailable' }
  | { kind: 'missing_scope'; status: number; code: string; scopes: readonly string[] }
  | { kind: 'forbidden'; status: number; code: string | null }
  | { kind: 'not_found'; status: number; code: string | null }
  | { kind: 'validation'; status: number; code: string | null; errors: readonly ValidationIssue[] }
  | { kind: 'client_error'; status: number; code: string | null }
  | { kind: 'rate_limited'; status: number; code: string | null; retryAfterMs: number | null }
  | { kind: 'server'; status: number; code: string | null }
  | { kind: 'network'; causeCode: string | null }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'cancelled' }
  | { kind: 'malformed'; status: number | null; reason: MalformedReason; issues: readonly ShapeIssue[] }

/** Every value of {@link ApiErrorDetail.kind}. */
export type ApiErrorKind = ApiErrorDetail['kind']

/** The detail variant of one kind. */
export type ApiErrorDetailOf<K extends ApiErrorKind> = Extract<ApiErrorDetail, { kind: K }>

/** Where the failing request went; the path never carries the query string. */
export interface RequestRef {
  method: string
  path: string
}

/** The plain, serializable form of an {@link ApiError}, safe for IPC and logs. */
export type SerializedApiError = ApiErrorDetail & {
  name: 'ApiError'
  message: string
  method: string | null
  path: string | null
}

/**
 * The one error type thrown by the API client.
 *
 * Narrow with `err.detail.kind` (a discriminated union) or with {@link isApiError}. `kind` is repeated on the
 * error itself for convenience. The message is short English naming the fix where there is one.
 */
export class ApiError<D extends ApiErrorDetail = ApiErrorDetail> extends Error {
  override readonly name = 'ApiError'
  /** The discriminated detail. */
  readonly detail: D
  /** HTTP method of the failing request, when known. */
  readonly method: string | null
  /** Path of the failing request (no query string), when known. */
  readonly path: string | null

  constructor(detail: D, request?: RequestRef | null, message?: string) {
    // Server-provided strings (codes, descriptions, values) could echo a secret: redact the whole detail.
    const safe = redact(detail) as D
    super(redact(message ?? defaultMessage(safe)) as string)
    this.detail = safe
    this.method = request?.method ?? null
    this.path = request?.path ?? null
  }

  /** Shortcut for `detail.kind`. */
  get kind(): D['kind'] {
    return this.detail.kind
  }

  /** Returns a copy that names the request (used when an error is created before the request is known). */
  withRequest(request: RequestRef): ApiError<D> {
    return new ApiError(this.detail, request, this.message)
  }

  /** Plain object for IPC and logs (no stack, no cause, nothing but the detail). */
  toJSON(): SerializedApiError {
    return { name: 'ApiError', message: this.message, method: this.method, path: this.path, ...this.detail }
  }
}

/** True when `error` is an {@link ApiError}, optionally of one of `kinds`. */
export function isApiError<K extends ApiErrorKind = ApiErrorKind>(
  error: unknown,
  ...kinds: K[]
): error is ApiError<ApiErrorDetailOf<K>> {
  if (!(error instanceof ApiError)) return false
  return kinds.length === 0 || (kinds as string[]).includes(error.detail.kind)
}

function codeSuffix(status: number | null, code: string | null): string {
  const parts: string[] = []
  if (status !== null) parts.push(`HTTP ${status}`)
  if (code) parts.push(code)
  return parts.length > 0 ? ` (${parts.join(', ')})` : ''
}

function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`
}

/** Builds the short English message of a detail; exported for tests and for UIs that re-render messages. */
export function defaultMessage(detail: ApiErrorDetail): string {
  switch (detail.kind) {
    case 'token_rejected':
      return `The API token was rejected: it is expired, revoked or invalid. Create a new token in the Manager (${MANAGER_TOKENS_URL}) and update this account.`
    case 'token_unavailable':
      return 'The API token could not be read from the system keychain. Unlock the keychain or add the token again.'
    case 'missing_scope': {
      const names = detail.scopes.length > 0 ? detail.scopes.map((s) => `"${s}"`).join(', ') : 'an unnamed scope'
      const plural = detail.scopes.length > 1 ? 'scopes' : 'scope'
      return `The API token lacks the ${plural} ${names}. Create a token that includes ${detail.scopes.length > 1 ? 'them' : 'it'} in the Manager (${MANAGER_TOKENS_URL}).`
    }
    case 'forbidden':
      if (detail.code === 'access_denied')
        return 'Access denied: your role in this organization does not allow this (an administrator or legal representative can).'
      if (detail.code === 'account_not_partner')
        return 'This organization is not a partner account, so partner routes are closed to it.'
      return `Access forbidden${codeSuffix(detail.status, detail.code)}.`
    case 'not_found':
      if (detail.code === 'method_not_found') return 'This API route does not exist (method_not_found).'
      return `Not found${codeSuffix(detail.status, detail.code)}: the object may have been deleted or be out of reach of this token.`
    case 'validation': {
      const first = detail.errors
        .slice(0, 3)
        .map((e) => (e.attribute ? `${e.attribute}: ${e.code}` : e.code))
        .join('; ')
      return `The API rejected the request as invalid${first ? ` (${first})` : ''}.`
    }
    case 'client_error':
      return `The API refused the request${codeSuffix(detail.status, detail.code)}.`
    case 'rate_limited':
      return detail.retryAfterMs !== null
        ? `Rate limit reached (60 requests per minute); the next request waits ${seconds(detail.retryAfterMs)}.`
        : 'Rate limit reached (60 requests per minute); the next request waits about a minute.'
    case 'server':
      return `The Infomaniak API had a server error${codeSuffix(detail.status, detail.code)}. Try again later.`
    case 'network':
      return `Could not reach the Infomaniak API${detail.causeCode ? ` (${detail.causeCode})` : ''}. Check the internet connection.`
    case 'timeout':
      return `The Infomaniak API did not answer within ${seconds(detail.timeoutMs)}.`
    case 'cancelled':
      return 'The request was cancelled.'
    case 'malformed': {
      const where = detail.issues
        .slice(0, 3)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')
      const why: Record<MalformedReason, string> = {
        truncated: 'a truncated body',
        unparsable: 'a body that is not JSON',
        envelope: 'a body that is not an API envelope',
        schema: 'data of an unexpected shape',
        inconsistent: 'an HTTP status that contradicts its result',
        pagination: 'inconsistent pagination',
      }
      return `The Infomaniak API answered with ${why[detail.reason]}${codeSuffix(detail.status, null)}${where ? `: ${where}` : ''}.`
    }
  }
}
