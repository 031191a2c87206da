import type { Migration } from '../index'

/**
 * What the API gives, per account (cache: derived from the API and re-learnt by a sync; rows are purged with
 * their account by repos/cache-purge.ts, which reads `account_id` columns from the schema):
 *
 * - `api_capabilities`: what the client learnt about the server (page-size cap, refused `with=` values, whether
 *   products carry per-user rights, whether users carry their teams, 2FA and invitation details), with the app
 *   version that learnt it, so an update re-checks it.
 * - `sync_skipped`: list items left out because they did not fit (per organisation and resource; field path,
 *   expected and seen JSON types, how many) — never values.
 * - `api_shapes`: per endpoint, status codes seen and field names with their JSON types, for the diagnostics
 *   export — never values.
 */
export const cacheMigration002: Migration = {
  version: 2,
  name: 'api-coverage',
  up(db) {
    db.exec(`
      CREATE TABLE api_capabilities (
        account_id  TEXT PRIMARY KEY,
        data        TEXT NOT NULL,
        app_version TEXT,
        updated_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sync_skipped (
        account_id TEXT NOT NULL,
        org_id     INTEGER NOT NULL,
        resource   TEXT NOT NULL,
        endpoint   TEXT NOT NULL,
        path       TEXT NOT NULL,
        expected   TEXT NOT NULL,
        seen       TEXT NOT NULL,
        count      INTEGER NOT NULL,
        at         INTEGER NOT NULL,
        PRIMARY KEY (account_id, org_id, resource, endpoint, path, expected, seen)
      ) STRICT;

      CREATE TABLE api_shapes (
        account_id TEXT NOT NULL,
        endpoint   TEXT NOT NULL,
        data       TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, endpoint)
      ) STRICT;
    `)
  },
}
