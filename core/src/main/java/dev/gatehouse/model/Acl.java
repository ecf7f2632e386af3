package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * An ordered access control list; the first matching entry decides.
 *
 * @param entries the entries in order
 */
public record Acl(List<Ace> entries) {
    /** The empty list. */
    public static final Acl EMPTY = new Acl(List.of());

    public Acl {
        Checks.notNull(entries, "entries");
        entries = List.copyOf(entries);
    }

    public static Acl of(Ace... entries) {
        return new Acl(Arrays.asList(entries));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
