package dev.gatehouse.model;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An access control entry: Allow or Deny, one principal, a set of permissions.
 *
 * @param action Allow or Deny
 * @param principal whom it concerns
 * @param permissions non-empty; {@link Permission#ALL} matches every permission
 */
public record Ace(Action action, Principal principal, Set<Permission> permissions) {
    public Ace {
        Checks.notNull(action, "action");
        Checks.notNull(principal, "principal");
        Checks.notNull(permissions, "permissions");
        if (permissions.isEmpty()) {
            throw new InvalidInputException("an ACE needs at least one permission (for " + principal + ")");
        }
        permissions = Set.copyOf(permissions);
    }

    public static Ace allow(Principal principal, Permission... permissions) {
        return new Ace(Action.ALLOW, principal, Set.copyOf(Arrays.asList(permissions)));
    }

    public static Ace deny(Principal principal, Permission... permissions) {
        return new Ace(Action.DENY, principal, Set.copyOf(Arrays.asList(permissions)));
    }

    /** @return whether this ACE speaks about {@code permission} (directly or through {@code ALL}) */
    public boolean covers(Permission permission) {
        return permissions.stream().anyMatch(held -> held.contains(permission));
    }

    @Override
    public String toString() {
        var names = permissions.stream().map(Permission::name).collect(Collectors.toCollection(TreeSet::new));
        return (action == Action.ALLOW ? "Allow " : "Deny ") + principal + " " + names;
    }
}
