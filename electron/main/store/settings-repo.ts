import type Database from 'better-sqlite3'
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../../shared/domain/settings'

/** Reads and writes preferences; unknown or invalid stored values fall back to defaults. */
export class SettingsRepo {
  private readonly selectAll: Database.Statement<[], { key: string; value: string }>
  private readonly upsert: Database.Statement<[string, string, number]>

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {
    this.selectAll = db.prepare('SELECT key, value FROM settings')
    this.upsert = db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    )
  }

  /** True when a value was ever stored for `key` (even one that no longer validates). */
  isSet(key: keyof Settings): boolean {
    return this.selectAll.all().some((row) => row.key === key)
  }

  get(): Settings {
    const stored: Record<string, unknown> = {}
    for (const row of this.selectAll.all()) stored[row.key] = JSON.parse(row.value) as unknown
    const merged = { ...DEFAULT_SETTINGS }
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const candidate = Settings.shape[key].safeParse(stored[key])
      if (candidate.success) Object.assign(merged, { [key]: candidate.data })
    }
    return merged
  }

  set(patch: SettingsPatch): Settings {
    const at = this.now()
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) this.upsert.run(key, JSON.stringify(value), at)
      }
    })()
    return this.get()
  }
}
