/**
 * The API shape report: per endpoint, the status codes seen and every field name with the JSON types it held —
 * never a value. Field names are kept only when they look like API field names (`snake_case`); anything else
 * (an id, a domain or an e-mail used as an object key) becomes `<key>`. See README.md, "API diagnostics".
 */
import { jsonType, type JsonType } from './items'

export interface EndpointShape {
  /** Status code → answers seen. */
  statuses: Record<string, number>
  /** Field path (`[]` for list items) → JSON types seen there. */
  fields: Record<string, JsonType[]>
  /** Failures by kind (`rate_limited`, `validation`, ...). */
  failures: Record<string, number>
}

const FIELD = /^[a-z][a-z0-9_]{0,49}$/
const MAX_DEPTH = 6
const MAX_ITEMS = 200
const MAX_FIELDS = 400

export function fieldName(key: string): string {
  return FIELD.test(key) ? key : '<key>'
}

function add(shape: EndpointShape, path: string, type: JsonType): void {
  const list = shape.fields[path]
  if (list) {
    if (!list.includes(type)) list.push(type)
  } else if (Object.keys(shape.fields).length < MAX_FIELDS) shape.fields[path] = [type]
}

function walk(shape: EndpointShape, value: unknown, path: string, depth: number): void {
  add(shape, path === '' ? '(data)' : path, jsonType(value))
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const item of value.slice(0, MAX_ITEMS)) walk(shape, item, `${path}[]`, depth + 1)
    return
  }
  for (const [key, v] of Object.entries(value))
    walk(shape, v, path === '' ? fieldName(key) : `${path}.${fieldName(key)}`, depth + 1)
}

/** Accumulates shapes per endpoint (an `ApiObserver` of the client). */
export class ShapeRecorder {
  private readonly shapes = new Map<string, EndpointShape>()

  private of(endpoint: string): EndpointShape {
    let s = this.shapes.get(endpoint)
    if (!s) this.shapes.set(endpoint, (s = { statuses: {}, fields: {}, failures: {} }))
    return s
  }

  response(endpoint: string, status: number, data: unknown): void {
    const s = this.of(endpoint)
    s.statuses[String(status)] = (s.statuses[String(status)] ?? 0) + 1
    walk(s, data, '', 0)
  }

  failure(endpoint: string, status: number | null, kind: string): void {
    const s = this.of(endpoint)
    if (status !== null) s.statuses[String(status)] = (s.statuses[String(status)] ?? 0) + 1
    s.failures[kind] = (s.failures[kind] ?? 0) + 1
  }

  /** Takes what was recorded since the last call. */
  drain(): Map<string, EndpointShape> {
    const out = new Map(this.shapes)
    this.shapes.clear()
    return out
  }
}

/** Merges two shapes of one endpoint. */
export function mergeShapes(a: EndpointShape, b: EndpointShape): EndpointShape {
  const out: EndpointShape = {
    statuses: { ...a.statuses },
    fields: Object.fromEntries(Object.entries(a.fields).map(([k, v]) => [k, v.slice()])),
    failures: { ...a.failures },
  }
  for (const [k, n] of Object.entries(b.statuses)) out.statuses[k] = (out.statuses[k] ?? 0) + n
  for (const [k, n] of Object.entries(b.failures)) out.failures[k] = (out.failures[k] ?? 0) + n
  for (const [k, types] of Object.entries(b.fields)) {
    const list = out.fields[k]
    if (list) {
      for (const t of types) if (!list.includes(t)) list.push(t)
    } else if (Object.keys(out.fields).length < MAX_FIELDS) out.fields[k] = types.slice()
  }
  return out
}
