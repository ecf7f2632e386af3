package dev.gatehouse.benchmarks;

import dev.gatehouse.schema.Dialect;
import dev.gatehouse.schema.Migrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes a {@link World} straight into the Gatehouse tables with plain JDBC batch inserts, closure rows included.
 *
 * <p><b>This bypasses Gatehouse on purpose.</b> Creating a million resources through the façade would take hours;
 * the benchmarks measure questions, not loading. The loader runs after {@link Migrations#migrate} and writes the
 * schema as {@code schema/README.md} documents it: explicit ids in the identity columns (restarted past the largest
 * afterwards), principals as their keys ({@code user:7}, {@code group:3}), one closure row per (ancestor,
 * descendant) pair including each resource with itself at depth 0, and never the generated columns
 * ({@code user_name_lower}, {@code user_id}, {@code group_id}, {@code resource_key}, …). Applications create their
 * data through Gatehouse, never like this.
 */
final class GatehouseTablesLoader {
    private static final int BATCH = 5_000;
    private static final OffsetDateTime REGISTERED_AT = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final World world;
    private final String signInPasswordHash;

    /**
     * @param world what to write
     * @param signInPasswordHash the stored hash of the sign-in user's password (the only user with one)
     */
    GatehouseTablesLoader(World world, String signInPasswordHash) {
        this.world = world;
        this.signInPasswordHash = signInPasswordHash;
    }

    /** Migrates the schema, fills it, restarts the identities and updates the planner's statistics. */
    void load(DataSource dataSource, Dialect dialect) throws SQLException {
        Migrations.migrate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insertUsers(connection);
            insertGroups(connection);
            insertMemberships(connection);
            insertResources(connection);
            insertClosure(connection);
            insertGrants(connection);
            insertDenyEntries(connection);
            try (var statement = connection.createStatement()) {
                for (var table : List.of("gatehouse_users", "gatehouse_groups", "gatehouse_resources",
                        "gatehouse_acl_entries")) {
                    long next = maxId(connection, table) + 1;
                    statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute(dialect == Dialect.POSTGRESQL ? "VACUUM ANALYZE" : "ANALYZE");
            }
        }
    }

    private void insertUsers(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO gatehouse_users "
                + "(id, user_name, password_hash, status, registered_at) VALUES (?, ?, ?, 'ACTIVE', ?)")) {
            var batch = new Batch(connection, insert);
            int signIn = world.landmarks().signInUser();
            for (int user = 1; user <= world.userCount(); user++) {
                insert.setLong(1, user);
                insert.setString(2, world.userName(user));
                insert.setString(3, user == signIn ? signInPasswordHash : null);
                insert.setObject(4, REGISTERED_AT);
                batch.add();
            }
            batch.finish();
        }
    }

    private void insertGroups(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO gatehouse_groups (id, name) VALUES (?, ?)")) {
            var batch = new Batch(connection, insert);
            for (int group = 1; group <= world.groupCount(); group++) {
                insert.setLong(1, group);
                insert.setString(2, world.groupName(group));
                batch.add();
            }
            batch.finish();
        }
    }

    private void insertMemberships(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement(
                "INSERT INTO gatehouse_memberships (group_id, user_id) VALUES (?, ?)")) {
            var batch = new Batch(connection, insert);
            for (int i = 0; i < world.membershipCount(); i++) {
                insert.setLong(1, world.membershipGroup(i));
                insert.setLong(2, world.membershipUser(i));
                batch.add();
            }
            batch.finish();
        }
    }

    private void insertResources(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO gatehouse_resources "
                + "(id, name, type, parent_id, ordering, inherit) VALUES (?, ?, ?, ?, ?, TRUE)")) {
            var batch = new Batch(connection, insert);
            for (int resource = 1; resource <= world.resourceCount(); resource++) {
                insert.setLong(1, resource);
                insert.setString(2, world.resourceName(resource));
                insert.setString(3, world.typeOf(resource));
                int parent = world.parentOf(resource);
                if (parent == 0) {
                    insert.setNull(4, Types.BIGINT);
                } else {
                    insert.setLong(4, parent);
                }
                insert.setInt(5, world.orderingOf(resource));
                batch.add();
            }
            batch.finish();
        }
    }

    private void insertClosure(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO gatehouse_resource_ancestors "
                + "(descendant_id, ancestor_id, depth) VALUES (?, ?, ?)")) {
            var batch = new Batch(connection, insert);
            for (int resource = 1; resource <= world.resourceCount(); resource++) {
                int distance = 0;
                for (int ancestor = resource; ancestor != 0; ancestor = world.parentOf(ancestor)) {
                    insert.setLong(1, resource);
                    insert.setLong(2, ancestor);
                    insert.setInt(3, distance++);
                    batch.add();
                }
            }
            batch.finish();
        }
    }

    private void insertGrants(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement(
                "INSERT INTO gatehouse_grants (principal, permission, resource_id) VALUES (?, ?, ?)")) {
            var batch = new Batch(connection, insert);
            for (int i = 0; i < world.grantCount(); i++) {
                insert.setString(1, World.principalKey(world.grantPrincipal(i)));
                insert.setString(2, World.PERMISSIONS.get(world.grantPermission(i)));
                insert.setLong(3, world.grantResource(i));
                batch.add();
            }
            batch.finish();
        }
    }

    /** One explicit ACL entry per Deny; a resource with several gets them at positions 1, 2, … */
    private void insertDenyEntries(Connection connection) throws SQLException {
        try (var entries = connection.prepareStatement("INSERT INTO gatehouse_acl_entries "
                        + "(id, resource_id, position, action, principal) VALUES (?, ?, ?, 'DENY', ?)");
                var permissions = connection.prepareStatement(
                        "INSERT INTO gatehouse_acl_entry_permissions (entry_id, permission) VALUES (?, ?)")) {
            var positions = new HashMap<Integer, Integer>();
            for (int i = 0; i < world.denyCount(); i++) {
                int resource = world.denyResource(i);
                entries.setLong(1, i + 1);
                entries.setLong(2, resource);
                entries.setInt(3, positions.merge(resource, 1, Integer::sum));
                entries.setString(4, World.principalKey(world.denyUser(i)));
                entries.addBatch();
                permissions.setLong(1, i + 1);
                permissions.setString(2, World.PERMISSIONS.get(World.EDIT));
                permissions.addBatch();
            }
            entries.executeBatch();
            permissions.executeBatch();
        }
    }

    private static long maxId(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Executes and commits a statement's batch every {@value #BATCH} rows. */
    static final class Batch {
        private final Connection connection;
        private final PreparedStatement statement;
        private int pending;

        Batch(Connection connection, PreparedStatement statement) {
            this.connection = connection;
            this.statement = statement;
        }

        void add() throws SQLException {
            statement.addBatch();
            if (++pending == BATCH) {
                statement.executeBatch();
                connection.commit();
                pending = 0;
            }
        }

        void finish() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
            connection.commit();
        }
    }
}
