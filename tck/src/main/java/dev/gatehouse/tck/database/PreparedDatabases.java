package dev.gatehouse.tck.database;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One prepared (migrated) database or schema per test class and database kind, created on first use and emptied
 * each time a test asks for it; {@link #close()} drops them all (call it from {@code @AfterAll}). Keeps SQL test
 * suites fast: a class migrates once per database, not once per test. Thread-safe.
 *
 * <pre>{@code
 * static final PreparedDatabases DATABASES =
 *         new PreparedDatabases(MyTest.class, Migrations::migrate, Migrations::deleteAllRows);
 * }</pre>
 */
public final class PreparedDatabases implements AutoCloseable {
    private final String testClassName;
    private final Consumer<DataSource> prepare;
    private final Consumer<DataSource> empty;
    private final Map<TestDatabase.Kind, SimpleDataSource> open = new ConcurrentHashMap<>();

    /**
     * @param testClass names the databases it creates
     * @param prepare run once on each new database (e.g. the migrations)
     * @param empty run before each use (e.g. delete every row)
     */
    public PreparedDatabases(Class<?> testClass, Consumer<DataSource> prepare, Consumer<DataSource> empty) {
        this.testClassName = testClass.getName();
        this.prepare = prepare;
        this.empty = empty;
    }

    /** @return the class's prepared database on {@code database}, emptied */
    public SimpleDataSource emptied(TestDatabase database) {
        SimpleDataSource dataSource = open.computeIfAbsent(database.kind(), kind -> {
            SimpleDataSource fresh = database.freshDataSource(testClassName);
            prepare.accept(fresh);
            return fresh;
        });
        empty.accept(dataSource);
        return dataSource;
    }

    @Override
    public void close() {
        open.values().forEach(SimpleDataSource::close);
        open.clear();
    }
}
