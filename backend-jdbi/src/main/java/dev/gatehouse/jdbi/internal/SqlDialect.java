package dev.gatehouse.jdbi.internal;

import dev.gatehouse.schema.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jspecify.annotations.Nullable;

/**
 * Every difference between the databases the Jdbi store runs on, in one place: how an instant is stored, which
 * isolation the store's own transactions use, where a violated constraint's name sits in an error message, and
 * which failures are worth retrying. The SQL itself is the same on all three: where one database differs in a way
 * SQL can absorb, the statement absorbs it everywhere (exact-match lookups compare lengths too, because MariaDB's
 * {@code utf8mb4_bin} collation pads trailing spaces; {@code LIKE} escapes with {@code '!'}, which no database
 * reads as a string escape).
 */
public enum SqlDialect {
    /** H2 2.x: instants in {@code TIMESTAMP WITH TIME ZONE}. */
    H2(Pattern.compile("\"(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+)[ :\"]")),
    /** PostgreSQL: instants in {@code timestamptz}. */
    POSTGRESQL(Pattern.compile("constraint \"([^\"]+)\"")),
    /**
     * MariaDB and MySQL: instants in {@code DATETIME(6)} holding UTC, so they are bound and read as UTC wall-clock
     * times (the driver would otherwise shift them into the JVM's zone). The store's own transactions run at READ
     * COMMITTED, so a read after a row lock sees what the lock holder committed, as on the other two.
     */
    MARIADB(Pattern.compile("CONSTRAINT `([^`]+)`|for key '(?:[^']*\\.)?([^'.]+)'\\s*$"));

    private final Pattern constraintName;

    SqlDialect(Pattern constraintName) {
        this.constraintName = constraintName;
    }

    /** @return the dialect for a database the schema module recognised */
    public static SqlDialect of(Dialect dialect) {
        return switch (dialect) {
            case H2 -> H2;
            case POSTGRESQL -> POSTGRESQL;
            case MARIADB, MYSQL -> MARIADB;
        };
    }

    /**
     * @return {@code instant} as every dialect stores it: to the microsecond, so what a write returns equals what a
     *     later read finds
     */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** @return {@code instant}, {@linkplain #stored(Instant) to the microsecond}, as an argument for a timestamp column */
    public Argument instant(Instant instant) {
        return this == MARIADB
                ? (position, statement, context) ->
                        statement.setObject(position, LocalDateTime.ofInstant(stored(instant), ZoneOffset.UTC))
                : (position, statement, context) ->
                        statement.setObject(position, OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
    }

    /** @return {@code instant} as an argument for a timestamp column, or SQL NULL */
    public Argument instant(Optional<Instant> instant) {
        return instant.map(this::instant)
                .orElse((position, statement, context) -> statement.setNull(position, java.sql.Types.TIMESTAMP));
    }

    /** @return the instant in a timestamp column of the current row, empty for NULL */
    public Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        if (this == MARIADB) {
            return Optional.ofNullable(row.getObject(column, LocalDateTime.class))
                    .map(local -> local.toInstant(ZoneOffset.UTC));
        }
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /**
     * @return the isolation level of the transactions the store begins itself; empty to keep the connection's
     *     (READ COMMITTED by default on H2 and PostgreSQL)
     */
    public Optional<TransactionIsolationLevel> ownTransactionIsolation() {
        return this == MARIADB ? Optional.of(TransactionIsolationLevel.READ_COMMITTED) : Optional.empty();
    }

    /** @return the name of the constraint a violation names, in lower case; empty if it names none */
    public Optional<String> violatedConstraint(SQLException violation) {
        String message = violation.getMessage();
        if (message == null || !isIntegrityViolation(violation)) {
            return Optional.empty();
        }
        var matcher = constraintName.matcher(message.lines().findFirst().orElse(""));
        if (!matcher.find()) {
            return Optional.empty();
        }
        String name = matcher.group(1) != null ? matcher.group(1) : matcher.groupCount() > 1 ? matcher.group(2) : null;
        return Optional.ofNullable(name).map(found -> found.toLowerCase(Locale.ROOT));
    }

    /** @return whether the statement broke an integrity constraint (SQLState class 23) */
    public boolean isIntegrityViolation(SQLException failure) {
        return failure.getSQLState() != null && failure.getSQLState().startsWith("23");
    }

    /**
     * @return whether the failure is a deadlock, a serialization failure or a lock timeout: the transaction was rolled
     *     back through no fault of its own and may be tried again
     */
    public boolean isTransient(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("40") || state.equals("HYT00"))
                || this == MARIADB && failure.getErrorCode() == 1205;
    }

    /** @return the SQLException behind a Jdbi failure, if any */
    public static @Nullable SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
