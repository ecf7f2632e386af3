package dev.gatehouse.schema;

import dev.gatehouse.tck.database.SimpleDataSource;
import dev.gatehouse.tck.database.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * One migrated database or schema per test class and database kind, created on first use, emptied before each test
 * that asks for it, dropped by {@link #close()} (call it from {@code @AfterAll}).
 */
final class MigratedSchemas implements AutoCloseable {
    private final String testClassName;
    private final Map<TestDatabase.Kind, SimpleDataSource> open = new ConcurrentHashMap<>();

    MigratedSchemas(Class<?> testClass) {
        this.testClassName = testClass.getName();
    }

    /** @return the class's migrated schema on {@code database}, with every Gatehouse table empty */
    DataSource emptied(TestDatabase database) throws SQLException {
        SimpleDataSource dataSource = open.computeIfAbsent(database.kind(), kind -> {
            SimpleDataSource fresh = database.freshDataSource(testClassName);
            Migrations.migrate(fresh);
            return fresh;
        });
        var sql = new Sql(dataSource);
        sql.transaction(() -> {
            for (String table : List.copyOf(Tables.ALL).reversed()) {
                sql.update("DELETE FROM " + table);
            }
        });
        return dataSource;
    }

    @Override
    public void close() {
        open.values().forEach(SimpleDataSource::close);
        open.clear();
    }
}
