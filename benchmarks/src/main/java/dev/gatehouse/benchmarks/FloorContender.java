package dev.gatehouse.benchmarks;

import javax.sql.DataSource;

/**
 * The floor: one bare indexed {@code SELECT} through plain JDBC on the same database and pool, borrowing a
 * connection, preparing, executing and reading one row, as every library call must at least do. It finds the grant
 * the check benchmarks rely on, through the index {@code gatehouse_grants_resource_ix (resource_id, principal)}.
 */
final class FloorContender implements Contender {
    static final String SQL = "SELECT 1 FROM gatehouse_grants WHERE resource_id = ? AND principal = ?";

    private final String where;
    private final DataSource dataSource;
    private final World world;

    FloorContender(String where, DataSource dataSource, World world) {
        this.where = where;
        this.dataSource = dataSource;
        this.world = world;
    }

    @Override
    public String name() {
        return "floor (plain JDBC)";
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public Answer prepare(Task task) {
        if (task.operation() != Operation.FLOOR) {
            return Contender.notAnswered("the floor answers one bare SELECT only");
        }
        long resource = world.landmarks().checkerGrantAnchor();
        String principal = World.principalKey(-World.CHECKER_GROUP);
        return Contender.ready(() -> {
            try (var connection = dataSource.getConnection();
                    var select = connection.prepareStatement(SQL)) {
                select.setLong(1, resource);
                select.setString(2, principal);
                try (var rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }
}
