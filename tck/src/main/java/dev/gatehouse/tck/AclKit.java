package dev.gatehouse.tck;

/** The kit's tests of explicit ACLs, where Deny lives. */
public abstract class AclKit extends AreaKit {
    protected AclKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
