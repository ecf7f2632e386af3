package dev.gatehouse.model;

import dev.gatehouse.InvalidPositionException;
import dev.gatehouse.internal.Checks;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What it takes to create a resource: {@code NewResource.of("reports", "folder").under(parent).at(1)}.
 *
 * @param name any non-blank name
 * @param type a lowercase identifier
 * @param parentId the parent, empty for a new root
 * @param position the 1-based position among the new siblings (1..n+1); empty appends at the end
 * @param ownerUser the owning user, if any
 * @param ownerGroup the owning group, if any
 * @param inherit whether grants on ancestors apply
 */
public record NewResource(
        String name,
        String type,
        Optional<ResourceId> parentId,
        OptionalInt position,
        Optional<UserId> ownerUser,
        Optional<GroupId> ownerGroup,
        boolean inherit) {
    public NewResource {
        Checks.name(name, "resource name");
        Checks.identifier(type, "resource type");
        Checks.notNull(parentId, "parentId");
        Checks.notNull(position, "position");
        position.ifPresent(p -> {
            if (p < 1) {
                throw new InvalidPositionException("position must be 1 or more, got " + p);
            }
        });
        Checks.notNull(ownerUser, "ownerUser");
        Checks.notNull(ownerGroup, "ownerGroup");
    }

    /** @return a new root resource, appended after the existing roots, inheriting, without owner */
    public static NewResource of(String name, String type) {
        return new NewResource(name, type, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                true);
    }

    public NewResource under(ResourceId parent) {
        return new NewResource(name, type, Optional.of(parent), position, ownerUser, ownerGroup, inherit);
    }

    public NewResource at(int newPosition) {
        return new NewResource(name, type, parentId, OptionalInt.of(newPosition), ownerUser, ownerGroup, inherit);
    }

    public NewResource ownedBy(UserId owner) {
        return new NewResource(name, type, parentId, position, Optional.of(owner), ownerGroup, inherit);
    }

    public NewResource ownedByGroup(GroupId owner) {
        return new NewResource(name, type, parentId, position, ownerUser, Optional.of(owner), inherit);
    }

    /** @return a copy that does not inherit its ancestors' grants */
    public NewResource notInheriting() {
        return new NewResource(name, type, parentId, position, ownerUser, ownerGroup, false);
    }
}
