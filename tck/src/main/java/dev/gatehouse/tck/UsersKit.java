package dev.gatehouse.tck;

/** The kit's tests of users and lookups: names and emails compare ignoring case. */
public abstract class UsersKit extends AreaKit {
    protected UsersKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
