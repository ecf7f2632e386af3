package dev.gatehouse.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchmarks/run S} as a smoke test: the whole suite at size S with the shortest JMH timing, on an idle CPU
 * only, on H2 (and PostgreSQL when {@code GATEHOUSE_TEST_DATABASES} names it). It asserts that every operation
 * produced an answer and a statement count, never how fast anything was.
 */
@DisplayName("The benchmark suite at size S")
class BenchmarkSuiteSmokeTest {
    @Test
    @DisplayName("times every operation, counts its statements and reports it")
    void runsEveryOperation(@TempDir Path output) throws Exception {
        var databases = TestDatabases.requested().stream()
                .filter(database -> database.kind() != TestDatabase.Kind.MARIADB)
                .toList();
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        var settings = new BenchmarkSuite.Settings(DataSize.S, World.DEFAULT_SEED, databases, JmhTiming.smoke(),
                false, Duration.ofMillis(250), quiet);

        var results = BenchmarkSuite.run(settings);

        assertThat(results.measurements())
                .as("no task failed")
                .noneMatch(measurement -> measurement.notMeasured().orElse("").startsWith(Measurer.FAILED));
        var answered = results.measurements().stream().filter(Measurement::measured).toList();
        assertThat(answered).allSatisfy(measurement -> {
            assertThat(measurement.idleMicros()).as("timing of %s", measurement).isPresent();
            assertThat(measurement.statements()).as("statements of %s", measurement).isPresent();
            assertThat(measurement.answer()).as("answer of %s", measurement).isNotBlank();
        });
        assertThat(answered.stream().map(Measurement::task).distinct())
                .as("every task is answered by some contender")
                .containsExactlyInAnyOrderElementsOf(BenchmarkSuite.tasks(DataSize.S));
        for (var database : databases) {
            assertThat(answered).as("Gatehouse answered on %s", database.kind().id())
                    .anyMatch(measurement -> measurement.isGatehouse()
                            && measurement.where().equals(database.kind().id()));
        }

        var report = new Report(results);
        var chart = output.resolve("chart.png");
        LatencyChart.write(results, chart);
        assertThat(report.document(chart.getFileName().toString())).contains("| operation |").doesNotContain("{{");
        assertThat(Files.size(chart)).isPositive();
        System.out.println(report.resultsTable());
    }
}
