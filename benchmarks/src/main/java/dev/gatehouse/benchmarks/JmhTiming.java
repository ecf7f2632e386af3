package dev.gatehouse.benchmarks;

import java.time.Duration;

/**
 * How long JMH warms up and measures each benchmark: {@code warmupIterations} then {@code iterations}, each
 * {@code iterationTime} long (sample mode); writes run the same number of single-shot batches, each batch about one
 * iteration time long.
 *
 * @param warmupIterations warmup iterations
 * @param iterations measured iterations
 * @param iterationTime the length of each
 */
public record JmhTiming(int warmupIterations, int iterations, Duration iterationTime) {
    public JmhTiming {
        if (warmupIterations < 0 || iterations < 1 || iterationTime.isNegative() || iterationTime.isZero()) {
            throw new IllegalArgumentException("bad JMH timing: " + warmupIterations + " warmup and " + iterations
                    + " measured iterations of " + iterationTime);
        }
    }

    /** @return the timing {@code benchmarks/run} uses for a size */
    public static JmhTiming forSize(DataSize size) {
        return switch (size) {
            case S -> new JmhTiming(1, 3, Duration.ofMillis(100));
            case M -> new JmhTiming(2, 4, Duration.ofMillis(200));
            case L -> new JmhTiming(3, 5, Duration.ofMillis(500));
        };
    }

    /** @return the shortest timing that still warms up and measures: for the smoke test */
    public static JmhTiming smoke() {
        return new JmhTiming(1, 2, Duration.ofMillis(20));
    }

    @Override
    public String toString() {
        return warmupIterations + " warmup + " + iterations + " measured iterations of " + iterationTime.toMillis()
                + " ms";
    }
}
