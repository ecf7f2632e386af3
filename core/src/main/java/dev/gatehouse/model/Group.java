package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;
import java.util.Optional;

/**
 * A group of users. A group with no members still holds its grants.
 *
 * @param id the store's id
 * @param name unique, compared case-insensitively
 * @param description free text, if any
 */
public record Group(GroupId id, String name, Optional<String> description) {
    public Group {
        Checks.notNull(id, "group id");
        Checks.name(name, "group name");
        description = Checks.description(description);
    }

    /** @return this group as a principal */
    public Principal principal() {
        return Principal.group(id);
    }
}
