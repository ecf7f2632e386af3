package dev.gatehouse.tck;

/** The kit's tests of roles: global roles and principal roles, with and without inheritance. */
public abstract class RolesKit extends AreaKit {
    protected RolesKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
