package dev.gatehouse.spi;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.UserId;
import java.util.List;
import java.util.Optional;

/**
 * One node of a lineage as a decision needs it. A store may leave out ACEs, grants and role assignments whose
 * principal is not among the principals asked about; it must keep the explicit ACEs' stored order.
 *
 * @param id the resource
 * @param type its type
 * @param inherit whether the walk continues to its parent
 * @param ownerUser its owning user, if any
 * @param ownerGroup its owning group, if any
 * @param explicitAces its explicit ACL entries, in stored order
 * @param grants grants on this resource
 * @param roles role assignments on this resource (principal roles)
 */
public record NodeFacts(
        ResourceId id,
        String type,
        boolean inherit,
        Optional<UserId> ownerUser,
        Optional<GroupId> ownerGroup,
        List<Ace> explicitAces,
        List<Grant> grants,
        List<RoleAssignment> roles) {
    public NodeFacts {
        Checks.notNull(id, "id");
        Checks.notNull(type, "type");
        Checks.notNull(ownerUser, "ownerUser");
        Checks.notNull(ownerGroup, "ownerGroup");
        explicitAces = List.copyOf(explicitAces);
        grants = List.copyOf(grants);
        roles = List.copyOf(roles);
    }
}
