package dev.gatehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.tck.database.ForEachTestDatabase;
import dev.gatehouse.tck.database.SimpleDataSource;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The kit's test-database provisioning, exercised here because this module is its first SQL user. */
@DisplayName("Test databases")
class TestDatabasesTest {

    @Nested
    @DisplayName("configuration")
    class Configuration {
        @Test
        @DisplayName("asks for H2 alone when nothing is set")
        void defaultsToH2() {
            assertThat(TestDatabases.requestedIn(name -> null))
                    .extracting(TestDatabase::kind)
                    .containsExactly(TestDatabase.Kind.H2);
        }

        @Test
        @DisplayName("reads the list in order, ignoring case, blanks and repeats, with the documented defaults")
        void readsTheList() {
            var databases = TestDatabases.requestedIn(
                    Map.of(TestDatabases.DATABASES, " MariaDB, postgresql,,h2,mariadb ")::get);

            assertThat(databases).extracting(TestDatabase::toString).containsExactly("mariadb", "postgresql", "h2");
            assertThat(databases.get(0)).isEqualTo(new TestDatabase(
                    TestDatabase.Kind.MARIADB, "jdbc:mariadb://127.0.0.1:3306/gatehouse_test", "root", ""));
            assertThat(databases.get(1)).isEqualTo(new TestDatabase(
                    TestDatabase.Kind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:5432/gatehouse_test", "postgres", ""));
        }

        @Test
        @DisplayName("takes URL, user and password from their variables")
        void readsTheServers() {
            var settings = Map.of(
                    TestDatabases.DATABASES, "postgresql",
                    TestDatabases.POSTGRESQL_URL, "jdbc:postgresql://db.example:6543/other",
                    TestDatabases.POSTGRESQL_USER, "tester",
                    TestDatabases.POSTGRESQL_PASSWORD, "secret");

            assertThat(TestDatabases.requestedIn(settings::get)).containsExactly(new TestDatabase(
                    TestDatabase.Kind.POSTGRESQL, "jdbc:postgresql://db.example:6543/other", "tester", "secret"));
        }

        @Test
        @DisplayName("refuses an unknown database name, listing the known ones")
        void refusesUnknownNames() {
            assertThatThrownBy(() -> TestDatabases.requestedIn(Map.of(TestDatabases.DATABASES, "h2,oracle")::get))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("GATEHOUSE_TEST_DATABASES")
                    .hasMessageContaining("'oracle'")
                    .hasMessageContaining("h2, postgresql, mariadb");
        }
    }

    @Nested
    @DisplayName("a server that cannot be reached")
    class Unreachable {
        @Test
        @DisplayName("fails with a message that says which variable to set and how to start PostgreSQL")
        void postgresql() {
            var database = new TestDatabase(
                    TestDatabase.Kind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/gatehouse_test", "postgres", "");

            assertThatThrownBy(() -> database.freshDataSource(TestDatabasesTest.class.getName()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("GATEHOUSE_POSTGRESQL_URL")
                    .hasMessageContaining("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")
                    .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/gatehouse_test");
        }

        @Test
        @DisplayName("fails with a message that says which variable to set and how to start MariaDB")
        void mariadb() {
            var database = new TestDatabase(
                    TestDatabase.Kind.MARIADB, "jdbc:mariadb://127.0.0.1:1/gatehouse_test", "root", "");

            assertThatThrownBy(database::requireReachable)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("GATEHOUSE_MARIADB_URL")
                    .hasMessageContaining("start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
        }
    }

    @Nested
    @DisplayName("a fresh data source")
    class Fresh {
        @ForEachTestDatabase
        @DisplayName("sees only its own tables, and its database or schema is gone once closed")
        void isPrivateAndDropped(TestDatabase database) throws SQLException {
            var first = database.freshDataSource(TestDatabasesTest.class.getName());
            try (var second = database.freshDataSource(TestDatabasesTest.class.getName())) {
                new Sql(first).update("CREATE TABLE only_here (id INTEGER PRIMARY KEY)");

                assertThat(second.url()).isNotEqualTo(first.url());
                assertThat(MigrationsTest.tablesIn(first)).containsExactly("only_here");
                assertThat(MigrationsTest.tablesIn(second)).isEmpty();
            }

            first.close();

            assertThat(first.isClosed()).isTrue();
            assertThatThrownBy(first::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("closed");
            Matcher name = Pattern.compile("gh_[0-9a-f]{16}").matcher(first.url());
            assertThat(name.find()).isTrue();
            if (database.kind() == TestDatabase.Kind.H2) {
                try (var reopened = new SimpleDataSource(first.url(), database.user(), database.password())) {
                    assertThat(MigrationsTest.tablesIn(reopened)).isEmpty();
                }
            } else {
                try (var server = new SimpleDataSource(database.url(), database.user(), database.password())) {
                    assertThat(new Sql(server).count(
                            "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?", name.group()))
                            .isZero();
                }
            }
        }
    }
}
