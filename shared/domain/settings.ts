import { z } from 'zod'
import { LANGUAGES } from '../i18n/languages'

export { LANGUAGES }
/** The five languages of the Infomaniak Manager, for the interface and for documents. */
export const Language = z.enum(LANGUAGES)
export type Language = z.infer<typeof Language>

export const ThemePreference = z.enum(['light', 'dark', 'system'])
export type ThemePreference = z.infer<typeof ThemePreference>

/** How the permission matrix is laid out: people as rows (products as columns) or transposed. */
export const MatrixLayout = z.enum(['people', 'products'])
export type MatrixLayout = z.infer<typeof MatrixLayout>

/** User preferences kept in SQLite. */
export const Settings = z.object({
  language: Language,
  theme: ThemePreference,
  matrixLayout: MatrixLayout,
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = { language: 'en', theme: 'system', matrixLayout: 'people' }

/** A partial update: only the given keys change. */
export const SettingsPatch = Settings.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>
