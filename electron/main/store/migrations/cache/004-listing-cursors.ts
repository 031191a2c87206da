import type { Migration } from '../index'

/**
 * `cache.sqlite` version 4: listings kept page by page (issue 18).
 *
 * - `sync_listings`: the cursor of a long listing in progress (today the cross-organisation `/1/products`), per
 *   account: when it started, the next page not yet committed, the page size the server used, what it announced
 *   (pages, total) and how many items were received. Each committed page moves the cursor in the page's own
 *   transaction, so a listing interrupted by a quit, a crash or a sleep resumes at the next page. The row is
 *   deleted when the listing completes (then deletions are applied) or when it is too old to resume.
 * - `search_docs_by_ref`: finds one entry by its reference, so a page updates the search entries of its own
 *   products without reading every entry of the account.
 */
export const cacheMigration004: Migration = {
  version: 4,
  name: 'listing-cursors',
  up(db) {
    db.exec(`
      CREATE TABLE sync_listings (
        account_id TEXT NOT NULL,
        listing    TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        next_page  INTEGER NOT NULL CHECK (next_page >= 1),
        pages      INTEGER,
        per_page   INTEGER,
        total      INTEGER,
        received   INTEGER NOT NULL DEFAULT 0,
        requests   INTEGER NOT NULL DEFAULT 0,
        baseline   INTEGER NOT NULL CHECK (baseline IN (0, 1)),
        params     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        PRIMARY KEY (account_id, listing)
      ) STRICT;
      CREATE INDEX search_docs_by_ref ON search_docs (account_id, kind, ref);
    `)
  },
}
