import { app, session, type WebContents } from 'electron'
import { isInternalUrl } from './url-policy'
import { safeOpenExternal } from './safe-open-external'

/**
 * Global web-contents hardening: no new windows, no navigation away from the app, no
 * webviews, and every permission request denied.
 */
export function installSecurityGuards(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      void safeOpenExternal(url)
      return { action: 'deny' }
    })
    contents.on('will-navigate', (event, url) => {
      if (!isInternalUrl(url, devServerUrl)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isInternalUrl(url, devServerUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => {
      event.preventDefault()
    })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}
