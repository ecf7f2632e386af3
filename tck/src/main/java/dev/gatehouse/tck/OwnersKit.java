package dev.gatehouse.tck;

/** The kit's tests of owners: an owner user and an owner group hold the owner role. */
public abstract class OwnersKit extends AreaKit {
    protected OwnersKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
