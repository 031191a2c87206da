import {
  Alert,
  Drawer,
  Modal,
  Notification,
  createTheme,
  defaultCssVariablesResolver,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineTheme,
} from '@mantine/core'
import { ensureContrast, mix } from './contrast'

/** WCAG AA for normal text. */
export const TEXT_CONTRAST = 4.5

interface Surfaces {
  light: readonly string[]
  dark: readonly string[]
}

/** The backgrounds text sits on: body, default hover/stripes, cards and hovered rows. */
function surfaces(theme: MantineTheme): Surfaces {
  const gray = theme.colors.gray
  const dark = theme.colors.dark
  return {
    light: [theme.white, gray[0], gray[1]],
    dark: [dark[7], dark[6], dark[5]],
  }
}

/**
 * Colour variables with at least 4.5:1 contrast wherever Mantine puts text on them: `c="red"` text,
 * dimmed text, links, light badges and buttons (text on the pale tint), filled ones (white text on
 * the colour). Done once in the theme, so no component needs its own colour fix.
 */
export function accessibleColorVariables(theme: MantineTheme): {
  light: Record<string, string>
  dark: Record<string, string>
} {
  const s = surfaces(theme)
  const light: Record<string, string> = {}
  const dark: Record<string, string> = {}
  for (const [name, shades] of Object.entries(theme.colors) as [string, MantineColorsTuple][]) {
    if (name === 'dark') continue
    // Light scheme.
    const text = ensureContrast(shades[6], s.light)
    const filled = ensureContrast(shades[6], [theme.white])
    light[`--mantine-color-${name}-text`] = text
    light[`--mantine-color-${name}-outline`] = text
    light[`--mantine-color-${name}-filled`] = filled
    light[`--mantine-color-${name}-filled-hover`] = mix(filled, '#000000', 0.12)
    light[`--mantine-color-${name}-light-color`] = ensureContrast(shades[9], [shades[1], shades[2], theme.white])
    // Dark scheme: Mantine's tint is shade 9 darkened by 50 % (30 % on hover).
    const tint = mix(shades[9], '#000000', 0.5)
    const tintHover = mix(shades[9], '#000000', 0.3)
    const darkText = ensureContrast(shades[4], s.dark, TEXT_CONTRAST, 'white')
    const darkFilled = ensureContrast(shades[8], [theme.white])
    dark[`--mantine-color-${name}-text`] = darkText
    dark[`--mantine-color-${name}-outline`] = darkText
    dark[`--mantine-color-${name}-filled`] = darkFilled
    dark[`--mantine-color-${name}-filled-hover`] = mix(darkFilled, '#000000', 0.12)
    dark[`--mantine-color-${name}-light-color`] = ensureContrast(shades[0], [tint, tintHover], TEXT_CONTRAST, 'white')
  }
  const primary = theme.primaryColor
  light['--mantine-color-dimmed'] = ensureContrast(theme.colors.gray[6], s.light)
  light['--mantine-color-anchor'] = light[`--mantine-color-${primary}-text`]!
  light['--mantine-color-error'] = light['--mantine-color-red-text']!
  light['--mantine-primary-color-contrast'] = theme.white
  dark['--mantine-color-dimmed'] = ensureContrast(theme.colors.dark[2], s.dark, TEXT_CONTRAST, 'white')
  dark['--mantine-color-anchor'] = dark[`--mantine-color-${primary}-text`]!
  dark['--mantine-color-error'] = dark['--mantine-color-red-text']!
  dark['--mantine-primary-color-contrast'] = theme.white
  return { light, dark }
}

/** Mantine's variables with the accessible colours on top. */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const base = defaultCssVariablesResolver(theme)
  const fixed = accessibleColorVariables(theme)
  return {
    variables: base.variables,
    light: { ...base.light, ...fixed.light },
    dark: { ...base.dark, ...fixed.dark },
  }
}

/** Labels the theme gives to Mantine's own icon buttons (in the UI language). */
export interface ThemeLabels {
  close: string
}

/** The app theme; `labels` name the close buttons of modals, drawers, notifications and alerts. */
export function createAppTheme(labels: ThemeLabels = { close: 'Close' }) {
  const closeButtonProps = { 'aria-label': labels.close }
  return createTheme({
    primaryColor: 'indigo',
    defaultRadius: 'md',
    fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: labels.close } }),
      // A <header> inside a dialog counts as a second page banner for assistive technology.
      ModalHeader: { defaultProps: { component: 'div' } },
      DrawerHeader: { defaultProps: { component: 'div' } },
    },
  })
}

export const theme = createAppTheme()
