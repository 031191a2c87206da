import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from './url-policy'

/**
 * Maps an `app://switchboard/<path>` request to a file under `rootDir` (out/renderer),
 * or null when the request must be refused.
 *
 * Refused: another scheme or host, undecodable escapes, NUL bytes, backslashes, and any
 * path that would leave `rootDir` after decoding and normalisation (`..`, `%2e%2e`,
 * absolute paths). Extension-less paths fall back to index.html (client-side routes).
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const segments = pathname.split('/')
  if (segments.some((s) => s === '..')) return null
  const relativePath = normalize(pathname).replace(/^[/\\]+/, '')
  if (relativePath === '' || relativePath === '.') return join(rootDir, 'index.html')
  if (isAbsolute(relativePath)) return null
  const candidate = join(rootDir, relativePath)
  const rel = relative(rootDir, candidate)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null
  if (extname(candidate) === '') return join(rootDir, 'index.html')
  return candidate
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

/** Content type by extension; unknown types are served as opaque bytes. */
export function mimeTypeFor(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
}
