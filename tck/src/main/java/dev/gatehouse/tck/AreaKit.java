package dev.gatehouse.tck;

import dev.gatehouse.Gatehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of each area of the kit: a fresh {@link KitFixture} before every test, the invariants after it. Each
 * area is a top-level class so the kit reads area by area; {@link GatehouseCompatibilityKit} nests them all.
 */
public abstract class AreaKit {
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

    @AfterEach
    final void invariantsHold() {
        fixture.assertInvariants();
    }
}
