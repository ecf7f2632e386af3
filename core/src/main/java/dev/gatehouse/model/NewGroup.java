package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;
import java.util.Optional;

/**
 * What it takes to create a group.
 *
 * @param name unique, compared case-insensitively
 * @param description free text, if any
 */
public record NewGroup(String name, Optional<String> description) {
    public NewGroup {
        Checks.name(name, "group name");
        description = Checks.description(description);
    }

    public static NewGroup named(String name) {
        return new NewGroup(name, Optional.empty());
    }

    public NewGroup withDescription(String text) {
        return new NewGroup(name, Optional.of(text));
    }
}
