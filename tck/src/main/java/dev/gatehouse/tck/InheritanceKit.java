package dev.gatehouse.tck;

/** The kit's tests of inherit as a stop. */
public abstract class InheritanceKit extends AreaKit {
    protected InheritanceKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
