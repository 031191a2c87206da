import { shell } from 'electron'
import { isAllowedExternalUrl } from './url-policy'

/**
 * The only caller of `shell.openExternal` in the app (an ESLint rule bans all others).
 *
 * Opening arbitrary URLs from a compromised renderer could launch local handlers
 * (file:, smb:, custom schemes), so only the Manager and Infomaniak documentation pass.
 */
export async function safeOpenExternal(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false
  await shell.openExternal(url)
  return true
}
