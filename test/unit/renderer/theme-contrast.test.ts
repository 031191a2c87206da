import { mergeMantineTheme, DEFAULT_THEME } from '@mantine/core'
import { contrastRatio, ensureContrast, luminance, mix } from '../../../renderer/src/app/contrast'
import { accessibleColorVariables, createAppTheme, cssVariablesResolver } from '../../../renderer/src/app/theme'

const theme = mergeMantineTheme(DEFAULT_THEME, createAppTheme({ close: 'Close' }))

describe('contrast arithmetic', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1)
    // Mantine's default dimmed grey on white: the 3.3:1 the issue reported.
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2)
    expect(luminance('#ffffff')).toBe(1)
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080')
  })

  it('ensureContrast darkens (or lightens) only as much as needed', () => {
    const fixed = ensureContrast('#868e96', ['#ffffff'])
    expect(contrastRatio(fixed, '#ffffff')).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(mix('#868e96', '#000000', 0), '#ffffff')).toBeLessThan(4.5)
    expect(ensureContrast('#000000', ['#ffffff'])).toBe('#000000')
    const light = ensureContrast('#828282', ['#242424', '#3b3b3b'], 4.5, 'white')
    expect(contrastRatio(light, '#3b3b3b')).toBeGreaterThanOrEqual(4.5)
  })
})

describe('the theme gives every text colour 4.5:1', () => {
  const vars = accessibleColorVariables(theme)
  const colors = Object.keys(theme.colors).filter((c) => c !== 'dark')

  it.each(colors)('%s: text, light badges and filled buttons in both schemes', (c) => {
    const shades = theme.colors[c]!
    const lightSurfaces = [theme.white, theme.colors.gray[0], theme.colors.gray[1]]
    const darkSurfaces = [theme.colors.dark[7], theme.colors.dark[6], theme.colors.dark[5]]
    for (const bg of lightSurfaces)
      expect(contrastRatio(vars.light[`--mantine-color-${c}-text`]!, bg)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(vars.light[`--mantine-color-${c}-light-color`]!, shades[1])).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(vars.light[`--mantine-color-${c}-filled`]!, theme.white)).toBeGreaterThanOrEqual(4.5)
    for (const bg of darkSurfaces)
      expect(contrastRatio(vars.dark[`--mantine-color-${c}-text`]!, bg)).toBeGreaterThanOrEqual(4.5)
    expect(
      contrastRatio(vars.dark[`--mantine-color-${c}-light-color`]!, mix(shades[9], '#000000', 0.5)),
    ).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(vars.dark[`--mantine-color-${c}-filled`]!, theme.white)).toBeGreaterThanOrEqual(4.5)
  })

  it('dimmed text and links pass on the body, stripes and hovered rows', () => {
    for (const bg of [theme.white, theme.colors.gray[0], theme.colors.gray[1]]) {
      expect(contrastRatio(vars.light['--mantine-color-dimmed']!, bg)).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(vars.light['--mantine-color-anchor']!, bg)).toBeGreaterThanOrEqual(4.5)
    }
    for (const bg of [theme.colors.dark[7], theme.colors.dark[6], theme.colors.dark[5]]) {
      expect(contrastRatio(vars.dark['--mantine-color-dimmed']!, bg)).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(vars.dark['--mantine-color-anchor']!, bg)).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('the resolver puts them on top of Mantine’s own variables', () => {
    const resolved = cssVariablesResolver(theme)
    expect(resolved.light['--mantine-color-dimmed']).toBe(vars.light['--mantine-color-dimmed'])
    expect(resolved.dark['--mantine-color-red-filled']).toBe(vars.dark['--mantine-color-red-filled'])
    expect(resolved.variables['--mantine-color-red-6']).toBe(theme.colors.red[6])
  })
})
