import { resolveAppPath } from '../../electron/main/shell/app-protocol-path'

/** Same traversal guard as the app:// protocol, applied to an HTTP path. */
export function resolveStaticPath(rootDir: string, pathname: string): string | null {
  return resolveAppPath(rootDir, `app://switchboard${pathname.startsWith('/') ? '' : '/'}${pathname}`)
}
