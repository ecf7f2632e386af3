package dev.gatehouse.schema;

import static dev.gatehouse.schema.Sql.flat;
import static dev.gatehouse.schema.Sql.marks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tck.database.ForEachTestDatabase;
import dev.gatehouse.tck.database.PreparedDatabases;
import dev.gatehouse.tck.database.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The two query shapes the SPI needs in one statement each (AccessQueries.accessFacts and CandidateQuery), written
 * against the schema in portable SQL, to prove the tables and indexes support them on every database. The principal
 * sets are bound as a short list of keys (system principals, the user, its global roles) while the user's groups are
 * joined through the memberships table on the derived group_id column.
 */
@DisplayName("One statement answers")
class OneStatementQueriesTest {
    private static final PreparedDatabases SCHEMAS =
            new PreparedDatabases(OneStatementQueriesTest.class, Migrations::migrate, Migrations::deleteAllRows);

    @AfterAll
    static void dropSchemas() {
        SCHEMAS.close();
    }

    /** Matches a row of {@code alias} whose principal is one of the listed keys or a group of the user. */
    static String principalIn(String alias, int keys) {
        return "(" + alias + ".principal IN (" + marks(keys) + ") OR " + alias + ".group_id IN "
                + "(SELECT m.group_id FROM gatehouse_memberships m WHERE m.user_id = ?))";
    }

    /**
     * The facts of a check: the lineage of one resource (nearest first) with its owners, and, for the principals
     * asked about, its explicit ACL entries in order, its grants and role assignments, and the global grants.
     */
    static String accessFacts(int keys) {
        return """
                SELECT 'node' AS fact, a.depth AS depth, n.id AS node_id, n.type AS node_type, n.inherit AS inherit,
                       n.owner_user_id AS owner_user_id, n.owner_group_id AS owner_group_id,
                       NULL AS principal, NULL AS name, NULL AS action, 0 AS position
                  FROM gatehouse_resource_ancestors a
                  JOIN gatehouse_resources n ON n.id = a.ancestor_id
                 WHERE a.descendant_id = ?
                UNION ALL
                SELECT 'ace', a.depth, e.resource_id, NULL, NULL, NULL, NULL, e.principal, p.permission, e.action, e.position
                  FROM gatehouse_resource_ancestors a
                  JOIN gatehouse_acl_entries e ON e.resource_id = a.ancestor_id
                  JOIN gatehouse_acl_entry_permissions p ON p.entry_id = e.id
                 WHERE a.descendant_id = ? AND %1$s
                UNION ALL
                SELECT 'grant', a.depth, g.resource_id, NULL, NULL, NULL, NULL, g.principal, g.permission, NULL, 0
                  FROM gatehouse_resource_ancestors a
                  JOIN gatehouse_grants g ON g.resource_id = a.ancestor_id
                 WHERE a.descendant_id = ? AND %2$s
                UNION ALL
                SELECT 'role', a.depth, x.resource_id, NULL, NULL, NULL, NULL, x.principal, x.role_name, NULL, 0
                  FROM gatehouse_resource_ancestors a
                  JOIN gatehouse_role_assignments x ON x.resource_id = a.ancestor_id
                 WHERE a.descendant_id = ? AND %3$s
                UNION ALL
                SELECT 'global', -1, NULL, NULL, NULL, NULL, NULL, g.principal, g.permission, NULL, 0
                  FROM gatehouse_grants g
                 WHERE g.resource_id IS NULL AND %2$s
                 ORDER BY depth, fact, position
                """.formatted(principalIn("e", keys), principalIn("g", keys), principalIn("x", keys));
    }

    /**
     * Candidates for a listing: every resource if a global grant allows, else the descendants (closure, ancestor
     * side) of every node where a grant, a role assignment, an explicit Allow entry or ownership could allow.
     */
    static String candidateQuery(int keys, int roles) {
        return """
                SELECT r.id FROM gatehouse_resources r
                 WHERE r.id > ?
                   AND (EXISTS (SELECT 1 FROM gatehouse_grants g
                                 WHERE g.resource_id IS NULL AND g.permission IN (?, 'ALL') AND %1$s)
                        OR r.id IN (
                           SELECT a.descendant_id FROM gatehouse_resource_ancestors a
                            WHERE a.ancestor_id IN (
                                  SELECT g.resource_id FROM gatehouse_grants g
                                   WHERE g.resource_id IS NOT NULL AND g.permission IN (?, 'ALL') AND %1$s
                                  UNION ALL
                                  SELECT x.resource_id FROM gatehouse_role_assignments x
                                   WHERE x.resource_id IS NOT NULL AND x.role_name IN (%2$s) AND %3$s
                                  UNION ALL
                                  SELECT e.resource_id FROM gatehouse_acl_entries e
                                    JOIN gatehouse_acl_entry_permissions p ON p.entry_id = e.id
                                   WHERE e.action = 'ALLOW' AND p.permission IN (?, 'ALL') AND %4$s
                                  UNION ALL
                                  SELECT o.id FROM gatehouse_resources o
                                   WHERE o.owner_user_id = ?
                                      OR o.owner_group_id IN (SELECT m.group_id FROM gatehouse_memberships m
                                                               WHERE m.user_id = ?))))
                 ORDER BY r.id
                 LIMIT ?
                """.formatted(principalIn("g", keys), marks(roles), principalIn("x", keys), principalIn("e", keys));
    }

