package dev.gatehouse.tck;

/** The kit's tests of passwords and security codes. */
public abstract class PasswordsAndCodesKit extends AreaKit {
    protected PasswordsAndCodesKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
