package dev.gatehouse.spi;

import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.TreeNode;
import java.util.List;
import java.util.Optional;

/** Reads resources and the tree. */
public interface ResourceReader {
    Optional<Resource> byId(ResourceId id);

    /**
     * @param parent the parent, or empty for the roots
     * @return the children in ordering order
     * @throws dev.gatehouse.NoSuchResourceException for an unknown parent
     */
    List<Resource> children(Optional<ResourceId> parent);

    /**
     * @return how many children the parent (or the root level) has
     * @throws dev.gatehouse.NoSuchResourceException for an unknown parent
     */
    int childrenCount(Optional<ResourceId> parent);

    /**
     * @param root the subtree's root
     * @param maxDepth how deep to go below the root (0: the root alone)
     * @return the subtree in depth-first order, siblings by ordering
     * @throws dev.gatehouse.NoSuchResourceException for an unknown root
     */
    List<TreeNode> subtree(ResourceId root, int maxDepth);

    /**
     * @return the resource, then its parent, …, then its root
     * @throws dev.gatehouse.NoSuchResourceException for an unknown resource
     */
    List<Resource> pathToRoot(ResourceId id);
}
