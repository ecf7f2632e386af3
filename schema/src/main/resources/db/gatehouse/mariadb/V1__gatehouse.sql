-- Gatehouse schema, version 1, MariaDB 10.5 or newer and MySQL 8.0.16 or newer (InnoDB).
-- One logical schema for every dialect: schema/README.md documents the tables, columns and constraint names.
-- Keep the three dialect files (h2, postgresql, mariadb) in step: same tables, columns, constraint and index names.
--
-- Dialect notes:
-- * Every table uses utf8mb4 with the binary collation utf8mb4_bin, so comparisons and uniqueness behave as on
--   PostgreSQL and H2 (case-sensitive); case-insensitive names go through the generated *_lower columns.
-- * Instants are DATETIME(6) holding UTC (TIMESTAMP would stop at 2038).
-- * Primary keys are always named PRIMARY here; the other constraint and index names match the other dialects.
-- * MySQL forbids CHECK constraints on columns that carry a foreign key action, and stored generated columns over
--   such columns. So: user_id/group_id are derived from principal (a stored generated column may carry
--   ON DELETE CASCADE), and resource_key is VIRTUAL (allowed over a cascading column, and indexable).

-- Users ---------------------------------------------------------------------------------------------------------

CREATE TABLE gatehouse_users (
    id              BIGINT NOT NULL AUTO_INCREMENT,
    user_name       VARCHAR(255) NOT NULL,
    user_name_lower VARCHAR(510) GENERATED ALWAYS AS (LOWER(user_name)) STORED,
    email           VARCHAR(255),
    email_lower     VARCHAR(510) GENERATED ALWAYS AS (LOWER(email)) STORED,
    password_hash   VARCHAR(512),
    status          VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL,
    registered_at   DATETIME(6) NOT NULL,
    last_login_at   DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY gatehouse_users_user_name_uq (user_name_lower),
    UNIQUE KEY gatehouse_users_email_uq (email_lower),
    CONSTRAINT gatehouse_users_status_ck CHECK (status IN ('ACTIVE', 'DISABLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE gatehouse_user_attributes (
    user_id         BIGINT NOT NULL,
    attribute_key   VARCHAR(64) NOT NULL,
    attribute_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (user_id, attribute_key),
    CONSTRAINT gatehouse_user_attributes_user_fk FOREIGN KEY (user_id)
        REFERENCES gatehouse_users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE gatehouse_security_codes (
    user_id    BIGINT NOT NULL,
    code_hash  VARCHAR(512) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT gatehouse_security_codes_user_fk FOREIGN KEY (user_id)
        REFERENCES gatehouse_users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Groups --------------------------------------------------------------------------------------------------------

CREATE TABLE gatehouse_groups (
    id          BIGINT NOT NULL AUTO_INCREMENT,
    name        VARCHAR(255) NOT NULL,
    name_lower  VARCHAR(510) GENERATED ALWAYS AS (LOWER(name)) STORED,
    description VARCHAR(2000),
    PRIMARY KEY (id),
    UNIQUE KEY gatehouse_groups_name_uq (name_lower)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE gatehouse_memberships (
    group_id BIGINT NOT NULL,
    user_id  BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id),
    KEY gatehouse_memberships_user_ix (user_id, group_id),
    CONSTRAINT gatehouse_memberships_group_fk FOREIGN KEY (group_id)
        REFERENCES gatehouse_groups (id) ON DELETE CASCADE,
    CONSTRAINT gatehouse_memberships_user_fk FOREIGN KEY (user_id)
        REFERENCES gatehouse_users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Resources and their tree --------------------------------------------------------------------------------------

CREATE TABLE gatehouse_resources (
    id             BIGINT NOT NULL AUTO_INCREMENT,
    name           VARCHAR(255) NOT NULL,
    type           VARCHAR(64) NOT NULL,
    parent_id      BIGINT,
    ordering       INTEGER NOT NULL,
    owner_user_id  BIGINT,
    owner_group_id BIGINT,
    inherit        BOOLEAN DEFAULT TRUE NOT NULL,
    PRIMARY KEY (id),
    KEY gatehouse_resources_parent_ix (parent_id, ordering),
    KEY gatehouse_resources_owner_user_ix (owner_user_id),
    KEY gatehouse_resources_owner_group_ix (owner_group_id),
    KEY gatehouse_resources_type_ix (type, id),
    CONSTRAINT gatehouse_resources_type_ck CHECK (type REGEXP '^[a-z][a-z0-9_.:-]*$'),
    CONSTRAINT gatehouse_resources_ordering_ck CHECK (ordering >= 1),
    CONSTRAINT gatehouse_resources_parent_fk FOREIGN KEY (parent_id)
        REFERENCES gatehouse_resources (id) ON DELETE CASCADE,
    CONSTRAINT gatehouse_resources_owner_user_fk FOREIGN KEY (owner_user_id)
        REFERENCES gatehouse_users (id) ON DELETE SET NULL,
    CONSTRAINT gatehouse_resources_owner_group_fk FOREIGN KEY (owner_group_id)
        REFERENCES gatehouse_groups (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The closure of the parent relation: one row per (ancestor, descendant) pair, the resource itself included
-- (depth 0). A lineage is "WHERE descendant_id = ? ORDER BY depth"; a subtree is "WHERE ancestor_id = ?".
CREATE TABLE gatehouse_resource_ancestors (
    descendant_id BIGINT NOT NULL,
    ancestor_id   BIGINT NOT NULL,
    depth         INTEGER NOT NULL,
    PRIMARY KEY (descendant_id, ancestor_id),
    KEY gatehouse_resource_ancestors_ancestor_ix (ancestor_id, depth, descendant_id),
    CONSTRAINT gatehouse_resource_ancestors_depth_ck CHECK (depth >= 0),
    CONSTRAINT gatehouse_resource_ancestors_descendant_fk FOREIGN KEY (descendant_id)
        REFERENCES gatehouse_resources (id) ON DELETE CASCADE,
    CONSTRAINT gatehouse_resource_ancestors_ancestor_fk FOREIGN KEY (ancestor_id)
        REFERENCES gatehouse_resources (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Permissions ---------------------------------------------------------------------------------------------------
-- principal is the canonical key of dev.gatehouse.model.Principal ('user:7', 'group:3', 'role:editor',
-- 'system.Everyone', 'system.Authenticated'). Applications write only principal; user_id and group_id are derived
-- from it, so each row carries a real foreign key (and its cascade) while one column and one index serve a check.

CREATE TABLE gatehouse_grants (
    id           BIGINT NOT NULL AUTO_INCREMENT,
    principal    VARCHAR(80) NOT NULL,
    user_id      BIGINT GENERATED ALWAYS AS (
                     CASE WHEN principal REGEXP '^user:[1-9][0-9]{0,17}$' THEN CAST(SUBSTRING(principal, 6) AS SIGNED) END
                 ) STORED,
    group_id     BIGINT GENERATED ALWAYS AS (
                     CASE WHEN principal REGEXP '^group:[1-9][0-9]{0,17}$' THEN CAST(SUBSTRING(principal, 7) AS SIGNED) END
                 ) STORED,
    permission   VARCHAR(64) NOT NULL,
    resource_id  BIGINT,
    resource_key BIGINT GENERATED ALWAYS AS (COALESCE(resource_id, 0)) VIRTUAL,
    PRIMARY KEY (id),
    UNIQUE KEY gatehouse_grants_uq (principal, permission, resource_key),
    KEY gatehouse_grants_resource_ix (resource_id, principal),
    KEY gatehouse_grants_user_ix (user_id),
    KEY gatehouse_grants_group_ix (group_id),
    CONSTRAINT gatehouse_grants_principal_ck CHECK (principal REGEXP '^(user|group):[1-9][0-9]{0,17}$'),
    CONSTRAINT gatehouse_grants_permission_ck CHECK (permission = 'ALL' OR permission REGEXP '^[a-z][a-z0-9_.:-]*$'),
    CONSTRAINT gatehouse_grants_user_fk FOREIGN KEY (user_id)
        REFERENCES gatehouse_users (id) ON DELETE CASCADE,
    CONSTRAINT gatehouse_grants_group_fk FOREIGN KEY (group_id)
        REFERENCES gatehouse_groups (id) ON DELETE CASCADE,
    CONSTRAINT gatehouse_grants_resource_fk FOREIGN KEY (resource_id)
        REFERENCES gatehouse_resources (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE gatehouse_role_assignments (
    id           BIGINT NOT NULL AUTO_INCREMENT,
    principal    VARCHAR(80) NOT NULL,
    user_id      BIGINT GENERATED ALWAYS AS (
                     CASE WHEN principal REGEXP '^user:[1-9][0-9]{0,17}$' THEN CAST(SUBSTRING(principal, 6) AS SIGNED) END
                 ) STORED,
    group_id     BIGINT GENERATED ALWAYS AS (
                     CASE WHEN principal REGEXP '^group:[1-9][0-9]{0,17}$' THEN CAST(SUBSTRING(principal, 7) AS SIGNED) END
                 ) STORED,
    role_name    VARCHAR(64) NOT NULL,
    resource_id  BIGINT,
    resource_key BIGINT GENERATED ALWAYS AS (COALESCE(resource_id, 0)) VIRTUAL,
    PRIMARY KEY (id),
    UNIQUE KEY gatehouse_role_assignments_uq (principal, role_name, resource_key),
    KEY gatehouse_role_assignments_resource_ix (resource_id, principal),
    KEY gatehouse_role_assignments_user_ix (user_id),
    KEY gatehouse_role_assignments_group_ix (group_id),
    CONSTRAINT gatehouse_role_assignments_principal_ck CHECK (principal REGEXP '^(user|group):[1-9][0-9]{0,17}$'),
    CONSTRAINT gatehouse_role_assignments_role_ck CHECK (role_name REGEXP '^[a-z][a-z0-9_.:-]*$'),
    CONSTRAINT gatehouse_role_assignments_user_fk FOREIGN KEY (user_id)
        REFERENCES gatehouse_users (id) ON DELETE CASCADE,
    CONSTRAINT gatehouse_role_assignments_group_fk FOREIGN KEY (group_id)
        REFERENCES gatehouse_groups (id) ON DELETE CASCADE,
    CONSTRAINT gatehouse_role_assignments_resource_fk FOREIGN KEY (resource_id)
        REFERENCES gatehouse_resources (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- An explicit ACL: entries in position order (positions need not be dense), each with one or more permissions.
CREATE TABLE gatehouse_acl_entries (
    id          BIGINT NOT NULL AUTO_INCREMENT,
    resource_id BIGINT NOT NULL,
    position    INTEGER NOT NULL,
    action      VARCHAR(5) NOT NULL,
    principal   VARCHAR(80) NOT NULL,
    user_id     BIGINT GENERATED ALWAYS AS (
                    CASE WHEN principal REGEXP '^user:[1-9][0-9]{0,17}$' THEN CAST(SUBSTRING(principal, 6) AS SIGNED) END
                ) STORED,
    group_id    BIGINT GENERATED ALWAYS AS (
                    CASE WHEN principal REGEXP '^group:[1-9][0-9]{0,17}$' THEN CAST(SUBSTRING(principal, 7) AS SIGNED) END
                ) STORED,
    PRIMARY KEY (id),
    UNIQUE KEY gatehouse_acl_entries_position_uq (resource_id, position),
    KEY gatehouse_acl_entries_principal_ix (principal, resource_id),
    KEY gatehouse_acl_entries_user_ix (user_id),
    KEY gatehouse_acl_entries_group_ix (group_id),
    CONSTRAINT gatehouse_acl_entries_position_ck CHECK (position >= 1),
    CONSTRAINT gatehouse_acl_entries_action_ck CHECK (action IN ('ALLOW', 'DENY')),
    CONSTRAINT gatehouse_acl_entries_principal_ck CHECK (principal REGEXP
        '^((user|group):[1-9][0-9]{0,17}|role:[a-z][a-z0-9_.:-]*|system[.]Everyone|system[.]Authenticated)$'),
    CONSTRAINT gatehouse_acl_entries_resource_fk FOREIGN KEY (resource_id)
        REFERENCES gatehouse_resources (id) ON DELETE CASCADE,
    CONSTRAINT gatehouse_acl_entries_user_fk FOREIGN KEY (user_id)
        REFERENCES gatehouse_users (id) ON DELETE CASCADE,
    CONSTRAINT gatehouse_acl_entries_group_fk FOREIGN KEY (group_id)
        REFERENCES gatehouse_groups (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE gatehouse_acl_entry_permissions (
    entry_id   BIGINT NOT NULL,
    permission VARCHAR(64) NOT NULL,
    PRIMARY KEY (entry_id, permission),
    CONSTRAINT gatehouse_acl_entry_permissions_permission_ck
        CHECK (permission = 'ALL' OR permission REGEXP '^[a-z][a-z0-9_.:-]*$'),
    CONSTRAINT gatehouse_acl_entry_permissions_entry_fk FOREIGN KEY (entry_id)
        REFERENCES gatehouse_acl_entries (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- External identities -------------------------------------------------------------------------------------------

CREATE TABLE gatehouse_external_identities (
    id               BIGINT NOT NULL AUTO_INCREMENT,
    provider         VARCHAR(64) NOT NULL,
    external_id      VARCHAR(255) NOT NULL,
    user_id          BIGINT NOT NULL,
    access_token     VARCHAR(4000),
    refresh_token    VARCHAR(4000),
    token_expires_at DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY gatehouse_external_identities_uq (provider, external_id),
    KEY gatehouse_external_identities_user_ix (user_id),
    CONSTRAINT gatehouse_external_identities_provider_ck CHECK (provider REGEXP '^[a-z][a-z0-9_.:-]*$'),
    CONSTRAINT gatehouse_external_identities_user_fk FOREIGN KEY (user_id)
        REFERENCES gatehouse_users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
