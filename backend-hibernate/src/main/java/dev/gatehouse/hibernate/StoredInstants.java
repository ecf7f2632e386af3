package dev.gatehouse.hibernate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as the schema stores them: to the microsecond ({@code TIMESTAMP(6)}, {@code DATETIME(6)}), in UTC. */
final class StoredInstants {
    private StoredInstants() {}

    /** @return the instant as it reads back from the database, so that what a write returns equals a later read */
    static Instant truncated(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
