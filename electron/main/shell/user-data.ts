import { isAbsolute } from 'node:path'

/**
 * `--user-data-dir=<absolute folder>` gives an unpackaged app (development, `npm run
 * smoke:electron`) a throwaway data folder. The packaged app ignores it, as it does relative
 * paths. No Electron import: the caller passes `app.commandLine.getSwitchValue('user-data-dir')`.
 */
export function devUserDataDir(isPackaged: boolean, switchValue: string): string | undefined {
  if (isPackaged || !switchValue || !isAbsolute(switchValue)) return undefined
  return switchValue
}
