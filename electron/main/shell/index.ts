/**
 * Electron entry point: single-instance lock, security guards, app:// protocol, the core host
 * (a utility process running the whole core: store, sync, services, exports, imports), the IPC
 * adapter and the main window. Main runs no SQL and no long work: it keeps windows, dialogs, the
 * protocol, the trusted-sender IPC adapter and the forwarding.
 */
import { app, BrowserWindow, dialog, shell } from 'electron'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { languageFromLocales, type Language } from '../../../shared/i18n/languages'
import { problemText, type ProblemReason } from '../../../shared/i18n/problems'
import { CoreHostClient } from '../host/client'
import { PeerCallError } from '../host/peer'
import { consoleLogger } from '../lib/logger'
import { logDirOf } from '../lib/log-file'
import { resolveNativeBinding } from '../store/native-binding'
import { nativeCheckApplies, verifyNativeModules } from '../store/native-integrity'
import { installSecurityGuards } from './guards'
import { IpcAdapter } from './ipc-adapter'
import { handleAppProtocol, registerAppScheme } from './protocol'
import { createMainWindow, windowStateFile } from './window'
import { trayIconPath, windowIconPath } from './icons'
import { Background, watchPower } from './background'
import { quitWhenAllWindowsClosed } from './background-model'
import { AppRoute } from '../../../shared/domain/reminders'
import { devUserDataDir } from './user-data'
import { safeOpenExternal } from './safe-open-external'
import { utilityHostSpawner } from './utility-host'
import { chooseOpenPath, chooseSavePath } from './file-dialogs'

const logger = consoleLogger()
// Only honoured when not packaged: the dev server URL electron-vite provides.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined

// Development and the Electron smoke test: a throwaway data folder, set before the single-instance
// lock (which lives in it).
const userDataOverride = devUserDataDir(app.isPackaged, app.commandLine.getSwitchValue('user-data-dir'))
if (userDataOverride) app.setPath('userData', userDataOverride)

