import type { Settings, SettingsPatch } from '../../../shared/domain/settings'
import type { SettingsRepo } from '../store/settings-repo'
import type { EventBus } from '../ipc/dispatch'

/** Preferences: reads, and writes that notify the renderer. */
export class SettingsService {
  constructor(
    private readonly repo: SettingsRepo,
    private readonly events: EventBus,
  ) {}

  get(): Settings {
    return this.repo.get()
  }

  set(patch: SettingsPatch): Settings {
    const next = this.repo.set(patch)
    this.events.emit('cache:changed', { scopes: ['settings'] })
    return next
  }
}
