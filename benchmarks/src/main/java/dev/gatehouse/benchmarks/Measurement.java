package dev.gatehouse.benchmarks;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the suite found for one contender on one task.
 *
 * @param task the question
 * @param contender the contender's name
 * @param where {@code h2}, {@code postgresql} or {@code memory}
 * @param notMeasured why there is no figure: the contender does not answer the question, or running it would take
 *     too long; empty when measured
 * @param idleMicros the median, in microseconds, with no other load on the machine
 * @param loadedMicros the median with one core kept busy by a spinning thread (empty when not measured)
 * @param statements SQL statements per call, counted outside the timed runs (0 in memory)
 * @param answer the answer, summarised ("allowed", "37 of 100 allowed", "50 resources", …)
 * @param method how the figures were obtained
 */
public record Measurement(
        Task task,
        String contender,
        String where,
        Optional<String> notMeasured,
        OptionalDouble idleMicros,
        OptionalDouble loadedMicros,
        OptionalDouble statements,
        String answer,
        Method method) {

    /** How a measurement's figures were obtained. */
    public enum Method {
        /** JMH's median, idle and (if asked) loaded. */
        JMH,
        /** One call, too slow to repeat under JMH. */
        ONE_CALL,
        /** The call was cancelled at the deadline: the figure is a lower bound. */
        ABORTED
    }

    static Measurement notMeasured(Task task, Contender contender, String reason) {
        return new Measurement(task, contender.name(), contender.where(), Optional.of(reason), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), "", Method.JMH);
    }

    public boolean measured() {
        return notMeasured.isEmpty();
    }

    /** @return whether the contender is one of Gatehouse's backends */
    public boolean isGatehouse() {
        return contender.startsWith("gatehouse-");
    }

    /** @return whether it ran on a SQL database */
    public boolean onSql() {
        return !where.equals("memory");
    }
}
