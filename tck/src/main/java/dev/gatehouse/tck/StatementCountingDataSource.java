package dev.gatehouse.tck;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that counts the SQL statements executed through it: every {@code execute…} call on a statement, and
 * each batch as one. Transaction control ({@code commit}, {@code rollback}, {@code setAutoCommit}) is not counted.
 * Thread-safe.
 */
public final class StatementCountingDataSource implements DataSource, RoundTrips {
    private static final ResultMapper AS_IS = (method, result) -> result;

    private final DataSource target;
    private final AtomicLong statements = new AtomicLong();

    public StatementCountingDataSource(DataSource target) {
        this.target = target;
    }

    @Override
    public long count() {
        return statements.get();
    }

    @Override
    public void reset() {
        statements.set(0);
    }

    @Override
    public String unit() {
        return "SQL statements";
    }

    @Override
    public Connection getConnection() throws SQLException {
        return countingConnection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return countingConnection(target.getConnection(username, password));
    }

    private Connection countingConnection(Connection connection) {
        return proxy(Connection.class, connection, (method, result) -> {
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, statement, AS_IS);
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, AS_IS);
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, statement, AS_IS);
            }
            return result;
        });
    }

    @FunctionalInterface
    private interface ResultMapper {
        Object map(Method method, Object result) throws Exception;
    }

    private <T> T proxy(Class<T> type, T target, ResultMapper mapper) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return target;
            }
            if (Statement.class.isAssignableFrom(type) && method.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            try {
                return mapper.map(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(target) ? iface.cast(target) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(target) || target.isWrapperFor(iface);
    }
}
