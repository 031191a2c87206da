import type { Migration } from '../index'

/**
 * `cache.sqlite` version 1: everything derived from the API, with the same columns as in the
 * single `switchboard.sqlite` (legacy version 4) so the split copies rows as they are.
 *
 * Every row is keyed by the Switchboard account (token owner) it came from, so two accounts that
 * see the same organization never mix. The accounts themselves live in `user.sqlite`, and foreign
 * keys cannot cross files: removing an account purges its rows here explicitly
 * (repos/cache-purge.ts), and a lost cache is rebuilt by the next sync.
 */
export const cacheMigration001: Migration = {
  version: 1,
  name: 'baseline',
  up(db) {
    db.exec(`
      CREATE TABLE orgs (
        account_id        TEXT NOT NULL,
        id                INTEGER NOT NULL,
        name              TEXT NOT NULL,
        role              TEXT NOT NULL,
        legal_entity_type TEXT,
        logo              TEXT,
        is_partner_client INTEGER NOT NULL DEFAULT 0,
        partner_id        INTEGER,
        nb_users          INTEGER,
        created_at        INTEGER,
        data              TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        synced_at         INTEGER NOT NULL,
        product_count     INTEGER NOT NULL DEFAULT 0,
        user_count        INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, id)
      ) STRICT;

      CREATE TABLE products (
        account_id                TEXT NOT NULL,
        id                        INTEGER NOT NULL,
        org_id                    INTEGER NOT NULL,
        service_id                INTEGER,
        service_name              TEXT NOT NULL,
        customer_name             TEXT NOT NULL,
        internal_name             TEXT,
        fqdn                      TEXT,
        created_at                INTEGER,
        expired_at                INTEGER,
        is_trial                  INTEGER NOT NULL DEFAULT 0,
        is_locked                 INTEGER NOT NULL DEFAULT 0,
        has_maintenance           INTEGER NOT NULL DEFAULT 0,
        has_operation_in_progress INTEGER NOT NULL DEFAULT 0,
        is_free                   INTEGER NOT NULL DEFAULT 0,
        tags                      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        my_rights                 TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(my_rights)),
        data                      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        synced_at                 INTEGER NOT NULL,
        PRIMARY KEY (account_id, id)
      ) STRICT;
      CREATE INDEX products_by_org ON products (account_id, org_id, service_name);
      CREATE INDEX products_by_expiry ON products (expired_at) WHERE expired_at IS NOT NULL;

      CREATE TABLE product_rights (
        account_id TEXT NOT NULL,
        org_id     INTEGER NOT NULL,
        product_id INTEGER NOT NULL,
        user_id    INTEGER NOT NULL,
        technical  INTEGER NOT NULL CHECK (technical IN (0, 1)),
        statistic  INTEGER NOT NULL CHECK (statistic IN (0, 1)),
        "check"    INTEGER NOT NULL CHECK ("check" IN (0, 1)),
        sale       INTEGER NOT NULL CHECK (sale IN (0, 1)),
        PRIMARY KEY (account_id, product_id, user_id)
      ) STRICT;
      CREATE INDEX product_rights_by_org_user ON product_rights (account_id, org_id, user_id);

      -- Members and pending invitees together; member_key is 'u:<user_id>' or 'i:<invitation_id>'.
      CREATE TABLE org_users (
        account_id               TEXT NOT NULL,
        org_id                   INTEGER NOT NULL,
        member_key               TEXT NOT NULL,
        user_id                  INTEGER,
        invitation_id            INTEGER,
        email                    TEXT NOT NULL,
        first_name               TEXT,
        last_name                TEXT,
        display_name             TEXT NOT NULL,
        role_type                TEXT NOT NULL,
        state                    TEXT NOT NULL,
        has_billing_access       INTEGER NOT NULL DEFAULT 0,
        is_correspondent         INTEGER NOT NULL DEFAULT 0,
        is_correspondent_billing INTEGER NOT NULL DEFAULT 0,
        has_no_manager_access    INTEGER NOT NULL DEFAULT 0,
        is_workspace_only        INTEGER NOT NULL DEFAULT 0,
        has_2fa                  INTEGER CHECK (has_2fa IN (0, 1)),
        last_login_at            INTEGER,
        invited_at               INTEGER,
        partnership_id           INTEGER,
        data                     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        PRIMARY KEY (account_id, org_id, member_key)
      ) STRICT;
      CREATE INDEX org_users_by_email ON org_users (email COLLATE NOCASE);
      CREATE INDEX org_users_by_user ON org_users (account_id, user_id);

      CREATE TABLE teams (
        account_id    TEXT NOT NULL,
        org_id        INTEGER NOT NULL,
        id            INTEGER NOT NULL,
        name          TEXT NOT NULL,
        owned_by_id   INTEGER,
        user_count    INTEGER,
        product_count INTEGER,
        permissions   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(permissions)),
        created_at    INTEGER,
        data          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        PRIMARY KEY (account_id, org_id, id)
      ) STRICT;

      CREATE TABLE team_members (
        account_id TEXT NOT NULL,
        org_id     INTEGER NOT NULL,
        team_id    INTEGER NOT NULL,
        user_id    INTEGER NOT NULL,
        PRIMARY KEY (account_id, org_id, team_id, user_id)
      ) STRICT;
      CREATE INDEX team_members_by_user ON team_members (account_id, org_id, user_id);

      CREATE TABLE domains (
        account_id TEXT NOT NULL,
        name       TEXT NOT NULL,
        org_id     INTEGER,
        tld        TEXT,
        expires_at INTEGER,
        options    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
        contacts   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(contacts)),
        status     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(status)),
        data       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        PRIMARY KEY (account_id, name)
      ) STRICT;

      CREATE TABLE partnerships (
        account_id TEXT NOT NULL,
        id         INTEGER NOT NULL,
        org_id     INTEGER,
        name       TEXT,
        data       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        PRIMARY KEY (account_id, id)
      ) STRICT;

      -- One row per account x organization (0 = account-wide) x resource.
      CREATE TABLE sync_state (
        account_id      TEXT NOT NULL,
        org_id          INTEGER NOT NULL,
        resource        TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('ok', 'error', 'needs_scope', 'unavailable')),
        synced_at       INTEGER,
        attempted_at    INTEGER NOT NULL,
        item_count      INTEGER,
        request_count   INTEGER,
        error_code      TEXT,
        error_message   TEXT,
        needed_scope    TEXT,
        PRIMARY KEY (account_id, org_id, resource)
      ) STRICT;

      CREATE TABLE sync_runs (
        id          INTEGER PRIMARY KEY,
        account_id  TEXT NOT NULL,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER,
        status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
        planned     INTEGER NOT NULL DEFAULT 0,
        done        INTEGER NOT NULL DEFAULT 0,
        requests    INTEGER NOT NULL DEFAULT 0,
        resume_from INTEGER
      ) STRICT;
      CREATE INDEX sync_runs_by_account ON sync_runs (account_id, started_at);

      -- Search across organizations, products and people (accents folded): an external-content
      -- FTS5 table over search_docs, indexed by (account, kind, org).
      CREATE TABLE search_docs (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('org', 'product', 'person')),
        account_id TEXT NOT NULL,
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
    `)
  },
}
