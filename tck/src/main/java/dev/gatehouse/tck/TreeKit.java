package dev.gatehouse.tck;

/** The kit's tests of the resource tree: positions, subtrees, paths, moves and deletes. */
public abstract class TreeKit extends AreaKit {
    protected TreeKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
