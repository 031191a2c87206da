/**
 * Electron entry point: single-instance lock, security guards, app:// protocol, the core,
 * the IPC adapter and the main window. All product logic lives in the core (no Electron).
 */
import { app, BrowserWindow, dialog } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { languageFromLocales } from '../../../shared/i18n/languages'
import { problemText } from '../../../shared/i18n/problems'
import { createCore, type Core } from '../core'
import { systemClock } from '../lib/clock'
import { consoleLogger } from '../lib/logger'
import { KeytarSecretStore } from '../secrets/keytar-secret-store'
import { resolveNativeBinding } from '../store/native-binding'
import { installSecurityGuards } from './guards'
import { IpcAdapter } from './ipc-adapter'
import { handleAppProtocol, registerAppScheme } from './protocol'
import { createMainWindow, windowStateFile } from './window'
import { windowIconPath } from './icons'
import { safeOpenExternal } from './safe-open-external'
import { saveFileWithDialog } from './save-file'

const logger = consoleLogger()
// Only honoured when not packaged: the dev server URL electron-vite provides.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined

// Linux: make Chromium use the Secret Service rather than a plaintext store.
app.commandLine.appendSwitch('password-store', 'gnome-libsecret')
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  let core: Core | null = null

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', () => {
    core?.close()
  })

  void app.whenReady().then(async () => {
    installSecurityGuards(devServerUrl)
    handleAppProtocol(join(__dirname, '../renderer'))

    const binding = resolveNativeBinding({
      electronVersion: process.versions.electron,
      platform: process.platform,
      arch: process.arch,
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      exists: existsSync,
    })
    // The OS's languages: the language of these dialogs, and of the app on first start.
    const systemLocales = [...app.getPreferredSystemLanguages(), app.getLocale()]
    const osLanguage = languageFromLocales(systemLocales) ?? 'en'
    if (binding.kind === 'missing') {
      // Unpackaged, the hint is for developers and stays as it is.
      const hint = app.isPackaged ? problemText({ reason: 'shell.sqliteMissing' }, osLanguage) : binding.hint
      dialog.showErrorBox(problemText({ reason: 'shell.cacheTitle' }, osLanguage), `${hint}\n\n${binding.expected}`)
      app.quit()
      return
    }

    let secretStore: KeytarSecretStore
    try {
      secretStore = await KeytarSecretStore.load()
    } catch (error) {
      logger.error('keychain unavailable', { error })
      dialog.showErrorBox(
        problemText({ reason: 'shell.keychainTitle' }, osLanguage),
        problemText({ reason: 'app.keychain' }, osLanguage),
      )
      app.quit()
      return
    }

    core = createCore({
      dataDir: app.getPath('userData'),
      secretStore,
      fetch: globalThis.fetch.bind(globalThis),
      clock: systemClock,
      logger,
      nativeBinding: binding.kind === 'electron' ? binding.path : undefined,
      app: { name: app.getName(), version: app.getVersion(), platform: process.platform, host: 'electron' },
      openExternal: safeOpenExternal,
      saveFile: saveFileWithDialog,
      systemLocales,
    })
    if (core.recovered) {
      const language = core.services.settings.get().language
      void dialog.showMessageBox({
        type: 'warning',
        message: problemText({ reason: 'shell.cacheRecovered' }, language),
        detail: problemText(
          { reason: 'shell.cacheRecoveredDetail', params: { path: core.recovered.movedTo } },
          language,
        ),
      })
    }

    // A sync interrupted by a crash or a quit continues where it stopped.
    core.services.sync.resumeInterrupted()

    const ipc = new IpcAdapter(core, devServerUrl)
    ipc.register()

    mainWindow = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.js'),
      stateFile: windowStateFile(app.getPath('userData')),
      devServerUrl,
      icon: windowIconPath({
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
        resourcesPath: process.resourcesPath,
        platform: process.platform,
      }),
    })
    ipc.attach(mainWindow.webContents)
    mainWindow.on('closed', () => {
      mainWindow = null
    })
  })
}
