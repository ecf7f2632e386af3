package dev.gatehouse.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Migrations#migrate(javax.sql.DataSource)} did.
 *
 * @param dialect the database it recognised
 * @param previousVersion the schema version before, empty if the schema was not there
 * @param currentVersion the schema version now, e.g. {@code "1"}
 * @param applied the versions applied by this run, oldest first; empty when the schema was up to date
 */
public record MigrationResult(
        Dialect dialect, Optional<String> previousVersion, String currentVersion, List<String> applied) {
    public MigrationResult {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(previousVersion, "previousVersion");
        Objects.requireNonNull(currentVersion, "currentVersion");
        applied = List.copyOf(applied);
    }

    /** @return whether this run changed the schema */
    public boolean changed() {
        return !applied.isEmpty();
    }
}
