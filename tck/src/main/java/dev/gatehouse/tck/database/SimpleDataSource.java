package dev.gatehouse.tck.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over {@link DriverManager}: every {@link #getConnection()} opens a new connection, nothing is
 * pooled. Good enough for tests, which also count statements through it. The JDBC driver must be on the test
 * classpath; the kit itself brings none.
 *
 * <p>{@link #close()} runs the clean-up given at construction (for a fresh test database: dropping it), once.
 *
 * <p>Thread-safe.
 */
public final class SimpleDataSource implements DataSource, AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final Runnable cleanup;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int loginTimeoutSeconds;
    private volatile PrintWriter logWriter;

    /**
     * @param url a JDBC URL
     * @param user the user name, empty for none
     * @param password the password, empty for none
     */
    public SimpleDataSource(String url, String user, String password) {
        this(url, user, password, () -> {});
    }

    SimpleDataSource(String url, String user, String password, Runnable cleanup) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.cleanup = Objects.requireNonNull(cleanup, "cleanup");
    }

    /** @return the JDBC URL connections are opened with */
    public String url() {
        return url;
    }

    /** @return the user connections are opened as, empty for none */
    public String user() {
        return user;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        if (closed.get()) {
            throw new SQLException("this test data source is closed (its database was dropped): " + url);
        }
        var properties = new Properties();
        if (username != null && !username.isEmpty()) {
            properties.setProperty("user", username);
        }
        if (pass != null && !pass.isEmpty()) {
            properties.setProperty("password", pass);
        }
        return DriverManager.getConnection(url, properties);
    }

    /** Runs the clean-up (drops a fresh test database); later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cleanup.run();
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Remembered for {@link #getLoginTimeout()}; connections use the driver's own timeout. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("SimpleDataSource does not log through java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("SimpleDataSource is not a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "SimpleDataSource[" + url + (user.isEmpty() ? "" : ", user=" + user) + "]";
    }
}
