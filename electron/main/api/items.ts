/**
 * Per-item validation of list pages, and the names under which answers are reported.
 *
 * A page is validated item by item: an item that does not fit its schema is left out and described by where and
 * how it failed (field path, expected and seen JSON types), never by its values, so the description can be shown,
 * logged and exported. Everything else on the page is kept. See README.md, "Per-item parsing".
 */
import type { z } from 'zod'

/** JSON type of a value as seen on the wire. */
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'absent'

export function jsonType(v: unknown): JsonType {
  if (v === undefined) return 'absent'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  const t = typeof v
  if (t === 'boolean' || t === 'number' || t === 'string' || t === 'object') return t
  return 'absent'
}

/** One field of a skipped item: where, what the schema expected, what the server sent (its JSON type only). */
export interface FieldIssue {
  /** Item-relative path, array indexes as `[]`: `status.maintenance`, `users[].rights`. */
  path: string
  /** What the schema accepts, e.g. `boolean`, `number`, `one of several shapes`. */
  expected: string
  seen: JsonType
}

/** An item left out of a list answer. */
export interface SkippedItem {
  /** Endpoint template, e.g. `GET /1/products` (see {@link endpointOf}). */
  endpoint: string
  /** `account_id` of the item when it is a plain integer (to attribute it to an organisation), else null. */
  orgId: number | null
  issues: FieldIssue[]
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

function pathText(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += '[]'
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(item)' : out
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected
    case 'invalid_union':
      return 'one of several shapes'
    case 'too_small':
    case 'too_big':
      return `${issue.origin} within bounds`
    case 'invalid_format':
      return `${issue.format} format`
    case 'invalid_value':
      return 'a known value'
    default:
      return issue.code
  }
}

/** Describes why `raw` failed `schema` by paths and types only. */
export function describeIssues(raw: unknown, error: z.ZodError): FieldIssue[] {
  const out: FieldIssue[] = []
  const seen = new Set<string>()
  for (const issue of error.issues) {
    const path = pathText(issue.path)
    const key = `${path}|${issue.code}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ path, expected: expectedOf(issue), seen: jsonType(at(raw, issue.path)) })
    if (out.length >= 10) break
  }
  return out
}

/** Validates each item of `list`; items that fail are described in `skipped`. */
export function parseItems<S extends z.ZodType>(
  schema: S,
  list: readonly unknown[],
  endpoint: string,
): { items: z.output<S>[]; skipped: SkippedItem[] } {
  const items: z.output<S>[] = []
  const skipped: SkippedItem[] = []
  for (const raw of list) {
    const parsed = schema.safeParse(raw)
    if (parsed.success) {
      items.push(parsed.data)
      continue
    }
    const org = at(raw, ['account_id'])
    skipped.push({
      endpoint,
      orgId: typeof org === 'number' && Number.isSafeInteger(org) ? org : null,
      issues: describeIssues(raw, parsed.error),
    })
  }
  return { items, skipped }
}

/** Path templates of the endpoints the client calls; anything else is reduced to its first two segments. */
const TEMPLATES: readonly string[] = [
  '/2/profile',
  '/1/accounts',
  '/1/account',
  '/1/accounts/{org}',
  '/1/accounts/{org}/services',
  '/1/accounts/{org}/tags',
  '/1/accounts/{org}/products',
  '/1/products',
  '/2/accounts/{org}/users',
  '/2/accounts/{org}/users/{user}/app_accesses',
  '/1/accounts/{org}/teams',
  '/1/accounts/{org}/teams/{team}',
  '/1/accounts/{org}/teams/{team}/users',
  '/1/accounts/{org}/invitations',
  '/1/accounts/{org}/invitations/{invitation}',
  '/1/accounts/{org}/invitations/users/{user}',
  '/1/accounts/{org}/invitations/{invitation}/b2b',
  '/1/accounts/{org}/invoices',
  '/2/domains/domains',
  '/2/domains/domains/{domain}',
  '/1/mail_hostings',
  '/2/drive',
  '/1/swiss_backups',
]

const COMPILED = TEMPLATES.map((t) => ({
  template: t,
  regex: new RegExp(`^${t.replace(/\{\w+\}/g, '[^/]+')}/?$`),
}))

/**
 * The endpoint an answer belongs to, without any identifier: `GET /1/accounts/{org}/teams/{team}/users`. An
 * unknown path keeps its version and first segment only (`/1/web_hostings/…`), so no id, domain or mailbox name
 * can leak into a report.
 */
export function endpointOf(method: string, path: string): string {
  const bare = path.split('?')[0] ?? ''
  const hit = COMPILED.find((c) => c.regex.test(bare))
  if (hit) return `${method} ${hit.template}`
  const parts = bare.split('/').filter(Boolean)
  const safe = parts
    .slice(0, 2)
    .map((p, i) => ((i === 0 && /^\d{1,2}$/.test(p)) || /^[a-z][a-z0-9_]{0,40}$/.test(p) ? p : '{param}'))
  return `${method} /${safe.join('/')}${parts.length > 2 ? '/…' : ''}`
}
