import type Database from 'better-sqlite3'
import type { OrgPrefs } from '../../../../shared/domain/org-prefs'

/** The switcher's pinned and recent organizations (org keys, in display order), in user.sqlite. */
export class OrgPrefsRepo {
  private readonly select: Database.Statement<[string], { org_key: string }>
  private readonly clear: Database.Statement<[string]>
  private readonly insert: Database.Statement<[string, number, string]>

  constructor(private readonly db: Database.Database) {
    this.select = db.prepare('SELECT org_key FROM org_prefs WHERE kind = ? ORDER BY position')
    this.clear = db.prepare('DELETE FROM org_prefs WHERE kind = ?')
    this.insert = db.prepare('INSERT INTO org_prefs (kind, position, org_key) VALUES (?, ?, ?)')
  }

  get(): OrgPrefs {
    return {
      pins: this.select.all('pin').map((r) => r.org_key),
      recents: this.select.all('recent').map((r) => r.org_key),
    }
  }

  /** Replaces the lists given (duplicates dropped, order kept), in one transaction. */
  set(patch: { pins?: readonly string[] | undefined; recents?: readonly string[] | undefined }): OrgPrefs {
    this.db.transaction(() => {
      for (const [kind, keys] of [
        ['pin', patch.pins],
        ['recent', patch.recents],
      ] as const) {
        if (!keys) continue
        this.clear.run(kind)
        ;[...new Set(keys)].forEach((key, i) => this.insert.run(kind, i, key))
      }
    })()
    return this.get()
  }
}
