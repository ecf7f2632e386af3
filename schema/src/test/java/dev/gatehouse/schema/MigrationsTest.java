package dev.gatehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.tck.database.ForEachTestDatabase;
import dev.gatehouse.tck.database.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Migrations")
class MigrationsTest {

    @Nested
    @DisplayName("on an empty database")
    class FromEmpty {
        @ForEachTestDatabase
        @DisplayName("creates every Gatehouse table and records version 1")
        void createsTheTables(TestDatabase database) throws SQLException {
            try (var dataSource = database.freshDataSource(MigrationsTest.class.getName())) {
                MigrationResult result = Migrations.migrate(dataSource);

                assertThat(result.dialect().name()).isEqualTo(database.kind().name());
                assertThat(result.previousVersion()).isEmpty();
                assertThat(result.currentVersion()).isEqualTo("1");
                assertThat(result.applied()).containsExactly("1");
                assertThat(tablesIn(dataSource)).containsAll(Tables.ALL).contains(Tables.SCHEMA_HISTORY);
            }
        }

        @ForEachTestDatabase
        @DisplayName("a second run changes nothing")
        void secondRunIsANoOp(TestDatabase database) throws SQLException {
            try (var dataSource = database.freshDataSource(MigrationsTest.class.getName())) {
                Migrations.migrate(dataSource);
                var tablesBefore = tablesIn(dataSource);
                long historyBefore = new Sql(dataSource).count("SELECT COUNT(*) FROM " + Tables.SCHEMA_HISTORY);

                MigrationResult again = Migrations.migrate(dataSource);

                assertThat(again.changed()).isFalse();
                assertThat(again.applied()).isEmpty();
                assertThat(again.previousVersion()).contains("1");
                assertThat(again.currentVersion()).isEqualTo("1");
                assertThat(tablesIn(dataSource)).isEqualTo(tablesBefore);
                assertThat(new Sql(dataSource).count("SELECT COUNT(*) FROM " + Tables.SCHEMA_HISTORY))
                        .isEqualTo(historyBefore);
            }
        }
    }

    @Nested
    @DisplayName("on a database that holds the application's own tables")
    class NextToTheApplication {
        @ForEachTestDatabase
        @DisplayName("adds the Gatehouse tables and leaves the application's alone")
        void addsItsTables(TestDatabase database) throws SQLException {
            try (var dataSource = database.freshDataSource(MigrationsTest.class.getName())) {
                var sql = new Sql(dataSource);
                sql.update("CREATE TABLE invoices (id BIGINT PRIMARY KEY, amount INTEGER NOT NULL)");
                sql.update("INSERT INTO invoices (id, amount) VALUES (1, 100)");

                MigrationResult result = Migrations.migrate(dataSource);

                assertThat(result.currentVersion()).isEqualTo("1");
                assertThat(result.applied()).containsExactly("1");
                assertThat(tablesIn(dataSource)).containsAll(Tables.ALL).contains("invoices");
                assertThat(sql.count("SELECT COUNT(*) FROM invoices")).isEqualTo(1);
            }
        }
    }

    @Nested
    @DisplayName("recognising the database")
    class Recognition {
        @Test
        @DisplayName("knows H2, PostgreSQL, MariaDB and MySQL from their JDBC product names")
        void knowsTheSupportedProducts() {
            assertThat(Dialect.of("H2", "2.3.232 (2024-08-11)")).isEqualTo(Dialect.H2);
            assertThat(Dialect.of("PostgreSQL", "15.4")).isEqualTo(Dialect.POSTGRESQL);
            assertThat(Dialect.of("MariaDB", "10.11.6-MariaDB-0+deb12u1")).isEqualTo(Dialect.MARIADB);
            assertThat(Dialect.of("MySQL", "5.5.5-10.11.6-MariaDB")).isEqualTo(Dialect.MARIADB);
            assertThat(Dialect.of("MySQL", "8.0.36")).isEqualTo(Dialect.MYSQL);
            assertThat(Dialect.MYSQL.location()).isEqualTo(Dialect.MARIADB.location());
        }

        @Test
        @DisplayName("refuses an unknown database, naming it")
        void refusesUnknownProducts() {
            assertThatThrownBy(() -> Dialect.of("Apache Derby", "10.17.1.0"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("Apache Derby")
                    .hasMessageContaining("10.17.1.0")
                    .hasMessageContaining("H2, PostgreSQL, MariaDB and MySQL");
        }

        @Test
        @DisplayName("refuses versions too old for the schema's constraints, naming the version")
        void refusesOldVersions() {
            assertThatThrownBy(() -> Dialect.of("MySQL", "5.7.44"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("MySQL 8.0.16 or newer")
                    .hasMessageContaining("5.7.44");
            assertThatThrownBy(() -> Dialect.of("MySQL", "8.0.15"))
                    .hasMessageContaining("8.0.15");
            assertThatThrownBy(() -> Dialect.of("PostgreSQL", "11.22"))
                    .hasMessageContaining("PostgreSQL 12.0.0 or newer");
            assertThat(Dialect.of("MySQL", "8.0.16")).isEqualTo(Dialect.MYSQL);
            assertThat(Dialect.of("MariaDB", "11.4.2-MariaDB")).isEqualTo(Dialect.MARIADB);
        }

        @ForEachTestDatabase
        @DisplayName("recognises the database behind a data source")
        void recognisesTheDataSource(TestDatabase database) {
            try (var dataSource = database.freshDataSource(MigrationsTest.class.getName())) {
                assertThat(Migrations.dialectOf(dataSource).name()).isEqualTo(database.kind().name());
            }
        }
    }

    /** @return the names of the tables in the data source's current schema or database, lowercase */
    static TreeSet<String> tablesIn(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            var names = new TreeSet<String>();
            try (ResultSet tables = metaData.getTables(
                    connection.getCatalog(), Optional.ofNullable(connection.getSchema()).orElse(null), "%",
                    new String[] {"TABLE"})) {
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        }
    }
}
