package dev.gatehouse.tck;

/** The kit's tests of bad input: rejected calls change nothing and raise the documented type. */
public abstract class BadInputKit extends AreaKit {
    protected BadInputKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
