package dev.gatehouse.model;

/** What happens to the children of a single resource being deleted. */
public enum ChildrenPolicy {
    /** Delete the children and everything under them too. */
    CASCADE,
    /**
     * Move the children up to the deleted resource's parent, in their order, at the deleted resource's position.
     */
    REPARENT
}
