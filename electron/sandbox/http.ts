/** Envelope, error bodies, query parsing, ordering and paging shared by every route. */

export interface ErrorItem {
  code: string
  description: string
  context?: Record<string, unknown>
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly errors: ErrorItem[] = [],
    readonly context?: Record<string, unknown>,
  ) {
    super(`${status} ${code}: ${description}`)
  }

  body(): Record<string, unknown> {
    const error: Record<string, unknown> = { code: this.code, description: this.description, errors: this.errors }
    if (this.context) error.context = this.context
    return { result: 'error', error }
  }
}

export const E = {
  notAuthorized: (): ApiError =>
    new ApiError(401, 'not_authorized', 'Authorization required: the token is missing, invalid, expired or revoked'),
  allScopes: (scope: string): ApiError =>
    new ApiError(403, 'all_scopes', `This method require this specific scope:"${scope}"`, [], { scopes: [scope] }),
  accessDenied: (why = 'Access denied'): ApiError => new ApiError(403, 'access_denied', why),
  accountNotPartner: (): ApiError => new ApiError(403, 'account_not_partner', 'This account is not a partner'),
  objectNotFound: (what = 'Object'): ApiError => new ApiError(404, 'object_not_found', `${what} not found`),
  methodNotFound: (): ApiError => new ApiError(404, 'method_not_found', 'Method not found'),
  validation: (items: ErrorItem[], description = 'Validation failed'): ApiError =>
    new ApiError(422, 'validation_failed', description, items),
  badRequest: (code: string, description: string): ApiError => new ApiError(400, code, description),
}

export const rule = {
  required: (attribute: string): ErrorItem => ({
    code: 'validation_rule_required',
    description: `The ${attribute.replace(/_/g, ' ')} field is required.`,
    context: { attribute },
  }),
  in: (attribute: string, values: readonly (string | number)[]): ErrorItem => ({
    code: 'validation_rule_in',
    description: `The selected ${attribute.replace(/_/g, ' ')} is invalid.`,
    context: { attribute, values: values.slice() },
  }),
  integer: (attribute: string): ErrorItem => ({
    code: 'validation_rule_integer',
    description: `The ${attribute.replace(/_/g, ' ')} must be an integer.`,
    context: { attribute },
  }),
  min: (attribute: string, min: number): ErrorItem => ({
    code: 'validation_rule_min',
    description: `The ${attribute.replace(/_/g, ' ')} must be at least ${min}.`,
    context: { attribute, min },
  }),
  email: (attribute: string): ErrorItem => ({
    code: 'validation_rule_email',
    description: `The ${attribute.replace(/_/g, ' ')} must be a valid email address.`,
    context: { attribute },
  }),
  string: (attribute: string): ErrorItem => ({
    code: 'validation_rule_string',
    description: `The ${attribute.replace(/_/g, ' ')} must be a string.`,
    context: { attribute },
  }),
  boolean: (attribute: string): ErrorItem => ({
    code: 'validation_rule_boolean',
    description: `The ${attribute.replace(/_/g, ' ')} field must be true or false.`,
    context: { attribute },
  }),
  array: (attribute: string): ErrorItem => ({
    code: 'validation_rule_array',
    description: `The ${attribute.replace(/_/g, ' ')} must be an array.`,
    context: { attribute },
  }),
  exists: (attribute: string): ErrorItem => ({
    code: 'validation_rule_exists',
    description: `The selected ${attribute.replace(/_/g, ' ')} is invalid.`,
    context: { attribute },
  }),
}

export interface ApiResponse {
  status: number
  body: Record<string, unknown>
}

export function ok(data: unknown, status = 200, extra?: Record<string, unknown>): ApiResponse {
  return { status, body: { result: 'success', data, ...extra } }
}

/** Query-string access with the API's conventions (`a[]=1&a[]=2`, `a=1,2`, `filter[x]`). */
export class Query {
  constructor(readonly params: URLSearchParams) {}

  has(name: string): boolean {
    return this.params.has(name)
  }

