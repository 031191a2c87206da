/**
 * Worksheet names for every XLSX the app writes. Excel (and exceljs when it reads a file back) refuses
 * a name that is empty, longer than 31 characters, contains any of `[ ] : * ? / \`, starts or ends with
 * an apostrophe, equals `History` (reserved), or repeats another sheet's name ignoring case. The
 * streaming writer checks none of this and would write a file that Excel has to "repair", so names
 * made from client data (or from translations) always go through {@link sheetName}.
 */

export const MAX_SHEET_NAME = 31
const RESERVED = ['history']

/** Characters Excel refuses in a sheet name, control characters, and lone surrogates. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters cannot be in a sheet name
  /[[\]:*?/\\\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
/** Leading and trailing spaces and apostrophes, in any mix ("' x '" has both). */
const EDGES = /^[\s']+|[\s']+$/g

/** At most `max` UTF-16 units, never cutting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = ''
  for (const ch of text) {
    if (out.length + ch.length > max) break
    out += ch
  }
  return out
}

/**
 * A valid sheet name for `name`, unique in `used` (lower-cased names already given, updated here):
 * forbidden characters become spaces, edge spaces and apostrophes go, the rest is cut to 31 characters,
 * and a repeat gets " 2", " 3", … An empty result becomes `fallback`.
 */
export function sheetName(name: string, used: Set<string>, fallback = 'Sheet'): string {
  const clean = (text: string): string => text.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').replace(EDGES, '')
  const base = clean(cut(clean(name), MAX_SHEET_NAME)) || clean(fallback) || 'Sheet'
  const taken = (candidate: string): boolean =>
    used.has(candidate.toLowerCase()) || RESERVED.includes(candidate.toLowerCase())
  let candidate = base
  for (let i = 2; taken(candidate); i++) {
    const suffix = ` ${i}`
    candidate = `${clean(cut(base, MAX_SHEET_NAME - suffix.length))}${suffix}`
  }
  used.add(candidate.toLowerCase())
  return candidate
}
