package dev.gatehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.tck.database.ForEachTestDatabase;
import dev.gatehouse.tck.database.PreparedDatabases;
import dev.gatehouse.tck.database.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

@DisplayName("The schema's constraints")
class ConstraintsTest {
    private static final PreparedDatabases SCHEMAS =
            new PreparedDatabases(ConstraintsTest.class, Migrations::migrate, Migrations::deleteAllRows);

    @AfterAll
    static void dropSchemas() {
        SCHEMAS.close();
    }

    /** Asserts that the statement fails with an integrity violation (SQLState class 23) naming the constraint. */
    static void assertViolates(String constraint, ThrowingCallable statement) {
        assertThatThrownBy(statement)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> {
                    String state = ((SQLException) e).getSQLState();
                    assertThat(state).as("SQLState of %s", e.getMessage()).startsWith("23");
                    assertThat(e.getMessage().toLowerCase(Locale.ROOT)).contains(constraint);
                });
    }

    @Nested
    @DisplayName("indexes")
    class Indexes {
        @ForEachTestDatabase
        @DisplayName("every foreign key has an index whose leading columns are the key's columns")
        void everyForeignKeyIsIndexed(TestDatabase database) throws SQLException {
            DataSource dataSource = SCHEMAS.emptied(database);
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData metaData = connection.getMetaData();
                int foreignKeys = 0;
                for (String table : Tables.ALL) {
                    var indexes = indexesOf(connection, metaData, table);
                    for (var key : foreignKeysOf(connection, metaData, table).entrySet()) {
                        foreignKeys++;
                        List<String> columns = key.getValue().columns;
                        assertThat(indexes.values())
                                .as("indexes of %s behind foreign key %s %s", table, key.getKey(), columns)
                                .anySatisfy(index -> assertThat(index).startsWith(columns.toArray(String[]::new)));
                    }
                }
                assertThat(foreignKeys).isEqualTo(20);
            }
        }

        @ForEachTestDatabase
        @DisplayName("every foreign key cascades deletes, except owners, which become null")
        void foreignKeysCascade(TestDatabase database) throws SQLException {
            DataSource dataSource = SCHEMAS.emptied(database);
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData metaData = connection.getMetaData();
                for (String table : Tables.ALL) {
                    for (var key : foreignKeysOf(connection, metaData, table).entrySet()) {
                        boolean owner = key.getValue().columns.getFirst().startsWith("owner_");
                        assertThat(key.getValue().deleteRule)
                                .as("delete rule of %s.%s", table, key.getKey())
                                .isEqualTo(owner ? DatabaseMetaData.importedKeySetNull
                                        : DatabaseMetaData.importedKeyCascade);
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("names")
    class Names {
        @ForEachTestDatabase
        @DisplayName("user names are unique ignoring case")
        void userNames(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));

            assertViolates("gatehouse_users_user_name_uq", () -> world.user("ALICE", null));
            assertThatCode(() -> world.user("Alice2", null)).doesNotThrowAnyException();
        }

        @ForEachTestDatabase
        @DisplayName("emails are unique ignoring case, and many users may have none")
        void emails(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));

            assertViolates("gatehouse_users_email_uq", () -> world.user("Carol", "Alice@Example.COM"));
            world.user("Dave", null);
            world.user("Erin", null);
            assertThat(world.sql.count("SELECT COUNT(*) FROM gatehouse_users WHERE email IS NULL")).isEqualTo(2);
        }

        @ForEachTestDatabase
        @DisplayName("lookups go through the lowercase columns")
        void lowercaseLookups(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));

            assertThat(world.sql.longs("SELECT id FROM gatehouse_users WHERE user_name_lower = LOWER(?)", "aLiCe"))
                    .containsExactly(world.alice);
            assertThat(world.sql.longs("SELECT id FROM gatehouse_users WHERE email_lower = LOWER(?)", "BOB@example.com"))
                    .containsExactly(world.bob);
            assertThat(world.sql.longs("SELECT id FROM gatehouse_groups WHERE name_lower = LOWER(?)", "STAFF"))
                    .containsExactly(world.staff);
        }

        @ForEachTestDatabase
        @DisplayName("group names are unique ignoring case")
        void groupNames(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));

            assertViolates("gatehouse_groups_name_uq", () -> world.group("sTaFf"));
        }
    }

    @Nested
    @DisplayName("permissions and roles")
    class PermissionNames {
        @ForEachTestDatabase
        @DisplayName("a permission must be lowercase or ALL")
        void lowercasePermissions(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            String alice = "user:" + world.alice;

            assertViolates("gatehouse_grants_permission_ck", () -> world.grant(alice, "View", world.root));
            assertViolates("gatehouse_grants_permission_ck", () -> world.grant(alice, "Manage", null));
            assertViolates("gatehouse_acl_entry_permissions_permission_ck",
                    () -> world.ace(world.root, 9, "ALLOW", alice, "View"));
            assertThatCode(() -> world.grant(alice, "change_order", world.root)).doesNotThrowAnyException();
            assertThatCode(() -> world.grant(alice, "ALL", world.root)).doesNotThrowAnyException();
        }

        @ForEachTestDatabase
        @DisplayName("a role name must be lowercase")
        void lowercaseRoles(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));

            assertViolates("gatehouse_role_assignments_role_ck", () -> world.role("user:" + world.alice, "Editor", null));
            assertViolates("gatehouse_role_assignments_role_ck", () -> world.role("user:" + world.alice, "ALL", null));
        }

        @ForEachTestDatabase
        @DisplayName("a resource type and a provider must be lowercase")
        void lowercaseTypesAndProviders(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));

            assertViolates("gatehouse_resources_type_ck", () -> world.resource("x", "Folder", null, 2, null, null));
            assertViolates("gatehouse_external_identities_provider_ck", () -> world.sql.update(
                    "INSERT INTO gatehouse_external_identities (provider, external_id, user_id) VALUES ('GitHub', 'x', ?)",
                    world.alice));
        }
    }

    @Nested
    @DisplayName("grants and role assignments")
    class Grants {
        @ForEachTestDatabase
        @DisplayName("the same global grant cannot be stored twice")
        void duplicateGlobalGrant(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            long carol = world.user("Carol", null);
            world.grant("user:" + carol, "view", null);

            assertViolates("gatehouse_grants_uq", () -> world.grant("user:" + carol, "view", null));
        }

        @ForEachTestDatabase
        @DisplayName("the same grant on a resource cannot be stored twice, but may coexist with the global one")
        void duplicateResourceGrant(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            long carol = world.user("Carol", null);
            world.grant("user:" + carol, "view", world.docs);

            assertViolates("gatehouse_grants_uq", () -> world.grant("user:" + carol, "view", world.docs));
            assertThatCode(() -> world.grant("user:" + carol, "view", null)).doesNotThrowAnyException();
            assertThatCode(() -> world.grant("user:" + carol, "view", world.root)).doesNotThrowAnyException();
        }

        @ForEachTestDatabase
        @DisplayName("the same role assignment cannot be stored twice, globally or on a resource")
        void duplicateRole(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            long carol = world.user("Carol", null);
            world.role("user:" + carol, "editor", null);
            world.role("user:" + carol, "editor", world.docs);

            assertViolates("gatehouse_role_assignments_uq", () -> world.role("user:" + carol, "editor", null));
            assertViolates("gatehouse_role_assignments_uq", () -> world.role("user:" + carol, "editor", world.docs));
        }

        @ForEachTestDatabase
        @DisplayName("the principal must name an existing user or group")
        void principalsAreForeignKeys(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            long missing = world.bob + world.alice + 1000;

            assertViolates("gatehouse_grants_user_fk", () -> world.grant("user:" + missing, "view", null));
            assertViolates("gatehouse_role_assignments_group_fk", () -> world.role("group:" + missing, "viewer", null));
            assertViolates("gatehouse_acl_entries_user_fk", () -> world.ace(world.root, 9, "ALLOW", "user:" + missing, "view"));
            assertViolates("gatehouse_grants_principal_ck", () -> world.grant("role:editor", "view", null));
            assertViolates("gatehouse_grants_principal_ck", () -> world.grant("user:007", "view", null));
            assertViolates("gatehouse_acl_entries_principal_ck", () -> world.ace(world.root, 9, "ALLOW", "system.everyone", "view"));
        }

        @ForEachTestDatabase
        @DisplayName("the user and group columns are derived from the principal")
        void derivedColumns(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            world.ace(world.root, 9, "ALLOW", "role:manager", "manage");

            var rows = world.sql.query("SELECT principal, user_id, group_id FROM gatehouse_acl_entries "
                    + "WHERE resource_id = ? AND position IN (2, 3, 6, 9) ORDER BY position", world.root);

            assertThat(rows).extracting(row -> row.get("principal")).containsExactly(
                    "user:" + world.bob, "group:" + world.staff, "system.Authenticated", "role:manager");
            assertThat(rows).extracting(row -> asLong(row.get("user_id"))).containsExactly(world.bob, null, null, null);
            assertThat(rows).extracting(row -> asLong(row.get("group_id"))).containsExactly(null, world.staff, null, null);
        }

        @ForEachTestDatabase
        @DisplayName("two explicit ACL entries of a resource cannot share a position")
        void aclPositions(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));

            assertViolates("gatehouse_acl_entries_position_uq", () -> world.ace(world.root, 1, "ALLOW", "system.Everyone", "view"));
            assertViolates("gatehouse_acl_entries_action_ck", () -> world.ace(world.root, 9, "allow", "system.Everyone", "view"));
        }
    }

    static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    record ForeignKey(List<String> columns, int deleteRule) {}

    /** @return the table's foreign keys by name, each with its columns in key order, lowercase */
    static Map<String, ForeignKey> foreignKeysOf(Connection connection, DatabaseMetaData metaData, String table)
            throws SQLException {
        var columns = new TreeMap<String, TreeMap<Integer, String>>();
        var rules = new TreeMap<String, Integer>();
        try (ResultSet keys = metaData.getImportedKeys(connection.getCatalog(), connection.getSchema(),
                identifier(metaData, table))) {
            while (keys.next()) {
                String name = keys.getString("FK_NAME").toLowerCase(Locale.ROOT);
                columns.computeIfAbsent(name, n -> new TreeMap<>())
                        .put(keys.getInt("KEY_SEQ"), keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                rules.put(name, keys.getInt("DELETE_RULE"));
            }
        }
        var result = new TreeMap<String, ForeignKey>();
        columns.forEach((name, byPosition) ->
                result.put(name, new ForeignKey(List.copyOf(byPosition.values()), rules.get(name))));
        return result;
    }

    /** @return the table's indexes (the primary key's included) by name, each as its columns in order, lowercase */
    static Map<String, List<String>> indexesOf(Connection connection, DatabaseMetaData metaData, String table)
            throws SQLException {
        var columns = new TreeMap<String, TreeMap<Integer, String>>();
        try (ResultSet indexes = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(),
                identifier(metaData, table), false, false)) {
            while (indexes.next()) {
                String name = indexes.getString("INDEX_NAME");
                String column = indexes.getString("COLUMN_NAME");
                if (indexes.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic || name == null || column == null) {
                    continue;
                }
                columns.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new TreeMap<>())
                        .put((int) indexes.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
            }
        }
        var result = new TreeMap<String, List<String>>();
        columns.forEach((name, byPosition) -> result.put(name, new ArrayList<>(byPosition.values())));
        return result;
    }

    private static String identifier(DatabaseMetaData metaData, String name) throws SQLException {
        return metaData.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
