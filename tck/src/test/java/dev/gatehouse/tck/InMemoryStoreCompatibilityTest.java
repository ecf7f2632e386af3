package dev.gatehouse.tck;

import dev.gatehouse.memory.InMemoryStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory reference store passes the compatibility kit")
class InMemoryStoreCompatibilityTest extends GatehouseCompatibilityKit {
    @Override
    protected StoreUnderTest newStore() {
        return StoreUnderTest.of(InMemoryStore.create());
    }
}
