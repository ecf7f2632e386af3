package dev.gatehouse.schema;

import java.util.List;

/**
 * The names of the Gatehouse tables, as created by {@link Migrations}. The columns and constraints of each are
 * described in the module's README; constraint names are stable, so a backend may translate a violation by name.
 */
public final class Tables {
    /** Users: id, user_name, email, password_hash, status, registered_at, last_login_at. */
    public static final String USERS = "gatehouse_users";
    /** A user's extensible attributes: user_id, attribute_key, attribute_value. */
    public static final String USER_ATTRIBUTES = "gatehouse_user_attributes";
    /** At most one security code per user: user_id, code_hash, expires_at. */
    public static final String SECURITY_CODES = "gatehouse_security_codes";
    /** Groups: id, name, description. */
    public static final String GROUPS = "gatehouse_groups";
    /** Group members: group_id, user_id. */
    public static final String MEMBERSHIPS = "gatehouse_memberships";
    /** Resources: id, name, type, parent_id, ordering, owner_user_id, owner_group_id, inherit. */
    public static final String RESOURCES = "gatehouse_resources";
    /** The tree's closure: descendant_id, ancestor_id, depth; every resource is its own ancestor at depth 0. */
    public static final String RESOURCE_ANCESTORS = "gatehouse_resource_ancestors";
    /** Grants, global (resource_id null) and on resources: principal, permission, resource_id. */
    public static final String GRANTS = "gatehouse_grants";
    /** Role assignments, global and on resources: principal, role_name, resource_id. */
    public static final String ROLE_ASSIGNMENTS = "gatehouse_role_assignments";
    /** Explicit ACL entries: resource_id, position, action, principal. */
    public static final String ACL_ENTRIES = "gatehouse_acl_entries";
    /** The permissions of each explicit ACL entry: entry_id, permission. */
    public static final String ACL_ENTRY_PERMISSIONS = "gatehouse_acl_entry_permissions";
    /** Identities at external providers: provider, external_id, user_id, tokens and their expiry. */
    public static final String EXTERNAL_IDENTITIES = "gatehouse_external_identities";

    /** Flyway's record of the migrations applied to the Gatehouse tables. */
    public static final String SCHEMA_HISTORY = "gatehouse_schema_history";

    /** Every Gatehouse table (not the schema history), parents before the tables that reference them. */
    public static final List<String> ALL = List.of(
            USERS, USER_ATTRIBUTES, SECURITY_CODES, GROUPS, MEMBERSHIPS, RESOURCES, RESOURCE_ANCESTORS, GRANTS,
            ROLE_ASSIGNMENTS, ACL_ENTRIES, ACL_ENTRY_PERMISSIONS, EXTERNAL_IDENTITIES);

    private Tables() {}
}
