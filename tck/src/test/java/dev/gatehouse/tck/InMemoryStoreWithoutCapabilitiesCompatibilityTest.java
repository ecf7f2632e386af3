package dev.gatehouse.tck;

import dev.gatehouse.memory.InMemoryStore;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;

/** Runs the kit's "capability absent" side: a store that declares no optional capability. */
@DisplayName("The in-memory store without optional capabilities passes the compatibility kit")
class InMemoryStoreWithoutCapabilitiesCompatibilityTest extends GatehouseCompatibilityKit {
    @Override
    protected StoreUnderTest newStore() {
        return StoreUnderTest.of(InMemoryStore.withCapabilities(Set.of()));
    }
}
