import type { Migration } from '../index'

/**
 * `cache.sqlite` version 5: drops `domains` and `partnerships` (issue 11 item 8). Nothing ever filled them: no
 * sync job lists domains, and the only readable partnership route (an invitation's `/b2b`) was never called.
 * Their client methods and schemas went with them. A later domains feature brings its own table and migration.
 */
export const cacheMigration005: Migration = {
  version: 5,
  name: 'drop-unfilled-tables',
  up(db) {
    db.exec(`
      DROP TABLE IF EXISTS domains;
      DROP TABLE IF EXISTS partnerships;
    `)
  },
}
