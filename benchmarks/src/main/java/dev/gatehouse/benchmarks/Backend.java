package dev.gatehouse.benchmarks;

import dev.gatehouse.spi.GatehouseStore;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A Gatehouse store implementation under test: a name, and how to open it over the benchmark's data. The suite
 * times {@link dev.gatehouse.Gatehouse}'s façade over each.
 */
public sealed interface Backend {
    /** @return the name in the report, e.g. {@code gatehouse-jdbi} */
    String name();

    /**
     * A store over the Gatehouse SQL schema, whose tables the suite has filled.
     *
     * @param name the name in the report
     * @param open opens the store over a data source (called twice: over the pool, and over a statement counter)
     */
    record OverSql(String name, Function<DataSource, GatehouseStore> open) implements Backend {}

    /**
     * A store that keeps its own data, which the suite fills through the store SPI.
     *
     * @param name the name in the report
     * @param create makes an empty store
     */
    record InMemory(String name, Supplier<GatehouseStore> create) implements Backend {}
}
