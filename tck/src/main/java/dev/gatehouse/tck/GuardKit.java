package dev.gatehouse.tck;

/** The kit's tests of the guard. */
public abstract class GuardKit extends AreaKit {
    protected GuardKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
