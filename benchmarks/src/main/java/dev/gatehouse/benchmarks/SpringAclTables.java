package dev.gatehouse.benchmarks;

import dev.gatehouse.schema.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import javax.sql.DataSource;

/**
 * Spring Security ACL's own tables ({@code acl_sid}, {@code acl_class}, {@code acl_object_identity},
 * {@code acl_entry}) in the benchmark's database, next to Gatehouse's, filled with the same facts:
 * <ul>
 *   <li>the DDL is Spring's documented one, read from the spring-security-acl jar: {@code createAclSchemaPostgres.sql}
 *       on PostgreSQL and {@code createAclSchemaWithAclClassIdType.sql} (HSQLDB syntax, which H2 accepts) on H2; both
 *       keep object identities as strings typed by {@code acl_class.class_id_type}. We add one index Spring's DDL
 *       lacks, on {@code acl_object_identity(parent_object)}: {@code JdbcMutableAclService} looks children up by it
 *       after every update, and without it each lookup is a full scan;</li>
 *   <li>a sid per user ({@code user:7}, a principal) and per group ({@code group:3}, an authority), plus one owner
 *       sid that owns every object identity (Spring needs an owner; it decides nothing);</li>
 *   <li>an object identity per resource, with the same id, its parent, entries inheriting;</li>
 *   <li>the ACEs of each resource: its Deny entries first (not granting), then its grants (granting), with the masks
 *       of {@link #maskOf(int)}.</li>
 * </ul>
 * Like {@link GatehouseTablesLoader}, it writes the tables with JDBC batches, not through the library.
 */
final class SpringAclTables {
    /** The object identity type of every resource. */
    static final String RESOURCE_CLASS = "dev.gatehouse.model.Resource";
    private static final String PARENT_INDEX =
            "CREATE INDEX acl_object_identity_parent_ix ON acl_object_identity (parent_object)";

    private final World world;

    SpringAclTables(World world) {
        this.world = world;
    }

    /** @return Spring's sid id of a user */
    static long sidOfUser(int user) {
        return user;
    }

    /** @return Spring's sid id of a group */
    long sidOfGroup(int group) {
        return (long) world.userCount() + group;
    }

    long ownerSid() {
        return (long) world.userCount() + world.groupCount() + 1;
    }

    /**
     * @return the {@code BasePermission} mask of a {@link World#PERMISSIONS} code: view READ (1), edit WRITE (2), add
     *     CREATE (4), delete DELETE (8), manage ADMINISTRATION (16)
     */
    static int maskOf(int permission) {
        return switch (World.PERMISSIONS.get(permission)) {
            case "view" -> 1;
            case "edit" -> 2;
            case "add" -> 4;
            case "delete" -> 8;
            case "manage" -> 16;
            default -> throw new IllegalArgumentException("no mask for permission code " + permission);
        };
    }

