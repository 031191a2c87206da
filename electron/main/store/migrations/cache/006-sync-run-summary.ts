import type { Migration } from '../index'

/**
 * `cache.sqlite` version 6: the summary of each sync run survives a restart (the sync panel and
 * `switchboard sync status` show the last one). `sync_runs` already held start, end, state and request
 * counts; this adds what kind of run it was (a full sync or one organisation's refresh), how many of its
 * jobs failed, how many items were left out (skipped) when it ended, and why it stopped (a problem code
 * with its parameters, never a sentence and never a token).
 */
export const cacheMigrationSyncRunSummary: Migration = {
  version: 6,
  name: 'sync-run-summary',
  up(db) {
    db.exec(`
      ALTER TABLE sync_runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'full' CHECK (kind IN ('full', 'org'));
      ALTER TABLE sync_runs ADD COLUMN org_id INTEGER;
      ALTER TABLE sync_runs ADD COLUMN job_errors INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sync_runs ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sync_runs ADD COLUMN problem TEXT;
    `)
  },
}
