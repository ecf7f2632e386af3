package dev.gatehouse.tck;

/** The kit's tests of sign-in and tickets. */
public abstract class SignInKit extends AreaKit {
    protected SignInKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
