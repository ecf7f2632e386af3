package dev.gatehouse.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The one JMH benchmark: runs the {@link Workload} registered under {@link #workload}. The suite registers a
 * workload, then runs this benchmark in the same JVM (forks 0) with the workload's key as the parameter, so the
 * data loaded once (the databases, the in-memory store, jCasbin's model) serves every benchmark.
 */
@State(Scope.Thread)
public class WorkloadBenchmark {
    private static final Map<String, Workload> REGISTERED = new ConcurrentHashMap<>();

    /** The key the workload was registered under. */
    @Param("unset")
    public String workload;

    /** How many calls each measured batch makes (single-shot mode); reads ignore it. */
    @Param("1")
    public int batchSize;

    private Workload target;

    /** Makes a workload available to the next run under {@code key}. */
    static void register(String key, Workload workload) {
        REGISTERED.put(key, workload);
    }

    static void unregister(String key) {
        REGISTERED.remove(key);
    }

    @Setup(Level.Trial)
    public void find() {
        target = REGISTERED.get(workload);
        if (target == null) {
            throw new IllegalStateException("no workload registered as '" + workload + "'");
        }
    }

    @Setup(Level.Iteration)
    public void beforeIteration() throws Exception {
        target.beforeBatch(batchSize);
    }

    @TearDown(Level.Iteration)
    public void afterIteration() throws Exception {
        target.afterBatch();
    }

    @Benchmark
    public Object run() throws Exception {
        return target.run();
    }
}
