package dev.gatehouse.model;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;
import java.util.Optional;

/**
 * A role held by a user or a group: globally (the principal then carries {@code role:<name>}), or on one
 * resource (cone.app's principal roles, "sharing").
 *
 * @param holder a user or a group
 * @param role the role's name, resolved through the role catalog
 * @param resource the resource, empty for a global role
 */
public record RoleAssignment(Principal holder, String role, Optional<ResourceId> resource) {
    public RoleAssignment {
        Checks.notNull(holder, "holder");
        if (!holder.isUserOrGroup()) {
            throw new InvalidInputException("roles are assigned to users and groups, not to " + holder);
        }
        Checks.identifier(role, "role name");
        Checks.notNull(resource, "resource");
    }

    public static RoleAssignment global(Principal holder, String role) {
        return new RoleAssignment(holder, role, Optional.empty());
    }

    public static RoleAssignment on(ResourceId resource, Principal holder, String role) {
        return new RoleAssignment(holder, role, Optional.of(resource));
    }

    public boolean isGlobal() {
        return resource.isEmpty();
    }
}
