import type { Migration } from '../index'

/**
 * The cache: every row is keyed by the Switchboard account (token owner) it came from, so two
 * accounts that see the same organization never mix, and removing an account purges exactly
 * its rows (ON DELETE CASCADE from `accounts`).
 */
export const migration002: Migration = {
  version: 2,
  name: 'cache',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id            TEXT PRIMARY KEY,
        label         TEXT NOT NULL,
        base_url      TEXT NOT NULL,
        -- NULL: the token is in the OS keychain. Otherwise the NAME of the environment variable
        -- holding it (headless CLI, --token-env); the token itself is never stored here.
        token_env     TEXT,
        user_id       INTEGER,
        display_name  TEXT,
        email         TEXT,
        state         TEXT NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'token_rejected', 'offline', 'signed_out')),
        is_demo       INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
        scopes        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scopes)),
        created_at    INTEGER NOT NULL,
        last_sync_at  INTEGER,
        last_error    TEXT
      ) STRICT;

      CREATE TABLE orgs (
        account_id        TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
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
        PRIMARY KEY (account_id, id)
      ) STRICT;

      CREATE TABLE products (
        account_id                TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
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
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
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
        account_id               TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
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
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
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
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        org_id     INTEGER NOT NULL,
        team_id    INTEGER NOT NULL,
        user_id    INTEGER NOT NULL,
        PRIMARY KEY (account_id, org_id, team_id, user_id)
      ) STRICT;
      CREATE INDEX team_members_by_user ON team_members (account_id, org_id, user_id);

      CREATE TABLE domains (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
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
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        id         INTEGER NOT NULL,
        org_id     INTEGER,
        name       TEXT,
        data       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        PRIMARY KEY (account_id, id)
      ) STRICT;

      -- One row per account x organization (0 = account-wide) x resource.
      CREATE TABLE sync_state (
        account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
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
        account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER,
        status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
        planned     INTEGER NOT NULL DEFAULT 0,
        done        INTEGER NOT NULL DEFAULT 0,
        requests    INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX sync_runs_by_account ON sync_runs (account_id, started_at);

      -- Who gained or lost which access, appended by sync diffs.
      CREATE TABLE access_history (
        id            INTEGER PRIMARY KEY,
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        org_id        INTEGER NOT NULL,
        at            INTEGER NOT NULL,
        kind          TEXT NOT NULL,
        subject_key   TEXT NOT NULL,
        subject_email TEXT,
        subject_name  TEXT,
        object_type   TEXT NOT NULL,
        object_id     INTEGER,
        object_name   TEXT,
        detail        TEXT,
        before        TEXT,
        after         TEXT
      ) STRICT;
      CREATE INDEX access_history_by_org ON access_history (account_id, org_id, at);
      CREATE INDEX access_history_by_subject ON access_history (subject_email COLLATE NOCASE, at);

      -- Changes Switchboard itself applied through the API.
      CREATE TABLE audit_log (
        id         INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,
        account_id TEXT,
        org_id     INTEGER,
        action     TEXT NOT NULL,
        target     TEXT NOT NULL,
        outcome    TEXT NOT NULL,
        detail     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
      ) STRICT;

      -- Search across organizations, products, domains and people (accents folded).
      CREATE VIRTUAL TABLE search_index USING fts5(
        kind UNINDEXED,
        account_id UNINDEXED,
        org_id UNINDEXED,
        ref UNINDEXED,
        title,
        subtitle,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `)
  },
}
