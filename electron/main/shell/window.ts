import { BrowserWindow, screen } from 'electron'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, restoreBounds, type WindowState } from './window-state'
import { APP_ORIGIN } from './url-policy'

function readState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')) as unknown)
  } catch {
    return null
  }
}

/**
 * Creates the main window with locked-down webPreferences and remembered bounds.
 * Loads the dev server in development and app://switchboard in production.
 */
export function createMainWindow(options: {
  preloadPath: string
  stateFile: string
  devServerUrl: string | undefined
  /** Window icon (Linux/Windows; see icons.ts). macOS uses the bundle icon. */
  icon?: string | undefined
  /** In-app route to show first (hash routing), e.g. after a notification click with no window open. */
  initialRoute?: string | undefined
}): BrowserWindow {
  const restored = restoreBounds(
    readState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const win = new BrowserWindow({
    ...(restored ? restored.bounds : DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Switchboard',
    ...(options.icon ? { icon: options.icon } : {}),
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click (auxclick) could otherwise open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (restored?.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  const save = (): void => {
    if (win.isDestroyed()) return
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
    try {
      writeFileSync(options.stateFile, JSON.stringify(state))
    } catch {
      // Losing the window position is harmless; never crash on it.
    }
  }
  win.on('close', save)

  const hash = options.initialRoute ? `#${options.initialRoute}` : ''
  if (options.devServerUrl) void win.loadURL(`${options.devServerUrl}${hash}`)
  else void win.loadURL(`${APP_ORIGIN}/index.html${hash}`)
  return win
}

export function windowStateFile(userData: string): string {
  return join(userData, 'window-state.json')
}
