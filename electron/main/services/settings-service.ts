import type { Settings, SettingsPatch } from '../../../shared/domain/settings'
import type { SettingsRepo } from '../store/settings-repo'
import type { EventBus } from '../ipc/dispatch'
import { change, emitChanges } from '../lib/cache-events'

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
    emitChanges(this.events, [change('settings')])
    return next
  }
}
