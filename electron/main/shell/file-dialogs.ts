import { BrowserWindow, dialog } from 'electron'
import { openDialogOptions, saveDialogOptions } from './dialog-options'

function parentWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
}

/**
 * The save dialog for an export, shown before the core starts writing; the core then writes the
 * file straight to the answered path. Null when the user cancels.
 */
export async function chooseSavePath(suggestedName: string, mimeType: string): Promise<string | null> {
  const options = saveDialogOptions(suggestedName, mimeType)
  const window = parentWindow()
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}

/** The open dialog for an import; the core reads the answered path. Null when the user cancels. */
export async function chooseOpenPath(purpose: 'billing-import'): Promise<string | null> {
  const options = openDialogOptions(purpose)
  const window = parentWindow()
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
