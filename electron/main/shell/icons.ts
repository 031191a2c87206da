import { join } from 'node:path'

/**
 * Where the app finds its own icons at run time (the window and the tray).
 *
 * `npm run icons` generates them from `resources/icon.svg` into `resources/icons/`. In
 * development they are read from there; electron-builder copies the runtime subset listed in
 * {@link RUNTIME_ICON_FILES} to `<resources>/icons/` (`extraResources` in electron-builder.yml),
 * outside the asar so the OS (tray, window manager) can read them as plain files.
 * No Electron import: pure path logic, unit-tested.
 */
export interface IconLocation {
  isPackaged: boolean
  /** Project root in development (`app.getAppPath()`). */
  appPath: string
  /** `process.resourcesPath` in a packaged app. */
  resourcesPath: string
  platform: string
}

/** Paths relative to the icons folder that the running app uses (and the package must contain). */
export const RUNTIME_ICON_FILES = {
  /** Linux window icon (the window manager scales it). */
  linuxWindow: 'png/512x512.png',
  /** Windows window and taskbar icon. */
  windowsWindow: 'icon.ico',
  /** macOS menu bar: black + alpha; macOS tints it for light and dark menu bars; @2x picked by Electron. */
  macTray: 'tray/trayTemplate.png',
  macTray2x: 'tray/trayTemplate@2x.png',
  /** Windows and Linux tray (colour). */
  tray: 'tray/tray.png',
  tray2x: 'tray/tray@2x.png',
} as const

export function iconsDir(loc: IconLocation): string {
  return loc.isPackaged ? join(loc.resourcesPath, 'icons') : join(loc.appPath, 'resources', 'icons')
}

/**
 * The BrowserWindow `icon`: PNG on Linux, ICO on Windows; none on macOS, where the window
 * and the Dock use the bundle's `.icns`.
 */
export function windowIconPath(loc: IconLocation): string | undefined {
  if (loc.platform === 'darwin') return undefined
  return join(
    iconsDir(loc),
    loc.platform === 'win32' ? RUNTIME_ICON_FILES.windowsWindow : RUNTIME_ICON_FILES.linuxWindow,
  )
}

/**
 * The tray image for `new Tray(path)`: the template image on macOS (its name ends in
 * `Template`, which is how Electron knows to mark it as a template), the colour icon elsewhere.
 */
export function trayIconPath(loc: IconLocation): string {
  return join(iconsDir(loc), loc.platform === 'darwin' ? RUNTIME_ICON_FILES.macTray : RUNTIME_ICON_FILES.tray)
}
