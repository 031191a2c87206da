import type { Migration } from '../index'

/**
 * `cache.sqlite` version 3 (issue 15): which invoice route of the API answered for an account, or that none
 * did (`route` NULL), and when it was checked. Derived from the API and re-detected at will, so cache; rows
 * are purged with their account by repos/cache-purge.ts (it reads `account_id` columns from the schema).
 */
export const cacheMigration003: Migration = {
  version: 3,
  name: 'billing-invoice-routes',
  up(db) {
    db.exec(`
      CREATE TABLE billing_invoice_routes (
        account_id  TEXT PRIMARY KEY,
        -- The route template that answered ('/2/invoicing/account/{id}/invoices', ...) or NULL: none.
        route       TEXT,
        checked_at  INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
