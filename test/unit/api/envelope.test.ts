import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiError, isApiError } from '../../../electron/main/api/errors'
import { parseData, parseEnvelope, retryAfterMsFromHeaders } from '../../../electron/main/api/envelope'
import type { TransportResponse } from '../../../electron/main/api/transport'
import { ALL_SCOPES_BODY } from './helpers'

const REQ = { method: 'GET', path: '/1/things' }
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0)

function raw(body: unknown, status = 200, headers: Record<string, string> = {}): TransportResponse {
  return {
    status,
    headers: new Headers(headers),
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    durationMs: 5,
  }
}

function errorOf(response: TransportResponse): ApiError {
  try {
    parseEnvelope(response, REQ, NOW)
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected parseEnvelope to throw')
}

describe('envelope: success', () => {
  it('returns data and null page fields for an unpaginated answer', () => {
    const env = parseEnvelope(raw({ result: 'success', data: [{ id: 1 }] }), REQ, NOW)
    expect(env).toEqual({
      result: 'success',
      status: 200,
      data: [{ id: 1 }],
      pageInfo: { total: null, page: null, pages: null, itemsPerPage: null },
    })
  })

  it('reads the page fields siblings of data (tolerating numeric strings)', () => {
    const env = parseEnvelope(
      raw({ result: 'success', data: [], total: 41, page: '2', pages: 3, items_per_page: 15 }),
      REQ,
      NOW,
    )
    expect(env.pageInfo).toEqual({ total: 41, page: 2, pages: 3, itemsPerPage: 15 })
  })

  it('accepts 202 asynchronous and data: true', () => {
    expect(parseEnvelope(raw({ result: 'asynchronous', data: 'uuid-1' }, 202), REQ, NOW).result).toBe('asynchronous')
    expect(parseEnvelope(raw({ result: 'success', data: true }, 201), REQ, NOW).data).toBe(true)
  })
})

describe('envelope: status and result must agree', () => {
  it('treats a 4xx/5xx as an error even when the body says success', () => {
    const error = errorOf(raw({ result: 'success', data: [] }, 500))
    expect(error.detail).toEqual({ kind: 'server', status: 500, code: null })
  })

  it('classifies a 200 with result "error" by its code', () => {
    const error = errorOf(raw({ result: 'error', error: { code: 'object_not_found', description: 'x' } }, 200))
    expect(error.detail).toMatchObject({ kind: 'not_found', code: 'object_not_found' })
    const scope = errorOf(raw(ALL_SCOPES_BODY, 200))
    expect(scope.detail).toMatchObject({ kind: 'missing_scope', scopes: ['user_info'] })
  })

  it('reports a 200 with an unknown error code as inconsistent (not retried)', () => {
    const error = errorOf(raw({ result: 'error', error: { code: 'weird' } }, 200))
    expect(error.detail).toMatchObject({ kind: 'malformed', reason: 'inconsistent' })
  })

  it('rejects an unknown result value and a body that is not an envelope', () => {
    expect(errorOf(raw({ result: 'redirect', data: null })).detail).toMatchObject({
      kind: 'malformed',
      reason: 'envelope',
    })
    const notEnvelope = errorOf(raw({ data: [1, 2] }))
    expect(notEnvelope.detail).toMatchObject({ kind: 'malformed', reason: 'envelope', issues: [{ path: 'result' }] })
  })

  it('treats result "failure" (legacy) as an error', () => {
    expect(errorOf(raw({ result: 'failure', error: { code: 'validation_failed' } })).detail.kind).toBe('validation')
  })
})

describe('envelope: error kinds from realistic bodies', () => {
  it('401 not_authorized → token_rejected, message names the fix', () => {
    const error = errorOf(
      raw(
        { result: 'error', error: { code: 'not_authorized', description: 'Authorization required', errors: [] } },
        401,
      ),
    )
    expect(error.detail).toEqual({ kind: 'token_rejected', status: 401, code: 'not_authorized' })
    expect(error.kind).toBe('token_rejected')
    expect(error.message).toMatch(/create a new token in the Manager/i)
  })

  it('403 all_scopes (literal §3.3 body) → missing_scope with the scope names', () => {
    const error = errorOf(raw(ALL_SCOPES_BODY, 403))
    expect(error.detail).toEqual({ kind: 'missing_scope', status: 403, code: 'all_scopes', scopes: ['user_info'] })
    expect(error.message).toContain('"user_info"')
    expect(error.message).toMatch(/Create a token that includes it/)
  })

  it('403 all_scopes without context falls back to the description', () => {
    const body = {
      result: 'error',
      error: { code: 'all_scopes', description: 'This method require this specific scope:"domain:read"' },
    }
    expect(errorOf(raw(body, 403)).detail).toMatchObject({ kind: 'missing_scope', scopes: ['domain:read'] })
  })

  it('other 403s → forbidden keeping the code', () => {
    const denied = errorOf(
      raw({ result: 'error', error: { code: 'access_denied', description: 'Access denied', errors: [] } }, 403),
    )
    expect(denied.detail).toEqual({ kind: 'forbidden', status: 403, code: 'access_denied' })
    expect(denied.message).toMatch(/role/)
    const partner = errorOf(raw({ result: 'error', error: { code: 'account_not_partner', errors: [] } }, 403))
    expect(partner.detail).toEqual({ kind: 'forbidden', status: 403, code: 'account_not_partner' })
  })

  it('404 keeps object_not_found vs method_not_found', () => {
    expect(errorOf(raw({ result: 'error', error: { code: 'object_not_found' } }, 404)).detail).toEqual({
      kind: 'not_found',
      status: 404,
      code: 'object_not_found',
    })
    const route = errorOf(raw({ result: 'error', error: { code: 'method_not_found' } }, 404))
    expect(route.detail).toMatchObject({ code: 'method_not_found' })
    expect(route.message).toMatch(/route does not exist/)
  })

  it('422 validation_failed → validation with the errors[] items', () => {
    const body = {
      result: 'error',
      error: {
        code: 'validation_failed',
        description: 'Validation failed',
        errors: [
          {
            code: 'validation_rule_in',
            description: 'The selected with is invalid.',
            context: { attribute: 'with', values: ['logo', 'tags'] },
          },
          {
            code: 'validation_rule_required',
            description: 'The email field is required.',
            context: { attribute: 'email' },
          },
        ],
      },
    }
    const error = errorOf(raw(body, 422))
    expect(error.detail).toEqual({
      kind: 'validation',
      status: 422,
      code: 'validation_failed',
      errors: [
        {
          code: 'validation_rule_in',
          description: 'The selected with is invalid.',
          attribute: 'with',
          values: ['logo', 'tags'],
        },
        {
          code: 'validation_rule_required',
          description: 'The email field is required.',
          attribute: 'email',
          values: null,
        },
      ],
    })
    expect(error.message).toContain('with: validation_rule_in')
  })

  it('429 → rate_limited with Retry-After, X-RateLimit-Reset, or null', () => {
    const body = { result: 'error', error: { code: 'too_many_requests', description: 'Too many requests', errors: [] } }
    expect(errorOf(raw(body, 429, { 'Retry-After': '17' })).detail).toEqual({
      kind: 'rate_limited',
      status: 429,
      code: 'too_many_requests',
      retryAfterMs: 17_000,
    })
    const reset = String(NOW / 1000 + 42)
    expect(errorOf(raw(body, 429, { 'X-RateLimit-Reset': reset })).detail).toMatchObject({ retryAfterMs: 42_000 })
    // Retry-After wins over X-RateLimit-Reset.
    expect(errorOf(raw(body, 429, { 'Retry-After': '3', 'X-RateLimit-Reset': reset })).detail).toMatchObject({
      retryAfterMs: 3_000,
    })
    expect(errorOf(raw(body, 429)).detail).toMatchObject({ retryAfterMs: null })
    // A proxy's HTML 429 still classifies by status.
    expect(errorOf(raw('<html>slow down</html>', 429, { 'Retry-After': '5' })).detail).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 5000,
    })
  })

  it('5xx → server (HTML bodies included); other 4xx → client_error', () => {
    expect(errorOf(raw({ result: 'error', error: { code: 'drive_is_in_maintenance_error' } }, 503)).detail).toEqual({
      kind: 'server',
      status: 503,
      code: 'drive_is_in_maintenance_error',
    })
    expect(errorOf(raw('<html>Bad gateway</html>', 502)).detail).toEqual({ kind: 'server', status: 502, code: null })
    expect(
      errorOf(raw({ result: 'error', error: { code: 'invitation_already_exists_with_this_email' } }, 400)).detail,
    ).toEqual({
      kind: 'client_error',
      status: 400,
      code: 'invitation_already_exists_with_this_email',
    })
  })

  it('2xx non-JSON → malformed unparsable; cut-off JSON → malformed truncated; no body dump in the message', () => {
    const html = errorOf(raw('<html>maintenance page with secret-ish stuff</html>', 200))
    expect(html.detail).toEqual({ kind: 'malformed', status: 200, reason: 'unparsable', issues: [] })
    expect(html.message).not.toContain('secret-ish')
    const cut = errorOf(raw('{"result":"success","data":[{"id":1},{"id"', 200))
    expect(cut.detail).toMatchObject({ kind: 'malformed', reason: 'truncated' })
    expect(errorOf(raw('', 200)).detail).toMatchObject({ kind: 'malformed', reason: 'truncated' })
  })
})

