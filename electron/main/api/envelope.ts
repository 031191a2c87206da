/**
 * Envelope parsing: `{result, data, error}` plus the page fields.
 *
 * Both the HTTP status and `result` are checked. A 2xx answer must say `success` or `asynchronous`; a 4xx/5xx
 * answer is an error whatever its body says; a 2xx answer saying `error` is classified by its `error.code`.
 * Errors are mapped to {@link ApiError} kinds; bodies are never copied into errors, only codes, scope names,
 * validation items and the zod issue paths.
 */
import { z } from 'zod'
import { ApiError, type ApiErrorDetail, type RequestRef, type ShapeIssue, type ValidationIssue } from './errors'
import type { TransportResponse } from './transport'

/** Integer page field, tolerating numeric strings. */
const PageInt = z.union([z.int(), z.string().regex(/^\d+$/).transform(Number)])

const ErrorItemSchema = z.object({
  code: z.union([z.string(), z.number()]).optional(),
  description: z.string().nullish(),
  context: z.record(z.string(), z.unknown()).nullish(),
})

const ErrorBodySchema = z.object({
  code: z.union([z.string(), z.number()]).nullish(),
  description: z.string().nullish(),
  errors: z.array(z.unknown()).nullish(),
  context: z.record(z.string(), z.unknown()).nullish(),
})

const EnvelopeSchema = z.object({
  result: z.string(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
  total: PageInt.nullish(),
  page: PageInt.nullish(),
  pages: PageInt.nullish(),
  items_per_page: PageInt.nullish(),
  cursor: z.string().nullish(),
  has_more: z.boolean().nullish(),
  response_at: z.number().nullish(),
})

/** Page fields of a page-paginated answer; all null when the answer was not paginated. */
export interface PageInfo {
  total: number | null
  page: number | null
  pages: number | null
  itemsPerPage: number | null
}

/** A successful envelope: `data` still unvalidated, plus page fields and the result flavour. */
export interface SuccessEnvelope {
  result: 'success' | 'asynchronous'
  status: number
  data: unknown
  pageInfo: PageInfo
}

/** Formats a zod issue path as `data[3].rights.sale`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out || '(root)'
}

/** Converts zod issues into {@link ShapeIssue}s: path and zod message only (zod messages carry no input values). */
export function shapeIssues(error: z.ZodError, prefix = ''): ShapeIssue[] {
  return error.issues.slice(0, 10).map((issue) => ({ path: formatPath(issue.path, prefix), message: issue.message }))
}

/** Parses `Retry-After` (seconds or HTTP date) and `X-RateLimit-Reset` (unix seconds) into a delay in ms. */
export function retryAfterMsFromHeaders(headers: Headers, now: number): number | null {
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000)
    const at = Date.parse(retryAfter)
    if (!Number.isNaN(at)) return Math.max(0, at - now)
  }
  const reset = headers.get('x-ratelimit-reset')?.trim()
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset)
    // Unix seconds per the desktop client; a small value is read as "seconds from now" (other APIs do that).
    if (value < 1_000_000_000) return Math.round(value * 1000)
    return Math.max(0, Math.round(value * 1000 - now))
  }
  return null
}

const SCOPE_IN_DESCRIPTION = /scope\s*:?\s*"([^"]+)"/gi

function scopesOf(context: Record<string, unknown> | null | undefined, description: string | null): string[] {
  const raw = context?.['scopes']
  if (Array.isArray(raw)) {
    const scopes = raw.filter((s): s is string => typeof s === 'string' && s.length > 0)
    if (scopes.length > 0) return scopes
  }
  if (typeof raw === 'string' && raw) return [raw]
  if (!description) return []
  return [...description.matchAll(SCOPE_IN_DESCRIPTION)].map((m) => m[1] ?? '').filter(Boolean)
}

function validationItems(errors: readonly unknown[] | null | undefined): ValidationIssue[] {
  const out: ValidationIssue[] = []
  for (const raw of errors ?? []) {
    const parsed = ErrorItemSchema.safeParse(raw)
    if (!parsed.success) continue
    const ctx = parsed.data.context ?? null
    const attribute = ctx?.['attribute']
    const values = ctx?.['values']
    out.push({
      code: parsed.data.code === undefined ? 'unknown' : String(parsed.data.code),
      description: parsed.data.description ?? null,
      attribute: typeof attribute === 'string' ? attribute : null,
      values: Array.isArray(values) ? values : null,
    })
  }
  return out
}

interface ErrorBody {
  code: string | null
  description: string | null
  errors: readonly unknown[] | null
  context: Record<string, unknown> | null
}

function readErrorBody(error: unknown): ErrorBody {
  const parsed = ErrorBodySchema.safeParse(error)
  if (!parsed.success) return { code: null, description: null, errors: null, context: null }
  const { code, description, errors, context } = parsed.data
  return {
    code: code === undefined || code === null ? null : String(code),
    description: description ?? null,
    errors: errors ?? null,
    context: context ?? null,
  }
}

