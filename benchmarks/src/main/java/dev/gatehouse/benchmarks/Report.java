package dev.gatehouse.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Turns a run's {@link BenchmarkSuite.Results} into markdown: the results table with ratios against the floor and
 * the peers, the two axes, the goals of DESIGN §9 met or not, and the whole {@code docs/benchmarks.md}.
 */
final class Report {
    private static final String FLOOR = "floor (plain JDBC)";
    private static final List<String> PEERS = List.of("spring-acl", "spring-acl (cached)", "jcasbin");

    private final BenchmarkSuite.Results results;
    private final List<Measurement> measurements;

    Report(BenchmarkSuite.Results results) {
        this.results = results;
        this.measurements = results.measurements();
    }

    /** @return one line for the progress log */
    static String progressLine(Measurement measurement) {
        return measurement.task().label() + " · " + measurement.contender() + " on " + measurement.where() + ": "
                + measurement.idleMicros().stream().mapToObj(Report::time).findFirst().orElse("?") + " idle"
                + measurement.loadedMicros().stream().mapToObj(value -> ", " + time(value) + " loaded")
                .findFirst().orElse("")
                + " · " + statements(measurement) + " statements · " + measurement.answer()
                + switch (measurement.method()) {
                    case JMH -> "";
                    case ONE_CALL -> " · one call, too slow to repeat";
                    case ABORTED -> " · cancelled at the deadline";
                };
    }

    /** @return the table of medians of every operation (the axes aside), with ratios */
    String resultsTable() {
        var table = new StringBuilder();
        table.append("| operation | database | contender | p50 idle | p50 loaded | SQL statements | answer | × floor");
        PEERS.forEach(peer -> table.append(" | × ").append(peer));
        table.append(" |\n|---|---|---|--:|--:|--:|---|--:");
        PEERS.forEach(peer -> table.append("|--:"));
        table.append("|\n");
        for (var measurement : measurements) {
            if (!measurement.measured() || measurement.task().operation().isAxis()) {
                continue;
            }
            table.append("| ").append(measurement.task().label())
                    .append(" | ").append(measurement.where())
                    .append(" | ").append(measurement.contender())
                    .append(" | ").append(figure(measurement))
                    .append(" | ").append(measurement.loadedMicros().stream().mapToObj(Report::time).findFirst()
                            .orElse("—"))
                    .append(" | ").append(statements(measurement))
                    .append(" | ").append(measurement.answer())
                    .append(" | ").append(ratio(measurement, FLOOR, Task.of(Operation.FLOOR)));
            PEERS.forEach(peer -> table.append(" | ").append(ratio(measurement, peer, measurement.task())));
            table.append(" |\n");
        }
        return table.toString().stripTrailing();
    }

    /**
     * @return an axis as a table: one row per contender, one column per point with the "idle (loaded)" medians, and
     *     the SQL statements per call at each point
     */
    String axisTable(Operation axis) {
        var points = points(axis);
        var table = new StringBuilder("| contender | database");
        points.forEach(point -> table.append(" | ").append(axis == Operation.CHECK_AT_DEPTH ? "depth " : "")
                .append(point).append(axis == Operation.CHECK_WITH_GROUPS ? (point == 1 ? " group" : " groups") : ""));
        table.append(" | SQL statements |\n|---|---");
        points.forEach(point -> table.append("|--:"));
        table.append("|---|\n");
        for (var series : axisSeries(axis).entrySet()) {
            table.append("| ").append(series.getKey().replace(" on ", " | "));
            var statements = new ArrayList<String>();
            for (int point : points) {
                var measurement = series.getValue().get(point);
                table.append(" | ").append(measurement == null ? "—" : figure(measurement)
                        + measurement.loadedMicros().stream().mapToObj(value -> " (" + time(value) + ")")
                        .findFirst().orElse(""));
                statements.add(measurement == null ? "—" : statements(measurement).replace(" (memory)", ""));
            }
            table.append(" | ").append(String.join(" · ", statements)).append(" |\n");
        }
        return table.toString().stripTrailing();
    }

    /** @return "contender on database" → point → measurement, for the answered measurements of an axis */
    Map<String, Map<Integer, Measurement>> axisSeries(Operation axis) {
        var series = new LinkedHashMap<String, Map<Integer, Measurement>>();
        for (var measurement : measurements) {
            if (measurement.task().operation() == axis && measurement.measured()) {
                series.computeIfAbsent(measurement.contender() + " on " + measurement.where(),
                        key -> new LinkedHashMap<>()).put(measurement.task().point(), measurement);
            }
        }
        return series;
    }

    List<Integer> points(Operation axis) {
        return axis == Operation.CHECK_AT_DEPTH ? World.DEPTH_AXIS : results.settings().size().groupAxis();
    }

