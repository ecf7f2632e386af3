package dev.gatehouse.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.schema.Dialect;
import dev.gatehouse.schema.Migrations;
import dev.gatehouse.tck.database.SimpleDataSource;
import dev.gatehouse.tck.database.TestDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A database the suite loads and benchmarks on: a fresh in-memory H2 database or a fresh PostgreSQL schema (from
 * the kit's {@link TestDatabase}), behind a small HikariCP pool, dropped on {@link #close()}. H2's query cache is
 * off ({@code QUERY_CACHE_SIZE=0}) so it cannot answer repeated queries from memory.
 */
final class BenchmarkDatabase implements AutoCloseable {
    private static final String APPLICATION_NAME = "gatehouse-benchmarks";

    private final String id;
    private final SimpleDataSource fresh;
    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String version;

    private BenchmarkDatabase(TestDatabase server) {
        this.id = server.kind().id();
        this.fresh = server.freshDataSource(BenchmarkDatabase.class.getName());
        var config = new HikariConfig();
        config.setPoolName("benchmarks-" + id);
        config.setJdbcUrl(server.kind() == TestDatabase.Kind.H2 ? fresh.url() + ";QUERY_CACHE_SIZE=0" : fresh.url());
        config.setUsername(fresh.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        if (server.kind() == TestDatabase.Kind.POSTGRESQL) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        }
        this.pool = new HikariDataSource(config);
        this.dialect = Migrations.dialectOf(pool);
        try (var connection = pool.getConnection()) {
            var metaData = connection.getMetaData();
            this.version = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("cannot read the version of " + id + ": " + e.getMessage(), e);
        }
    }

    /** Creates a fresh database (H2) or schema (PostgreSQL) on the server and opens a pool over it. */
    static BenchmarkDatabase open(TestDatabase server) {
        if (server.kind() == TestDatabase.Kind.MARIADB) {
            throw new IllegalArgumentException("the benchmarks run on H2 and PostgreSQL, not " + server.kind().id());
        }
        return new BenchmarkDatabase(server);
    }

    /** @return {@code h2} or {@code postgresql} */
    String id() {
        return id;
    }

    DataSource dataSource() {
        return pool;
    }

    Dialect dialect() {
        return dialect;
    }

    /** @return the product name and version the driver reports */
    String version() {
        return version;
    }

    /**
     * Cancels every statement running on this database through the pool (H2: {@code CANCEL_SESSION}; PostgreSQL:
     * {@code pg_cancel_backend} of this suite's connections), from a connection of its own. Errors are ignored: a
     * statement may finish in the meantime.
     */
    void cancelRunningStatements() {
        String sql = dialect == Dialect.H2
                ? "SELECT CANCEL_SESSION(SESSION_ID) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
                : "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = '" + APPLICATION_NAME
                        + "' AND pid <> pg_backend_pid() AND state = 'active'";
        try (var connection = fresh.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            // the statement finished, or the database refused: the next round tries again
        }
    }

    @Override
    public void close() {
        pool.close();
        fresh.close();
    }
}
