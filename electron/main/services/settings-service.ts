import type { Settings, SettingsPatch } from '../../../shared/domain/settings'
import { languageFromLocales } from '../../../shared/i18n/languages'
import type { SettingsRepo } from '../store/settings-repo'
import type { EventBus } from '../ipc/dispatch'
import { change, emitChanges } from '../lib/cache-events'

/**
 * Preferences: reads, and writes that notify the renderer. On first start the language comes from
 * the OS locale, which the host passes (Electron's preferred system languages) or, when the host
 * cannot know it (the browser shell), the renderer's `navigator.languages`; it is then stored, so
 * it is remembered until the user changes it.
 */
export class SettingsService {
  constructor(
    private readonly repo: SettingsRepo,
    private readonly events: EventBus,
    private readonly systemLocales: readonly string[] = [],
  ) {}

  /** The settings; `localeHints` (the renderer's languages) count only when no language is stored yet. */
  get(localeHints: readonly string[] = []): Settings {
    if (!this.repo.isSet('language')) {
      const language = languageFromLocales([...this.systemLocales, ...localeHints])
      if (language) return this.repo.set({ language })
    }
    return this.repo.get()
  }

  set(patch: SettingsPatch): Settings {
    const next = this.repo.set(patch)
    emitChanges(this.events, [change('settings')])
    return next
  }
}
