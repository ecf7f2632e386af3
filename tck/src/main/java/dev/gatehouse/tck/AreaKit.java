package dev.gatehouse.tck;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of each area of the kit: a fresh {@link KitFixture} before every test, the invariants after it. Each
 * area is a top-level class so the kit reads area by area; {@link GatehouseCompatibilityKit} nests them all.
 */
public abstract class AreaKit {
    protected static final Permission VIEW = Permission.of("view");
    protected static final Permission LIST = Permission.of("list");
    protected static final Permission EDIT = Permission.of("edit");
    protected static final Permission DELETE = Permission.of("delete");
    protected static final Permission MANAGE = Permission.of("manage");
    protected static final Permission LOGIN = Permission.of("login");
    /** Not in the default catalog: only a grant, an owner with ALL or an explicit entry gives it. */
    protected static final Permission PUBLISH = Permission.of("publish");

    private final GatehouseCompatibilityKit kit;
    /** The current test's world. */
    protected KitFixture fixture;
    /** Shorthand for {@code fixture.gatehouse()}. */
    protected Gatehouse gatehouse;

    protected AreaKit(GatehouseCompatibilityKit kit) {
        this.kit = kit;
    }

    @BeforeEach
    final void freshStore() {
        fixture = new KitFixture(kit.newStore());
        gatehouse = fixture.gatehouse();
    }

    /** @return whether {@code user} holds {@code permission} on {@code resource} */
    protected boolean may(User user, Permission permission, Resource resource) {
        return gatehouse.permissions().check(Subject.user(user.id()), permission, resource.id());
    }

    @AfterEach
    final void invariantsHold() {
        fixture.assertInvariants();
    }
}
