package dev.gatehouse.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Plain JDBC for the schema tests: one statement per call, each on its own auto-committed connection, unless inside
 * {@link #transaction(Work)}. Not thread-safe.
 */
final class Sql {
    private final DataSource dataSource;
    private Connection shared;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work that runs statements. */
    interface Work {
        void run() throws SQLException;
    }

    /** Runs the work's statements on one connection, in one transaction (committed if the work succeeds). */
    void transaction(Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            shared = connection;
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                shared = null;
            }
        }
    }

    /** @return the shared connection inside a transaction, a new one otherwise; close it through {@link Lease} */
    private Lease lease() throws SQLException {
        return shared != null ? new Lease(shared, false) : new Lease(dataSource.getConnection(), true);
    }

    private record Lease(Connection connection, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (owned) {
                connection.close();
            }
        }
    }

    /** Runs an INSERT and returns the generated id (the table's first column). */
    long insert(String sql, Object... args) throws SQLException {
        try (Lease lease = lease();
                PreparedStatement statement = lease.connection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, args);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    int update(String sql, Object... args) throws SQLException {
        try (Lease lease = lease(); PreparedStatement statement = lease.connection().prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        }
    }

    long count(String sql, Object... args) throws SQLException {
        try (Lease lease = lease(); PreparedStatement statement = lease.connection().prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** @return the rows, each a map from lowercase column label to value, in the statement's order */
    List<Map<String, Object>> query(String sql, Object... args) throws SQLException {
        try (Lease lease = lease(); PreparedStatement statement = lease.connection().prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                var columns = rows.getMetaData();
                var result = new ArrayList<Map<String, Object>>();
                while (rows.next()) {
                    var row = new LinkedHashMap<String, Object>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnLabel(i).toLowerCase(Locale.ROOT), rows.getObject(i));
                    }
                    result.add(Collections.unmodifiableMap(row));
                }
                return result;
            }
        }
    }

    /** @return the single column of every row, as longs */
    List<Long> longs(String sql, Object... args) throws SQLException {
        return query(sql, args).stream()
                .map(row -> ((Number) row.values().iterator().next()).longValue())
                .toList();
    }

    /** @return the arguments with every list spread in place */
    static Object[] flat(Object... parts) {
        var args = new ArrayList<Object>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                args.addAll(list);
            } else {
                args.add(part);
            }
        }
        return args.toArray();
    }

    /** @return {@code "?, ?, ?"} with {@code n} marks */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof List<?> list) {
                throw new IllegalArgumentException("flatten lists before binding: " + list);
            }
            statement.setObject(i + 1, arg);
        }
    }
}
