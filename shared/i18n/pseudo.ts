/**
 * The pseudo-locale: English made longer and accented, inside brackets, so a screen shown in it
 * reveals at a glance what is hard-coded (plain English), truncated (a missing closing bracket) or
 * too narrow for German and Italian (about 40 % longer than English). Placeholders and their
 * values stay intact.
 */
import { mapLeaves, type Catalogue } from './catalogue'

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
}

/** Brackets that mark where a pseudo-localized text starts and ends. */
export const PSEUDO_OPEN = '⟦'
export const PSEUDO_CLOSE = '⟧'

/** One text in the pseudo-locale: `Save` → `⟦Šáṽé ·~⟧`; `{{count}} days` keeps `{{count}}`. */
export function pseudoText(text: string): string {
  let letters = 0
  const body = text
    .split(/(\{\{[^}]*\}\}|<[^>]*>)/)
    .map((chunk, i) => {
      if (i % 2 === 1) return chunk // a placeholder or a tag
      return chunk.replace(/[A-Za-z]/g, (c) => {
        letters++
        return ACCENTED[c] ?? c
      })
    })
    .join('')
  // German and Italian run about 30–40 % longer than English; short labels even more.
  const extra = Math.max(2, Math.ceil(letters * 0.4))
  const padding = ' ·' + '~'.repeat(Math.max(1, extra - 2))
  return `${PSEUDO_OPEN}${body}${letters > 0 ? padding : ''}${PSEUDO_CLOSE}`
}

/** A whole catalogue in the pseudo-locale, with the same keys. */
export function pseudoLocalize<T extends object>(catalogue: T): Catalogue<T> {
  return mapLeaves(catalogue, (text) => pseudoText(text))
}
