package dev.gatehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tck.database.ForEachTestDatabase;
import dev.gatehouse.tck.database.PreparedDatabases;
import dev.gatehouse.tck.database.TestDatabase;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/** The closure-table maintenance the README recommends, run on every database. */
@DisplayName("The closure table")
class ClosureTest {
    private static final PreparedDatabases SCHEMAS =
            new PreparedDatabases(ClosureTest.class, Migrations::migrate, Migrations::deleteAllRows);

    /** Cuts the subtree of the first argument from its ancestors; portable to MariaDB and MySQL. */
    static final String CUT = """
            DELETE FROM gatehouse_resource_ancestors
             WHERE descendant_id IN (SELECT s.id FROM (SELECT DISTINCT descendant_id AS id
                                                         FROM gatehouse_resource_ancestors WHERE ancestor_id = ?) s)
               AND ancestor_id NOT IN (SELECT s.id FROM (SELECT DISTINCT descendant_id AS id
                                                           FROM gatehouse_resource_ancestors WHERE ancestor_id = ?) s)
            """;

    /** Links the subtree of the second argument under the first. */
    static final String LINK = """
            INSERT INTO gatehouse_resource_ancestors (descendant_id, ancestor_id, depth)
            SELECT sub.descendant_id, sup.ancestor_id, sup.depth + sub.depth + 1
              FROM gatehouse_resource_ancestors sup, gatehouse_resource_ancestors sub
             WHERE sup.descendant_id = ? AND sub.ancestor_id = ?
            """;

    @AfterAll
    static void dropSchemas() {
        SCHEMAS.close();
    }

    /** Asserts that the closure holds exactly each resource's chain of parents, at the right depths. */
    static void assertClosureMatchesParents(Sql sql) throws SQLException {
        Map<Long, Long> parents = new HashMap<>();
        for (var row : sql.query("SELECT id, parent_id FROM gatehouse_resources")) {
            parents.put(ConstraintsTest.asLong(row.get("id")), ConstraintsTest.asLong(row.get("parent_id")));
        }
        Set<String> expected = new HashSet<>();
        for (Long id : parents.keySet()) {
            int depth = 0;
            for (Long node = id; node != null; node = parents.get(node)) {
                expected.add(id + " < " + node + " @ " + depth++);
            }
        }
        Set<String> actual = new HashSet<>();
        for (var row : sql.query("SELECT descendant_id, ancestor_id, depth FROM gatehouse_resource_ancestors")) {
            actual.add(OneStatementQueriesTest.number(row.get("descendant_id")) + " < "
                    + OneStatementQueriesTest.number(row.get("ancestor_id")) + " @ "
                    + OneStatementQueriesTest.number(row.get("depth")));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Nested
    @DisplayName("when a subtree moves")
    class Moves {
        @ForEachTestDatabase
        @DisplayName("is rewritten in two statements, whatever the subtree's size")
        void moveInTwoStatements(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            var sql = world.sql;
            long other = world.resource("other", "folder", null, 2, null, null);
            long deeper = world.resource("deeper", "folder", other, 1, null, null);
            long below = world.resource("below", "document", world.report, 1, null, null);
            assertClosureMatchesParents(sql);

            // move docs (with report and below) under deeper
            sql.transaction(() -> {
                sql.update(CUT, world.docs, world.docs);
                sql.update(LINK, deeper, world.docs);
                sql.update("UPDATE gatehouse_resources SET parent_id = ?, ordering = 1 WHERE id = ?", deeper, world.docs);
            });

            assertClosureMatchesParents(sql);
            assertThat(sql.longs("SELECT ancestor_id FROM gatehouse_resource_ancestors WHERE descendant_id = ? "
                    + "ORDER BY depth", below)).containsExactly(below, world.report, world.docs, deeper, other);
        }
    }
}
