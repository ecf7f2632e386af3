package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;

/**
 * The id of a {@link Resource}, assigned by the store.
 *
 * @param value a positive number
 */
public record ResourceId(long value) implements Comparable<ResourceId> {
    public ResourceId {
        Checks.positiveId(value, "resource id");
    }

    /** @return the id with this value */
    public static ResourceId of(long value) {
        return new ResourceId(value);
    }

    @Override
    public int compareTo(ResourceId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
