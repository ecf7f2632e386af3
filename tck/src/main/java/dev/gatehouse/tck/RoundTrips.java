package dev.gatehouse.tck;

/**
 * Counts a store's round trips: SQL statements for a store built on a {@link javax.sql.DataSource} (see
 * {@link StatementCountingDataSource}), or calls into the SPI for any other store (see {@link SpiCallCounter}).
 * The kit's statement budgets are asserted on this count.
 */
public interface RoundTrips {
    /** @return round trips since the last {@link #reset()} */
    long count();

    void reset();

    /** @return what is counted, for messages: "SQL statements" or "store calls" */
    String unit();
}
