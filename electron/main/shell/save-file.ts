import { BrowserWindow, dialog } from 'electron'
import { copyFile } from 'node:fs/promises'
import { extname } from 'node:path'

/**
 * The Electron save dialog for exports: the core writes the file to a temporary path, the
 * user picks where it goes, and it is copied there. Answers null when the user cancels.
 */
export async function saveFileWithDialog(
  suggestedName: string,
  tempPath: string,
  mimeType: string,
): Promise<string | null> {
  const extension = extname(suggestedName).replace(/^\./, '')
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const options = {
    defaultPath: suggestedName,
    filters: extension ? [{ name: mimeType, extensions: [extension] }] : [],
  }
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  if (result.canceled || !result.filePath) return null
  await copyFile(tempPath, result.filePath)
  return result.filePath
}
