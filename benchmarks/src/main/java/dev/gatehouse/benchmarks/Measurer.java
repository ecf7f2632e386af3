package dev.gatehouse.benchmarks;

import dev.gatehouse.model.Page;
import dev.gatehouse.tck.RoundTrips;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Measures one contender on one task: first a probe on the contender's statement-counting twin (a warm-up call,
 * then a few counted calls, which also give the answer), then JMH on the contender itself, on an idle CPU and, if
 * asked, with one core kept busy. A call slower than the limit is not repeated under JMH: its probe time is
 * reported instead; one still running at ten times the limit is cancelled. A {@code checkAll} that would take more
 * than ten times the limit, judging by the contender's single check, is not run at all. Not thread-safe.
 */
final class Measurer {
    /** How the reason of a measurement that failed starts. */
    static final String FAILED = "failed: ";
    private static final int COUNTED_CALLS = 3;
    private static final double SLOW_PROBE_MICROS = 50_000;
    private static final int CHECK_ALL_SIZE = 100;
    private static final int LARGEST_BATCH = 1_000;
    private static final AtomicLong KEYS = new AtomicLong();

    private final JmhTiming timing;
    private final boolean alsoLoaded;
    private final Duration slowCallLimit;
    /** The fastest single check seen per contender ("name on where"), in microseconds. */
    private final Map<String, Double> checkMicros = new HashMap<>();

    Measurer(JmhTiming timing, boolean alsoLoaded, Duration slowCallLimit) {
        this.timing = timing;
        this.alsoLoaded = alsoLoaded;
        this.slowCallLimit = slowCallLimit;
    }

    /**
     * A contender, its twin over a statement-counting data source (the same object in memory), and how to cancel
     * the statements running on its database (nothing can stop a call in memory).
     */
    record Entrant(Contender timed, Contender counted, Optional<RoundTrips> statements,
            Optional<Runnable> cancelStatements) {}

    /** @return the measurement; a task that throws is reported as not measured, with the failure, and the run goes on */
    Measurement measure(Task task, Entrant entrant) {
        try {
            return measureOrFail(task, entrant);
        } catch (Exception | AssertionError e) {
            return Measurement.notMeasured(task, entrant.timed(), FAILED + e);
        }
    }

    private Measurement measureOrFail(Task task, Entrant entrant) throws Exception {
        var contender = entrant.timed();
        String contenderKey = contender.name() + " on " + contender.where();
        var probeAnswer = entrant.counted().prepare(task);
        if (probeAnswer instanceof Contender.Answer.NotAnswered(String reason)) {
            return Measurement.notMeasured(task, contender, reason);
        }
        if (task.operation() == Operation.CHECK_ALL && checkMicros.containsKey(contenderKey)) {
            double estimate = checkMicros.get(contenderKey) * CHECK_ALL_SIZE;
            if (estimate > slowCallLimit.toNanos() / 1_000.0 * 10) {
                return Measurement.notMeasured(task, contender, "not run: 100 checks at "
                        + Report.time(checkMicros.get(contenderKey)) + " each would take about "
                        + Report.time(estimate));
            }
        }
        var probe = probe(task, ((Contender.Answer.Ready) probeAnswer).workload(), entrant);
        if (probe.aborted()) {
            return new Measurement(task, contender.name(), contender.where(), Optional.empty(),
                    OptionalDouble.of(probe.callMicros()), OptionalDouble.empty(), probe.statements(),
                    "cancelled", Measurement.Method.ABORTED);
        }
        if (task.operation() == Operation.CHECK_KNOWN || task.operation() == Operation.CHECK_UNKNOWN) {
            checkMicros.merge(contenderKey, probe.callMicros(), Math::min);
        }
        if (probe.callMicros() > slowCallLimit.toNanos() / 1_000.0) {
            return new Measurement(task, contender.name(), contender.where(), Optional.empty(),
                    OptionalDouble.of(probe.callMicros()), OptionalDouble.empty(), probe.statements(),
                    probe.answer(), Measurement.Method.ONE_CALL);
        }
        double idle = time(task, contender, probe.callMicros());
        OptionalDouble loaded = OptionalDouble.empty();
        if (alsoLoaded) {
            var load = CpuLoad.start();
            try {
                loaded = OptionalDouble.of(time(task, contender, probe.callMicros()));
            } finally {
                load.stop();
            }
        }
        return new Measurement(task, contender.name(), contender.where(), Optional.empty(), OptionalDouble.of(idle),
                loaded, probe.statements(), probe.answer(), Measurement.Method.JMH);
    }

    private record Probe(double callMicros, OptionalDouble statements, String answer, boolean aborted) {}

