/**
 * Types and helpers of string catalogues. A catalogue is a tree of objects whose leaves are strings
 * in i18next's format: `{{name}}` placeholders, plural forms as sibling keys with CLDR suffixes
 * (`days_one`, `days_other`, and `_many` where a language needs it).
 */

/** The shape every translation of `T` must have: the same keys, string leaves. */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> }

/** The CLDR plural suffixes i18next understands. */
export const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'] as const
type PluralSuffix = (typeof PLURAL_SUFFIXES)[number]

type StripPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K

/**
 * Every key of a catalogue as a dotted path, with plural forms collapsed to their base
 * (`renewals.days_one` and `renewals.days_other` give `renewals.days`).
 */
export type Key<T> = {
  [K in keyof T & string]: T[K] extends string ? StripPlural<K> : `${K}.${Key<T[K]>}`
}[keyof T & string]

/** Values for placeholders: names, counts, dates already formatted. Never sentences from main. */
export type Params = Readonly<Record<string, string | number>>

/** Every leaf of a catalogue as `dotted.path → text`. */
export function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else if (value !== null && typeof value === 'object') for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

/** The `{{placeholders}}` of a text, sorted (duplicates kept once). */
export function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\{\s*[\w.]+\s*\}\}/g) ?? [])].map((p) => p.replace(/\s/g, '')).sort()
}

/** Maps every leaf of a catalogue through `f`, keeping its shape. */
export function mapLeaves<T extends object>(
  tree: T,
  f: (text: string, path: string) => string,
  prefix = '',
): Catalogue<T> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    out[key] = typeof value === 'string' ? f(value, path) : mapLeaves(value as object, f, path)
  }
  return out as Catalogue<T>
}

/**
 * Adds the plural forms a language needs but a catalogue leaves out, copied from `_other`: French,
 * Italian and Spanish have a `many` form (a million, `1 000 000 de jours`), and i18next falls back to
 * another language rather than to `_other` when a form is missing.
 */
export function withPluralForms<T extends object>(tree: T, language: string): T {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories
  const walk = (node: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) {
      out[key] = typeof value === 'string' ? value : walk(value as Record<string, unknown>)
    }
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== 'string' || !key.endsWith('_other')) continue
      const base = key.slice(0, -'_other'.length)
      for (const category of categories) {
        if (category !== 'zero' && !(`${base}_${category}` in out)) out[`${base}_${category}`] = value
      }
    }
    return out
  }
  return walk(tree as Record<string, unknown>) as T
}
