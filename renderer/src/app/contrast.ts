/** WCAG 2.x contrast arithmetic on `#rgb` / `#rrggbb` colours (pure, for the theme and its tests). */

export type Rgb = readonly [number, number, number]

export function parseHex(hex: string): Rgb {
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex.trim())
  const value = short ? `${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : hex.trim()
  const m = /^#?([0-9a-f]{6})$/i.exec(value)
  if (!m) throw new Error(`not a #rgb or #rrggbb colour: ${hex}`)
  const n = Number.parseInt(m[1]!, 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

export function toHex([r, g, b]: Rgb): string {
  const c = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0')
  return `#${c(r)}${c(g)}${c(b)}`
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** `a` mixed with `b`: t = 0 gives `a`, t = 1 gives `b` (sRGB). */
export function mix(a: string, b: string, t: number): string {
  const x = parseHex(a)
  const y = parseHex(b)
  return toHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t])
}

/**
 * The closest colour to `start` (mixed toward black, or toward white with `toward: 'white'`) whose
 * contrast with every background is at least `ratio`. Steps of 2 %.
 */
export function ensureContrast(
  start: string,
  backgrounds: readonly string[],
  ratio = 4.5,
  toward: 'black' | 'white' = 'black',
): string {
  const target = toward === 'black' ? '#000000' : '#ffffff'
  for (let step = 0; step <= 50; step++) {
    const candidate = mix(start, target, step / 50)
    if (backgrounds.every((bg) => contrastRatio(candidate, bg) >= ratio)) return candidate
  }
  return target
}