    /**
     * Calls the workload once to warm it (and its caches) up, then counts the statements of one or three more calls:
     * three when the first was quick. A first call slower than ten times the limit is the only one. A call still
     * running at that deadline has its statements cancelled (on a database; nothing stops a call in memory) and is
     * reported as aborted.
     */
    private Probe probe(Task task, Workload workload, Entrant entrant) throws Exception {
        var statements = entrant.statements();
        double deadlineMicros = slowCallLimit.toNanos() / 100.0;
        workload.beforeBatch(1 + COUNTED_CALLS);
        try {
            statements.ifPresent(RoundTrips::reset);
            long start = System.nanoTime();
            String answer;
            try (var watchdog = Watchdog.start(deadlineMicros, entrant.cancelStatements())) {
                try {
                    answer = describe(task, workload.run());
                } catch (Exception e) {
                    if (watchdog.fired()) {
                        return new Probe(deadlineMicros, OptionalDouble.of(statements.map(RoundTrips::count)
                                .orElse(0L)), "", true);
                    }
                    throw e;
                }
            }
            double firstCallMicros = (System.nanoTime() - start) / 1_000.0;
            if (firstCallMicros > deadlineMicros) {
                return new Probe(firstCallMicros, OptionalDouble.of(statements.map(RoundTrips::count).orElse(0L)),
                        answer, false);
            }
            int calls = firstCallMicros > SLOW_PROBE_MICROS ? 1 : COUNTED_CALLS;
            statements.ifPresent(RoundTrips::reset);
            start = System.nanoTime();
            for (int call = 0; call < calls; call++) {
                workload.run();
            }
            double callMicros = (System.nanoTime() - start) / 1_000.0 / calls;
            double perCall = statements.map(counter -> counter.count() / (double) calls).orElse(0.0);
            return new Probe(callMicros, OptionalDouble.of(perCall), answer, false);
        } finally {
            workload.afterBatch();
        }
    }

    /** Cancels the database's running statements every 100 ms from a deadline on, until closed. */
    private static final class Watchdog implements AutoCloseable {
        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("benchmark-watchdog").factory());

        private final Optional<ScheduledFuture<?>> cancelling;
        private volatile boolean fired;

        private Watchdog(double deadlineMicros, Optional<Runnable> cancelStatements) {
            cancelling = cancelStatements.map(cancel -> TIMER.scheduleWithFixedDelay(() -> {
                fired = true;
                cancel.run();
            }, (long) deadlineMicros, 100_000, TimeUnit.MICROSECONDS));
        }

        static Watchdog start(double deadlineMicros, Optional<Runnable> cancelStatements) {
            return new Watchdog(deadlineMicros, cancelStatements);
        }

        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            cancelling.ifPresent(future -> future.cancel(false));
        }
    }

    /** @return the median in microseconds per call */
    private double time(Task task, Contender contender, double probeMicros) throws Exception {
        var answer = contender.prepare(task);
        var workload = ((Contender.Answer.Ready) answer).workload();
        String key = "w" + KEYS.incrementAndGet();
        WorkloadBenchmark.register(key, workload);
        try {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(Pattern.quote(WorkloadBenchmark.class.getName() + ".run"))
                    .param("workload", key)
                    .forks(0)
                    .threads(1)
                    .timeUnit(TimeUnit.MICROSECONDS)
                    .warmupIterations(timing.warmupIterations())
                    .measurementIterations(timing.iterations())
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.SILENT);
            if (task.operation().kind() == Operation.Kind.WRITE) {
                int batch = batchSize(probeMicros);
                options.mode(Mode.SingleShotTime)
                        .param("batchSize", Integer.toString(batch))
                        .warmupBatchSize(batch)
                        .measurementBatchSize(batch);
                return run(options) / batch;
            }
            var iteration = TimeValue.milliseconds(timing.iterationTime().toMillis());
            options.mode(Mode.SampleTime).warmupTime(iteration).measurementTime(iteration);
            return run(options);
        } finally {
            WorkloadBenchmark.unregister(key);
        }
    }

    private int batchSize(double probeMicros) {
        double perIteration = timing.iterationTime().toNanos() / 1_000.0;
        return (int) Math.max(1, Math.min(LARGEST_BATCH, Math.round(perIteration / Math.max(probeMicros, 1))));
    }

    private static double run(ChainedOptionsBuilder options) throws RunnerException {
        var result = new Runner(options.build()).runSingle();
        return result.getPrimaryResult().getStatistics().getPercentile(50);
    }

    /** @return the answer in a few words, the same for every contender that agrees */
    static String describe(Task task, Object result) {
        return switch (task.operation()) {
            case FLOOR -> Boolean.TRUE.equals(result) ? "1 row" : "no row";
            case CHECK_KNOWN, CHECK_UNKNOWN, CHECK_AT_DEPTH, CHECK_WITH_GROUPS ->
                    Boolean.TRUE.equals(result) ? "allowed" : "denied";
            case CHECK_ALL -> allowedCount(result) + " allowed";
            case FIRST_PAGE_NARROW, DEEP_PAGE_NARROW, FIRST_PAGE_BROAD, DEEP_PAGE_BROAD ->
                    ((Page<?>) result).items().size() + " resources";
            case COUNT_BROAD -> result + " resources";
            case WHO_CAN -> ((Collection<?>) result).size() + " users";
            case GRANT -> "granted";
            case REVOKE -> "revoked";
            case MOVE_SUBTREE -> "moved";
            case SIGN_IN -> "signed in";
        };
    }

    private static long allowedCount(Object result) {
        return switch (result) {
            case Map<?, ?> answers -> answers.values().stream().filter(Boolean.TRUE::equals).count();
            case Collection<?> answers -> answers.stream().filter(Boolean.TRUE::equals).count();
            case Number count -> count.longValue();
            default -> throw new IllegalArgumentException("not a checkAll answer: " + result);
        };
    }
}