  str(name: string): string | undefined {
    const v = this.params.get(name)
    return v === null ? undefined : v
  }

  /** Integer parameter; a non-integer value is a 422. */
  int(name: string, min?: number): number | undefined {
    const v = this.str(name)
    if (v === undefined || v === '') return undefined
    if (!/^-?\d+$/.test(v)) throw E.validation([rule.integer(name)])
    const n = Number(v)
    if (min !== undefined && n < min) throw E.validation([rule.min(name, min)])
    return n
  }

  /** Values of `name` and `name[]`, comma-separated values split. */
  list(name: string): string[] {
    const out: string[] = []
    for (const key of [name, `${name}[]`]) {
      for (const v of this.params.getAll(key))
        for (const part of v.split(',')) if (part.trim() !== '') out.push(part.trim())
    }
    // deepObject arrays: name[0]=a&name[1]=b
    for (const [key, v] of this.params) {
      if (key.startsWith(`${name}[`) && /^\[\d+\]$/.test(key.slice(name.length))) out.push(v)
    }
    return out
  }

  filter(name: string): string[] {
    return this.list(`filter[${name}]`)
  }

  intList(name: string): number[] {
    return this.list(name).map((v) => {
      if (!/^-?\d+$/.test(v)) throw E.validation([rule.integer(name)])
      return Number(v)
    })
  }

  bool(name: string): boolean | undefined {
    const v = this.str(name)
    if (v === undefined || v === '') return undefined
    if (v === 'true' || v === '1') return true
    if (v === 'false' || v === '0') return false
    throw E.validation([rule.boolean(name)])
  }
}

/** Parses `with=` against the allowed list; an unknown value is a 422 listing the allowed ones. */
export function parseWith(q: Query, allowed: readonly string[]): Set<string> {
  const values = q.list('with')
  for (const v of values) if (!allowed.includes(v)) throw E.validation([rule.in('with', allowed)])
  return new Set(values)
}

/** Lower-cased, accent-free text for `search` and name filters. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

type SortValue = string | number | boolean | null
export interface SortSpec<T> {
  fields: Record<string, (item: T) => SortValue>
  /** Query parameter holding the direction: `order` (default) or `order_dir` (domains v2). */
  dirParam?: 'order' | 'order_dir'
  /** Tie-breaker and default order (ascending). */
  id: (item: T) => number
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b)
  return Number(a) - Number(b)
}

/** Sorts by `order_by` (comma list), `order`/`order_dir` asc|desc and `order_for[field]`; default id ascending. */
export function sortItems<T>(items: T[], q: Query, spec: SortSpec<T>): T[] {
  const fields = q.list('order_by')
  const allowed = Object.keys(spec.fields)
  for (const f of fields) if (!allowed.includes(f)) throw E.validation([rule.in('order_by', allowed)])
  const dirParam = spec.dirParam ?? 'order'
  const dir = q.str(dirParam)
  if (dir !== undefined && dir !== 'asc' && dir !== 'desc') throw E.validation([rule.in(dirParam, ['asc', 'desc'])])
  const keys = fields.map((f) => {
    const specific = q.str(`order_for[${f}]`)
    if (specific !== undefined && specific !== 'asc' && specific !== 'desc')
      throw E.validation([rule.in(`order_for[${f}]`, ['asc', 'desc'])])
    const d = specific ?? dir ?? 'asc'
    return { get: spec.fields[f] as (item: T) => SortValue, sign: d === 'desc' ? -1 : 1 }
  })
  if (keys.length === 0 && dir === 'desc') keys.push({ get: spec.id, sign: -1 })
  return items.slice().sort((a, b) => {
    for (const k of keys) {
      const c = compareValues(k.get(a), k.get(b))
      if (c !== 0) return c * k.sign
    }
    return spec.id(a) - spec.id(b)
  })
}

export interface PageOptions {
  /** Honour `page`/`per_page` (page fields only when `page` is sent). */
  paginated: boolean
  /** Honour `limit`/`skip`. */
  offset: boolean
  maxPerPage: number
  defaultPerPage: number
}

