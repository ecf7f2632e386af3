package dev.gatehouse.tck;

/** The kit's tests of random worlds: the store decides exactly as the in-memory reference. */
public abstract class DifferentialKit extends AreaKit {
    protected DifferentialKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
