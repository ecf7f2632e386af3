package dev.gatehouse.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.schema.Migrations;
import dev.gatehouse.tck.database.PreparedDatabases;
import dev.gatehouse.tck.database.TestDatabase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The kit's {@link PreparedDatabases} (one migrated database per test class and kind, emptied before each test)
 * behind a HikariCP pool, as an application would run Jdbi. Without it every store call would open a connection,
 * which costs a new server process on PostgreSQL. Thread-safe; close it from {@code @AfterAll}.
 */
final class PooledTestDatabases implements AutoCloseable {
    private final PreparedDatabases databases;
    private final Map<TestDatabase.Kind, HikariDataSource> pools = new ConcurrentHashMap<>();

    /** @param prepare run once on each new database, after the Gatehouse migrations */
    PooledTestDatabases(Class<?> testClass, Consumer<DataSource> prepare) {
        this.databases = new PreparedDatabases(testClass, dataSource -> {
            Migrations.migrate(dataSource);
            prepare.accept(dataSource);
        }, Migrations::deleteAllRows);
    }

    PooledTestDatabases(Class<?> testClass) {
        this(testClass, dataSource -> { });
    }

    /** @return the class's database on {@code database}, emptied, through its pool */
    DataSource emptied(TestDatabase database) {
        var emptied = databases.emptied(database);
        return pools.computeIfAbsent(database.kind(), kind -> {
            var config = new HikariConfig();
            config.setPoolName("gatehouse-" + kind.id());
            config.setDataSource(emptied);
            config.setMaximumPoolSize(12);
            return new HikariDataSource(config);
        });
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
        databases.close();
    }
}