/**
 * Applies `return=total`, page/per_page or limit/skip and serializes only the returned slice.
 * Without `page` (or with paging off) the whole list is returned with no page fields.
 */
export function listResponse<T>(
  items: readonly T[],
  q: Query,
  opts: PageOptions,
  serialize: (item: T) => unknown,
): ApiResponse {
  const ret = q.str('return')
  if (ret !== undefined) {
    if (ret !== 'total') throw E.validation([rule.in('return', ['total'])])
    return ok(items.length)
  }
  if (opts.paginated && q.has('page')) {
    const page = q.int('page', 1) ?? 1
    const perPage = q.int('per_page', 1) ?? opts.defaultPerPage
    const size = Math.min(perPage, opts.maxPerPage)
    const total = items.length
    const pages = Math.max(1, Math.ceil(total / size))
    const slice = items.slice((page - 1) * size, page * size)
    return ok(slice.map(serialize), 200, { total, page, pages, items_per_page: size })
  }
  if (opts.offset && (q.has('limit') || q.has('skip'))) {
    const skip = q.int('skip', 0) ?? 0
    const limit = Math.min(q.int('limit', 1) ?? opts.maxPerPage, opts.maxPerPage)
    return ok(items.slice(skip, skip + limit).map(serialize))
  }
  return ok(items.map(serialize))
}

/** Body helpers for writes: JSON object fields with type checks that produce `errors[]` items. */
export class Body {
  readonly errors: ErrorItem[]

  constructor(
    readonly raw: Record<string, unknown>,
    errors?: ErrorItem[],
    private readonly prefix = '',
  ) {
    this.errors = errors ?? []
  }

  private attr(name: string): string {
    return `${this.prefix}${name}`
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined
  }

  str(name: string, required: boolean): string | undefined {
    const v = this.raw[name]
    if (v === undefined || v === null || v === '') {
      if (required) this.errors.push(rule.required(this.attr(name)))
      return undefined
    }
    if (typeof v !== 'string') {
      this.errors.push(rule.string(this.attr(name)))
      return undefined
    }
    return v
  }

  oneOf<T extends string>(name: string, values: readonly T[], required: boolean): T | undefined {
    const v = this.str(name, required)
    if (v === undefined) return undefined
    if (!(values as readonly string[]).includes(v)) {
      this.errors.push(rule.in(this.attr(name), values))
      return undefined
    }
    return v as T
  }

  bool(name: string): boolean | undefined {
    const v = this.raw[name]
    if (v === undefined || v === null) return undefined
    if (typeof v === 'boolean') return v
    if (v === 0 || v === 1) return v === 1
    this.errors.push(rule.boolean(this.attr(name)))
    return undefined
  }

  int(name: string, required: boolean): number | undefined {
    const v = this.raw[name]
    if (v === undefined || v === null || v === '') {
      if (required) this.errors.push(rule.required(this.attr(name)))
      return undefined
    }
    const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      this.errors.push(rule.integer(this.attr(name)))
      return undefined
    }
    return n
  }

  intArray(name: string, required: boolean): number[] | undefined {
    const v = this.raw[name]
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
      if (required) this.errors.push(rule.required(this.attr(name)))
      return Array.isArray(v) ? [] : undefined
    }
    if (!Array.isArray(v)) {
      this.errors.push(rule.array(this.attr(name)))
      return undefined
    }
    const out: number[] = []
    for (const item of v) {
      const n = typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item
      if (typeof n !== 'number' || !Number.isInteger(n)) {
        this.errors.push(rule.integer(this.attr(`${name}.*`)))
        return undefined
      }
      out.push(n)
    }
    return out
  }

  object(name: string): Body | undefined {
    const v = this.raw[name]
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'object' || Array.isArray(v)) {
      this.errors.push(rule.array(this.attr(name)))
      return undefined
    }
    return new Body(v as Record<string, unknown>, this.errors, `${this.attr(name)}.`)
  }

  /** Throws the collected 422 when any check failed. */
  done(): void {
    if (this.errors.length > 0) throw E.validation(this.errors)
  }
}
