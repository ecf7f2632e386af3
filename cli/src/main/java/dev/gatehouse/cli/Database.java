package dev.gatehouse.cli;

import dev.gatehouse.schema.MigrationResult;
import dev.gatehouse.schema.Migrations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The database a command works on. The default is an H2 file under {@value #DEFAULT_DIRECTORY}/ in the working
 * directory, created and migrated on first use; any other database is named by a JDBC URL and must have been
 * migrated with {@code gatehouse migrate}. An H2 database is kept open by one idle connection until {@link #close()},
 * so the many short connections of a command do not open and close its file each time.
 */
final class Database implements AutoCloseable {
    /** The folder of the default embedded database, relative to the working directory. */
    static final String DEFAULT_DIRECTORY = "gatehouse-data";

    private final String url;
    private final boolean embeddedDefault;
    private final ConnectingDataSource dataSource;
    private final @Nullable Connection keepOpen;

    private Database(String url, boolean embeddedDefault, ConnectingDataSource dataSource) throws SQLException {
        this.url = url;
        this.embeddedDefault = embeddedDefault;
        this.dataSource = dataSource;
        this.keepOpen = url.startsWith("jdbc:h2:") ? dataSource.getConnection() : null;
    }

    /**
     * @param url a JDBC URL; empty for the default embedded database
     * @throws CommandFailedException if the database cannot be reached
     */
    static Database open(Optional<String> url, Optional<String> user, Optional<char[]> password, Path workingDirectory) {
        var embedded = url.isEmpty();
        var jdbcUrl = url.orElseGet(() -> defaultUrl(workingDirectory));
        var dataSource = new ConnectingDataSource(jdbcUrl, user.orElse(""), password.map(String::new).orElse(""));
        try {
            return new Database(jdbcUrl, embedded, dataSource);
        } catch (SQLException e) {
            throw new CommandFailedException("cannot open the database at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** @return a private in-memory H2 database that disappears when closed */
    static Database inMemory(String name) {
        try {
            var url = "jdbc:h2:mem:" + name;
            var database = new Database(url, false, new ConnectingDataSource(url, "", ""));
            database.migrate();
            return database;
        } catch (SQLException e) {
            throw new CommandFailedException("cannot create an in-memory H2 database: " + e.getMessage(), e);
        }
    }

    static String defaultUrl(Path workingDirectory) {
        return "jdbc:h2:file:" + workingDirectory.resolve(DEFAULT_DIRECTORY).resolve("gatehouse").toAbsolutePath();
    }

    DataSource dataSource() {
        return dataSource;
    }

    String url() {
        return url;
    }

    MigrationResult migrate() {
        return Migrations.migrate(dataSource);
    }

    /**
     * Migrates the default embedded database; checks that any other has the Gatehouse tables.
     *
     * @throws CommandFailedException if the tables are not there, saying how to create them
     */
    void prepareSchema() {
        if (embeddedDefault) {
            migrate();
            return;
        }
        try (var connection = connect();
                var statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM gatehouse_schema_history WHERE 1 = 0").close();
        } catch (SQLException e) {
            throw new CommandFailedException("the database at " + url + " has no Gatehouse schema (" + e.getMessage()
                    + "); create it with: gatehouse --url " + url + " migrate", e);
        }
    }

    private Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new CommandFailedException("cannot open the database at " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (keepOpen != null) {
            try {
                keepOpen.close();
            } catch (SQLException ignored) {
                // the process is done with the database; H2 closes its file with the last connection
            }
        }
    }

    /** Opens a new connection through {@link DriverManager} for every request; the drivers are on the classpath. */
    private record ConnectingDataSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return getConnection(user, password);
        }

        @Override
        public Connection getConnection(String username, String secret) throws SQLException {
            var properties = new Properties();
            if (!username.isEmpty()) {
                properties.setProperty("user", username);
            }
            if (!secret.isEmpty()) {
                properties.setProperty("password", secret);
            }
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public PrintWriter getLogWriter() {
            return DriverManager.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            DriverManager.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }

        @Override
        public String toString() {
            return "DataSource[" + url + "]";
        }
    }
}
