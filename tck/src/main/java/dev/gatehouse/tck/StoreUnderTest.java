package dev.gatehouse.tck;

import dev.gatehouse.spi.GatehouseStore;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A fresh store for one test, with the counter the kit asserts statement budgets on.
 *
 * @param store the store, as the kit will use it
 * @param roundTrips counts the store's round trips
 */
public record StoreUnderTest(GatehouseStore store, RoundTrips roundTrips) {

    /** A store without a DataSource: the kit counts calls into its SPI. */
    public static StoreUnderTest of(GatehouseStore store) {
        var counter = new SpiCallCounter();
        return new StoreUnderTest(counter.wrap(store), counter);
    }

    /**
     * An SQL store: the kit wraps {@code dataSource} to count statements and hands the wrapper to {@code factory},
     * which builds the store on it.
     */
    public static StoreUnderTest sql(DataSource dataSource, Function<DataSource, GatehouseStore> factory) {
        var counting = new StatementCountingDataSource(dataSource);
        return new StoreUnderTest(factory.apply(counting), counting);
    }
}
