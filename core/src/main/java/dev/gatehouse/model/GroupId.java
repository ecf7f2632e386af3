package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;

/**
 * The id of a {@link Group}, assigned by the store.
 *
 * @param value a positive number
 */
public record GroupId(long value) implements Comparable<GroupId> {
    public GroupId {
        Checks.positiveId(value, "group id");
    }

    /** @return the id with this value */
    public static GroupId of(long value) {
        return new GroupId(value);
    }

    @Override
    public int compareTo(GroupId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
