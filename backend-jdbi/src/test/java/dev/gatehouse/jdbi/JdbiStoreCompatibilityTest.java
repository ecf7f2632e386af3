package dev.gatehouse.jdbi;

import dev.gatehouse.tck.GatehouseCompatibilityKit;
import dev.gatehouse.tck.StoreUnderTest;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.SqlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole compatibility kit, on every database {@code GATEHOUSE_TEST_DATABASES} asks for. */
@DisplayName("The Jdbi store passes the compatibility kit")
@ParameterizedClass(name = "on {0}")
@MethodSource("databases")
class JdbiStoreCompatibilityTest extends GatehouseCompatibilityKit {
    private static final PooledTestDatabases DATABASES = new PooledTestDatabases(JdbiStoreCompatibilityTest.class);
    /**
     * The kit asks for a new store, so a new Jdbi, before every test; an application keeps one Jdbi and its cache of
     * parsed SQL for good. Sharing the parser gives the kit's many short-lived Jdbis that one warm cache.
     */
    private static final SqlParser SQL_PARSER = new ColonPrefixSqlParser();

    private final TestDatabase database;

    JdbiStoreCompatibilityTest(TestDatabase database) {
        this.database = database;
    }

    static List<TestDatabase> databases() {
        return TestDatabases.requested();
    }

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @Override
    protected StoreUnderTest newStore() {
        return StoreUnderTest.sql(DATABASES.emptied(database),
                counted -> JdbiStore.builder(Jdbi.create(counted).setSqlParser(SQL_PARSER)).build());
    }
}