    /** @return DESIGN §9's goals for each Gatehouse SQL backend and database, met or not, idle and loaded */
    String goalsTable() {
        var table = new StringBuilder(
                "| goal (DESIGN §9) | backend | database | idle | loaded | verdict |\n|---|---|---|---|---|---|\n");
        var backends = new LinkedHashSet<String>();
        for (var measurement : measurements) {
            if (measurement.isGatehouse() && measurement.onSql() && measurement.measured()) {
                backends.add(measurement.contender() + "\t" + measurement.where());
            }
        }
        if (backends.isEmpty()) {
            return table.append("| every goal | — | — | — | — | not measured: no Gatehouse SQL backend ran |")
                    .toString();
        }
        for (var goal : goals()) {
            for (var backend : backends) {
                String contender = backend.split("\t")[0];
                String where = backend.split("\t")[1];
                if (!goal.appliesTo().test(where)) {
                    continue;
                }
                var idle = goal.judge().judge(where,
                        task -> median(contender, where, task, Measurement::idleMicros));
                var loaded = goal.judge().judge(where,
                        task -> median(contender, where, task, Measurement::loadedMicros));
                table.append("| ").append(goal.text().apply(where)).append(" | ").append(contender).append(" | ")
                        .append(where).append(" | ").append(idle.figure()).append(" | ").append(loaded.figure())
                        .append(" | ").append(verdict(idle, loaded)).append(" |\n");
            }
        }
        return table.toString().stripTrailing();
    }

    /** @return the questions a contender does not answer or was not run on, and why */
    String notMeasuredTable() {
        var reasons = new LinkedHashMap<String, List<String>>();
        for (var measurement : measurements) {
            if (measurement.task().operation() == Operation.FLOOR || measurement.contender().equals(FLOOR)) {
                continue; // the floor answers its one question, and only the floor answers it
            }
            measurement.notMeasured().ifPresent(reason -> reasons
                    .computeIfAbsent(measurement.contender() + "\t" + reason, key -> new ArrayList<>())
                    .add(measurement.task().label()));
        }
        var table = new StringBuilder("| contender | not measured | why |\n|---|---|---|\n");
        reasons.forEach((key, tasks) -> table.append("| ").append(key.split("\t")[0]).append(" | ")
                .append(tasks.stream().distinct().collect(Collectors.joining(", "))).append(" | ")
                .append(key.split("\t")[1]).append(" |\n"));
        return table.toString().stripTrailing();
    }

