package dev.gatehouse.tck;

/** The kit's tests of global grants and resource grants, for users and groups. */
public abstract class GrantsKit extends AreaKit {
    protected GrantsKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
