package dev.gatehouse.benchmarks;

/**
 * A library under test, over one database or in memory, answering the benchmark's {@link Task}s. Implementations
 * are thread-safe as far as preparing goes; the workloads they return are used from one thread.
 */
public interface Contender {
    /** @return a short name for the table: {@code gatehouse-jdbi}, {@code spring-acl}, {@code jcasbin}, … */
    String name();

    /** @return where its data lives: {@code h2}, {@code postgresql} or {@code memory} */
    String where();

    /** @return the task ready to run, or why this contender does not answer it */
    Answer prepare(Task task) throws Exception;

    /** How a contender answers a task. */
    sealed interface Answer {
        /** It answers with this workload. */
        record Ready(Workload workload) implements Answer {}

        /** It does not answer this question; the reason goes into the report. */
        record NotAnswered(String reason) implements Answer {}
    }

    static Answer ready(Workload workload) {
        return new Answer.Ready(workload);
    }

    static Answer notAnswered(String reason) {
        return new Answer.NotAnswered(reason);
    }
}
