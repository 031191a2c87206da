/**
 * The one formula-neutralisation rule of every export (CSV, XLSX; see README "Exports").
 *
 * A spreadsheet runs a text cell as a formula (OWASP "CSV injection") when it starts with `=`, `+`,
 * `-` or `@` — also after leading blanks, which Excel and LibreOffice skip (spaces, no-break spaces,
 * line feeds, tabs, zero-width characters) — and the full-width forms `＝ ＋ － ＠` that some input
 * methods type. A cell starting with a tab or a carriage return is treated the same (OWASP list).
 *
 * Such a cell gets a single quote `'` in front: spreadsheets then show it as text. Numbers written
 * as numbers (amounts, possibly negative) are not text and are never passed here.
 */

/** Characters that start a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])

/** Blanks a spreadsheet skips before it looks for a formula character. */
function isBlank(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** True when a spreadsheet could run this text as a formula. */
export function looksLikeFormula(value: string): boolean {
  if (value === '') return false
  const first = value.charCodeAt(0)
  // Tab and CR at the very start are dangerous on their own (OWASP).
  if (first === 0x09 || first === 0x0d) return true
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (isBlank(code)) continue
    return FORMULA_START.has(value[i] as string)
  }
  return false
}

/** The text a CSV or XLSX text cell may safely hold: `'` in front of anything formula-looking. */
export function neutralizeCell(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value
}

/**
 * The text of an XLSX cell: XML 1.0 cannot hold most control characters (Excel refuses such a
 * file), so line breaks become `\n`, other control characters and lone surrogates are dropped or
 * replaced, then the text is neutralised like every other export cell.
 */
export function xlsxText(value: string): string {
  return neutralizeCell(
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  )
}
