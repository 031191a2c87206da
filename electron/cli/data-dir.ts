import { posix, win32 } from 'node:path'

/** What {@link defaultDataDir} depends on; passed in so the resolution stays pure and testable. */
export interface DataDirContext {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  homedir: string
}

/**
 * The CLI's default cache folder, per operating system:
 * - Windows: `%APPDATA%\Switchboard` (else `<home>\AppData\Roaming\Switchboard`);
 * - macOS: `~/Library/Application Support/Switchboard`;
 * - Linux and other Unixes: `$XDG_CONFIG_HOME/Switchboard` when that variable holds an absolute path
 *   (the XDG spec says to ignore a relative one), else `~/.config/Switchboard`.
 *
 * Everywhere this is the desktop app's own data folder (Electron's `userData`), so the CLI reads
 * and refreshes the same cache as the app, with the same keychain entries.
 */
export function defaultDataDir({ platform, env, homedir }: DataDirContext): string {
  if (platform === 'win32') {
    const appData = env['APPDATA']
    const base = appData && win32.isAbsolute(appData) ? appData : win32.join(homedir, 'AppData', 'Roaming')
    return win32.join(base, 'Switchboard')
  }
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', 'Switchboard')
  const xdg = env['XDG_CONFIG_HOME']
  const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.config')
  return posix.join(base, 'Switchboard')
}