describe('parseData', () => {
  it('names the zod issue path but not the offending value', () => {
    const schema = z.array(z.object({ id: z.int(), name: z.string() }))
    const data = [
      { id: 1, name: 'ok' },
      { id: 'supersecretvalue', name: 'x' },
    ]
    try {
      parseData(schema, data, REQ, 200)
      throw new Error('expected a throw')
    } catch (error) {
      expect(isApiError(error, 'malformed')).toBe(true)
      const e = error as ApiError
      expect(e.detail).toMatchObject({ kind: 'malformed', reason: 'schema', issues: [{ path: 'data[1].id' }] })
      expect(e.message).toContain('data[1].id')
      expect(e.message).not.toContain('supersecretvalue')
      expect(JSON.stringify(e)).not.toContain('supersecretvalue')
    }
  })
})

describe('retryAfterMsFromHeaders', () => {
  it('reads HTTP-date Retry-After and small X-RateLimit-Reset values as deltas', () => {
    const date = new Date(NOW + 9_000).toUTCString()
    expect(retryAfterMsFromHeaders(new Headers({ 'Retry-After': date }), NOW)).toBe(9_000)
    expect(retryAfterMsFromHeaders(new Headers({ 'X-RateLimit-Reset': '30' }), NOW)).toBe(30_000)
    expect(retryAfterMsFromHeaders(new Headers({ 'X-RateLimit-Reset': String(NOW / 1000 - 5) }), NOW)).toBe(0)
    expect(retryAfterMsFromHeaders(new Headers({ 'Retry-After': 'soon' }), NOW)).toBeNull()
  })
})

describe('ApiError', () => {
  it('serializes to a plain safe object and narrows by kind', () => {
    const error = new ApiError(
      { kind: 'missing_scope', status: 403, code: 'all_scopes', scopes: ['mail'] },
      { method: 'GET', path: '/1/mail_hostings' },
    )
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ApiError',
      message: error.message,
      method: 'GET',
      path: '/1/mail_hostings',
      kind: 'missing_scope',
      status: 403,
      code: 'all_scopes',
      scopes: ['mail'],
    })
    const unknownError: unknown = error
    if (isApiError(unknownError, 'missing_scope')) expect(unknownError.detail.scopes).toEqual(['mail'])
    else throw new Error('isApiError failed to narrow')
    expect(isApiError(unknownError, 'forbidden')).toBe(false)
    expect(isApiError(new Error('x'))).toBe(false)
  })
})
