/**
 * Pure URL predicates for the Electron shell (no `electron` import: unit-tested in Node).
 */

/** The custom protocol that serves the built renderer in production. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'switchboard'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Hosts the app may open in the user's browser: the Manager and Infomaniak's documentation. */
const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['manager.infomaniak.com', 'www.infomaniak.com'])

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/**
 * True only for `https://manager.infomaniak.com/...` and `https://www.infomaniak.com/...`:
 * https, default port, no credentials, exact host (so `manager.infomaniak.com.evil.com`
 * and `https://manager.infomaniak.com@evil.com` are refused).
 */
export function isAllowedExternalUrl(raw: unknown): boolean {
  const url = parse(raw)
  if (!url) return false
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    EXTERNAL_HOSTS.has(url.hostname)
  )
}

/**
 * True for URLs that belong to the app itself: the `app://switchboard` origin, or the
 * electron-vite dev server origin when one is given (development only).
 */
export function isInternalUrl(raw: unknown, devServerUrl?: string): boolean {
  const url = parse(raw)
  if (!url) return false
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
  if (devServerUrl) {
    const dev = parse(devServerUrl)
    if (dev && url.origin === dev.origin) return true
  }
  return false
}
