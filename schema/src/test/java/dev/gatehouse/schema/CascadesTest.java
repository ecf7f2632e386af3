package dev.gatehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tck.database.ForEachTestDatabase;
import dev.gatehouse.tck.database.PreparedDatabases;
import dev.gatehouse.tck.database.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

@DisplayName("Deleting with plain SQL")
class CascadesTest {
    private static final PreparedDatabases SCHEMAS =
            new PreparedDatabases(CascadesTest.class, Migrations::migrate, Migrations::deleteAllRows);

    /** The tables whose rows name a principal. */
    private static final List<String> PRINCIPAL_TABLES =
            List.of(Tables.GRANTS, Tables.ROLE_ASSIGNMENTS, Tables.ACL_ENTRIES);

    @AfterAll
    static void dropSchemas() {
        SCHEMAS.close();
    }

    /** Asserts that no ACL entry permission, closure row or other dependent row lost its parent. */
    static void assertNoOrphans(World world) throws SQLException {
        var sql = world.sql;
        assertThat(sql.count("SELECT COUNT(*) FROM gatehouse_acl_entry_permissions p "
                + "WHERE NOT EXISTS (SELECT 1 FROM gatehouse_acl_entries e WHERE e.id = p.entry_id)")).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM gatehouse_resource_ancestors a "
                + "WHERE NOT EXISTS (SELECT 1 FROM gatehouse_resources r WHERE r.id = a.ancestor_id) "
                + "OR NOT EXISTS (SELECT 1 FROM gatehouse_resources r WHERE r.id = a.descendant_id)")).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM gatehouse_resources r WHERE r.parent_id IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM gatehouse_resources p WHERE p.id = r.parent_id)")).isZero();
        for (String table : PRINCIPAL_TABLES) {
            assertThat(sql.count("SELECT COUNT(*) FROM " + table + " t WHERE "
                    + "(t.principal LIKE 'user:%' AND NOT EXISTS (SELECT 1 FROM gatehouse_users u WHERE u.id = t.user_id)) "
                    + "OR (t.principal LIKE 'group:%' AND NOT EXISTS (SELECT 1 FROM gatehouse_groups g WHERE g.id = t.group_id))"))
                    .as("rows of %s naming a missing user or group", table)
                    .isZero();
        }
    }

    @Nested
    @DisplayName("a user")
    class AUser {
        @ForEachTestDatabase
        @DisplayName("removes its attributes, code, identities, memberships, grants, roles and ACL entries, "
                + "and clears its ownerships")
        void removesEverythingOfTheUser(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            var sql = world.sql;
            String alice = "user:" + world.alice;

            assertThat(sql.update("DELETE FROM gatehouse_users WHERE id = ?", world.alice)).isEqualTo(1);

            for (String table : List.of(Tables.USER_ATTRIBUTES, Tables.SECURITY_CODES, Tables.EXTERNAL_IDENTITIES,
                    Tables.MEMBERSHIPS)) {
                assertThat(sql.count("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?", world.alice))
                        .as("rows of %s for the deleted user", table).isZero();
                assertThat(sql.count("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?", world.bob))
                        .as("rows of %s for the other user", table).isPositive();
            }
            for (String table : PRINCIPAL_TABLES) {
                assertThat(sql.count("SELECT COUNT(*) FROM " + table + " WHERE principal = ?", alice))
                        .as("rows of %s naming the deleted user", table).isZero();
                assertThat(sql.count("SELECT COUNT(*) FROM " + table + " WHERE principal = ?", "user:" + world.bob))
                        .as("rows of %s naming the other user", table).isPositive();
            }
            assertThat(sql.count("SELECT COUNT(*) FROM gatehouse_resources WHERE owner_user_id = ?", world.alice)).isZero();
            assertThat(sql.query("SELECT owner_user_id, owner_group_id FROM gatehouse_resources WHERE id = ?", world.root))
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(row.get("owner_user_id")).isNull();
                        assertThat(ConstraintsTest.asLong(row.get("owner_group_id"))).isEqualTo(world.staff);
                    });
            assertThat(world.rows(Tables.RESOURCES)).isEqualTo(3);
            // the DENY entry at position 1 went with its permissions; the others stay in order
            assertThat(sql.longs("SELECT position FROM gatehouse_acl_entries WHERE resource_id = ? ORDER BY position",
                    world.docs)).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
            assertNoOrphans(world);
        }
    }

    @Nested
    @DisplayName("a group")
    class AGroup {
        @ForEachTestDatabase
        @DisplayName("removes its memberships, grants, roles and ACL entries, and clears its ownerships")
        void removesEverythingOfTheGroup(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            var sql = world.sql;
            String staff = "group:" + world.staff;

            assertThat(sql.update("DELETE FROM gatehouse_groups WHERE id = ?", world.staff)).isEqualTo(1);

            assertThat(sql.count("SELECT COUNT(*) FROM gatehouse_memberships WHERE group_id = ?", world.staff)).isZero();
            assertThat(sql.count("SELECT COUNT(*) FROM gatehouse_memberships WHERE group_id = ?", world.guests)).isOne();
            for (String table : PRINCIPAL_TABLES) {
                assertThat(sql.count("SELECT COUNT(*) FROM " + table + " WHERE principal = ?", staff))
                        .as("rows of %s naming the deleted group", table).isZero();
                assertThat(sql.count("SELECT COUNT(*) FROM " + table + " WHERE principal = ?", "group:" + world.guests))
                        .as("rows of %s naming the other group", table).isPositive();
            }
            assertThat(sql.query("SELECT owner_user_id, owner_group_id FROM gatehouse_resources WHERE id = ?", world.root))
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(ConstraintsTest.asLong(row.get("owner_user_id"))).isEqualTo(world.alice);
                        assertThat(row.get("owner_group_id")).isNull();
                    });
            assertThat(world.rows(Tables.USERS)).isEqualTo(2);
            assertNoOrphans(world);
        }
    }

    @Nested
    @DisplayName("a resource")
    class AResource {
        @ForEachTestDatabase
        @DisplayName("removes its subtree with the subtree's closure rows, grants, roles and ACL entries")
        void removesTheSubtree(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            var sql = world.sql;
            long grantsOnRoot = sql.count("SELECT COUNT(*) FROM gatehouse_grants WHERE resource_id = ?", world.root);
            long globalGrants = sql.count("SELECT COUNT(*) FROM gatehouse_grants WHERE resource_id IS NULL");

            assertThat(sql.update("DELETE FROM gatehouse_resources WHERE id = ?", world.docs)).isEqualTo(1);

            assertThat(sql.longs("SELECT id FROM gatehouse_resources ORDER BY id")).containsExactly(world.root);
            assertThat(sql.query("SELECT descendant_id, ancestor_id, depth FROM gatehouse_resource_ancestors"))
                    .hasSize(1);
            for (String table : PRINCIPAL_TABLES) {
                assertThat(sql.count("SELECT COUNT(*) FROM " + table + " WHERE resource_id IN (?, ?)",
                        world.docs, world.report)).as("rows of %s on the deleted subtree", table).isZero();
                assertThat(sql.count("SELECT COUNT(*) FROM " + table + " WHERE resource_id = ?", world.root))
                        .as("rows of %s on the remaining root", table).isPositive();
            }
            assertThat(sql.count("SELECT COUNT(*) FROM gatehouse_grants WHERE resource_id = ?", world.root))
                    .isEqualTo(grantsOnRoot);
            assertThat(sql.count("SELECT COUNT(*) FROM gatehouse_grants WHERE resource_id IS NULL"))
                    .isEqualTo(globalGrants);
            assertThat(world.rows(Tables.USERS)).isEqualTo(2);
            assertThat(world.rows(Tables.GROUPS)).isEqualTo(2);
            assertNoOrphans(world);
        }

        @ForEachTestDatabase
        @DisplayName("removes a branch deeper than MariaDB's cascade limit in two statements: detach, then delete")
        void removesADeepBranch(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            var sql = world.sql;
            long top = world.resource("deep", "folder", null, 2, null, null);
            long node = top;
            for (int depth = 1; depth <= 40; depth++) {
                node = world.resource("level " + depth, "folder", node, 1, null, null);
                world.grant("user:" + world.bob, "view", node);
            }

            // InnoDB cascades through at most 15 levels of parent_id: detaching the branch first keeps every
            // cascade one level deep. InnoDB's subqueries in a DELETE also see the closure rows its cascades remove,
            // so the ids go through a DISTINCT derived table, which MariaDB and MySQL materialise first.
            sql.transaction(() -> {
                sql.update("UPDATE gatehouse_resources SET parent_id = NULL WHERE id IN (SELECT descendant_id "
                        + "FROM gatehouse_resource_ancestors WHERE ancestor_id = ? AND depth > 0)", top);
                sql.update("DELETE FROM gatehouse_resources WHERE id IN (SELECT branch.id FROM (SELECT DISTINCT "
                        + "descendant_id AS id FROM gatehouse_resource_ancestors WHERE ancestor_id = ?) branch)", top);
            });

            assertThat(sql.longs("SELECT id FROM gatehouse_resources ORDER BY id"))
                    .containsExactly(world.root, world.docs, world.report);
            assertThat(world.rows(Tables.RESOURCE_ANCESTORS)).isEqualTo(6);
            assertNoOrphans(world);
        }
    }
}
