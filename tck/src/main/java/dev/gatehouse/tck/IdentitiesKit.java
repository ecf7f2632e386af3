package dev.gatehouse.tck;

/** The kit's tests of external identities. */
public abstract class IdentitiesKit extends AreaKit {
    protected IdentitiesKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
