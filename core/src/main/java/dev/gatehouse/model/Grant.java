package dev.gatehouse.model;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;
import java.util.Optional;

/**
 * A permission given to a user or a group, globally or on one resource.
 *
 * @param grantee a user or a group
 * @param permission the permission, possibly {@link Permission#ALL}
 * @param resource the resource, empty for a global grant
 */
public record Grant(Principal grantee, Permission permission, Optional<ResourceId> resource) {
    public Grant {
        Checks.notNull(grantee, "grantee");
        if (!grantee.isUserOrGroup()) {
            throw new InvalidInputException("grants are given to users and groups, not to " + grantee);
        }
        Checks.notNull(permission, "permission");
        Checks.notNull(resource, "resource");
    }

    public static Grant global(Principal grantee, Permission permission) {
        return new Grant(grantee, permission, Optional.empty());
    }

    public static Grant on(ResourceId resource, Principal grantee, Permission permission) {
        return new Grant(grantee, permission, Optional.of(resource));
    }

    /** @return whether the grant applies everywhere */
    public boolean isGlobal() {
        return resource.isEmpty();
    }
}
