package dev.gatehouse.spi;

import java.util.Set;

/**
 * A set of resource types, written as either "these types" or "every type except these".
 *
 * @param complement whether {@code types} lists the exceptions rather than the members
 * @param types the listed types
 */
public record TypeScope(boolean complement, Set<String> types) {
    /** No type. */
    public static final TypeScope NONE = new TypeScope(false, Set.of());
    /** Every type. */
    public static final TypeScope ALL = new TypeScope(true, Set.of());

    public TypeScope {
        types = Set.copyOf(types);
    }

    public boolean contains(String type) {
        return complement != types.contains(type);
    }

    public boolean isNone() {
        return !complement && types.isEmpty();
    }
}
