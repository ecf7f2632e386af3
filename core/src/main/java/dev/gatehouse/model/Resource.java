package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;
import java.util.Optional;

/**
 * A node of a resource tree.
 *
 * @param id the store's id
 * @param name any non-blank name (not unique)
 * @param type the resource type, a lowercase identifier that selects the base ACL
 * @param parentId the parent, empty for a root
 * @param ordering the 1-based position among its siblings; siblings are always numbered 1..n without gaps
 * @param ownerUser the owning user, if any
 * @param ownerGroup the owning group, if any
 * @param inherit whether grants on ancestors apply to this resource
 */
public record Resource(
        ResourceId id,
        String name,
        String type,
        Optional<ResourceId> parentId,
        int ordering,
        Optional<UserId> ownerUser,
        Optional<GroupId> ownerGroup,
        boolean inherit) {
    public Resource {
        Checks.notNull(id, "resource id");
        Checks.name(name, "resource name");
        Checks.identifier(type, "resource type");
        Checks.notNull(parentId, "parentId");
        Checks.positive(ordering, "ordering");
        Checks.notNull(ownerUser, "ownerUser");
        Checks.notNull(ownerGroup, "ownerGroup");
    }

    /** @return whether the resource has no parent */
    public boolean isRoot() {
        return parentId.isEmpty();
    }
}
