package dev.gatehouse.cli;

import dev.gatehouse.spi.GatehouseStore;

/**
 * A store opened by a {@link Backend}, how to run several of its calls in one transaction, and how to let go of
 * what the backend built for it.
 *
 * @param store the store
 * @param transactions the transactions its calls join
 * @param release closes what the backend opened for the store (a session factory…); runs once, at the end
 */
record OpenedStore(GatehouseStore store, Transactions transactions, Runnable release) implements AutoCloseable {
    @Override
    public void close() {
        release.run();
    }
}
