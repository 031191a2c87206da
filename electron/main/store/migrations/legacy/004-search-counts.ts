import type { Migration } from '../index'

/**
 * Faster reads for large fleets (measured by `npm run bench -- queries` at 1,000 orgs):
 *
 * - Search moves to an external-content FTS5 table over `search_docs`, a regular table indexed
 *   by (account, kind, org). Deleting an organization's entries no longer scans the whole index
 *   (it did: 35–60 ms per users job at 127k entries), and `kind` is an indexed FTS column so
 *   each kind's best hits come from `ORDER BY rank LIMIT n`; prefix indexes (2–4 characters) serve
 *   the type-ahead queries the search box sends.
 * - Organizations carry their product and member counts, kept by the sync writers, so the
 *   switcher list is a plain scan instead of two correlated counts per organization.
 * - A sync run remembers where an interrupted run started (`resume_from`), so a second crash
 *   does not redo the first one's work.
 */
export const migration004: Migration = {
  version: 4,
  name: 'search-counts',
  up(db) {
    db.exec(`
      DROP TABLE search_index;

      CREATE TABLE search_docs (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('org', 'product', 'person')),
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        org_id     INTEGER NOT NULL,
        ref        TEXT NOT NULL,
        title      TEXT NOT NULL,
        subtitle   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX search_docs_scope ON search_docs (account_id, kind, org_id);

      CREATE VIRTUAL TABLE search_index USING fts5(
        kind, title, subtitle,
        content = 'search_docs', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
      );
      CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_index (rowid, kind, title, subtitle) VALUES (new.id, new.kind, new.title, new.subtitle);
      END;
      CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_index (search_index, rowid, kind, title, subtitle) VALUES ('delete', old.id, old.kind, old.title, old.subtitle);
      END;
      CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
        INSERT INTO search_index (search_index, rowid, kind, title, subtitle) VALUES ('delete', old.id, old.kind, old.title, old.subtitle);
        INSERT INTO search_index (rowid, kind, title, subtitle) VALUES (new.id, new.kind, new.title, new.subtitle);
      END;

      INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle)
        SELECT 'org', account_id, id, CAST(id AS TEXT), name, role FROM orgs;
      INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle)
        SELECT 'product', account_id, org_id, CAST(id AS TEXT), customer_name, trim(service_name || ' ' || COALESCE(fqdn, '')) FROM products;
      INSERT INTO search_docs (kind, account_id, org_id, ref, title, subtitle)
        SELECT 'person', account_id, org_id, member_key, display_name, email FROM org_users;

      ALTER TABLE orgs ADD COLUMN product_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE orgs ADD COLUMN user_count INTEGER NOT NULL DEFAULT 0;
      UPDATE orgs SET
        product_count = (SELECT count(*) FROM products p WHERE p.account_id = orgs.account_id AND p.org_id = orgs.id),
        user_count = (SELECT count(*) FROM org_users u WHERE u.account_id = orgs.account_id AND u.org_id = orgs.id AND u.user_id IS NOT NULL);

      ALTER TABLE sync_runs ADD COLUMN resume_from INTEGER;
    `)
  },
}
