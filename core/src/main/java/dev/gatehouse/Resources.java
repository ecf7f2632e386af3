package dev.gatehouse;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.ChildrenPolicy;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.TreeNode;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.GatehouseStore;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Resources and their trees. Siblings are numbered 1..n without gaps after every call; moves are validated (no
 * cycles, no missing parent, positions inside 1..n).
 */
public final class Resources {
    private final GatehouseStore store;

    Resources(GatehouseStore store) {
        this.store = store;
    }

    /**
     * @throws NoSuchResourceException for a missing parent
     * @throws InvalidPositionException for a position outside 1..n+1
     */
    public Resource create(NewResource resource) {
        return store.resources().create(Checks.notNull(resource, "resource"));
    }

    public Optional<Resource> byId(ResourceId id) {
        return store.resources().byId(Checks.notNull(id, "resource id"));
    }

    /** @throws NoSuchResourceException if there is no such resource */
    public Resource require(ResourceId id) {
        return byId(id).orElseThrow(() -> new NoSuchResourceException("no resource with id " + id));
    }

    public Resource rename(ResourceId id, String newName) {
        Checks.notNull(id, "resource id");
        return store.resources().rename(id, Checks.name(newName, "resource name"));
    }

    /** Sets (or, with empty values, clears) the owner user and owner group. */
    public Resource changeOwners(ResourceId id, Optional<UserId> ownerUser, Optional<GroupId> ownerGroup) {
        Checks.notNull(id, "resource id");
        Checks.notNull(ownerUser, "ownerUser");
        Checks.notNull(ownerGroup, "ownerGroup");
        return store.resources().setOwners(id, ownerUser, ownerGroup);
    }

    /** Whether grants on ancestors apply to this resource. */
    public Resource setInherit(ResourceId id, boolean inherit) {
        return store.resources().setInherit(Checks.notNull(id, "resource id"), inherit);
    }

    /** @return the roots (for an empty parent) or the parent's children, in order */
    public List<Resource> children(Optional<ResourceId> parent) {
        return store.resources().children(Checks.notNull(parent, "parent"));
    }

    public int childrenCount(Optional<ResourceId> parent) {
        return store.resources().childrenCount(Checks.notNull(parent, "parent"));
    }

    /**
     * @param maxDepth levels below the root to include, 0 or more
     * @return the subtree depth-first, siblings in order
     */
    public List<TreeNode> subtree(ResourceId root, int maxDepth) {
        Checks.notNull(root, "root");
        if (maxDepth < 0) {
            throw new InvalidInputException("maxDepth must not be negative, got " + maxDepth);
        }
        return store.resources().subtree(root, maxDepth);
    }

    /** @return the resource, its parent, …, its root */
    public List<Resource> pathToRoot(ResourceId id) {
        return store.resources().pathToRoot(Checks.notNull(id, "resource id"));
    }

    /**
     * Moves a resource and its subtree.
     *
     * @param newParent the new parent, empty for the root level
     * @param position 1..n among the new siblings; empty appends
     * @throws TreeCycleException if the new parent is the resource or one of its descendants
     * @throws NoSuchResourceException if the resource or the new parent does not exist
     * @throws InvalidPositionException if the position is outside 1..n among the new siblings
     */
    public Resource move(ResourceId id, Optional<ResourceId> newParent, OptionalInt position) {
        Checks.notNull(id, "resource id");
        Checks.notNull(newParent, "newParent");
        Checks.notNull(position, "position");
        if (position.isPresent() && position.getAsInt() < 1) {
            throw new InvalidPositionException("position must be 1 or more, got " + position.getAsInt());
        }
        return store.resources().move(id, newParent, position);
    }

    /** Deletes the resource and its whole subtree; later siblings move up. */
    public void deleteBranch(ResourceId id) {
        store.resources().deleteBranch(Checks.notNull(id, "resource id"));
    }

    /** Deletes one resource; the caller chooses whether its children go too or take its place. */
    public void delete(ResourceId id, ChildrenPolicy children) {
        store.resources().delete(Checks.notNull(id, "resource id"), Checks.notNull(children, "children policy"));
    }
}
