import type { Sandbox } from '../../../electron/sandbox/index'

export interface Reply {
  status: number
  headers: Headers
  /** Parsed JSON body. */
  body: Record<string, unknown>
  text: string
}

export interface CallOptions {
  token?: string | null
  method?: string
  body?: unknown
  headers?: Record<string, string>
}

/** Calls the sandbox API with a named token (default `owner`) and parses the JSON answer. */
export async function call(sb: Sandbox, path: string, opts: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers }
  const token = opts.token === undefined ? 'owner' : opts.token
  if (token !== null) headers.authorization = `Bearer ${sb.tokens[token] ?? token}`
  const init: RequestInit = { method: opts.method ?? 'GET', headers }
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json'
    init.body = JSON.stringify(opts.body)
  }
  const res = await fetch(`${sb.url}${path}`, init)
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as Record<string, unknown>, text }
}

export function data<T = unknown>(r: Reply): T {
  return r.body.data as T
}

export function errorOf(r: Reply): {
  code: string
  description: string
  errors: { code: string; description: string; context?: Record<string, unknown> }[]
  context?: Record<string, unknown>
} {
  return r.body.error as never
}

/** Fixed reference time so data is identical across runs. */
export const REF = Date.UTC(2026, 10, 27)

export type Row = Record<string, unknown>
