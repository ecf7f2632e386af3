package dev.gatehouse;

import dev.gatehouse.decision.Explanation;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Principal;

/**
 * A principal that holds a permission on a resource, and why.
 *
 * @param principal a user or a group
 * @param explanation the decision that allowed it
 */
public record Access(Principal principal, Explanation explanation) {
    public Access {
        Checks.notNull(principal, "principal");
        Checks.notNull(explanation, "explanation");
    }
}
