/**
 * Options of the save and open dialogs main shows for the core (pure: unit-tested; the dialogs
 * themselves are in file-dialogs.ts).
 */
import { extname } from 'node:path'

export interface DialogFilter {
  name: string
  extensions: string[]
}

/** The save dialog of an export: the suggested name and a filter for its extension. */
export function saveDialogOptions(
  suggestedName: string,
  mimeType: string,
): { defaultPath: string; filters: DialogFilter[] } {
  const extension = extname(suggestedName).replace(/^\./, '').toLowerCase()
  const name = mimeType.split(';')[0]!.trim()
  return { defaultPath: suggestedName, filters: extension ? [{ name, extensions: [extension] }] : [] }
}

/** The open dialog of an import: one file, of the kinds that import reads. */
export function openDialogOptions(purpose: 'billing-import'): {
  properties: ('openFile' | 'multiSelections')[]
  filters: DialogFilter[]
} {
  switch (purpose) {
    case 'billing-import':
      return {
        properties: ['openFile'],
        filters: [
          { name: 'CSV', extensions: ['csv', 'txt'] },
          { name: '*', extensions: ['*'] },
        ],
      }
  }
}
