package dev.gatehouse.tck;

/** The kit's tests of groups and their members. */
public abstract class GroupsKit extends AreaKit {
    protected GroupsKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
