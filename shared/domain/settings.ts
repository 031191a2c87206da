import { z } from 'zod'

/** UI languages. English and French are complete; the other Manager languages are planned. */
export const LANGUAGES = ['en', 'fr'] as const
export const Language = z.enum(LANGUAGES)
export type Language = z.infer<typeof Language>

export const ThemePreference = z.enum(['light', 'dark', 'system'])
export type ThemePreference = z.infer<typeof ThemePreference>

/** User preferences kept in SQLite. */
export const Settings = z.object({
  language: Language,
  theme: ThemePreference,
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = { language: 'en', theme: 'system' }

/** A partial update: only the given keys change. */
export const SettingsPatch = Settings.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>
