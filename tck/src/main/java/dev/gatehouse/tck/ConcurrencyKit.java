package dev.gatehouse.tck;

/** The kit's tests of concurrency: parallel grants, moves and sign-ins. */
public abstract class ConcurrencyKit extends AreaKit {
    protected ConcurrencyKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
