package dev.gatehouse.model;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;

/**
 * A resource within a subtree listing.
 *
 * @param resource the resource
 * @param depth 0 for the subtree's root, 1 for its children, …
 */
public record TreeNode(Resource resource, int depth) {
    public TreeNode {
        Checks.notNull(resource, "resource");
        if (depth < 0) {
            throw new InvalidInputException("depth must not be negative, got " + depth);
        }
    }
}
