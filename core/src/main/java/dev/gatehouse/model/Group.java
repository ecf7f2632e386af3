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
    /** Longest description, in characters. */
    public static final int MAX_DESCRIPTION_LENGTH = 2000;

    public Group {
        Checks.notNull(id, "group id");
        Checks.name(name, "group name");
        description = checkDescription(description);
    }

    /** @return this group as a principal */
    public Principal principal() {
        return Principal.group(id);
    }

    static Optional<String> checkDescription(Optional<String> description) {
        Checks.notNull(description, "description");
        description.ifPresent(text -> {
            if (text.length() > MAX_DESCRIPTION_LENGTH) {
                throw new dev.gatehouse.InvalidInputException(
                        "description must be at most " + MAX_DESCRIPTION_LENGTH + " characters, got " + text.length());
            }
        });
        return description;
    }
}
