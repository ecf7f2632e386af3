package dev.gatehouse;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Subject;
import java.util.Set;

/**
 * A subject with its effective principals already fetched. Checks with a resolved subject skip the principal
 * lookup: one statement on SQL stores. Resolve once per request, not once per application.
 *
 * @param subject who is asking
 * @param principals the effective principals at the time of resolution
 */
public record ResolvedSubject(Subject subject, Set<Principal> principals) {
    public ResolvedSubject {
        Checks.notNull(subject, "subject");
        principals = Set.copyOf(principals);
    }

    /** @return whether the subject is an active, known user */
    public boolean isAuthenticated() {
        return principals.contains(Principal.AUTHENTICATED);
    }
}