    String loadingTable() {
        var table = new StringBuilder("| what | where | time | heap kept |\n|---|---|--:|--:|\n");
        for (var loading : results.loadings()) {
            table.append("| ").append(loading.what()).append(" | ").append(loading.where()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f s", loading.time().toMillis() / 1_000.0))
                    .append(" | ").append(loading.heapBytes().stream()
                            .mapToObj(bytes -> String.format(Locale.ROOT, "~%.0f MiB", bytes / 1024.0 / 1024.0))
                            .findFirst().orElse("—"))
                    .append(" |\n");
        }
        return table.toString().stripTrailing();
    }

    /** @return the whole {@code docs/benchmarks.md}; {@code chartLink} is the chart's path relative to it, or empty */
    String document(String chartLink) {
        var settings = results.settings();
        var world = results.world();
        var machine = results.machine();
        var landmarks = world.landmarks();
        var values = new LinkedHashMap<String, String>();
        values.put("size", settings.size().name());
        values.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        values.put("machine", "- " + machine.processors() + " processors (`nproc`), " + machine.memory()
                + " of memory\n- CPU: " + machine.cpuModel() + "\n- JDK: " + machine.jdk() + "\n- OS: " + machine.os()
                + "\n- load average (1 / 5 / 15 min) when the run ended: " + machine.loadAverage() + "\n"
                + results.databaseVersions().stream().map(version -> "- " + version)
                        .collect(Collectors.joining("\n")));
        values.put("timing", settings.timing() + (settings.alsoLoaded() ? ", idle then loaded" : ", idle only"));
        values.put("slow-limit", time(settings.slowCallLimit().toNanos() / 1_000.0));
        values.put("skip-limit", time(settings.slowCallLimit().toNanos() / 100.0));
        values.put("data", String.format(Locale.ROOT, "%,d resources (%,d in the forest, a %d-deep spine, a %,d-node "
                        + "subtree to move), %,d users, %,d groups, %,d memberships, %,d grants, %,d Deny entries; "
                        + "seed %d", world.resourceCount(), world.forestSize(), World.SPINE_DEPTH,
                World.MOVED_SUBTREE_SIZE, world.userCount(), world.groupCount(), world.membershipCount(),
                world.grantCount(), world.denyCount(), world.seed()));
        values.put("narrow", String.format(Locale.ROOT, "%,d", landmarks.narrowAccessible()));
        values.put("broad", String.format(Locale.ROOT, "%,d", landmarks.broadAccessible()));
        values.put("loading", loadingTable());
        values.put("results", resultsTable());
        values.put("depth-axis", axisTable(Operation.CHECK_AT_DEPTH));
        values.put("group-axis", axisTable(Operation.CHECK_WITH_GROUPS));
        values.put("chart", chartLink.isEmpty() ? "(no chart was drawn in this run)"
                : "![p50 of check against tree depth and group count](" + chartLink + ")");
        values.put("goals", goalsTable());
        values.put("not-measured", notMeasuredTable());
        String text = template();
        for (var value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return text;
    }

    private static String template() {
        try (InputStream in = Report.class.getResourceAsStream("benchmarks-template.md")) {
            if (in == null) {
                throw new IllegalStateException("benchmarks-template.md is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- goals

    private record Verdict(String figure, Optional<Boolean> met) {
        static Verdict notMeasured() {
            return new Verdict("not measured", Optional.empty());
        }
    }

    /** Judges a goal from one backend's medians (idle or loaded) on one database. */
    private interface Judge {
        Verdict judge(String where, Function<Task, OptionalDouble> median);
    }

    /**
     * A goal of DESIGN §9.
     *
     * @param text what it says, for a database
     * @param appliesTo on which databases it is stated
     * @param judge how it is judged
     */
    private record Goal(Function<String, String> text, Predicate<String> appliesTo, Judge judge) {
        static Goal everywhere(String text, Judge judge) {
            return new Goal(where -> text, where -> true, judge);
        }
    }

    private List<Goal> goals() {
        var groupPoints = results.settings().size().groupAxis();
        int mostGroups = groupPoints.get(groupPoints.size() - 1);
        int broad = results.world().landmarks().broadAccessible();
        return List.of(
                new Goal(where -> "check, cache miss, p50 ≤ " + checkTarget(where) + " µs", where -> true,
                        (where, median) -> atMost(median.apply(Task.of(Operation.CHECK_KNOWN)), checkTarget(where))),
                Goal.everywhere("check flat (±10%) from depth 2 to depth 256", Report::flatInDepth),
                Goal.everywhere("check within +25% from 1 to " + mostGroups + " groups",
                        (where, median) -> growthWithGroups(median, groupPoints)),
                Goal.everywhere("checkAll of 100 ≤ 300 µs",
                        (where, median) -> atMost(median.apply(Task.of(Operation.CHECK_ALL)), 300)),
                Goal.everywhere("a page of accessible resources ≤ 2 ms (worst of first/deep, narrow/broad)",
                        (where, median) -> worstPage(median)),
                Goal.everywhere(String.format(Locale.ROOT, "count of 10^6 permitted ≤ 150 ms (%,d permitted here)",
                        broad), (where, median) -> count(median, broad)),
                new Goal(where -> "grant one entry ≤ 1 ms", where -> where.equals("postgresql"),
                        (where, median) -> atMost(median.apply(Task.of(Operation.GRANT)), 1_000)),
                new Goal(where -> "revoke one entry ≤ 1 ms", where -> where.equals("postgresql"),
                        (where, median) -> atMost(median.apply(Task.of(Operation.REVOKE)), 1_000)));
    }

    private static Verdict flatInDepth(String where, Function<Task, OptionalDouble> median) {
        var base = median.apply(new Task(Operation.CHECK_AT_DEPTH, 2));
        var deepest = median.apply(new Task(Operation.CHECK_AT_DEPTH, World.SPINE_DEPTH));
        if (base.isEmpty() || deepest.isEmpty()) {
            return Verdict.notMeasured();
        }
        double worst = 0;
        for (int depth : World.DEPTH_AXIS) {
            var value = median.apply(new Task(Operation.CHECK_AT_DEPTH, depth));
            if (depth >= 2 && value.isPresent()) {
                worst = Math.max(worst, Math.abs(value.getAsDouble() / base.getAsDouble() - 1));
            }
        }
        return new Verdict(time(base.getAsDouble()) + " → " + time(deepest.getAsDouble()) + ", worst ±"
                + percent(worst), Optional.of(worst <= 0.10));
    }

    private static Verdict growthWithGroups(Function<Task, OptionalDouble> median, List<Integer> points) {
        var base = median.apply(new Task(Operation.CHECK_WITH_GROUPS, 1));
        var most = median.apply(new Task(Operation.CHECK_WITH_GROUPS, points.get(points.size() - 1)));
        if (base.isEmpty() || most.isEmpty()) {
            return Verdict.notMeasured();
        }
        double worst = 0;
        for (int groups : points) {
            var value = median.apply(new Task(Operation.CHECK_WITH_GROUPS, groups));
            if (value.isPresent()) {
                worst = Math.max(worst, value.getAsDouble() / base.getAsDouble() - 1);
            }
        }
        return new Verdict(time(base.getAsDouble()) + " → " + time(most.getAsDouble()) + ", worst +"
                + percent(worst), Optional.of(worst <= 0.25));
    }

    private static Verdict worstPage(Function<Task, OptionalDouble> median) {
        double worst = 0;
        for (var page : List.of(Operation.FIRST_PAGE_NARROW, Operation.DEEP_PAGE_NARROW, Operation.FIRST_PAGE_BROAD,
                Operation.DEEP_PAGE_BROAD)) {
            var value = median.apply(Task.of(page));
            if (value.isEmpty()) {
                return Verdict.notMeasured();
            }
            worst = Math.max(worst, value.getAsDouble());
        }
        return atMost(OptionalDouble.of(worst), 2_000);
    }

    /** With fewer than 10^6 permitted only a miss is conclusive: a fast count of fewer proves nothing. */
    private static Verdict count(Function<Task, OptionalDouble> median, int permitted) {
        var count = median.apply(Task.of(Operation.COUNT_BROAD));
        if (count.isEmpty()) {
            return Verdict.notMeasured();
        }
        boolean fast = count.getAsDouble() <= 150_000;
        return new Verdict(time(count.getAsDouble()),
                fast && permitted < 1_000_000 ? Optional.empty() : Optional.of(fast));
    }

    private static int checkTarget(String where) {
        return where.equals("postgresql") ? 50 : 25;
    }

    private static Verdict atMost(OptionalDouble value, double limitMicros) {
        if (value.isEmpty()) {
            return Verdict.notMeasured();
        }
        return new Verdict(time(value.getAsDouble()), Optional.of(value.getAsDouble() <= limitMicros));
    }

    private static String verdict(Verdict idle, Verdict loaded) {
        if (idle.met().isEmpty() && loaded.met().isEmpty()) {
            return idle.figure().equals("not measured") ? "not measured" : "not conclusive at this size";
        }
        boolean idleMet = idle.met().orElse(false);
        boolean loadedMet = loaded.met().orElse(false);
        if (idleMet && loadedMet) {
            return "met";
        }
        if (idleMet) {
            return loaded.met().isEmpty() ? "met (idle; loaded not measured)" : "met idle only";
        }
        if (loadedMet) {
            return "met loaded only";
        }
        return "**not met**";
    }

    private OptionalDouble median(String contender, String where, Task task,
            Function<Measurement, OptionalDouble> which) {
        return measurements.stream()
                .filter(measurement -> measurement.contender().equals(contender) && measurement.where().equals(where)
                        && measurement.task().equals(task) && measurement.measured())
                .map(which)
                .filter(OptionalDouble::isPresent)
                .findFirst()
                .orElse(OptionalDouble.empty());
    }

    // ---- formatting

    /** @return the idle median, marked when it comes from one call or is a lower bound */
    private static String figure(Measurement measurement) {
        String time = measurement.idleMicros().stream().mapToObj(Report::time).findFirst().orElse("—");
        return switch (measurement.method()) {
            case JMH -> time;
            case ONE_CALL -> time + " (1 call)";
            case ABORTED -> "> " + time;
        };
    }

    /** @return this measurement's idle median over the other contender's, on the same database (jCasbin: memory) */
    private String ratio(Measurement measurement, String other, Task otherTask) {
        if (measurement.contender().equals(other)) {
            return "";
        }
        String where = other.equals("jcasbin") ? "memory" : measurement.where();
        if (other.equals(FLOOR) && where.equals("memory")) {
            return "—";
        }
        ToDoubleFunction<OptionalDouble> value = optional -> optional.orElse(Double.NaN);
        double mine = value.applyAsDouble(measurement.idleMicros());
        double theirs = value.applyAsDouble(median(other, where, otherTask, Measurement::idleMicros));
        if (Double.isNaN(mine) || Double.isNaN(theirs) || theirs == 0) {
            return "—";
        }
        double ratio = mine / theirs;
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : ratio >= 0.1 ? "%.2f×" : "%.3f×", ratio);
    }

    static String statements(Measurement measurement) {
        if (!measurement.onSql()) {
            return "— (memory)";
        }
        double value = measurement.statements().orElse(Double.NaN);
        String count = value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return measurement.method() == Measurement.Method.ABORTED ? "≥ " + count : count;
    }

    /** @return a duration given in microseconds, in the unit that reads best */
    static String time(double micros) {
        if (micros < 100) {
            return String.format(Locale.ROOT, "%.1f µs", micros);
        }
        if (micros < 1_000) {
            return String.format(Locale.ROOT, "%.0f µs", micros);
        }
        if (micros < 100_000) {
            return String.format(Locale.ROOT, "%.2f ms", micros / 1_000);
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f ms", micros / 1_000);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
