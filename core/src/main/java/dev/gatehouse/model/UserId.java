package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;

/**
 * The id of a {@link User}, assigned by the store.
 *
 * @param value a positive number
 */
public record UserId(long value) implements Comparable<UserId> {
    public UserId {
        Checks.positiveId(value, "user id");
    }

    /** @return the id with this value */
    public static UserId of(long value) {
        return new UserId(value);
    }

    @Override
    public int compareTo(UserId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