    @Nested
    @DisplayName("the facts of a check")
    class AccessFacts {
        @ForEachTestDatabase
        @DisplayName("reads a resource's lineage with owners, ordered ACL entries, grants and roles, and the global "
                + "grants, for the subject's principals only")
        void lineageFacts(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            List<String> keys = List.of("system.Everyone", "system.Authenticated", "user:" + world.alice,
                    "role:viewer", "role:authenticated");
            var names = new Names(world);

            var rows = world.sql.query(accessFacts(keys.size()),
                    flat(world.report,
                            world.report, keys, world.alice,
                            world.report, keys, world.alice,
                            world.report, keys, world.alice,
                            keys, world.alice));

            var expected = new ArrayList<String>();
            expected.add("0 node report document owners=-,- inherit");
            expected.add("1 node docs folder owners=bob,- inherit");
            expected.add("2 node root folder owners=alice,staff inherit");
            for (int depth = 0; depth <= 2; depth++) {
                for (String ace : List.of("1 DENY alice delete", "1 DENY alice edit", "3 ALLOW staff view",
                        "4 ALLOW guests view", "6 ALLOW system.Authenticated view", "7 DENY system.Everyone ALL")) {
                    expected.add(depth + " ace " + ace);
                }
                for (String fact : List.of("grant alice view", "grant staff edit", "grant guests edit",
                        "role alice editor", "role staff viewer", "role guests viewer")) {
                    expected.add(depth + " " + fact);
                }
            }
            expected.addAll(List.of("-1 global alice ALL", "-1 global staff list", "-1 global guests list"));
            assertThat(rows).extracting(names::describe).containsExactlyInAnyOrderElementsOf(expected);

            var aces = rows.stream().filter(row -> row.get("fact").equals("ace")).toList();
            assertThat(aces)
                    .as("ACL entries nearest first, each node's in position order")
                    .isSortedAccordingTo((a, b) -> a.get("depth").equals(b.get("depth"))
                            ? Long.compare(number(a.get("position")), number(b.get("position")))
                            : Long.compare(number(a.get("depth")), number(b.get("depth"))));
        }
    }

    @Nested
    @DisplayName("the candidates of a listing")
    class Candidates {
        @ForEachTestDatabase
        @DisplayName("finds the subtrees under grants, roles, Allow entries and ownership, keyset-paginated")
        void candidateSubtrees(TestDatabase database) throws SQLException {
            var world = new World(SCHEMAS.emptied(database));
            long carol = world.user("Carol", null);
            long elsewhere = world.resource("elsewhere", "folder", null, 2, null, null);
            long inside = world.resource("inside", "document", elsewhere, 1, null, null);
            long owned = world.resource("owned", "folder", null, 3, carol, null);
            List<String> carolKeys = List.of("system.Everyone", "system.Authenticated", "user:" + carol);

            assertThat(candidatesOf(world, carol, carolKeys, "comment", 0, 100)).containsExactly(owned);

            world.grant("user:" + carol, "comment", world.docs);
            assertThat(candidatesOf(world, carol, carolKeys, "comment", 0, 100))
                    .containsExactly(world.docs, world.report, owned);

            world.role("user:" + carol, "reviewer", elsewhere);
            assertThat(candidatesOf(world, carol, carolKeys, "comment", 0, 100))
                    .containsExactly(world.docs, world.report, elsewhere, inside, owned);

            world.member(world.guests, carol);
            assertThat(candidatesOf(world, carol, carolKeys, "view", 0, 100))
                    .as("guests may view the whole first tree through an Allow entry on its root")
                    .contains(world.root, world.docs, world.report);

            assertThat(candidatesOf(world, carol, carolKeys, "comment", world.docs, 2))
                    .containsExactly(world.report, elsewhere);

            assertThat(candidatesOf(world, world.alice, List.of("system.Everyone", "system.Authenticated",
                    "user:" + world.alice), "anything", 0, 100))
                    .as("a global ALL grant makes every resource a candidate")
                    .containsExactly(world.root, world.docs, world.report, elsewhere, inside, owned);
        }

        private List<Long> candidatesOf(World world, long user, List<String> keys, String permission, long afterId,
                int limit) throws SQLException {
            List<String> rolesGranting = List.of("reviewer", "manager");
            return world.sql.longs(candidateQuery(keys.size(), rolesGranting.size()),
                    flat(afterId,
                            permission, keys, user,
                            permission, keys, user,
                            rolesGranting, keys, user,
                            permission, keys, user,
                            user, user,
                            limit));
        }
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    /** Turns ids and principal keys back into the world's names, to describe rows readably. */
    record Names(Map<Object, String> byKey) {
        Names(World world) {
            this(Map.of(
                    world.root, "root", world.docs, "docs", world.report, "report",
                    "user:" + world.alice, "alice", "user:" + world.bob, "bob",
                    "group:" + world.staff, "staff", "group:" + world.guests, "guests",
                    "owner-user:" + world.alice, "alice", "owner-user:" + world.bob, "bob",
                    "owner-group:" + world.staff, "staff"));
        }

        String name(Object key) {
            return byKey.getOrDefault(key, String.valueOf(key));
        }

        String describe(Map<String, Object> row) {
            long depth = number(row.get("depth"));
            String fact = (String) row.get("fact");
            return switch (fact) {
                case "node" -> depth + " node " + name(number(row.get("node_id"))) + " " + row.get("node_type")
                        + " owners=" + owner("owner-user:", row.get("owner_user_id")) + ","
                        + owner("owner-group:", row.get("owner_group_id"))
                        + (truthy(row.get("inherit")) ? " inherit" : " no-inherit");
                case "ace" -> depth + " ace " + number(row.get("position")) + " " + row.get("action") + " "
                        + name(row.get("principal")) + " " + row.get("name");
                default -> depth + " " + fact + " " + name(row.get("principal")) + " " + row.get("name");
            };
        }

        private String owner(String prefix, Object id) {
            return id == null ? "-" : name(prefix + number(id));
        }
    }
}
