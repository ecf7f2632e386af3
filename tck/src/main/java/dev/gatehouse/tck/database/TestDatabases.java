package dev.gatehouse.tck.database;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The test databases a run asks for, read from the environment:
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>default</th></tr>
 *   <tr><td>{@value #DATABASES}</td><td>{@code h2}; a comma-separated list of h2, postgresql, mariadb</td></tr>
 *   <tr><td>{@value #POSTGRESQL_URL}</td><td>{@value #DEFAULT_POSTGRESQL_URL}</td></tr>
 *   <tr><td>{@value #POSTGRESQL_USER}</td><td>{@code postgres}</td></tr>
 *   <tr><td>{@value #POSTGRESQL_PASSWORD}</td><td>empty</td></tr>
 *   <tr><td>{@value #MARIADB_URL}</td><td>{@value #DEFAULT_MARIADB_URL}</td></tr>
 *   <tr><td>{@value #MARIADB_USER}</td><td>{@code root}</td></tr>
 *   <tr><td>{@value #MARIADB_PASSWORD}</td><td>empty</td></tr>
 * </table>
 *
 * <p>A system property of the same name stands in for a missing environment variable (handy in an IDE). A requested
 * database that cannot be reached fails the test that asks for it, with a message that says how to fix it; it is
 * never skipped. Iterate them in JUnit 5 with {@link ForEachTestDatabase}, or with
 * {@code @MethodSource("dev.gatehouse.tck.database.TestDatabases#requested")}.
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class TestDatabases {
    /** Which databases to test on. */
    public static final String DATABASES = "GATEHOUSE_TEST_DATABASES";
    /** The PostgreSQL test database's JDBC URL. */
    public static final String POSTGRESQL_URL = "GATEHOUSE_POSTGRESQL_URL";
    /** The PostgreSQL user. */
    public static final String POSTGRESQL_USER = "GATEHOUSE_POSTGRESQL_USER";
    /** The PostgreSQL password. */
    public static final String POSTGRESQL_PASSWORD = "GATEHOUSE_POSTGRESQL_PASSWORD";
    /** The MariaDB test database's JDBC URL. */
    public static final String MARIADB_URL = "GATEHOUSE_MARIADB_URL";
    /** The MariaDB user. */
    public static final String MARIADB_USER = "GATEHOUSE_MARIADB_USER";
    /** The MariaDB password. */
    public static final String MARIADB_PASSWORD = "GATEHOUSE_MARIADB_PASSWORD";

    /** Where PostgreSQL is looked for by default. */
    public static final String DEFAULT_POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/gatehouse_test";
    /** Where MariaDB is looked for by default. */
    public static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/gatehouse_test";

    private TestDatabases() {}

    /**
     * @return the databases {@value #DATABASES} asks for, in its order, without duplicates; H2 alone by default
     * @throws IllegalStateException if it names an unknown database
     */
    public static List<TestDatabase> requested() {
        return requestedIn(TestDatabases::setting);
    }

    /**
     * @param settings looks a variable up by name, returning null when it is not set
     * @return the databases the settings ask for
     * @throws IllegalStateException if they name an unknown database
     */
    public static List<TestDatabase> requestedIn(UnaryOperator<String> settings) {
        Objects.requireNonNull(settings, "settings");
        String requested = settings.apply(DATABASES);
        if (requested == null || requested.isBlank()) {
            requested = "h2";
        }
        var kinds = new LinkedHashSet<TestDatabase.Kind>();
        for (String id : requested.split(",")) {
            if (!id.isBlank()) {
                kinds.add(TestDatabase.Kind.byId(id));
            }
        }
        var databases = new ArrayList<TestDatabase>();
        for (TestDatabase.Kind kind : kinds) {
            databases.add(configured(kind, settings));
        }
        return List.copyOf(databases);
    }

    /**
     * @param kind a kind of database
     * @return that database as the environment configures it, requested or not
     */
    public static TestDatabase configured(TestDatabase.Kind kind) {
        return configured(kind, TestDatabases::setting);
    }

    private static TestDatabase configured(TestDatabase.Kind kind, UnaryOperator<String> settings) {
        return switch (kind) {
            case H2 -> new TestDatabase(kind, "jdbc:h2:mem:", "sa", "");
            case POSTGRESQL -> new TestDatabase(kind,
                    orDefault(settings, POSTGRESQL_URL, DEFAULT_POSTGRESQL_URL),
                    orDefault(settings, POSTGRESQL_USER, "postgres"),
                    orDefault(settings, POSTGRESQL_PASSWORD, ""));
            case MARIADB -> new TestDatabase(kind,
                    orDefault(settings, MARIADB_URL, DEFAULT_MARIADB_URL),
                    orDefault(settings, MARIADB_USER, "root"),
                    orDefault(settings, MARIADB_PASSWORD, ""));
        };
    }

    private static String orDefault(UnaryOperator<String> settings, String name, String fallback) {
        String value = settings.apply(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String setting(String name) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name);
    }
}
