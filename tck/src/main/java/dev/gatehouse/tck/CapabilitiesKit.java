package dev.gatehouse.tck;

/** The kit's tests of declared capabilities, both sides. */
public abstract class CapabilitiesKit extends AreaKit {
    protected CapabilitiesKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
