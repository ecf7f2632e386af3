package dev.gatehouse.hibernate;

import dev.gatehouse.schema.Migrations;
import dev.gatehouse.tck.GatehouseCompatibilityKit;
import dev.gatehouse.tck.StoreUnderTest;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The Hibernate store passes the compatibility kit")
@ParameterizedClass(name = "on {0}")
@MethodSource("databases")
class HibernateStoreCompatibilityTest extends GatehouseCompatibilityKit {
    private static final HibernateDatabases DATABASES = new HibernateDatabases(HibernateStoreCompatibilityTest.class,
            Migrations::migrate, dataSource -> GatehouseSessionFactory.builder(dataSource).build());

    @Parameter
    TestDatabase database;

    static List<TestDatabase> databases() {
        return TestDatabases.requested();
    }

    @AfterAll
    static void closeDatabases() {
        DATABASES.close();
    }

    /** The kit counts statements on its wrapper of the pool; the cached factory reaches the pool through it. */
    @Override
    protected StoreUnderTest newStore() {
        var prepared = DATABASES.emptied(database);
        return StoreUnderTest.sql(prepared.pool(), counted -> {
            prepared.route().to(counted);
            return HibernateStore.builder(prepared.sessionFactory()).build();
        });
    }
}
