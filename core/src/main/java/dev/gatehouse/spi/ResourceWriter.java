package dev.gatehouse.spi;

import dev.gatehouse.model.ChildrenPolicy;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.UserId;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes resources and the tree. Siblings stay numbered 1..n after every call, under concurrency too. Every method
 * throws {@link dev.gatehouse.NoSuchResourceException} for an unknown resource.
 */
public interface ResourceWriter {
    /**
     * @throws dev.gatehouse.NoSuchResourceException for an unknown parent
     * @throws dev.gatehouse.InvalidPositionException for a position outside 1..n+1
     * @throws dev.gatehouse.NoSuchUserException / {@link dev.gatehouse.NoSuchGroupException} for an unknown owner
     */
    Resource create(NewResource resource);

    Resource rename(ResourceId id, String newName);

    /** @throws dev.gatehouse.NoSuchUserException / {@link dev.gatehouse.NoSuchGroupException} for an unknown owner */
    Resource setOwners(ResourceId id, Optional<UserId> ownerUser, Optional<GroupId> ownerGroup);

    Resource setInherit(ResourceId id, boolean inherit);

    /**
     * Moves a resource, with its subtree, under a new parent (or to the root level) at a position; empty appends.
     *
     * @throws dev.gatehouse.NoSuchResourceException for an unknown resource or parent
     * @throws dev.gatehouse.TreeCycleException if the new parent is the resource or one of its descendants
     * @throws dev.gatehouse.InvalidPositionException for a position outside 1..n (n counted after the move)
     */
    Resource move(ResourceId id, Optional<ResourceId> newParent, OptionalInt position);

    /** Deletes the resource and its whole subtree, and closes the gap among its siblings. */
    void deleteBranch(ResourceId id);

    /** Deletes one resource; its children are deleted too or moved up into its place, as {@code children} says. */
    void delete(ResourceId id, ChildrenPolicy children);
}
