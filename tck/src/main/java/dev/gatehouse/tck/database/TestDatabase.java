package dev.gatehouse.tck.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A database server tests may use, as configured through the environment (see {@link TestDatabases}). Each test
 * class asks it for a {@link #freshDataSource(String) fresh data source}: a private in-memory database on H2, a new
 * schema on PostgreSQL, a new database on MariaDB, dropped again when the data source is closed.
 *
 * <p>Its {@code toString()} is the kind's id ({@code h2}, {@code postgresql}, {@code mariadb}), so parameterized
 * tests read "on postgresql". Immutable and thread-safe.
 *
 * @param kind which server this is
 * @param url the JDBC URL of the server's test database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/gatehouse_test};
 *     for H2, the prefix of the in-memory URLs
 * @param user the user to connect as, empty for none
 * @param password the password, empty for none
 */
public record TestDatabase(Kind kind, String url, String user, String password) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PG_CURRENT_SCHEMA = Pattern.compile("([?&])currentSchema=[^&]*&?");
    private static final Set<SimpleDataSource> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> Set.copyOf(OPEN).forEach(TestDatabase::closeQuietly), "gatehouse-test-database-cleanup"));
    }

    /** The kinds of database the kit knows how to provision. */
    public enum Kind {
        /** H2 in memory, in its regular mode. */
        H2("h2", "com.h2database:h2"),
        /** A PostgreSQL server. */
        POSTGRESQL("postgresql", "org.postgresql:postgresql"),
        /** A MariaDB server. */
        MARIADB("mariadb", "org.mariadb.jdbc:mariadb-java-client");

        private final String id;
        private final String driverArtifact;

        Kind(String id, String driverArtifact) {
            this.id = id;
            this.driverArtifact = driverArtifact;
        }

        /** @return the lowercase name used in {@code GATEHOUSE_TEST_DATABASES} */
        public String id() {
            return id;
        }

        /** @return the Maven coordinates of the JDBC driver a test classpath needs */
        public String driverArtifact() {
            return driverArtifact;
        }

        /**
         * @param id a name as written in {@code GATEHOUSE_TEST_DATABASES}, any case
         * @return the kind
         * @throws IllegalStateException for an unknown name, listing the known ones
         */
        public static Kind byId(String id) {
            for (Kind kind : values()) {
                if (kind.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new IllegalStateException(TestDatabases.DATABASES + " names an unknown database '" + id
                    + "'; use a comma-separated list of h2, postgresql, mariadb");
        }
    }

    public TestDatabase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Creates a private database (H2, MariaDB) or schema (PostgreSQL) for one test class. Close the returned data
     * source when the class is done: that drops it. Forgotten ones are dropped when the JVM exits.
     *
     * @param testClassName the test class, recorded as a comment on the schema or database where the server allows
     * @return a data source whose connections see only the fresh database or schema
     * @throws IllegalStateException if the server cannot be reached or the driver is missing; the message says which
     *     variable to set and how to start the server
     */
    public SimpleDataSource freshDataSource(String testClassName) {
        Objects.requireNonNull(testClassName, "testClassName");
        String name = "gh_" + HexFormat.of().formatHex(randomBytes());
        String comment = testClassName.replaceAll("[^A-Za-z0-9_.$]", "_");
        SimpleDataSource fresh = switch (kind) {
            case H2 -> freshH2(name);
            case POSTGRESQL -> freshPostgresql(name, comment);
            case MARIADB -> freshMariadb(name, comment);
        };
        OPEN.add(fresh);
        return fresh;
    }

    /**
     * Opens a connection to the configured test database itself (not a fresh one), to prove it is reachable.
     *
     * @throws IllegalStateException as {@link #freshDataSource(String)} does
     */
    public void requireReachable() {
        try {
            connect(kind == Kind.H2 ? "jdbc:h2:mem:" : url).close();
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private SimpleDataSource freshH2(String name) {
        String freshUrl = h2Url(name);
        try {
            connect(freshUrl).close(); // DB_CLOSE_DELAY=-1 keeps the in-memory database until SHUTDOWN
        } catch (SQLException e) {
            throw unreachable(e);
        }
        return new SimpleDataSource(freshUrl, user, password, () -> execute(freshUrl, "SHUTDOWN"));
    }

    private String h2Url(String name) {
        String base = url.isEmpty() ? "jdbc:h2:mem:" : url;
        return base + name + ";DB_CLOSE_DELAY=-1";
    }

    private SimpleDataSource freshPostgresql(String schema, String comment) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("COMMENT ON SCHEMA " + schema + " IS 'Gatehouse test schema for " + comment + "'");
        } catch (SQLException e) {
            throw unreachable(e);
        }
        String base = PG_CURRENT_SCHEMA.matcher(url).replaceAll("$1");
        if (base.endsWith("?") || base.endsWith("&")) {
            base = base.substring(0, base.length() - 1);
        }
        String freshUrl = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new SimpleDataSource(
                freshUrl, user, password, () -> execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    private SimpleDataSource freshMariadb(String database, String comment) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COMMENT 'Gatehouse test database for "
                    + comment + "'");
        } catch (SQLException e) {
            throw unreachable(e);
        }
        String freshUrl = withMariadbDatabase(url, database);
        return new SimpleDataSource(
                freshUrl, user, password, () -> execute(url, "DROP DATABASE IF EXISTS " + database));
    }

    /** Replaces the database in a {@code jdbc:mariadb://host:port/database?options} URL. */
    static String withMariadbDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        if (hosts < 0) {
            throw new IllegalStateException(TestDatabases.MARIADB_URL + " must look like "
                    + "jdbc:mariadb://host:port/database, got '" + url + "'");
        }
        int query = url.indexOf('?', hosts + 2);
        String beforeQuery = query < 0 ? url : url.substring(0, query);
        String options = query < 0 ? "" : url.substring(query);
        int slash = beforeQuery.indexOf('/', hosts + 2);
        String server = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        return server + "/" + database + options;
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        return new SimpleDataSource(jdbcUrl, user, password).getConnection();
    }

    private void execute(String jdbcUrl, String sql) {
        try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cleaning up the test database failed (" + sql + "): " + e.getMessage(), e);
        } finally {
            OPEN.removeIf(SimpleDataSource::isClosed);
        }
    }

    private static byte[] randomBytes() {
        var bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void closeQuietly(SimpleDataSource dataSource) {
        try {
            dataSource.close();
        } catch (RuntimeException e) {
            // the JVM is exiting; a leftover schema is harmless
        }
    }

    private IllegalStateException unreachable(SQLException cause) {
        try {
            DriverManager.getDriver(kind == Kind.H2 ? "jdbc:h2:mem:" : url);
        } catch (SQLException noDriver) {
            return new IllegalStateException("no JDBC driver for " + kind.id() + " on the test classpath: add "
                    + kind.driverArtifact() + " at test scope (asked for through " + TestDatabases.DATABASES + ")",
                    cause);
        }
        String message = switch (kind) {
            case H2 -> "cannot open an in-memory H2 database (" + url + "): " + cause.getMessage();
            case POSTGRESQL -> "PostgreSQL is requested through " + TestDatabases.DATABASES + " but " + url
                    + " cannot be used as user '" + user + "': " + cause.getMessage() + "\n"
                    + "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n"
                    + "Create the test database with: createdb -h 127.0.0.1 -U postgres gatehouse_test\n"
                    + "Or point " + TestDatabases.POSTGRESQL_URL + " (with " + TestDatabases.POSTGRESQL_USER + " and "
                    + TestDatabases.POSTGRESQL_PASSWORD + ") at a running server, or leave postgresql out of "
                    + TestDatabases.DATABASES + ". The script .ci/run does all of this.";
            case MARIADB -> "MariaDB is requested through " + TestDatabases.DATABASES + " but " + url
                    + " cannot be used as user '" + user + "': " + cause.getMessage() + "\n"
                    + "Start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd\n"
                    + "Create the test database with: mariadb -h 127.0.0.1 -u root -e "
                    + "'CREATE DATABASE IF NOT EXISTS gatehouse_test'\n"
                    + "Or point " + TestDatabases.MARIADB_URL + " (with " + TestDatabases.MARIADB_USER + " and "
                    + TestDatabases.MARIADB_PASSWORD + ") at a running server, or leave mariadb out of "
                    + TestDatabases.DATABASES + ". The script .ci/run does all of this.";
        };
        return new IllegalStateException(message, cause);
    }

    /** @return the kind's id, e.g. {@code postgresql} */
    @Override
    public String toString() {
        return kind.id();
    }
}
