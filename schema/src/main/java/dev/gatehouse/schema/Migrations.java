package dev.gatehouse.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the Gatehouse tables. This is the only supported way to create them:
 *
 * <pre>{@code
 * Migrations.migrate(dataSource);   // at start-up, before the application's own migrations
 * }</pre>
 *
 * <p>The dialect is recognised from the connection's metadata (H2, PostgreSQL, MariaDB, MySQL). The tables go into
 * the connection's current schema (PostgreSQL, H2) or database (MariaDB, MySQL), next to the application's own
 * tables; the applied versions are recorded in the Flyway table {@value Tables#SCHEMA_HISTORY}, separate from the
 * application's {@code flyway_schema_history}. Running it again is a no-op. Concurrent runs are safe: Flyway
 * serialises them with a database lock.
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class Migrations {
    /** The classpath folder that holds one sub-folder of migrations per dialect. */
    public static final String LOCATION_ROOT = "db/gatehouse";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    /**
     * Brings the Gatehouse tables in the data source's current schema up to the latest version.
     *
     * @param dataSource where the tables live; not null
     * @return what was done
     * @throws MigrationException if the database is not supported (the message names the product and version), or
     *     a migration fails
     */
    public static MigrationResult migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Dialect dialect = dialectOf(dataSource);
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + dialect.location())
                // Flyway quotes the name: on H2, whose unquoted names are uppercase, give it in uppercase too
                .table(dialect == Dialect.H2 ? Tables.SCHEMA_HISTORY.toUpperCase(Locale.ROOT) : Tables.SCHEMA_HISTORY)
                // The application's tables may already be in the schema: record a baseline below version 1 and
                // apply every Gatehouse migration on top of it.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("before Gatehouse")
                .placeholderReplacement(false)
                .failOnMissingLocations(true)
                .load();
        try {
            Optional<String> before = currentVersion(flyway);
            MigrateResult result = flyway.migrate();
            var applied = result.migrations.stream().map(output -> output.version).toList();
            String now = currentVersion(flyway).orElseThrow(
                    () -> new MigrationException("no Gatehouse migration found for " + dialect.productName()
                            + " under classpath:" + dialect.location()));
            if (applied.isEmpty()) {
                LOG.debug("Gatehouse schema is up to date at version {} on {}", now, dialect.productName());
            } else {
                LOG.info("Gatehouse schema migrated from {} to version {} on {}", before.orElse("nothing"), now,
                        dialect.productName());
            }
            return new MigrationResult(dialect, before, now, applied);
        } catch (FlywayException e) {
            throw new MigrationException(
                    "migrating the Gatehouse schema on " + dialect.productName() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Recognises the database behind a data source.
     *
     * @param dataSource the data source; not null
     * @return its dialect
     * @throws MigrationException if the database is not supported or cannot be reached
     */
    public static Dialect dialectOf(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection.getMetaData());
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database's metadata: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every row of every Gatehouse table, in one transaction, leaving the schema in place: for tests and
     * demos that want an empty store without migrating again. Resources are detached from their parents first, so
     * no cascade runs deeper than one level (InnoDB stops cascading at 15).
     *
     * @param dataSource the data source; not null
     * @throws MigrationException if a statement fails (nothing is deleted then)
     */
    public static void deleteAllRows(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE " + Tables.RESOURCES + " SET parent_id = NULL");
                for (var table : Tables.ALL.reversed()) {
                    statement.executeUpdate("DELETE FROM " + table);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot delete the Gatehouse rows: " + e.getMessage(), e);
        }
    }

    private static Optional<String> currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        if (current == null || current.getVersion() == null) {
            return Optional.empty();
        }
        return Optional.of(current.getVersion().getVersion());
    }
}