    void createAndLoad(DataSource dataSource, Dialect dialect) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                for (String ddl : springDdl(dialect)) {
                    statement.execute(ddl);
                }
                statement.execute(PARENT_INDEX);
            }
            connection.setAutoCommit(false);
            insertSids(connection);
            insertClass(connection);
            insertObjectIdentities(connection);
            insertEntries(connection);
            restartIdentities(connection, dialect);
            connection.commit();
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute(dialect == Dialect.POSTGRESQL ? "VACUUM ANALYZE" : "ANALYZE");
            }
        }
    }

    private static List<String> springDdl(Dialect dialect) {
        String resource = switch (dialect) {
            case POSTGRESQL -> "/createAclSchemaPostgres.sql";
            case H2 -> "/createAclSchemaWithAclClassIdType.sql";
            default -> throw new IllegalArgumentException("no Spring ACL DDL for " + dialect);
        };
        try (InputStream in = SpringAclTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not in the spring-security-acl jar");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String withoutComments = script.lines()
                    .filter(line -> !line.strip().startsWith("--"))
                    .reduce("", (text, line) -> text + line + "\n");
            return Arrays.stream(withoutComments.split(";"))
                    .map(String::strip)
                    .filter(statement -> !statement.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void insertSids(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO acl_sid (id, principal, sid) VALUES (?, ?, ?)")) {
            var batch = new GatehouseTablesLoader.Batch(connection, insert);
            for (int user = 1; user <= world.userCount(); user++) {
                insert.setLong(1, sidOfUser(user));
                insert.setBoolean(2, true);
                insert.setString(3, World.principalKey(user));
                batch.add();
            }
            for (int group = 1; group <= world.groupCount(); group++) {
                insert.setLong(1, sidOfGroup(group));
                insert.setBoolean(2, false);
                insert.setString(3, World.principalKey(-group));
                batch.add();
            }
            insert.setLong(1, ownerSid());
            insert.setBoolean(2, true);
            insert.setString(3, "benchmark-owner");
            batch.add();
            batch.finish();
        }
    }

    private static void insertClass(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement(
                "INSERT INTO acl_class (id, class, class_id_type) VALUES (1, ?, ?)")) {
            insert.setString(1, RESOURCE_CLASS);
            insert.setString(2, Long.class.getName());
            insert.executeUpdate();
        }
    }

    private void insertObjectIdentities(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO acl_object_identity "
                + "(id, object_id_class, object_id_identity, parent_object, owner_sid, entries_inheriting) "
                + "VALUES (?, 1, ?, ?, ?, TRUE)")) {
            var batch = new GatehouseTablesLoader.Batch(connection, insert);
            for (int resource = 1; resource <= world.resourceCount(); resource++) {
                insert.setLong(1, resource);
                insert.setString(2, Integer.toString(resource));
                int parent = world.parentOf(resource);
                if (parent == 0) {
                    insert.setNull(3, Types.BIGINT);
                } else {
                    insert.setLong(3, parent);
                }
                insert.setLong(4, ownerSid());
                batch.add();
            }
            batch.finish();
        }
    }

    /** Per resource, in ACE order: its Deny entries, then its grants. */
    private void insertEntries(Connection connection) throws SQLException {
        int[] denies = indexByResource(world.denyCount(), world::denyResource);
        int[] denyStart = startsByResource(world.denyCount(), world::denyResource);
        int[] grants = indexByResource(world.grantCount(), world::grantResource);
        int[] grantStart = startsByResource(world.grantCount(), world::grantResource);
        try (var insert = connection.prepareStatement("INSERT INTO acl_entry (acl_object_identity, ace_order, sid, "
                + "mask, granting, audit_success, audit_failure) VALUES (?, ?, ?, ?, ?, FALSE, FALSE)")) {
            var batch = new GatehouseTablesLoader.Batch(connection, insert);
            for (int resource = 1; resource <= world.resourceCount(); resource++) {
                int order = 0;
                for (int i = denyStart[resource]; i < denyStart[resource + 1]; i++) {
                    insert.setLong(1, resource);
                    insert.setInt(2, order++);
                    insert.setLong(3, sidOfUser(world.denyUser(denies[i])));
                    insert.setInt(4, maskOf(World.EDIT));
                    insert.setBoolean(5, false);
                    batch.add();
                }
                for (int i = grantStart[resource]; i < grantStart[resource + 1]; i++) {
                    int grant = grants[i];
                    int principal = world.grantPrincipal(grant);
                    insert.setLong(1, resource);
                    insert.setInt(2, order++);
                    insert.setLong(3, principal > 0 ? sidOfUser(principal) : sidOfGroup(-principal));
                    insert.setInt(4, maskOf(world.grantPermission(grant)));
                    insert.setBoolean(5, true);
                    batch.add();
                }
            }
            batch.finish();
        }
    }

    /** @return the indexes 0..count-1 sorted by resource (a counting sort, stable) */
    private int[] indexByResource(int count, IntUnaryOperator resourceOf) {
        int[] next = startsByResource(count, resourceOf);
        int[] sorted = new int[count];
        for (int i = 0; i < count; i++) {
            sorted[next[resourceOf.applyAsInt(i)]++] = i;
        }
        return sorted;
    }

    /** @return for each resource, where its items start in the sorted order; one extra slot ends the last */
    private int[] startsByResource(int count, IntUnaryOperator resourceOf) {
        int[] starts = new int[world.resourceCount() + 2];
        for (int i = 0; i < count; i++) {
            starts[resourceOf.applyAsInt(i) + 1]++;
        }
        for (int resource = 1; resource < starts.length; resource++) {
            starts[resource] += starts[resource - 1];
        }
        return starts;
    }

    private static void restartIdentities(Connection connection, Dialect dialect) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (String table : List.of("acl_sid", "acl_class", "acl_object_identity", "acl_entry")) {
                if (dialect == Dialect.POSTGRESQL) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "(SELECT COALESCE(MAX(id), 0) + 1 FROM " + table + "), false)");
                } else {
                    long next;
                    try (var result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
                        result.next();
                        next = result.getLong(1);
                    }
                    statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
                }
            }
        }
    }
}
