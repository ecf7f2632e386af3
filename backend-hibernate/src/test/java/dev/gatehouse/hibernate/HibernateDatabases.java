package dev.gatehouse.hibernate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.tck.database.PreparedDatabases;
import dev.gatehouse.tck.database.TestDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * For a test class: one migrated database per kind, emptied before each use, behind a connection pool, with a
 * {@link SessionFactory} built once per database (building one per test would be slow). The factory reaches the pool
 * through a {@link Route} that each test may point elsewhere, e.g. at the kit's statement-counting wrapper of the
 * pool. Thread-safe.
 */
final class HibernateDatabases implements AutoCloseable {
    /** A prepared database: its pool, and a factory whose connections come through the route. */
    record Prepared(HikariDataSource pool, Route route, SessionFactory sessionFactory) {}

    private final PreparedDatabases databases;
    private final Function<DataSource, SessionFactory> sessionFactories;
    private final Map<TestDatabase.Kind, Prepared> open = new ConcurrentHashMap<>();

    /**
     * @param testClass names the databases
     * @param migrate prepares a new database
     * @param sessionFactories builds the factory on a data source
     */
    HibernateDatabases(Class<?> testClass, Consumer<DataSource> migrate,
            Function<DataSource, SessionFactory> sessionFactories) {
        this.databases = new PreparedDatabases(testClass, migrate, dev.gatehouse.schema.Migrations::deleteAllRows);
        this.sessionFactories = sessionFactories;
    }

    /** @return the class's database of this kind, emptied, with its route pointing at the pool */
    Prepared emptied(TestDatabase database) {
        var raw = databases.emptied(database);
        var prepared = open.computeIfAbsent(database.kind(), kind -> {
            var config = new HikariConfig();
            config.setDataSource(raw);
            config.setPoolName("gatehouse-" + kind.id());
            config.setMaximumPoolSize(12);
            var pool = new HikariDataSource(config);
            var route = new Route(pool);
            return new Prepared(pool, route, sessionFactories.apply(route));
        });
        prepared.route().to(prepared.pool());
        return prepared;
    }

    @Override
    public void close() {
        open.values().forEach(prepared -> {
            prepared.sessionFactory().close();
            prepared.pool().close();
        });
        open.clear();
        databases.close();
    }

    /** A data source that passes every call on to a target that can be changed. Thread-safe. */
    static final class Route implements DataSource {
        private volatile DataSource target;

        Route(DataSource target) {
            this.target = target;
        }

        void to(DataSource newTarget) {
            this.target = newTarget;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || target.isWrapperFor(type);
        }
    }
}