/** Maps an HTTP error status plus an optional error body to a detail. */
export function errorDetail(status: number, body: ErrorBody, headers: Headers, now: number): ApiErrorDetail {
  const { code } = body
  if (status === 401) return { kind: 'token_rejected', status, code }
  if (status === 403 && code === 'all_scopes')
    return { kind: 'missing_scope', status, code, scopes: scopesOf(body.context, body.description) }
  if (status === 403) return { kind: 'forbidden', status, code }
  if (status === 404) return { kind: 'not_found', status, code }
  if (status === 422) return { kind: 'validation', status, code, errors: validationItems(body.errors) }
  if (status === 429) return { kind: 'rate_limited', status, code, retryAfterMs: retryAfterMsFromHeaders(headers, now) }
  if (status >= 500) return { kind: 'server', status, code }
  return { kind: 'client_error', status, code }
}

/** Classifies a `result: "error"` carried by a 2xx answer, from its code alone. */
function detailFromCode(status: number, body: ErrorBody): ApiErrorDetail {
  switch (body.code) {
    case 'not_authorized':
    case 'unauthorized':
      return { kind: 'token_rejected', status, code: body.code }
    case 'all_scopes':
      return { kind: 'missing_scope', status, code: body.code, scopes: scopesOf(body.context, body.description) }
    case 'access_denied':
    case 'forbidden':
    case 'account_not_partner':
      return { kind: 'forbidden', status, code: body.code }
    case 'object_not_found':
    case 'not_found':
    case 'method_not_found':
      return { kind: 'not_found', status, code: body.code }
    case 'validation_failed':
      return { kind: 'validation', status, code: body.code, errors: validationItems(body.errors) }
    default:
      return {
        kind: 'malformed',
        status,
        reason: 'inconsistent',
        issues: [{ path: 'result', message: `"error" with HTTP ${status}${body.code ? ` (${body.code})` : ''}` }],
      }
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; truncated: boolean } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    const trimmed = text.trim()
    const message = error instanceof Error ? error.message : ''
    const truncated =
      trimmed === '' ||
      ((trimmed.startsWith('{') || trimmed.startsWith('[')) &&
        /end of (json )?(data|input)|unterminated|Expected/i.test(message))
    return { ok: false, truncated }
  }
}

/**
 * Validates a response and returns its success envelope, or throws the matching {@link ApiError}.
 *
 * `now` is the clock time used to turn `X-RateLimit-Reset` into a delay.
 */
export function parseEnvelope(response: TransportResponse, request: RequestRef, now: number): SuccessEnvelope {
  const { status, headers, bodyText } = response
  const isHttpError = status >= 400
  const json = parseJson(bodyText)

  if (!json.ok) {
    // Proxies answer HTML on 5xx/429; the status alone classifies those.
    if (isHttpError) throw new ApiError(errorDetail(status, readErrorBody(null), headers, now), request)
    const reason = json.truncated ? 'truncated' : 'unparsable'
    throw new ApiError({ kind: 'malformed', status, reason, issues: [] }, request)
  }

  const envelope = EnvelopeSchema.safeParse(json.value)
  if (!envelope.success) {
    if (isHttpError) throw new ApiError(errorDetail(status, readErrorBody(null), headers, now), request)
    throw new ApiError({ kind: 'malformed', status, reason: 'envelope', issues: shapeIssues(envelope.error) }, request)
  }
  const env = envelope.data

  if (isHttpError) throw new ApiError(errorDetail(status, readErrorBody(env.error), headers, now), request)

  if (status < 200 || status >= 300) {
    throw new ApiError(
      {
        kind: 'malformed',
        status,
        reason: 'inconsistent',
        issues: [{ path: 'status', message: `unexpected HTTP ${status}` }],
      },
      request,
    )
  }
  if (env.result === 'error' || env.result === 'failure') {
    throw new ApiError(detailFromCode(status, readErrorBody(env.error)), request)
  }
  if (env.result !== 'success' && env.result !== 'asynchronous') {
    throw new ApiError(
      { kind: 'malformed', status, reason: 'envelope', issues: [{ path: 'result', message: 'unknown result value' }] },
      request,
    )
  }
  return {
    result: env.result,
    status,
    data: env.data,
    pageInfo: {
      total: env.total ?? null,
      page: env.page ?? null,
      pages: env.pages ?? null,
      itemsPerPage: env.items_per_page ?? null,
    },
  }
}

/** Validates `data` against a DTO schema; a mismatch becomes a `malformed`/`schema` error naming the paths. */
export function parseData<S extends z.ZodType>(
  schema: S,
  data: unknown,
  request: RequestRef,
  status: number | null,
  prefix = 'data',
): z.output<S> {
  const parsed = schema.safeParse(data)
  if (parsed.success) return parsed.data
  throw new ApiError(
    { kind: 'malformed', status, reason: 'schema', issues: shapeIssues(parsed.error, prefix) },
    request,
  )
}
