package dev.gatehouse.spi;

import java.util.Set;

/**
 * A persistence backend: the one object a {@link dev.gatehouse.Gatehouse} is built from. Stores persist and fetch;
 * core decides. Implementations are thread-safe; every method that writes more than one row is atomic, and joins
 * the caller's transaction the way its data-access library does.
 */
public interface GatehouseStore {
    UserStore users();

    GroupStore groups();

    ResourceStore resources();

    PermissionStore permissions();

    IdentityStore identities();

    AccessQueries access();

    /** @return the optional behaviour this store supports */
    Set<Capability> capabilities();
}
