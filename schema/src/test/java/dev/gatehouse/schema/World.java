package dev.gatehouse.schema;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A small world written with plain SQL, touching every table:
 *
 * <pre>
 * users   alice, bob          groups  staff {alice, bob}, guests {alice}
 * tree    root (owner alice, owner group staff)
 *           └─ docs (owner bob)
 *                └─ report
 * </pre>
 *
 * with grants, role assignments and explicit ACL entries (naming users, groups, roles and system principals) on
 * every level and globally, attributes, a security code and an external identity for each user.
 */
final class World {
    final Sql sql;
    final long alice;
    final long bob;
    final long staff;
    final long guests;
    final long root;
    final long docs;
    final long report;

    World(DataSource dataSource) throws SQLException {
        sql = new Sql(dataSource);
        long[] ids = new long[7];
        sql.transaction(() -> {
            ids[0] = user("Alice", "alice@example.com");
            ids[1] = user("Bob", "bob@example.com");
            ids[2] = group("Staff");
            ids[3] = group("Guests");
            ids[4] = resource("root", "folder", null, 1, ids[0], ids[2]);
            ids[5] = resource("docs", "folder", ids[4], 1, ids[1], null);
            ids[6] = resource("report", "document", ids[5], 1, null, null);
        });
        alice = ids[0];
        bob = ids[1];
        staff = ids[2];
        guests = ids[3];
        root = ids[4];
        docs = ids[5];
        report = ids[6];
        sql.transaction(this::fill);
    }

    private void fill() throws SQLException {
        member(staff, alice);
        member(staff, bob);
        member(guests, alice);

        for (long user : new long[] {alice, bob}) {
            String who = "user:" + user;
            sql.update("INSERT INTO gatehouse_user_attributes (user_id, attribute_key, attribute_value) VALUES (?, ?, ?)",
                    user, "customer", "c-" + user);
            sql.update("INSERT INTO gatehouse_security_codes (user_id, code_hash, expires_at) "
                    + "VALUES (?, ?, CURRENT_TIMESTAMP)", user, "hash-" + user);
            sql.update("INSERT INTO gatehouse_external_identities (provider, external_id, user_id, access_token) "
                    + "VALUES ('github', ?, ?, 'token')", "gh-" + user, user);
            grant(who, "ALL", null);
            role(who, "viewer", null);
            for (long node : new long[] {root, docs, report}) {
                grant(who, "view", node);
                role(who, "editor", node);
            }
        }
        for (long group : new long[] {staff, guests}) {
            String which = "group:" + group;
            grant(which, "list", null);
            role(which, "authenticated", null);
            for (long node : new long[] {root, docs, report}) {
                grant(which, "edit", node);
                role(which, "viewer", node);
            }
        }
        for (long node : new long[] {root, docs, report}) {
            ace(node, 1, "DENY", "user:" + alice, "delete", "edit");
            ace(node, 2, "ALLOW", "user:" + bob, "ALL");
            ace(node, 3, "ALLOW", "group:" + staff, "view");
            ace(node, 4, "ALLOW", "group:" + guests, "view");
            ace(node, 5, "ALLOW", "role:editor", "edit");
            ace(node, 6, "ALLOW", "system.Authenticated", "view");
            ace(node, 7, "DENY", "system.Everyone", "ALL");
        }
    }

    long user(String name, String email) throws SQLException {
        return sql.insert("INSERT INTO gatehouse_users (user_name, email, password_hash, status, registered_at) "
                + "VALUES (?, ?, 'hash', 'ACTIVE', CURRENT_TIMESTAMP)", name, email);
    }

    long group(String name) throws SQLException {
        return sql.insert("INSERT INTO gatehouse_groups (name) VALUES (?)", name);
    }

    void member(long group, long user) throws SQLException {
        sql.update("INSERT INTO gatehouse_memberships (group_id, user_id) VALUES (?, ?)", group, user);
    }

    /** Inserts a resource and its closure rows (itself at depth 0, then each ancestor of the parent one deeper). */
    long resource(String name, String type, Long parent, int ordering, Long ownerUser, Long ownerGroup)
            throws SQLException {
        long id = sql.insert("INSERT INTO gatehouse_resources "
                + "(name, type, parent_id, ordering, owner_user_id, owner_group_id, inherit) VALUES (?, ?, ?, ?, ?, ?, ?)",
                name, type, parent, ordering, ownerUser, ownerGroup, true);
        sql.update("INSERT INTO gatehouse_resource_ancestors (descendant_id, ancestor_id, depth) VALUES (?, ?, 0)",
                id, id);
        if (parent != null) {
            sql.update("INSERT INTO gatehouse_resource_ancestors (descendant_id, ancestor_id, depth) "
                    + "SELECT ?, ancestor_id, depth + 1 FROM gatehouse_resource_ancestors WHERE descendant_id = ?",
                    id, parent);
        }
        return id;
    }

    long grant(String principal, String permission, Long resource) throws SQLException {
        return sql.insert("INSERT INTO gatehouse_grants (principal, permission, resource_id) VALUES (?, ?, ?)",
                principal, permission, resource);
    }

    long role(String principal, String role, Long resource) throws SQLException {
        return sql.insert("INSERT INTO gatehouse_role_assignments (principal, role_name, resource_id) VALUES (?, ?, ?)",
                principal, role, resource);
    }

    long ace(long resource, int position, String action, String principal, String... permissions)
            throws SQLException {
        long entry = sql.insert("INSERT INTO gatehouse_acl_entries (resource_id, position, action, principal) "
                + "VALUES (?, ?, ?, ?)", resource, position, action, principal);
        for (String permission : permissions) {
            sql.update("INSERT INTO gatehouse_acl_entry_permissions (entry_id, permission) VALUES (?, ?)",
                    entry, permission);
        }
        return entry;
    }

    /** @return how many rows the table holds */
    long rows(String table) throws SQLException {
        return sql.count("SELECT COUNT(*) FROM " + table);
    }
}
