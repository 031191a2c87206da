/** Canonical JSON (sorted keys) and a SHA-256 of the sandbox data, for determinism checks. */
import { createHash, type Hash } from 'node:crypto'
import type { SandboxData } from './model'

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const src = value as Record<string, unknown>
  const keys = Object.keys(src)
  let sorted = true
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      sorted = false
      break
    }
  }
  if (sorted) return value
  const out: Record<string, unknown> = {}
  for (const k of keys.sort()) out[k] = src[k]
  return out
}

/** JSON with object keys sorted at every level (undefined members dropped, as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortKeys) ?? 'null'
}

/** sha256 (hex) of the canonical JSON of `data`, streamed item by item so the large scale stays cheap. */
export function hashData(data: SandboxData): string {
  const h: Hash = createHash('sha256')
  const keys = Object.keys(data).sort() as (keyof SandboxData)[]
  for (const key of keys) {
    const value: unknown = data[key]
    h.update(`${key}=`)
    if (Array.isArray(value)) {
      h.update('[')
      for (const item of value) {
        h.update(canonicalJson(item))
        h.update(',')
      }
      h.update(']')
    } else {
      h.update(canonicalJson(value))
    }
    h.update(';')
  }
  return h.digest('hex')
}
