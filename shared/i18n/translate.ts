/**
 * A dependency-free translator for the core, the CLI and the document writers, following i18next's
 * rules (the renderer uses i18next itself): `{{name}}` interpolation without escaping, plural forms
 * chosen with `Intl.PluralRules` from `count` (`key_one`, `key_other`, …, falling back to `_other`).
 */
import type { Key, Params } from './catalogue'
import { intlLocale } from './format'

export type Translate<T> = (key: Key<T>, params?: Params) => string

function lookup(tree: unknown, path: string): string | undefined {
  let node: unknown = tree
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** Replaces `{{name}}` with `params.name`; an unknown placeholder is left as is (a test catches it). */
export function interpolate(text: string, params: Params = {}): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

/** A translator over one catalogue in one language; a missing key returns the key (never throws). */
export function createTranslator<T extends object>(catalogue: T, language: string): Translate<T> {
  const plural = new Intl.PluralRules(intlLocale(language))
  return (key, params) => {
    const count = params?.['count']
    let text: string | undefined
    if (typeof count === 'number') {
      text = lookup(catalogue, `${key}_${plural.select(count)}`) ?? lookup(catalogue, `${key}_other`)
    }
    text ??= lookup(catalogue, key)
    return text === undefined ? key : interpolate(text, params)
  }
}
