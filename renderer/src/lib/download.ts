import type { DeliveredFile, FileRef } from '../../../shared/domain/files'
import { IpcError, invoke } from './ipc'

/**
 * Hands a finished export to the user. Its bytes never travel through IPC: in the app the core
 * already wrote it where the save dialog said (`savedPath`); in the browser shell the browser
 * downloads it from its one-time URL, streamed by the shell.
 */
export function openDelivered(file: DeliveredFile): void {
  if (!file.downloadUrl) return
  const a = document.createElement('a')
  a.href = file.downloadUrl
  a.download = file.fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** True when the user cancelled (e.g. closed the save dialog): nothing to report. */
export function isCancelled(error: unknown): boolean {
  return error instanceof IpcError && error.code === 'CANCELLED'
}

/** True when files are picked in the page and uploaded (browser shell); false: the app's open dialog. */
export function canUploadFiles(): boolean {
  return typeof window.api?.uploadFile === 'function'
}

/** Streams a file picked in the page to the browser shell; answers the core's reference to it. */
export async function uploadImportFile(file: File): Promise<FileRef> {
  const upload = window.api?.uploadFile
  if (!upload) throw new IpcError('NO_BRIDGE', { reason: 'app.noBridge' })
  const result = await upload.call(window.api, file, 'billing-import')
  if (!result.ok) {
    const { code, reason, params, details } = result.error
    throw new IpcError(code, params === undefined ? { reason } : { reason, params }, details)
  }
  return result.value as FileRef
}

/** The app: the open dialog (shown by main); null when the user cancelled. */
export function chooseImportFile(): Promise<FileRef | null> {
  return invoke('files:choose-import', { purpose: 'billing-import' })
}
