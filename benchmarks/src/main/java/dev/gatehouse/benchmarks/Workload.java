package dev.gatehouse.benchmarks;

/**
 * One contender's way of doing one {@link Task}, ready to be timed. Not thread-safe: each is called from one
 * benchmark thread.
 */
public interface Workload {
    /** @return the answer (kept alive by JMH's blackhole, and summarised in the report) */
    Object run() throws Exception;

    /**
     * Called, unmeasured, before a batch of {@code calls} calls of {@link #run()}: a revoke benchmark grants what the
     * batch will revoke. Reads ignore it.
     */
    default void beforeBatch(int calls) throws Exception {}

    /** Called, unmeasured, after a batch: a grant benchmark revokes what the batch granted. */
    default void afterBatch() throws Exception {}
}