// Linux: make Chromium use the Secret Service rather than a plaintext store.
app.commandLine.appendSwitch('password-store', 'gnome-libsecret')
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  let core: CoreHostClient | null = null
  let coreStopped = false
  let background: Background | null = null
  let stopPower: (() => void) | null = null
  let openWindow: ((route?: string) => void) | null = null

  app.on('second-instance', () => openWindow?.())
  app.on('activate', () => openWindow?.())

  // With "keep syncing in the background", closing the window leaves the tray and the scheduler running.
  app.on('window-all-closed', () => {
    if (quitWhenAllWindowsClosed(process.platform, background?.background ?? false)) app.quit()
  })

  // Let the core host close its database and stop its sync before the app exits.
  app.on('will-quit', (event) => {
    background?.dispose()
    background = null
    stopPower?.()
    stopPower = null
    if (!core || coreStopped) return
    event.preventDefault()
    const stopping = core
    core = null
    void stopping.stop().finally(() => {
      coreStopped = true
      app.quit()
    })
  })

  void app.whenReady().then(async () => {
    installSecurityGuards(devServerUrl)
    handleAppProtocol(join(__dirname, '../renderer'))
    // The OS's languages: the language of these dialogs, and of the app on first start.
    const systemLocales = [...app.getPreferredSystemLanguages(), app.getLocale()]
    const osLanguage = languageFromLocales(systemLocales) ?? 'en'
    const say = (reason: ProblemReason, params?: Record<string, string>, language: Language = osLanguage): string =>
      problemText(params ? { reason, params } : { reason }, language)

    // The native modules outside app.asar must match the hashes packed inside it (native-integrity.ts).
    if (nativeCheckApplies(app.isPackaged, process.platform)) {
      const check = verifyNativeModules({
        appPath: app.getAppPath(),
        resourcesPath: process.resourcesPath,
        electronVersion: process.versions.electron,
        platform: process.platform,
        arch: process.arch,
        readFile: (path) => readFileSync(path),
      })
      if (!check.ok) {
        dialog.showErrorBox(say('shell.damagedTitle'), `${check.detail}\n\n${say('shell.reinstall')}`)
        app.quit()
        return
      }
    }

    const binding = resolveNativeBinding({
      electronVersion: process.versions.electron,
      platform: process.platform,
      arch: process.arch,
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      exists: existsSync,
    })
    if (binding.kind === 'missing') {
      // Unpackaged, the hint is for developers and stays as it is.
      const hint = app.isPackaged ? say('shell.sqliteMissing') : binding.hint
      dialog.showErrorBox(say('shell.cacheTitle'), `${hint}\n\n${binding.expected}`)
      app.quit()
      return
    }

    const refuse = (): never => {
      throw new PeerCallError(
        'Not offered by the app (tokens stay in the core host; files use dialogs).',
        'NOT_SUPPORTED',
      )
    }
    core = new CoreHostClient({
      spawn: utilityHostSpawner(join(__dirname, 'core-host.js')),
      init: {
        dataDir: app.getPath('userData'),
        app: { name: app.getName(), version: app.getVersion(), platform: process.platform, host: 'electron' },
        ...(binding.kind === 'electron' ? { nativeBinding: binding.path } : {}),
        secrets: 'keychain',
        files: 'dialogs',
        systemLocales,
        dailyBackups: true,
      },
      logger,
      parent: {
        openExternal: async ({ url }) => ({ opened: await safeOpenExternal(url) }),
        // Only the log folder of this data folder, never a path of the host's choosing.
        openFolder: async ({ path }) => ({
          opened: path === logDirOf(app.getPath('userData')) && (await shell.openPath(path)) === '',
        }),
        // Files never travel through IPC: main asks where, the core writes or reads that path.
        chooseSavePath: async ({ suggestedName, mimeType }) => ({
          path: await chooseSavePath(suggestedName, mimeType),
        }),
        chooseOpenPath: async ({ purpose }) => ({ path: await chooseOpenPath(purpose) }),
        offerDownload: refuse,
        secretGet: refuse,
        secretSet: refuse,
        secretDelete: refuse,
      },
    })
    try {
      await core.start()
    } catch (error) {
      // The host could not open the keychain or the cache: say why, then quit.
      logger.error('the core host did not start', { error })
      const keychain = error instanceof PeerCallError && error.code === 'KEYCHAIN_UNAVAILABLE'
      dialog.showErrorBox(say('shell.startFailedTitle'), say(keychain ? 'app.keychain' : 'shell.startFailed'))
      coreStopped = true
      app.quit()
      return
    }
    // What opening the data files found (cache rebuilt, user data restored or read-only) is shown
    // by the renderer from `store:status`, in the user's language.

    const ipc = new IpcAdapter(core, devServerUrl)
    ipc.register()

    const iconLocation = {
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      platform: process.platform,
    }
    /** Shows the window (creating it when closed) at an in-app route. */
    openWindow = (route?: string): void => {
      const path = route !== undefined && AppRoute.safeParse(route).success ? route : undefined
      if (mainWindow) {
        if (mainWindow.isMinimized()) mainWindow.restore()
        mainWindow.show()
        mainWindow.focus()
        if (path) ipc.emit('app:navigate', { path })
        return
      }
      const win = createMainWindow({
        preloadPath: join(__dirname, '../preload/index.js'),
        stateFile: windowStateFile(app.getPath('userData')),
        devServerUrl,
        icon: windowIconPath(iconLocation),
        initialRoute: path,
      })
      ipc.attach(win.webContents)
      win.on('closed', () => {
        mainWindow = null
      })
      mainWindow = win
    }

    // Reminders become OS notifications; the tray exists while the user keeps Switchboard syncing in
    // the background; the scheduler (in the core host) hears about battery, sleep and wake.
    stopPower = watchPower(core)
    background = new Background({
      core,
      logger: logger.child('shell'),
      trayIcon: trayIconPath(iconLocation),
      openRoute: (route) => openWindow?.(route),
      quit: () => app.quit(),
    })
    background.refresh()

    openWindow()
  })
}
