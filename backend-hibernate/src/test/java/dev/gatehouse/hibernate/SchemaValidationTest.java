package dev.gatehouse.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.hibernate.app.AppUser;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.schema.Migrations;
import dev.gatehouse.tck.database.PreparedDatabases;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Hibernate validates the Flyway schema and never creates tables")
@ParameterizedClass(name = "on {0}")
@MethodSource("databases")
class SchemaValidationTest {
    private static final PreparedDatabases GATEHOUSE_ONLY =
            new PreparedDatabases(SchemaValidationTest.class, Migrations::migrate, dataSource -> { });
    private static final PreparedDatabases WITH_APPLICATION_COLUMNS =
            new PreparedDatabases(SchemaValidationTest.class, ApplicationMigrations::migrate, dataSource -> { });

    @Parameter
    TestDatabase database;

    static List<TestDatabase> databases() {
        return TestDatabases.requested();
    }

    @AfterAll
    static void dropDatabases() {
        GATEHOUSE_ONLY.close();
        WITH_APPLICATION_COLUMNS.close();
    }

    @Test
    @DisplayName("the factory builds with hbm2ddl=validate against the migrated schema")
    void validatesTheMigratedSchema() {
        try (var sessionFactory = GatehouseSessionFactory.builder(GATEHOUSE_ONLY.emptied(database)).build()) {
            assertThat(sessionFactory.getProperties().get(SchemaToolingSettings.HBM2DDL_AUTO))
                    .isIn(Action.VALIDATE, "validate");
            assertThat(HibernateStore.builder(sessionFactory).build().users().page(PageRequest.first(1)).items())
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("an application entity validates against the schema with the application's migration applied")
    void validatesApplicationColumns() {
        var entities = GatehouseEntities.defaults().withUser(AppUser.class);
        try (var sessionFactory = GatehouseSessionFactory.builder(WITH_APPLICATION_COLUMNS.emptied(database))
                .entities(entities).build()) {
            assertThat(HibernateStore.builder(sessionFactory).entities(entities).build()).isNotNull();
        }
    }

    @Test
    @DisplayName("a column the entities map but the schema lacks fails the factory, naming the column")
    void refusesAMissingColumn() {
        var builder = GatehouseSessionFactory.builder(GATEHOUSE_ONLY.emptied(database))
                .entities(GatehouseEntities.defaults().withUser(AppUser.class));

        assertThatThrownBy(builder::build)
                .hasRootCauseInstanceOf(SchemaManagementException.class)
                .rootCause().hasMessageContaining("customer_number");
    }

    @Test
    @DisplayName("on an empty database the factory fails, and no table is created")
    void neverCreatesTables() throws SQLException {
        try (var empty = database.freshDataSource(SchemaValidationTest.class.getName())) {
            assertThatThrownBy(() -> GatehouseSessionFactory.builder(empty).build())
                    .hasRootCauseInstanceOf(SchemaManagementException.class);

            try (var connection = empty.getConnection();
                    var tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                            "%", new String[] {"TABLE"})) {
                var names = new ArrayList<String>();
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
                assertThat(names).noneMatch(name -> name.startsWith("gatehouse_"));
            }
        }
    }
}
